import { createPublicKey } from 'node:crypto';
import {
  AuditError,
  MAX_NOTE_SIGNATURES,
  formatNoteKeyId,
  formatVerifierKey,
  noteKeyId,
  noteKeyNameProblem,
  noteSigner,
  noteVerifier,
  openNote,
  parseNote,
  parseVerifierKey,
  signNote,
} from '../src';
import { expectCode, keyFromGoSignerKey, newKey } from './fixtures';

// golang.org/x/mod sumdb/note/note_test.go (TestNewSigner, TestSign, TestOpen, TestVerifierList).
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

// golang.org/x/mod sumdb/client_test.go: a key name with "." and "/", like Vigil's origins.
const SUMDB_SKEY =
  'PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk';
const SUMDB_VKEY = 'localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6';

// c2sp.org/signed-note v1.0.0, "Verifier keys" > "Example".
const C2SP_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_NOTE =
  'This is an example message.\n\n' +
  '— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

const peter = () => keyFromGoSignerKey(PETER_SKEY);

describe('signed-note keys', () => {
  it('computes key ids and vkeys exactly as Go does', () => {
    const key = peter();
    expect(noteKeyId('PeterNeumann', key)).toBe(0xc74f20a3);
    expect(formatVerifierKey('PeterNeumann', key)).toBe(PETER_VKEY);
    expect(formatVerifierKey('PeterNeumann', createPublicKey(key))).toBe(PETER_VKEY);
    expect(formatVerifierKey('localhost.localdev/sumdb', keyFromGoSignerKey(SUMDB_SKEY))).toBe(
      SUMDB_VKEY,
    );
    expect(formatNoteKeyId(0xc74f20a3)).toBe('c74f20a3');
    expect(formatNoteKeyId(0xc67)).toBe('00000c67');
  });

  it('gives one key different ids under different names', () => {
    const { privateKey } = newKey();
    expect(noteKeyId('vigil/t/0', privateKey)).not.toBe(noteKeyId('vigil/t/1', privateKey));
  });

  it('parses vkeys back to the name, id and key', () => {
    for (const vkey of [PETER_VKEY, ENOCH_VKEY, SUMDB_VKEY, C2SP_VKEY]) {
      const parsed = parseVerifierKey(vkey);
      expect(formatVerifierKey(parsed.name, parsed.publicKey)).toBe(vkey);
      expect(formatNoteKeyId(parsed.keyId)).toBe(vkey.split('+')[1]);
    }
  });

  it('refuses every mangling of a vkey, as Go TestNewVerifier does', () => {
    let checked = 0;
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue;
        expectCode(() => parseVerifierKey(PETER_VKEY.slice(i, j)), 'INVALID_KEY');
        checked++;
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const bumped =
        PETER_VKEY.slice(0, i) +
        String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) +
        PETER_VKEY.slice(i + 1);
      expectCode(() => parseVerifierKey(bumped), 'INVALID_KEY');
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
    // Wrong key length and unknown algorithm, each with a matching key id (from Go's test).
    expectCode(
      () =>
        parseVerifierKey(
          'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
        ),
      'INVALID_KEY',
    );
    expectCode(
      () => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
      'INVALID_KEY',
    );
    // Upper-case hex: Go's strconv accepts it, but the spec's hex is lower case and Go writes it so.
    expectCode(() => parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'C74F20A3')), 'INVALID_KEY');
  });

  it('accepts key names the spec allows and refuses the rest', () => {
    for (const ok of ['a', 'example.com/log42', 'vigil/access-events/0', 'ünïcode/ok', 'a=b']) {
      expect(noteKeyNameProblem(ok)).toBeUndefined();
    }
    // Empty, ASCII and Unicode spaces (NBSP, NEL, ideographic space), "+", controls.
    for (const bad of ['', 'a b', 'a\tb', 'a\u00a0b', 'a\u0085b', 'a\u3000b', 'a+b', 'a\u0001b']) {
      expect(noteKeyNameProblem(bad)).toBeDefined();
      expectCode(() => noteSigner(bad, newKey().privateKey), 'INVALID_ARGUMENT');
    }
    expect(noteKeyNameProblem(42)).toBeDefined();
  });
});

