import {
  EMPTY_ROOT_HASH,
  checkpointOrigin,
  consistencyProof,
  formatCheckpoint,
  formatVerifierKey,
  leafHash,
  logNameProblem,
  noteSigner,
  noteVerifier,
  openCheckpoint,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  parseVigilOrigin,
  rootFromLeafHashes,
  signCheckpoint,
  signNote,
  verifyCheckpointConsistency,
  verifyCheckpointInclusion,
  inclusionProof,
  MerkleAccumulator,
  buildRecordTlogProof,
  formatProofLines,
  parseProofLines,
  verifyRecordTlogProof,
  type Checkpoint,
} from '../src';
import {
  EXAMPLE_CHECKPOINT_5,
  EXAMPLE_CHECKPOINT_6,
  EXAMPLE_CONSISTENCY_5_6,
  EXAMPLE_FRONTIER_6,
  EXAMPLE_KEY,
  EXAMPLE_LEAVES,
  EXAMPLE_LOG_NAME,
  EXAMPLE_ORIGIN,
  EXAMPLE_TLOG_PROOF,
  EXAMPLE_VKEY,
  exampleValue,
} from './c2sp-example';
import { expectCode, newKey } from './fixtures';

// c2sp.org/tlog-checkpoint v1.0.0, the example at the top of the spec.
const C2SP_BODY =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

const ORIGIN = 'vigil.example.com/audit/access-events/3';
const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`record ${i}`)));
const checkpointAt = (size: number, origin = ORIGIN): Checkpoint => ({
  origin,
  size,
  rootHash: rootFromLeafHashes(leaves.slice(0, size)),
});

describe('checkpoint bodies', () => {
  it('parses the tlog-checkpoint spec example and formats it back byte for byte', () => {
    const checkpoint = parseCheckpoint(C2SP_BODY);
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa');
    expect(checkpoint.size).toBe(20852163);
    expect(Buffer.from(checkpoint.rootHash).toString('base64')).toBe(
      'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=',
    );
    expect(checkpoint.extensions).toBeUndefined();
    expect(formatCheckpoint(checkpoint)).toBe(C2SP_BODY);
  });

  it('formats origin, decimal size and base64 root, one per line', () => {
    const checkpoint = checkpointAt(5);
    expect(formatCheckpoint(checkpoint)).toBe(
      `${ORIGIN}\n5\n${Buffer.from(checkpoint.rootHash).toString('base64')}\n`,
    );
    expect(formatCheckpoint({ origin: ORIGIN, size: 0, rootHash: EMPTY_ROOT_HASH })).toBe(
      `${ORIGIN}\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n`,
    );
  });

  it('round-trips extension lines', () => {
    const text = `${C2SP_BODY}ext one\n\u2603 two\n`;
    const checkpoint = parseCheckpoint(text);
    expect(checkpoint.extensions).toEqual(['ext one', '\u2603 two']);
    expect(formatCheckpoint(checkpoint)).toBe(text);
  });

  it('refuses every malformed body with MALFORMED_CHECKPOINT', () => {
    const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
    const bad = [
      '',
      'example.com/log\n5\n', // two lines
      `example.com/log\n5\n${root}`, // no final newline
      `\n5\n${root}\n`, // empty origin
      `example.com/log\n05\n${root}\n`, // leading zero
      `example.com/log\n+5\n${root}\n`,
      `example.com/log\n-5\n${root}\n`,
      `example.com/log\n 5\n${root}\n`,
      `example.com/log\n0x5\n${root}\n`,
      `example.com/log\n5.0\n${root}\n`,
      `example.com/log\n9007199254740992\n${root}\n`, // 2^53: beyond what this library handles
      `example.com/log\n5\n${root.slice(0, -1)}\n`, // not base64
      `example.com/log\n5\n${root.replace('I=', 'J=')}\n`, // non-canonical base64
      `example.com/log\n5\n${Buffer.alloc(31).toString('base64')}\n`, // 31 bytes
      `example.com/log\n5\n${Buffer.alloc(32).toString('base64url')}x\n`,
      `example.com/log\n5\n${root}\n\n`, // empty extension line
      `example.com/log\n5\n${root}\next\n\n`,
      `example.com/log\n5\n${root}\r\n`,
      `example.com/log\n0\n${root}\n`, // size 0 must have the empty root
    ];
    for (const text of bad) expectCode(() => parseCheckpoint(text), 'MALFORMED_CHECKPOINT');
  });

  it('refuses to format what it could not parse, naming the field', () => {
    const good = checkpointAt(3);
    const cases: [Partial<Checkpoint>, RegExp][] = [
      [{ origin: '' }, /origin/],
      [{ origin: 'has space' }, /origin/],
      [{ origin: 'has+plus' }, /origin/],
      [{ size: -1 }, /size/],
      [{ size: 1.5 }, /size/],
      [{ size: 2 ** 53 }, /size/],
      [{ rootHash: new Uint8Array(31) }, /rootHash/],
      [{ size: 0 }, /size 0/],
      [{ extensions: [''] }, /extension/],
      [{ extensions: ['a\nb'] }, /extension/],
    ];
    for (const [override, message] of cases) {
      expect(() => formatCheckpoint({ ...good, ...override })).toThrow(message);
      expectCode(() => formatCheckpoint({ ...good, ...override }), 'INVALID_ARGUMENT');
    }
  });
});

