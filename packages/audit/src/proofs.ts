/**
 * Merkle audit paths and consistency proofs: generation per RFC 6962 §2.1.1/§2.1.2, verification
 * per RFC 9162 §2.1.3.2/§2.1.4.2 step by step (the same algorithms transparency-dev/merkle
 * implements). Verifiers return false for anything that does not verify, including malformed
 * input, and never throw.
 *
 * Sizes and indices are numbers (safe integers) or bigints. Verification runs on bigints with
 * arithmetic halving instead of bit operators: JS bit operators truncate to 32 bits, which would
 * silently wrap for trees past 2^31 leaves.
 */
import { AuditError } from './errors';
import { asUintBig, bytesEqual, isHash } from './bytes';
import { EMPTY_ROOT_HASH, checkLeafHashes, hashChildren, treeLevels } from './merkle';

export type TreeIndex = number | bigint;

/** RFC 6962 §2.1.1 PATH(index, D[n]), ordered from the leaf's sibling up to the root's child. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: TreeIndex): Uint8Array[] {
  checkLeafHashes(leafHashes);
  const n = leafHashes.length;
  const m = toArrayIndex(index, 'index');
  if (m >= n) {
    throw new AuditError('INDEX_OUT_OF_RANGE', `leaf index ${m} is outside a tree of size ${n}`);
  }
  const proof: Uint8Array[] = [];
  let i = m;
  for (const level of treeLevels(leafHashes)) {
    if (level.length === 1) break;
    // An unpaired last node is carried up unchanged and contributes nothing to the path.
    const sibling = i % 2 === 1 ? i - 1 : i + 1;
    if (sibling < level.length) proof.push(level[sibling] as Uint8Array);
    i = Math.floor(i / 2);
  }
  return proof;
}

/**
 * RFC 6962 §2.1.2 PROOF(size1, D[size2]) over the first size2 of leafHashes. Empty when
 * size1 = size2 or size1 = 0: there is nothing to prove in either case.
 */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  size1: TreeIndex,
  size2: TreeIndex,
): Uint8Array[] {
  checkLeafHashes(leafHashes);
  const m = toArrayIndex(size1, 'size1');
  const n = toArrayIndex(size2, 'size2');
  if (n > leafHashes.length) {
    throw new AuditError(
      'INDEX_OUT_OF_RANGE',
      `size2 ${n} exceeds the ${leafHashes.length} leaf hashes given`,
    );
  }
  if (m > n) throw new AuditError('INDEX_OUT_OF_RANGE', `size1 ${m} exceeds size2 ${n}`);
  if (m === 0 || m === n) return [];
  const proof: Uint8Array[] = [];
  subproof(leafHashes, 0, n, m, true, proof);
  return proof;
}

// SUBPROOF(m, D[lo:hi], b). Recursion depth is log2(n); the proof is appended in RFC order.
function subproof(
  hashes: readonly Uint8Array[],
  lo: number,
  hi: number,
  m: number,
  complete: boolean,
  out: Uint8Array[],
): void {
  const n = hi - lo;
  if (m === n) {
    if (!complete) out.push(rangeRoot(hashes, lo, hi));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(hashes, lo, lo + k, m, complete, out);
    out.push(rangeRoot(hashes, lo + k, hi));
  } else {
    subproof(hashes, lo + k, hi, m - k, false, out);
    out.push(rangeRoot(hashes, lo, lo + k));
  }
}

function rangeRoot(hashes: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  const levels = treeLevels(hashes.slice(lo, hi));
  return (levels[levels.length - 1] as Uint8Array[])[0] as Uint8Array;
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function toArrayIndex(value: TreeIndex, name: string): number {
  const big = asUintBig(value);
  if (big === undefined || typeof value === 'string') {
    throw new AuditError(
      'INVALID_ARGUMENT',
      `${name} must be a non-negative safe integer or bigint`,
    );
  }
  // Anything past MAX_SAFE_INTEGER is past the end of any array, so clamping keeps the range
  // checks exact.
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}

/** RFC 9162 §2.1.3.2: verifying an inclusion proof. */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: TreeIndex,
  treeSize: TreeIndex,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const leafIndex = asIndex(index);
  const size = asIndex(treeSize);
  if (leafIndex === undefined || size === undefined) return false;
  if (!isHash(leafHash) || !isHash(root) || !isHashList(proof)) return false;

  // 1. leaf_index >= tree_size fails.
  if (leafIndex >= size) return false;
  // 2.-3.
  let fn = leafIndex;
  let sn = size - 1n;
  let r = leafHash;
  // 4.
  for (const p of proof) {
    // 4a. A proof longer than the path runs out of tree.
    if (sn === 0n) return false;
    // 4b.
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn /= 2n;
          sn /= 2n;
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    // 4c.
    fn /= 2n;
    sn /= 2n;
  }
  // 5. A proof shorter than the path leaves sn > 0.
  return sn === 0n && bytesEqual(r, root);
}

/**
 * RFC 9162 §2.1.4.2: verifying consistency between tree size1 with root1 and size2 with root2.
 *
 * The RFC algorithm covers 0 < size1 < size2; the edges are decided as follows:
 * - size1 > size2: false.
 * - size1 = size2: the proof must be empty and root1 must equal root2.
 * - size1 = 0 < size2: every tree extends the empty tree, so the proof must be empty and root2
 *   is unconstrained, as in transparency-dev/merkle. Unlike transparency-dev, root1 must be the
 *   empty tree's root (SHA-256 of ""), the only root a size-0 tree has: a caller holding any
 *   other "size 0" root is confused, and saying yes would vouch for it.
 */
export function verifyConsistency(
  size1: TreeIndex,
  size2: TreeIndex,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  const first = asIndex(size1);
  const second = asIndex(size2);
  if (first === undefined || second === undefined) return false;
  if (!isHash(root1) || !isHash(root2) || !isHashList(proof)) return false;

  if (first > second) return false;
  if (first === 0n && !bytesEqual(root1, EMPTY_ROOT_HASH)) return false;
  if (first === second) return proof.length === 0 && bytesEqual(root1, root2);
  if (first === 0n) return proof.length === 0;

  // 1. An empty proof cannot link two different sizes.
  if (proof.length === 0) return false;
  // 2. When size1 is a power of two, root1 is itself a node of the second tree and the proof
  //    omits it.
  const path = isPowerOfTwo(first) ? [root1, ...proof] : [...proof];
  // 3.
  let fn = first - 1n;
  let sn = second - 1n;
  // 4.
  while (isOdd(fn)) {
    fn /= 2n;
    sn /= 2n;
  }
  // 5.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // 6.
  for (const c of path.slice(1)) {
    // 6a.
    if (sn === 0n) return false;
    // 6b.
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn /= 2n;
          sn /= 2n;
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    // 6c.
    fn /= 2n;
    sn /= 2n;
  }
  // 7.
  return bytesEqual(fr, root1) && bytesEqual(sr, root2) && sn === 0n;
}

function asIndex(value: unknown): bigint | undefined {
  return typeof value === 'string' ? undefined : asUintBig(value);
}

function isHashList(proof: unknown): proof is readonly Uint8Array[] {
  return Array.isArray(proof) && proof.every(isHash);
}

const isOdd = (n: bigint): boolean => n % 2n === 1n;

function isPowerOfTwo(n: bigint): boolean {
  if (n <= 0n) return false;
  while (n % 2n === 0n) n /= 2n;
  return n === 1n;
}
