/**
 * Structure of the sealed-roots chain of one topic-partition: signatures, sequence numbers,
 * prevRootHash links and non-overlapping offset ranges.
 *
 * Offsets are not required to be contiguous by default: transaction markers (and compaction)
 * occupy offsets without leaving records, so a correct sealer may leave offset holes between and
 * inside batches. Whether every record is sealed is decided from the records themselves by
 * findUnsealed and verifyBatch. Topics known to have no holes can ask for contiguity here.
 */
import { bytesEqual, toHex } from './bytes';
import { sealedRootHash } from './encoding';
import type { Keyring } from './keyring';
import { type LogProblemKind, verifyLogStep } from './log';
import { ZERO_HASH } from './merkle';
import { type SealedRootRecord, rootInvariantProblem, sealedRootProblem } from './root';
import { verifyRootSignature } from './signing';

export type ChainProblemKind =
  /** Signature does not verify (or the root is too malformed to verify). */
  | 'BAD_SIGNATURE'
  /** Signed by a key id the keyring does not hold. */
  | 'UNKNOWN_KEY'
  /** A field is missing or unencodable; the root is ignored for the chain checks. */
  | 'MALFORMED_ROOT'
  /** The root belongs to another topic-partition than the chain. */
  | 'WRONG_PARTITION'
  /** A root identical to an earlier one (a re-publish); harmless, but reported. */
  | 'DUPLICATE'
  /** Two different roots with one sequence, or a prevRootHash that is not the previous root's. */
  | 'FORK'
  /** One or more sequence numbers are missing. */
  | 'SEQUENCE_GAP'
  /** A sequence number lower than one already seen, and not seen itself. */
  | 'OUT_OF_ORDER'
  /** The root's offsets start at or before the previous root's last offset. */
  | 'OVERLAP'
  /** Offsets between roots (or before the first root) are not sealed. */
  | 'GAP'
  /** leafCount is impossible for the offset range. */
  | 'BAD_LEAF_COUNT'
  /** firstOffset > lastOffset, or the first root starts before the partition's first record. */
  | 'BAD_OFFSETS'
  /** A version-2 root's log fields contradict each other (frontier, tree root, checkpoint). */
  | 'BAD_LOG'
  /** One step of the partition's cumulative log is wrong (see verifyLogStep). */
  | LogProblemKind;

export interface ChainProblem {
  kind: ChainProblemKind;
  topic: string;
  partition: number;
  batchSequence?: number;
  firstOffset?: number;
  lastOffset?: number;
  message: string;
}

export interface VerifyChainOptions {
  /**
   * Offset of the first record of the partition. When the chain starts at batch 0, that root
   * must start exactly here. Pass the first record's offset, not the log start offset, which may
   * belong to a transaction marker.
   */
  expectedFirstOffset?: number;
  /**
   * An already verified root immediately preceding roots[0], to verify a chain incrementally from
   * a checkpoint. Without it, roots[0] must be batch 0.
   */
  previous?: SealedRootRecord;
  /**
   * Require offsets without holes: each root starts right after the previous one (else GAP) and
   * leafCount = lastOffset - firstOffset + 1. Right for topics without transactions or compaction.
   */
  contiguousOffsets?: boolean;
}

interface Link {
  root: SealedRootRecord;
  hash: Uint8Array;
}

/**
 * All problems of one topic-partition's roots, given in sealed-roots order (the order the
 * partition of sealed-roots holds them). An empty result means the chain is intact.
 * `options` may also be the expectedFirstOffset alone.
 */