describe('signing notes', () => {
  it('reproduces Go note.Sign byte for byte', () => {
    const signer = noteSigner('PeterNeumann', peter());
    expect(signNote(TEXT, [signer])).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('writes one signature line per signer, in order', () => {
    const a = newKey();
    const b = newKey();
    const note = signNote('hello\n', [
      noteSigner('log/a', a.privateKey),
      noteSigner('log/b', b.privateKey),
    ]);
    const parsed = parseNote(note);
    expect(parsed.text).toBe('hello\n');
    expect(parsed.signatures.map((s) => s.name)).toEqual(['log/a', 'log/b']);
    const opened = openNote(note, [noteVerifier('log/b', b.publicKey)]);
    expect(opened.verified.map((s) => s.name)).toEqual(['log/b']);
    expect(opened.unverified.map((s) => s.name)).toEqual(['log/a']);
  });

  it('refuses texts that are not note texts', () => {
    const signer = noteSigner('n', newKey().privateKey);
    for (const bad of [
      '',
      'no final newline',
      'a\r\n',
      'tab\there\n',
      'nul\u0000\n',
      'lone \ud800\n',
    ]) {
      expectCode(() => signNote(bad, [signer]), 'MALFORMED_NOTE');
    }
    expectCode(() => signNote('x\n', []), 'INVALID_ARGUMENT');
  });

  it('signs texts with empty lines, which the last blank line still separates', () => {
    const { privateKey, publicKey } = newKey();
    for (const text of ['\n', 'a\n\nb\n', 'a\n\n\n', 'é — ü\n']) {
      const note = signNote(text, [noteSigner('n', privateKey)]);
      expect(openNote(note, [noteVerifier('n', publicKey)]).text).toBe(text);
      expect(openNote(Buffer.from(note, 'utf8'), [noteVerifier('n', publicKey)]).text).toBe(text);
    }
  });
});

describe('opening notes', () => {
  const peterV = () => parseVerifierKey(PETER_VKEY);
  const enochV = () => parseVerifierKey(ENOCH_VKEY);
  const both = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;

  it('opens the signed-note spec example with its vkey', () => {
    const opened = openNote(C2SP_NOTE, [parseVerifierKey(C2SP_VKEY)]);
    expect(opened.text).toBe('This is an example message.\n');
    expect(opened.verified).toHaveLength(1);
    expect(formatNoteKeyId(opened.verified[0]?.keyId as number)).toBe('530d903a');
  });

  it('verifies known keys and sets unknown ones aside (Go TestOpen)', () => {
    let opened = openNote(both, [peterV()]);
    expect(opened.text).toBe(TEXT);
    expect(opened.verified.map((s) => [s.name, s.keyId])).toEqual([['PeterNeumann', 0xc74f20a3]]);
    expect(opened.unverified.map((s) => [s.name, s.keyId])).toEqual([['EnochRoot', 0xaf0cfe78]]);
    opened = openNote(both, [peterV(), enochV()]);
    expect(opened.verified.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(opened.unverified).toEqual([]);
  });

  it('refuses a note no known key signed with UNKNOWN_KEY', () => {
    expectCode(() => openNote(both, []), 'UNKNOWN_KEY');
    // A known name with another id, or a known id with another name, is another key.
    const otherId = { ...peterV(), keyId: 0xc74f20a4 };
    expectCode(() => openNote(both, [otherId]), 'UNKNOWN_KEY');
    const otherName = { ...peterV(), name: 'PeterNeuman' };
    expectCode(() => openNote(both, [otherName]), 'UNKNOWN_KEY');
  });

  it('refuses the whole note when a known key signature fails, repeats included', () => {
    const mangled = `${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expectCode(() => openNote(`${TEXT}\n${mangled}`, [peterV()]), 'BAD_SIGNATURE');
    // Go checks only the first of repeated signatures by one key; we check them all.
    expectCode(() => openNote(`${TEXT}\n${PETER_SIG}${mangled}`, [peterV()]), 'BAD_SIGNATURE');
    // A signature by the right key over other text.
    expectCode(() => openNote(`${TEXT}x\n\n${PETER_SIG}`, [peterV()]), 'BAD_SIGNATURE');
    // A 4-byte id with a signature of the wrong length.
    expectCode(() => openNote(`${TEXT}\n— PeterNeumann x08go/8=\n`, [peterV()]), 'BAD_SIGNATURE');
  });

  it('reports repeated signatures once (Go TestOpen)', () => {
    const enochMangled = `${ENOCH_SIG.slice(0, 60)}ABCD${ENOCH_SIG.slice(60)}`;
    const opened = openNote(
      `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochMangled}`,
      [peterV()],
    );
    expect(opened.verified).toHaveLength(1);
    expect(opened.unverified).toHaveLength(2);
  });

  it('refuses ambiguous verifier lists with INVALID_KEY', () => {
    const impostor = { ...peterV(), publicKey: newKey().publicKey };
    expectCode(() => openNote(both, [peterV(), impostor]), 'INVALID_KEY');
    // The same key twice is not ambiguous.
    expect(openNote(both, [peterV(), peterV()]).verified).toHaveLength(1);
  });

  it('refuses malformed notes with MALFORMED_NOTE (Go TestOpen bad messages and more)', () => {
    const bad = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${TEXT}\n${PETER_SIG}`,
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n${PETER_SIG.replace('— ', '- ')}`,
      `${TEXT}\n${PETER_SIG.replace('— ', '—')}`,
      `${TEXT}\n— PeterNeumann\n`,
      `${TEXT}\n— PeterNeumann \n`,
      `${TEXT}\n— PeterNeumann AAAAAA==\n`, // 4 bytes: a key id and no signature
      `${TEXT}\n${PETER_SIG.replace('AM=', 'AN=')}`, // non-canonical base64 (padding bits set)
      `${TEXT}\n${PETER_SIG.replace('\n', '\r\n')}`,
      `${TEXT}\n${PETER_SIG.replace('PeterNeumann', 'Peter+Neumann')}`,
    ];
    for (const note of bad) {
      expect(() => openNote(note, [peterV()])).toThrow(
        expect.objectContaining({ code: 'MALFORMED_NOTE' }),
      );
    }
    // Bytes that are not UTF-8 (Go: "\xff" + text).
    const invalid = Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`)]);
    expectCode(() => openNote(invalid, [peterV()]), 'MALFORMED_NOTE');
    expectCode(() => openNote(42 as unknown as string, [peterV()]), 'MALFORMED_NOTE');
  });

  it('accepts at least 16 signatures and refuses more than 100 (Go)', () => {
    const others = Array.from({ length: 15 }, (_, i) =>
      signNote(TEXT, [noteSigner(`other${i}`, newKey().privateKey)]).slice(TEXT.length + 1),
    );
    expect(openNote(`${TEXT}\n${others.join('')}${PETER_SIG}`, [peterV()]).unverified).toHaveLength(
      15,
    );
    expectCode(
      () => openNote(`${TEXT}\n${PETER_SIG.repeat(MAX_NOTE_SIGNATURES + 1)}`, [peterV()]),
      'MALFORMED_NOTE',
    );
    expect(
      openNote(`${TEXT}\n${PETER_SIG.repeat(MAX_NOTE_SIGNATURES)}`, [peterV()]).verified,
    ).toHaveLength(1);
  });

  it('keeps a leading byte-order mark as signed text', () => {
    const { privateKey, publicKey } = newKey();
    const note = signNote('\ufeffbom\n', [noteSigner('n', privateKey)]);
    const bytes = Buffer.from(note, 'utf8');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(openNote(bytes, [noteVerifier('n', publicKey)]).text).toBe('\ufeffbom\n');
  });

  it('throws AuditErrors whose messages contain no key material', () => {
    try {
      openNote(`${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`, [peterV()]);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(AuditError);
      expect((error as AuditError).message).toBe(
        'note signature by PeterNeumann+c74f20a3 does not verify',
      );
    }
  });
});
