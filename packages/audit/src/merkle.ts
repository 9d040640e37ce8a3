/**
 * RFC 6962 §2.1 Merkle Tree Hash over SHA-256 (identical in RFC 9162 §2.1.1):
 *
 *   MTH({})       = SHA-256()
 *   MTH({d(0)})   = SHA-256(0x00 || d(0))
 *   MTH(D[n])     = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))   k = largest power of 2 < n
 *
 * The 0x00/0x01 prefixes keep a leaf from ever being mistaken for an interior node, which is what
 * makes second-preimage attacks on the tree fail.
 */
import { AuditError } from './errors';
import { HASH_SIZE, asUintBig, copyBytes, isHash, sha256 } from './bytes';

/** 32 zero bytes: the prevRootHash of the first sealed root of a topic-partition. */
export const ZERO_HASH: Uint8Array = new Uint8Array(HASH_SIZE);

/** MTH of the empty tree, SHA-256 of the empty string (e3b0c442...b855). */
export const EMPTY_ROOT_HASH: Uint8Array = copyBytes(sha256(new Uint8Array(0)));

// The hot path of sealing: one leafHash per record and about one hashChildren per record. Both
// hash the prefix and the input as one buffer without allocating it per call: the prefixed input
// is written into a scratch buffer that is reused (hashing is synchronous, so no two calls can
// share it at once), and sha256 digests it in one native call. The per-call `new Uint8Array` and
// the createHash object were most of the cost for 64-byte leaves.

/**
 * Prefixed leaves of up to this many bytes each have a scratch of exactly their size, kept for
 * reuse (at most ~130 KiB in all): crypto.hash takes a whole buffer, and the `subarray` view
 * that a shared scratch needs per call cost a third of a 64-byte leaf's hash. Records of an
 * audit log come in few sizes, so few are ever made.
 */
const EXACT_SCRATCH_MAX = 512;
const exactScratch: Array<Buffer | undefined> = [];
/** Larger leaves up to this size are prefixed in one shared scratch; larger still get their own. */
const SCRATCH_MAX = 64 * 1024;
let leafScratch = Buffer.allocUnsafeSlow(1024);
const nodeScratch = Buffer.allocUnsafeSlow(1 + 2 * HASH_SIZE);
nodeScratch[0] = 0x01;

export function leafHash(data: Uint8Array): Uint8Array {
  if (!(data instanceof Uint8Array)) {
    throw new AuditError('INVALID_ARGUMENT', 'leaf data must be a Uint8Array');
  }
  const input = prefixedLeafInput(data.length);
  input.set(data, 1);
  return hashPrefixedLeaf(input);
}

/**
 * A buffer of exactly 1 + `size` bytes whose first byte is the leaf prefix 0x00, for the leaf
 * data to be written at 1 and then hashed by hashPrefixedLeaf before the next call: a scratch
 * reused across calls where one fits. For writers that can put the leaf data there directly
 * instead of building it in a buffer of its own first (leafHashesForRecords).
 */
export function prefixedLeafInput(size: number): Buffer {
  const prefixed = 1 + size;
  let input: Buffer;
  if (prefixed <= EXACT_SCRATCH_MAX) {
    let exact = exactScratch[prefixed];
    if (exact === undefined) {
      exact = Buffer.allocUnsafeSlow(prefixed);
      exactScratch[prefixed] = exact;
    }
    input = exact;
  } else if (prefixed <= SCRATCH_MAX) {
    if (prefixed > leafScratch.length) {
      leafScratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX, 2 * prefixed));
    }
    input = leafScratch.subarray(0, prefixed);
  } else {
    input = Buffer.allocUnsafe(prefixed);
  }
  input[0] = 0x00;
  return input;
}

/** SHA-256 of a prefixedLeafInput() buffer, the leaf data written: the leaf's hash. */
export function hashPrefixedLeaf(input: Buffer): Uint8Array {
  return sha256(input);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (!isHash(left) || !isHash(right)) {
    throw new AuditError('INVALID_ARGUMENT', `node children must be ${HASH_SIZE}-byte hashes`);
  }
  return hashChildren(left, right);
}

