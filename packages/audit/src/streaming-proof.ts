/**
 * Inclusion and consistency proofs from leaf hashes streamed in order, in O(log² n) memory: what
 * a verifier reading a partition's records needs for a log of millions of leaves, where
 * inclusionProof/consistencyProof would hold every leaf hash.
 *
 * Every hash of an RFC 6962 proof is MTH(D[lo:hi]) of some leaf range, the ranges of one proof
 * are disjoint, and which ranges they are depends only on the sizes and index. So the ranges are
 * worked out first (the recursions of RFC 6962 §2.1.1 and §2.1.2, on indices only) and each leaf,
 * as it streams past, is added to the MerkleAccumulator of the range holding it, if any.
 */
import { AuditError } from './errors';
import { HASH_SIZE, asUintBig, isHash } from './bytes';
import { MerkleAccumulator } from './merkle';
import type { TreeIndex } from './proofs';

/** Leaves [lo, hi) of the tree. */
export type LeafRange = readonly [lo: number, hi: number];

/** The ranges whose roots make up PATH(index, D[size]), leaf's sibling first. */
export function inclusionProofRanges(index: TreeIndex, size: TreeIndex): LeafRange[] {
  const m = safeIndex(index, 'index');
  const n = safeIndex(size, 'size');
  if (m >= n) {
    throw new AuditError('INDEX_OUT_OF_RANGE', `leaf index ${m} is outside a tree of size ${n}`);
  }
  const out: LeafRange[] = [];
  const path = (lo: number, hi: number): void => {
    if (hi - lo === 1) return;
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m < lo + k) {
      path(lo, lo + k);
      out.push([lo + k, hi]);
    } else {
      path(lo + k, hi);
      out.push([lo, lo + k]);
    }
  };
  path(0, n);
  return out;
}

/** The ranges whose roots make up PROOF(size1, D[size2]); none when size1 is 0 or size2. */
export function consistencyProofRanges(size1: TreeIndex, size2: TreeIndex): LeafRange[] {
  const m = safeIndex(size1, 'size1');
  const n = safeIndex(size2, 'size2');
  if (m > n) throw new AuditError('INDEX_OUT_OF_RANGE', `size1 ${m} exceeds size2 ${n}`);
  const out: LeafRange[] = [];
  if (m === 0 || m === n) return out;
  // SUBPROOF(m', D[lo:hi], complete), m' counted from lo.
  const subproof = (lo: number, hi: number, complete: boolean): void => {
    if (m === hi) {
      if (!complete) out.push([lo, hi]);
      return;
    }
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m <= lo + k) {
      subproof(lo, lo + k, complete);
      out.push([lo + k, hi]);
    } else {
      subproof(lo + k, hi, false);
      out.push([lo, lo + k]);
    }
  };
  subproof(0, n, true);
  return out;
}

/**
 * Builds a proof from leaf hashes given one at a time from leaf 0: `add` exactly `needed`
 * leaves (the tree size the proof is for), then `finish()`.
 *
 *   const proof = StreamingProof.consistency(old, size);
 *   for await (const leaf of leaves) { proof.add(leaf); if (proof.size === proof.needed) break; }
 *   const hashes = proof.finish();
 */
export class StreamingProof {
  private readonly accumulators: MerkleAccumulator[];
  /** Range indexes sorted by start; `next` is the first one not yet finished. */
  private readonly order: number[];
  private next = 0;
  private count = 0;
  private finished = false;

  private constructor(
    private readonly ranges: readonly LeafRange[],
    /** Leaves the proof needs: the size of the tree it proves against. */
    readonly needed: number,
  ) {
    this.accumulators = ranges.map(() => new MerkleAccumulator());
    this.order = ranges
      .map((_, i) => i)
      .sort((a, b) => (ranges[a]?.[0] ?? 0) - (ranges[b]?.[0] ?? 0));
  }

  static inclusion(index: TreeIndex, size: TreeIndex): StreamingProof {
    return new StreamingProof(inclusionProofRanges(index, size), safeIndex(size, 'size'));
  }

  static consistency(size1: TreeIndex, size2: TreeIndex): StreamingProof {
    return new StreamingProof(consistencyProofRanges(size1, size2), safeIndex(size2, 'size2'));
  }

  /** Leaves added so far. */
  get size(): number {
    return this.count;
  }

  add(leafHash: Uint8Array): void {
    if (this.finished) throw new AuditError('INVALID_ARGUMENT', 'add after finish');
    if (this.count >= this.needed) {
      throw new AuditError('INVALID_ARGUMENT', `the proof needs only ${this.needed} leaves`);
    }
    if (!isHash(leafHash)) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `leaf hash ${this.count} is not a ${HASH_SIZE}-byte Uint8Array`,
      );
    }
    const position = this.count;
    const current = this.order[this.next];
    const range = current === undefined ? undefined : this.ranges[current];
    if (current !== undefined && range && position >= range[0]) {
      (this.accumulators[current] as MerkleAccumulator).add(leafHash);
      if (position + 1 === range[1]) this.next++;
    }
    this.count++;
  }

  /** The proof hashes in RFC 6962 order. INVALID_ARGUMENT unless exactly `needed` leaves came. */
  finish(): Uint8Array[] {
    if (this.finished) throw new AuditError('INVALID_ARGUMENT', 'finish called twice');
    if (this.count !== this.needed) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `the proof needs ${this.needed} leaves and got ${this.count}`,
      );
    }
    this.finished = true;
    return this.accumulators.map((acc) => acc.root());
  }
}

function safeIndex(value: TreeIndex, name: string): number {
  const big = typeof value === 'string' ? undefined : asUintBig(value);
  if (big === undefined || big > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new AuditError('INVALID_ARGUMENT', `${name} must be a non-negative safe integer`);
  }
  return Number(big);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