describe('origins', () => {
  it('are <log name>/<topic>/<partition> and split back', () => {
    expect(checkpointOrigin('vigil.example.com/audit', 'access-events', 3)).toBe(ORIGIN);
    expect(parseVigilOrigin(ORIGIN)).toEqual({
      logName: 'vigil.example.com/audit',
      topic: 'access-events',
      partition: 3,
    });
    expect(parseVigilOrigin('vigil/t.x_y-z/2147483647')).toEqual({
      logName: 'vigil',
      topic: 't.x_y-z',
      partition: 2147483647,
    });
  });

  it('validate the log name', () => {
    for (const ok of ['vigil', 'example.com/log42', 'host:8443/a/b', 'a~b']) {
      expect(logNameProblem(ok)).toBeUndefined();
    }
    for (const bad of ['', '/vigil', 'vigil/', 'a//b', 'a b', 'a+b', 'ünï', 'x'.repeat(201), 7]) {
      expect(logNameProblem(bad)).toBeDefined();
    }
    expectCode(() => checkpointOrigin('a b', 't', 0), 'INVALID_ARGUMENT');
    expectCode(() => checkpointOrigin('vigil', 'bad/topic', 0), 'INVALID_ARGUMENT');
    expectCode(() => checkpointOrigin('vigil', '..', 0), 'INVALID_ARGUMENT');
    expectCode(() => checkpointOrigin('vigil', 't', -1), 'INVALID_ARGUMENT');
    expectCode(() => checkpointOrigin('vigil', 't', 2 ** 31), 'INVALID_ARGUMENT');
  });

  it('refuses origins that are not Vigil origins with WRONG_ORIGIN', () => {
    for (const bad of [
      't/0',
      'vigil/t/00',
      'vigil/t/-1',
      'vigil/t/2147483648',
      'vigil//0',
      'a b/t/0',
    ]) {
      expectCode(() => parseVigilOrigin(bad), 'WRONG_ORIGIN');
    }
  });
});

describe('signed checkpoints', () => {
  const key = newKey();
  const vkey = formatVerifierKey(ORIGIN, key.publicKey);

  it('sign under the key name = origin and open with that vkey', () => {
    const checkpoint = checkpointAt(7);
    const note = signCheckpoint(checkpoint, key.privateKey);
    expect(note.startsWith(`${formatCheckpoint(checkpoint)}\n\u2014 ${ORIGIN} `)).toBe(true);
    const opened = openCheckpoint(note, [parseVerifierKey(vkey)], { origin: ORIGIN });
    expect(opened.checkpoint).toEqual(checkpoint);
    expect(opened.note.verified.map((s) => s.name)).toEqual([ORIGIN]);
  });

  it('keep verifying through a key rotation: each vkey alone opens a twice-signed note', () => {
    const next = newKey();
    const note = signCheckpoint(checkpointAt(9), [key.privateKey, next.privateKey]);
    expect(parseNote(note).signatures).toHaveLength(2);
    for (const k of [key, next]) {
      expect(openCheckpoint(note, [noteVerifier(ORIGIN, k.publicKey)]).checkpoint.size).toBe(9);
    }
  });

  it('are refused for another origin, by another log key, or when tampered with', () => {
    const note = signCheckpoint(checkpointAt(7), key.privateKey);
    const verifiers = [parseVerifierKey(vkey)];
    expectCode(
      () => openCheckpoint(note, verifiers, { origin: 'vigil.example.com/audit/access-events/4' }),
      'WRONG_ORIGIN',
    );
    // The same Ed25519 key under partition 4's name does not vouch for partition 3.
    const other = noteVerifier('vigil.example.com/audit/access-events/4', key.publicKey);
    expectCode(() => openCheckpoint(note, [other]), 'UNKNOWN_KEY');
    // A note over partition 3's text signed under partition 4's (trusted) name: not a log
    // signature of partition 3.
    const crossSigned = signNote(formatCheckpoint(checkpointAt(7)), [
      noteSigner('vigil.example.com/audit/access-events/4', key.privateKey),
    ]);
    expectCode(() => openCheckpoint(crossSigned, [other, ...verifiers]), 'UNKNOWN_KEY');
    const tampered = note.replace(`${ORIGIN}\n7\n`, `${ORIGIN}\n8\n`);
    expectCode(() => openCheckpoint(tampered, verifiers), 'BAD_SIGNATURE');
    expectCode(
      () => openCheckpoint(note.replace('\n7\n', '\n07\n'), verifiers),
      'MALFORMED_CHECKPOINT',
    );
    expectCode(() => openCheckpoint(note.replace('\n\n', '\n'), verifiers), 'MALFORMED_NOTE');
  });
});