/** nodeHash without the argument checks, for loops whose inputs are already known to be hashes. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  // The prefix byte 0x01 was written once, when the scratch was made.
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return sha256(nodeScratch);
}

export function rootFromLeafHashes(leafHashes: readonly Uint8Array[]): Uint8Array {
  checkLeafHashes(leafHashes);
  // A copy: Buffer#slice would be a view, and a caller writing to it would change the constant.
  if (leafHashes.length === 0) return copyBytes(EMPTY_ROOT_HASH);
  const levels = treeLevels(leafHashes);
  return (levels[levels.length - 1] as Uint8Array[])[0] as Uint8Array;
}

/**
 * The RFC 6962 root of leaves given one at a time, in O(log n) memory: what a verifier streaming
 * a batch needs, where rootFromLeafHashes would hold every leaf hash of the batch.
 *
 * It holds one perfect subtree per set bit of n, largest (leftmost) first, and merges the two
 * rightmost whenever their sizes are equal, like a binary counter carrying. Their right fold
 * H(s0, H(s1, ... H(s[m-2], s[m-1]))) is MTH(D[n]): when n is a power of two the one subtree held
 * is the whole tree; otherwise s0 covers D[0:k], k being the largest power of two below n (the
 * RFC's split point), and the others are exactly the subtrees held for the n - k leaves D[k:n],
 * whose fold is MTH(D[k:n]) by induction. The tests compare it with rootFromLeafHashes for every
 * size up to 1,100 and around every power of two up to 2^16.
 */
export class MerkleAccumulator {
  /** Roots of perfect subtrees, leftmost first; sizes[i] is the leaf count under hashes[i]. */
  private readonly hashes: Uint8Array[] = [];
  private readonly sizes: number[] = [];
  private count = 0;

  /** Leaves added so far. */
  get size(): number {
    return this.count;
  }

