import {
  StreamingProof,
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  leafHash,
  MerkleAccumulator,
  verifyConsistency,
  verifyInclusion,
} from '../src';
import { expectCode } from './fixtures';
import { seededRandom } from './random';
import { hex, inputs, refPath, refProof } from './reference';

const MAX = 40;
const data = inputs(2000);
const leaves = data.map(leafHash);

const streamed = (proof: StreamingProof): Uint8Array[] => {
  for (let i = 0; i < proof.needed; i++) proof.add(leaves[i] as Uint8Array);
  return proof.finish();
};

describe('streaming proofs', () => {
  // inclusionProof and consistencyProof are checked against a literal transcription of RFC 6962
  // for the same sizes in proofs.test.ts; comparing with them keeps this suite fast.
  it('equal RFC 6962 PATH and PROOF for every 0 <= size1 <= size2 <= 40', () => {
    for (let n = 0; n <= MAX; n++) {
      const tree = leaves.slice(0, n);
      for (let m = 0; m <= n; m++) {
        const proof = streamed(StreamingProof.consistency(m, n));
        expect([m, n, proof.map(hex)]).toEqual([m, n, consistencyProof(tree, m, n).map(hex)]);
        if (m < n) {
          const path = streamed(StreamingProof.inclusion(m, n));
          expect([m, n, path.map(hex)]).toEqual([m, n, inclusionProof(tree, m).map(hex)]);
        }
      }
    }
    // And directly against the reference for a few.
    expect(streamed(StreamingProof.inclusion(5, 13)).map(hex)).toEqual(
      refPath(5, data.slice(0, 13)).map(hex),
    );
    expect(streamed(StreamingProof.consistency(5, 13)).map(hex)).toEqual(
      refProof(5, data.slice(0, 13)).map(hex),
    );
  });

  it('equal the in-memory proofs for random sizes up to 2000, and verify', () => {
    const random = seededRandom(2024);
    const roots: Uint8Array[] = [];
    const acc = new MerkleAccumulator();
    for (let i = 0; i <= leaves.length; i++) {
      roots.push(acc.root());
      if (i < leaves.length) acc.add(leaves[i] as Uint8Array);
    }
    for (let k = 0; k < 60; k++) {
      const n = 1 + random.int(leaves.length);
      const m = random.int(n + 1);
      const i = random.int(n);
      const tree = leaves.slice(0, n);
      const root = roots[n] as Uint8Array;
      const consistency = streamed(StreamingProof.consistency(m, n));
      expect(consistency.map(hex)).toEqual(consistencyProof(leaves, m, n).map(hex));
      expect(verifyConsistency(m, n, consistency, roots[m] as Uint8Array, root)).toBe(true);
      const inclusion = streamed(StreamingProof.inclusion(i, n));
      expect(inclusion.map(hex)).toEqual(inclusionProof(tree, i).map(hex));
      expect(verifyInclusion(leaves[i] as Uint8Array, i, n, inclusion, root)).toBe(true);
    }
  });

  it('need only O(log n) ranges, which are disjoint, even for huge trees', () => {
    const n = 2 ** 50 + 12345;
    for (const ranges of [
      consistencyProofRanges(2 ** 40 + 7, n),
      inclusionProofRanges(2 ** 49 + 3, n),
    ]) {
      expect(ranges.length).toBeLessThanOrEqual(52);
      const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
      sorted.forEach(([lo, hi], j) => {
        expect(lo).toBeLessThan(hi);
        if (j > 0)
          expect(lo).toBeGreaterThanOrEqual((sorted[j - 1] as readonly number[])[1] as number);
      });
    }
  });

  it('refuse impossible sizes, too many or too few leaves, and bad hashes', () => {
    expectCode(() => StreamingProof.inclusion(5, 5), 'INDEX_OUT_OF_RANGE');
    expectCode(() => StreamingProof.consistency(6, 5), 'INDEX_OUT_OF_RANGE');
    expectCode(() => StreamingProof.consistency(-1, 5), 'INVALID_ARGUMENT');
    expectCode(() => StreamingProof.consistency(1, 2 ** 53), 'INVALID_ARGUMENT');
    const proof = StreamingProof.consistency(2, 3);
    proof.add(leaves[0] as Uint8Array);
    expectCode(() => proof.add(new Uint8Array(31)), 'INVALID_ARGUMENT');
    expectCode(() => proof.finish(), 'INVALID_ARGUMENT');
    proof.add(leaves[1] as Uint8Array);
    proof.add(leaves[2] as Uint8Array);
    expectCode(() => proof.add(leaves[3] as Uint8Array), 'INVALID_ARGUMENT');
    expect(proof.finish()).toHaveLength(1); // PROOF(2, D[3]) = [MTH(D[2:3])]
    expectCode(() => proof.finish(), 'INVALID_ARGUMENT');
  });
});
