import {
  MAX_PROOF_LINES,
  consistencyProof,
  formatAddCheckpoint,
  formatProofLines,
  leafHash,
  openCheckpoint,
  parseAddCheckpoint,
  parseCheckpoint,
  parseNote,
  parseProofLines,
  rootFromLeafHashes,
  signCheckpoint,
  noteVerifier,
  verifyCheckpointConsistency,
} from '../src';
import { expectCode, newKey } from './fixtures';
import { hex } from './reference';

// c2sp.org/tlog-witness v1.0.0, "add-checkpoint", the example request body.
const WITNESS_EXAMPLE = `old 20852014
PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
— example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
`;

const leaves = Array.from({ length: 100 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

describe('proof lines', () => {
  it('are one standard base64 hash per line, each ending in a newline', () => {
    const proof = consistencyProof(leaves, 13, 77);
    const text = formatProofLines(proof);
    expect(text.split('\n')).toHaveLength(proof.length + 1);
    expect(text).toBe(proof.map((h) => `${Buffer.from(h).toString('base64')}\n`).join(''));
    expect(parseProofLines(text).map(hex)).toEqual(proof.map(hex));
    expect(formatProofLines([])).toBe('');
    expect(parseProofLines('')).toEqual([]);
  });

  it('refuses malformed lines with MALFORMED_PROOF', () => {
    const line = `${Buffer.alloc(32, 7).toString('base64')}\n`;
    const bad = [
      line.slice(0, -1), // no final newline
      `${line}\n`, // empty line
      ` ${line}`,
      `${Buffer.alloc(31).toString('base64')}\n`,
      `${Buffer.alloc(32).toString('base64url')}\n`,
      `${line.replace('c=', 'd=')}`, // non-canonical
      line.repeat(MAX_PROOF_LINES + 1),
    ];
    for (const text of bad) expectCode(() => parseProofLines(text), 'MALFORMED_PROOF');
    expect(parseProofLines(line.repeat(MAX_PROOF_LINES))).toHaveLength(MAX_PROOF_LINES);
    expectCode(() => formatProofLines([new Uint8Array(31)]), 'INVALID_ARGUMENT');
  });
});

describe('add-checkpoint bodies (tlog-witness)', () => {
  it('parses the tlog-witness spec example', () => {
    const request = parseAddCheckpoint(WITNESS_EXAMPLE);
    expect(request.oldSize).toBe(20852014);
    expect(request.proof).toHaveLength(4);
    expect(Buffer.from(request.proof[3] as Uint8Array).toString('base64')).toBe(
      '/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=',
    );
    expect(parseCheckpoint(parseNote(request.checkpoint).text).size).toBe(20852163);
    expect(parseNote(request.checkpoint).signatures).toHaveLength(2);
    expect(formatAddCheckpoint(request)).toBe(WITNESS_EXAMPLE);
  });

  it('carries a real consistency proof a witness can check', () => {
    const key = newKey();
    const origin = 'vigil/access-events/0';
    const at = (size: number) => ({
      origin,
      size,
      rootHash: rootFromLeafHashes(leaves.slice(0, size)),
    });
    const body = formatAddCheckpoint({
      oldSize: 30,
      proof: consistencyProof(leaves, 30, 100),
      checkpoint: signCheckpoint(at(100), key.privateKey),
    });
    // What a witness does with it: open the checkpoint, check the proof against its old state.
    const request = parseAddCheckpoint(body);
    const { checkpoint } = openCheckpoint(request.checkpoint, [
      noteVerifier(origin, key.publicKey),
    ]);
    expect(verifyCheckpointConsistency(at(request.oldSize), checkpoint, request.proof)).toEqual({
      ok: true,
    });
    // old 0: an empty proof, straight to the blank line.
    const fresh = formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: request.checkpoint });
    expect(fresh.startsWith('old 0\n\n')).toBe(true);
    expect(parseAddCheckpoint(fresh)).toEqual({
      oldSize: 0,
      proof: [],
      checkpoint: request.checkpoint,
    });
  });

  it('refuses malformed bodies with MALFORMED_PROOF', () => {
    const note = 'o\n1\nAAAA\n\n— o AAAAAA==\n';
    const h = `${Buffer.alloc(32).toString('base64')}\n`;
    for (const bad of [
      '',
      'old 5',
      `old 05\n\n${note}`,
      `old -1\n\n${note}`,
      `old 5\n${h}${note}`, // no blank line
      `old 5 \n\n${note}`,
      `Old 5\n\n${note}`,
      `old 5\nnot base64\n\n${note}`,
    ]) {
      expectCode(() => parseAddCheckpoint(bad), 'MALFORMED_PROOF');
    }
    expectCode(
      () => formatAddCheckpoint({ oldSize: -1, proof: [], checkpoint: note }),
      'INVALID_ARGUMENT',
    );
  });
});