  add(leaf: Uint8Array): void {
    if (!isHash(leaf)) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `leaf hash ${this.count} is not a ${HASH_SIZE}-byte Uint8Array`,
      );
    }
    this.push(leaf, 1);
  }

  /**
   * Adds a perfect subtree of `size` leaves (a power of two) whose root is `hash`: the same as
   * adding its leaves one by one, without hashing its interior again. The tree's size must be a
   * multiple of `size`, as the subtree must start where a perfect subtree of this tree can.
   */
  addSubtree(hash: Uint8Array, size: number): void {
    if (!isHash(hash)) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `subtree hash is not a ${HASH_SIZE}-byte Uint8Array`,
      );
    }
    if (!Number.isSafeInteger(size) || size < 1 || (size & (size - 1)) !== 0) {
      throw new AuditError('INVALID_ARGUMENT', `subtree size ${size} is not a power of two`);
    }
    if (this.count % size !== 0) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `a subtree of ${size} leaves cannot start at leaf ${this.count}`,
      );
    }
    this.push(hash, size);
  }

  /** Appends a checked perfect subtree and merges equal sizes, like a binary counter carrying. */
  private push(hash: Uint8Array, size: number): void {
    // Held until merged, so a copy: a caller reusing its buffer must not change our root.
    let merged = copyBytes(hash);
    let mergedSize = size;
    // Equal sizes are always powers of two here, so merging them yields a perfect subtree.
    while (this.sizes.length > 0 && this.sizes[this.sizes.length - 1] === mergedSize) {
      this.sizes.pop();
      merged = hashChildren(this.hashes.pop() as Uint8Array, merged);
      mergedSize *= 2;
    }
    this.hashes.push(merged);
    this.sizes.push(mergedSize);
    this.count += size;
  }

  /**
   * Adds a batch's leaves given its treeLevels(): where a perfect subtree of the batch lines up
   * with one of this tree, its hash is taken as it is instead of hashing the leaves again. A
   * batch appended at a size divisible by 8 then costs about n/8 hashes instead of n.
   */
  addLevels(levels: readonly (readonly Uint8Array[])[]): void {
    const leaves = levels[0] ?? [];
    const n = leaves.length;
    for (let l = 0; l < n;) {
      // The largest perfect subtree at l, within the batch, aligned in the batch and here.
      let j = 0;
      while (
        j + 1 < levels.length &&
        l % 2 ** (j + 1) === 0 &&
        this.count % 2 ** (j + 1) === 0 &&
        l + 2 ** (j + 1) <= n
      ) {
        j++;
      }
      // levels[j][i] covers leaves [i * 2^j, (i + 1) * 2^j) whenever that range is whole.
      const subtree = levels[j]?.[l / 2 ** j];
      if (!subtree) throw new AuditError('INVALID_ARGUMENT', `tree level ${j} is too short`);
      if (j === 0) this.add(subtree);
      else this.addSubtree(subtree, 2 ** j);
      l += 2 ** j;
    }
  }

  /**
   * Resumes a tree of `size` leaves from its frontier() alone, without the leaves: how a sealer
   * that takes over a partition continues the partition's cumulative tree from the last sealed
   * root. INVALID_ARGUMENT unless there is exactly one 32-byte hash per set bit of `size`.
   */
  static fromFrontier(size: number | bigint, frontier: readonly Uint8Array[]): MerkleAccumulator {
    const n = asUintBig(size);
    if (n === undefined || typeof size === 'string' || n > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new AuditError('INVALID_ARGUMENT', 'tree size must be a non-negative safe integer');
    }
    if (!Array.isArray(frontier)) {
      throw new AuditError('INVALID_ARGUMENT', 'frontier must be an array of hashes');
    }
    // The perfect subtrees of a tree of n leaves, largest first: one per set bit of n.
    const sizes: number[] = [];
    for (let bit = 1n << 53n; bit > 0n; bit >>= 1n) {
      if ((n & bit) !== 0n) sizes.push(Number(bit));
    }
    if (frontier.length !== sizes.length) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `a tree of size ${n} has a frontier of ${sizes.length} hashes (one per set bit of the size), not ${frontier.length}`,
      );
    }
    const accumulator = new MerkleAccumulator();
    frontier.forEach((hash, i) => {
      if (!isHash(hash)) {
        throw new AuditError(
          'INVALID_ARGUMENT',
          `frontier hash ${i} is not a ${HASH_SIZE}-byte Uint8Array`,
        );
      }
      accumulator.hashes.push(copyBytes(hash));
      accumulator.sizes.push(sizes[i] as number);
    });
    accumulator.count = Number(n);
    return accumulator;
  }

  /**
   * The right border of the tree: the roots of its maximal perfect subtrees, leftmost (largest)
   * first, one per set bit of size, e.g. [MTH(D[0:8]), MTH(D[8:10]), MTH(D[10:11])] for 11 leaves.
   * With the size it is the whole state (what transparency-dev/merkle calls the compact range
   * [0, size)), so fromFrontier(size, frontier()) continues exactly where this one stands.
   */
  frontier(): Uint8Array[] {
    return this.hashes.map(copyBytes);
  }

  /** An independent copy: adding to one does not change the other. */
  clone(): MerkleAccumulator {
    return MerkleAccumulator.fromFrontier(this.count, this.hashes);
  }

  /** MTH of the leaves added so far; more may be added afterwards. */
  root(): Uint8Array {
    // copyBytes, not slice: these may be Buffers, whose slice() is a view of the same memory.
    if (this.hashes.length === 0) return copyBytes(EMPTY_ROOT_HASH);
    let root = this.hashes[this.hashes.length - 1] as Uint8Array;
    for (let i = this.hashes.length - 2; i >= 0; i--) {
      root = hashChildren(this.hashes[i] as Uint8Array, root);
    }
    // A lone leaf is its own root: a copy, so the caller's hash and ours stay separate.
    return copyBytes(root);
  }
}

export function checkLeafHashes(leafHashes: readonly Uint8Array[]): void {
  if (!Array.isArray(leafHashes)) {
    throw new AuditError('INVALID_ARGUMENT', 'leaf hashes must be an array');
  }
  for (let i = 0; i < leafHashes.length; i++) {
    if (!isHash(leafHashes[i])) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `leaf hash ${i} is not a ${HASH_SIZE}-byte Uint8Array`,
      );
    }
  }
}

/**
 * All levels of the tree bottom-up, levels[0] being the leaf hashes and the last level the root.
 *
 * Pairing nodes left to right and carrying an unpaired last node up unchanged builds exactly the
 * RFC 6962 tree: the left subtree at every split is the complete tree over the largest power of
 * two below n. Iterative, so 100k leaves cost 100k hashes and no deep recursion.
 */
export function treeLevels(leafHashes: readonly Uint8Array[]): Uint8Array[][] {
  const levels: Uint8Array[][] = [leafHashes.slice()];
  let level = levels[0] as Uint8Array[];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(hashChildren(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    levels.push(next);
    level = next;
  }
  return levels;
}