describe('checkpoint consistency and inclusion', () => {
  it('accepts a proof from the smaller tree to the larger, in either argument order', () => {
    for (const [m, n] of [
      [0, 0],
      [0, 5],
      [3, 3],
      [3, 7],
      [4, 8],
      [7, 40],
    ] as const) {
      const proof = consistencyProof(leaves, m, n);
      expect(verifyCheckpointConsistency(checkpointAt(m), checkpointAt(n), proof)).toEqual({
        ok: true,
      });
      expect(verifyCheckpointConsistency(checkpointAt(n), checkpointAt(m), proof)).toEqual({
        ok: true,
      });
    }
  });

  it('reports a fork for two roots of one size, naming the origin and size', () => {
    const forked = { ...checkpointAt(7), rootHash: rootFromLeafHashes(leaves.slice(1, 8)) };
    const result = verifyCheckpointConsistency(checkpointAt(7), forked, []);
    expect(result).toMatchObject({ ok: false, code: 'FORK' });
    expect(!result.ok && result.message).toContain(
      `${ORIGIN}: two different roots for tree size 7`,
    );
  });

  it('reports a history rewrite as INVALID_PROOF naming both sizes', () => {
    const rewritten = Array.from(leaves);
    rewritten[2] = leafHash(Buffer.from('rewritten'));
    const newer = {
      origin: ORIGIN,
      size: 20,
      rootHash: rootFromLeafHashes(rewritten.slice(0, 20)),
    };
    for (const proof of [consistencyProof(leaves, 5, 20), consistencyProof(rewritten, 5, 20)]) {
      const result = verifyCheckpointConsistency(checkpointAt(5), newer, proof);
      expect(result).toMatchObject({ ok: false, code: 'INVALID_PROOF' });
      expect(!result.ok && result.message).toContain('size 20');
      expect(!result.ok && result.message).toContain('size 5');
    }
  });

  it('refuses checkpoints of two different logs', () => {
    const result = verifyCheckpointConsistency(checkpointAt(3), checkpointAt(3, 'vigil/x/0'), []);
    expect(result).toMatchObject({ ok: false, code: 'WRONG_ORIGIN' });
  });

  it('verifies inclusion of a leaf in a checkpoint', () => {
    const checkpoint = checkpointAt(13);
    for (let i = 0; i < 13; i++) {
      const proof = inclusionProof(leaves.slice(0, 13), i);
      expect(verifyCheckpointInclusion(checkpoint, i, leaves[i] as Uint8Array, proof)).toBe(true);
      expect(verifyCheckpointInclusion(checkpoint, i, leaves[i + 1] as Uint8Array, proof)).toBe(
        false,
      );
    }
  });
});

describe('the README worked example (format stability)', () => {
  const at = (size: number): Checkpoint => ({
    origin: EXAMPLE_ORIGIN,
    size,
    rootHash: rootFromLeafHashes(EXAMPLE_LEAVES.slice(0, size)),
  });

  it('reproduces the vkey, the signed checkpoints and the consistency proof byte for byte', () => {
    expect(checkpointOrigin(EXAMPLE_LOG_NAME, 'access-events', 3)).toBe(EXAMPLE_ORIGIN);
    expect(formatVerifierKey(EXAMPLE_ORIGIN, EXAMPLE_KEY)).toBe(EXAMPLE_VKEY);
    expect(signCheckpoint(at(5), EXAMPLE_KEY)).toBe(EXAMPLE_CHECKPOINT_5);
    expect(signCheckpoint(at(6), EXAMPLE_KEY)).toBe(EXAMPLE_CHECKPOINT_6);
    expect(formatProofLines(consistencyProof(EXAMPLE_LEAVES, 5, 6))).toBe(EXAMPLE_CONSISTENCY_5_6);
    const acc = new MerkleAccumulator();
    EXAMPLE_LEAVES.forEach((leaf) => acc.add(leaf));
    expect(acc.frontier().map((h) => Buffer.from(h).toString('base64'))).toEqual(
      EXAMPLE_FRONTIER_6,
    );
    expect(
      buildRecordTlogProof({
        topic: 'access-events',
        partition: 3,
        offset: 1202,
        value: exampleValue(1202),
        index: 2,
        proof: inclusionProof(EXAMPLE_LEAVES, 2),
        checkpoint: EXAMPLE_CHECKPOINT_6,
      }),
    ).toBe(EXAMPLE_TLOG_PROOF);
  });

  it('verifies with only the vkey', () => {
    const verifiers = [parseVerifierKey(EXAMPLE_VKEY)];
    const older = openCheckpoint(EXAMPLE_CHECKPOINT_5, verifiers).checkpoint;
    const newer = openCheckpoint(EXAMPLE_CHECKPOINT_6, verifiers).checkpoint;
    expect(
      verifyCheckpointConsistency(older, newer, parseProofLines(EXAMPLE_CONSISTENCY_5_6)),
    ).toEqual({ ok: true });
    expect(verifyRecordTlogProof(EXAMPLE_TLOG_PROOF, verifiers)).toMatchObject({
      ok: true,
      index: 2,
      record: { topic: 'access-events', partition: 3, offset: '1202' },
    });
  });
});