export function verifyChain(
  roots: readonly SealedRootRecord[],
  keyring: Keyring,
  options: VerifyChainOptions | number = {},
): ChainProblem[] {
  const opts: VerifyChainOptions =
    typeof options === 'number' ? { expectedFirstOffset: options } : options;
  const problems: ChainProblem[] = [];
  const anchor = opts.previous ?? roots[0];
  if (!anchor) return problems;
  const topic = anchor.topic;
  const partition = anchor.partition;

  let prev: Link | undefined = opts.previous
    ? { root: opts.previous, hash: sealedRootHash(opts.previous) }
    : undefined;
  const seen = new Map<number, Uint8Array>();
  if (prev) seen.set(prev.root.batchSequence, prev.hash);

  for (const root of roots) {
    const malformed = sealedRootProblem(root);
    if (malformed) {
      problems.push({
        kind: 'MALFORMED_ROOT',
        topic: typeof root?.topic === 'string' ? root.topic : topic,
        partition: typeof root?.partition === 'number' ? root.partition : partition,
        message: `malformed sealed root: ${malformed.field} ${malformed.reason}`,
      });
      continue;
    }
    const at = {
      topic: root.topic,
      partition: root.partition,
      batchSequence: root.batchSequence,
      firstOffset: root.firstOffset,
      lastOffset: root.lastOffset,
    };
    const report = (kind: ChainProblemKind, message: string) =>
      problems.push({ kind, ...at, message: `batch ${root.batchSequence}: ${message}` });

    if (root.topic !== topic || root.partition !== partition) {
      report(
        'WRONG_PARTITION',
        `root of ${root.topic}/${root.partition} in the chain of ${topic}/${partition}`,
      );
      continue;
    }

    const signature = verifyRootSignature(root, keyring);
    if (!signature.ok) report(signature.code, signature.message);

    const hash = sealedRootHash(root);
    const earlier = seen.get(root.batchSequence);
    if (earlier) {
      if (bytesEqual(earlier, hash)) report('DUPLICATE', 'published more than once');
      else report('FORK', `a different root with sequence ${root.batchSequence} was seen earlier`);
      continue;
    }
    seen.set(root.batchSequence, hash);

    const invariant = rootInvariantProblem(root, opts.contiguousOffsets === true);
    if (invariant && invariant.kind !== 'BAD_PREV_HASH') report(invariant.kind, invariant.reason);

    if (!prev) {
      if (root.batchSequence !== 0) {
        report('SEQUENCE_GAP', `the chain starts at sequence ${root.batchSequence}, not 0`);
      } else if (!bytesEqual(root.prevRootHash, ZERO_HASH)) {
        report('FORK', 'batch 0 must have an all-zero prevRootHash');
      }
      const expected = opts.expectedFirstOffset;
      if (expected !== undefined && root.firstOffset < expected) {
        report(
          'BAD_OFFSETS',
          `starts at offset ${root.firstOffset}, before the partition's first record at ${expected}`,
        );
      } else if (
        expected !== undefined &&
        root.batchSequence === 0 &&
        root.firstOffset > expected
      ) {
        report(
          'GAP',
          `offsets ${expected}..${root.firstOffset - 1} before the first root are not sealed`,
        );
      }
      if (root.batchSequence === 0) {
        for (const p of verifyLogStep({ previous: undefined, root, keyring })) {
          report(p.kind, p.message);
        }
      }
      prev = { root, hash };
      continue;
    }

    const expectedSequence = prev.root.batchSequence + 1;
    if (root.batchSequence < expectedSequence) {
      report('OUT_OF_ORDER', `follows sequence ${prev.root.batchSequence}`);
      continue;
    }
    const skipped = root.batchSequence > expectedSequence;
    if (skipped) {
      const missing =
        root.batchSequence - 1 === expectedSequence
          ? `sequence ${expectedSequence} is`
          : `sequences ${expectedSequence}..${root.batchSequence - 1} are`;
      report('SEQUENCE_GAP', `${missing} missing`);
    } else if (!bytesEqual(root.prevRootHash, prev.hash)) {
      report(
        'FORK',
        `prevRootHash ${toHex(root.prevRootHash)} is not the hash ${toHex(prev.hash)} of batch ${prev.root.batchSequence}`,
      );
    } else {
      // The log's step is checked only between linked roots: across a gap the sizes cannot add up.
      for (const p of verifyLogStep({ previous: prev.root, root, keyring })) {
        report(p.kind, p.message);
      }
    }

    if (root.firstOffset <= prev.root.lastOffset) {
      report(
        'OVERLAP',
        `offsets ${root.firstOffset}..${root.lastOffset} overlap batch ${prev.root.batchSequence} (${prev.root.firstOffset}..${prev.root.lastOffset})`,
      );
    } else if (
      opts.contiguousOffsets === true &&
      !skipped &&
      root.firstOffset !== prev.root.lastOffset + 1
    ) {
      report(
        'GAP',
        `offsets ${prev.root.lastOffset + 1}..${root.firstOffset - 1} between batch ${prev.root.batchSequence} and this one are not sealed`,
      );
    }
    prev = { root, hash };
  }
  return problems;
}
