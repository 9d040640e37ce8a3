/**
 * Checks of sealed roots against the records themselves: that a batch's records hash to its root
 * (BatchVerifier, verifyBatch), and that every record of a partition is sealed exactly once
 * (CoverageSweep, findUnsealed). Signatures and chain links are verifyChain's business.
 *
 * BatchVerifier and CoverageSweep take records one at a time, in the order a partition is read,
 * holding O(log n) hashes per batch and O(roots) ranges for coverage: a verifier can check a
 * partition of any size as it streams past. verifyBatch and findUnsealed are the same checks over
 * arrays, written as wrappers so that there is one implementation of each rule.
 */
import { AuditError } from './errors';
import { asSafeUint, bytesEqual, copyBytes, isBytes, toHex } from './bytes';
import { encodeLeafData, leafEncoder } from './encoding';
import { OFFSET_EXPECTED, parseOffset } from './fields';
import { MerkleAccumulator, hashPrefixedLeaf, leafHash, prefixedLeafInput } from './merkle';
import { type SealedRootRecord, type UnsignedSealedRoot, sealedRootProblem } from './root';

export interface BatchRecord {
  offset: number | bigint | string;
  value: Uint8Array;
}

/** The Merkle leaves of records of one topic-partition, in the order given. */
export function leafHashesForRecords(
  position: { topic: string; partition: number },
  records: readonly BatchRecord[],
): Uint8Array[] {
  // Each leaf's encoding is written straight into the hash input: the sealer runs this for
  // every record, and a buffer per leaf, then copied behind the prefix, was garbage.
  const encoder = leafEncoder(position.topic, position.partition);
  const hashes: Uint8Array[] = new Array<Uint8Array>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as BatchRecord;
    const input = prefixedLeafInput(encoder.size(record.value));
    encoder.write(input, 1, record.offset, record.value);
    hashes[i] = hashPrefixedLeaf(input);
  }
  return hashes;
}

export type BatchProblemKind =
  /** The recomputed Merkle root differs from the sealed rootHash. */
  | 'ROOT_MISMATCH'
  /** The number of records in range differs from leafCount. */
  | 'BAD_LEAF_COUNT'
  /** A record offset lies outside [firstOffset, lastOffset]; it is left out of the root. */
  | 'OUT_OF_RANGE'
  /** Offsets are not strictly increasing (a repeat or a step back). */
  | 'OUT_OF_ORDER'
  /** A record's offset or value is unusable; it is left out of the root. */
  | 'MALFORMED_RECORD'
  /** The root itself is malformed; nothing else was checked. */
  | 'MALFORMED_ROOT';

export interface BatchProblem {
  kind: BatchProblemKind;
  topic: string;
  partition: number;
  batchSequence: number;
  firstOffset: number;
  lastOffset: number;
  /** The record concerned, as a decimal string. */
  offset?: string;
  message: string;
}

/**
 * Recomputes a batch root from the records whose offsets lie in [firstOffset, lastOffset], given
 * in offset order (the actual records: offset holes left by transaction markers simply have no
 * record). An empty result means the records are exactly what was sealed.
 */
export function verifyBatch(
  root: SealedRootRecord,
  records: readonly BatchRecord[],
): BatchProblem[] {
  const batch = new BatchVerifier(root);
  // forEach, as before: it skips the holes of a sparse array rather than passing undefined.
  records.forEach((record) => batch.add(record));
  return batch.finish();
}

/**
 * verifyBatch one record at a time: add() each record of the batch in offset order, then
 * finish() for the problems verifyBatch(root, records) would return, in the same order with the
 * same messages. Holds O(log n) hashes (see MerkleAccumulator) rather than the batch's records
 * or leaves. Records outside the root's range may be added; they are reported OUT_OF_RANGE and
 * left out of the root, exactly as verifyBatch does.
 */
export class BatchVerifier {
  private readonly at: {
    topic: string;
    partition: number;
    batchSequence: number;
    firstOffset: number;
    lastOffset: number;
  };
  /** What the records are checked against; undefined when the root is malformed. */
  private readonly sealed?: {
    first: bigint;
    last: bigint;
    leafCount: number;
    rootHash: Uint8Array;
  };
  private readonly problems: BatchProblem[] = [];
  private readonly leaves = new MerkleAccumulator();
  private previous: bigint | undefined;
  /** Records added so far, leaves or not: MALFORMED_RECORD names a record by this index. */
  private index = 0;
  private finished = false;

  constructor(root: SealedRootRecord) {
    this.at = {
      topic: String(root?.topic),
      partition: Number(root?.partition),
      batchSequence: Number(root?.batchSequence),
      firstOffset: Number(root?.firstOffset),
      lastOffset: Number(root?.lastOffset),
    };
    const malformed = sealedRootProblem(root);
    if (malformed) {
      this.report(
        'MALFORMED_ROOT',
        `malformed sealed root: ${malformed.field} ${malformed.reason}`,
      );
      return;
    }
    // Copied now: the root must not change under a batch that is verified over time.
    this.sealed = {
      first: BigInt(root.firstOffset),
      last: BigInt(root.lastOffset),
      leafCount: root.leafCount,
      rootHash: copyBytes(root.rootHash),
    };
  }

  add(record: BatchRecord): void {
    this.assertOpen();
    const i = this.index++;
    // A malformed root has nothing to check records against.
    if (!this.sealed) return;
    const { first, last } = this.sealed;
    const offset = parseOffset(record?.offset);
    if (offset === undefined) {
      this.report('MALFORMED_RECORD', `record ${i}: offset ${OFFSET_EXPECTED}`);
      return;
    }
    if (!isBytes(record.value)) {
      this.report('MALFORMED_RECORD', `record at offset ${offset} has no byte value`, offset);
      return;
    }
    if (offset < first || offset > last) {
      this.report(
        'OUT_OF_RANGE',
        `record at offset ${offset} is outside ${first}..${last}`,
        offset,
      );
      return;
    }
    if (this.previous !== undefined && offset <= this.previous) {
      // Reported, and still hashed as a leaf as verifyBatch always did: the root comparison
      // then says whether the batch was sealed in this order.
      this.report(
        'OUT_OF_ORDER',
        offset === this.previous
          ? `offset ${offset} appears twice`
          : `offset ${offset} comes after offset ${this.previous}`,
        offset,
      );
    }
    this.previous = offset;
    this.leaves.add(leafHash(encodeLeafData({ ...this.at, offset }, record.value)));
  }

  /** The batch's problems; no record may be added afterwards. */
  finish(): BatchProblem[] {
    this.assertOpen();
    this.finished = true;
    if (!this.sealed) return this.problems;
    if (this.leaves.size !== this.sealed.leafCount) {
      this.report(
        'BAD_LEAF_COUNT',
        `${this.leaves.size} records in range, but leafCount is ${this.sealed.leafCount}`,
      );
    }
    const computed = this.leaves.root();
    if (!bytesEqual(computed, this.sealed.rootHash)) {
      this.report(
        'ROOT_MISMATCH',
        `records hash to ${toHex(computed)}, but the sealed root is ${toHex(this.sealed.rootHash)}`,
      );
    }
    return this.problems;
  }

  private report(kind: BatchProblemKind, message: string, offset?: bigint): void {
    this.problems.push({
      kind,
      ...this.at,
      ...(offset === undefined ? {} : { offset: offset.toString() }),
      message: `batch ${this.at.batchSequence}: ${message}`,
    });
  }

  private assertOpen(): void {
    if (this.finished) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `batch ${this.at.batchSequence} is already finished`,
      );
    }
  }
}

export interface CoverageProblem {
  /** UNSEALED: in no root's range. DUPLICATE: in the ranges of more than one root. */
  kind: 'UNSEALED' | 'DUPLICATE';
  topic?: string;
  partition?: number;
  /** The first and last record offsets of the run, as decimal strings. */
  firstOffset: string;
  lastOffset: string;
  /** Number of records in the run. */
  count: number;
  /** For DUPLICATE: the batches whose ranges cover the run. */
  batchSequences?: number[];
  message: string;
}

type RootRange = Pick<UnsignedSealedRoot, 'batchSequence' | 'firstOffset' | 'lastOffset'> &
  Partial<Pick<UnsignedSealedRoot, 'topic' | 'partition'>>;

/**
 * Which records of one partition no root covers (UNSEALED) or several roots cover (DUPLICATE),
 * reported as runs of consecutive records. Pass the records that should be sealed by now (for
 * example those up to the last root's lastOffset: the sealer legitimately lags the head of the
 * log), and roots that verifyChain accepted. A root published twice counts once.
 */
export function findUnsealed(
  recordOffsets: Iterable<number | bigint | string>,
  roots: readonly RootRange[],
  position?: { topic: string; partition: number },
): CoverageProblem[] {
  // Every offset is validated before the roots, so a bad offset is the error reported first.
  const offsets: bigint[] = [];
  let i = 0;
  for (const value of recordOffsets) {
    const offset = parseOffset(value);
    if (offset === undefined) {
      throw new AuditError('INVALID_ARGUMENT', `record offset ${i} ${OFFSET_EXPECTED}`);
    }
    offsets.push(offset);
    i++;
  }
  offsets.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sweep = new CoverageSweep(roots, position);
  for (const offset of offsets) sweep.add(offset);
  return sweep.finish();
}

/**
 * findUnsealed one record offset at a time: add() the offsets in ascending order (a repeat of the
 * previous offset is ignored, as findUnsealed ignores duplicates), then finish() for the problems
 * findUnsealed would return, in the same order with the same messages. Holds the roots' ranges and
 * the run being built, never the offsets. A step back throws INVALID_ARGUMENT: the sweep cannot
 * sort, and quietly accepting one would misplace the record among the runs.
 */
export class CoverageSweep {
  /** Deduplicated ranges, by firstOffset. */
  private readonly ranges: Range[];
  /** Where every problem is located, when known. */
  private readonly where?: { topic: string; partition: number };
  private readonly problems: CoverageProblem[] = [];
  /** ranges[next] is the first range not yet begun. */
  private next = 0;
  /** Ranges begun and not yet ended: the ones covering the current offset. */
  private active: Range[] = [];
  private run?: Run;
  private previous: bigint | undefined;
  private index = 0;
  private finished = false;

  constructor(roots: readonly RootRange[], position?: { topic: string; partition: number }) {
    this.ranges = dedupeRanges(roots);
    const where = position ?? (roots[0]?.topic === undefined ? undefined : roots[0]);
    if (where) {
      this.where = { topic: where.topic as string, partition: where.partition as number };
    }
  }

  add(value: number | bigint | string): void {
    this.assertOpen();
    const i = this.index++;
    const offset = parseOffset(value);
    if (offset === undefined) {
      throw new AuditError('INVALID_ARGUMENT', `record offset ${i} ${OFFSET_EXPECTED}`);
    }
    if (this.previous !== undefined && offset < this.previous) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `record offset ${i}: ${offset} comes after ${this.previous}; offsets must be ascending`,
      );
    }
    if (offset === this.previous) return;
    this.previous = offset;

    while (this.next < this.ranges.length && (this.ranges[this.next] as Range).first <= offset) {
      this.active.push(this.ranges[this.next] as Range);
      this.next++;
    }
    // Rebuild the active list only when a range has ended: most records change nothing.
    if (this.active.some((range) => range.last < offset)) {
      this.active = this.active.filter((range) => range.last >= offset);
    }
    if (this.active.length === 1) {
      this.flush();
      return;
    }
    const kind = this.active.length === 0 ? 'UNSEALED' : 'DUPLICATE';
    const seqs = this.active.map((range) => range.batchSequence).sort((a, b) => a - b);
    const key = `${kind}:${seqs.join(',')}`;
    if (this.run && this.run.key === key) {
      this.run.last = offset;
      this.run.count++;
    } else {
      this.flush();
      this.run = { kind, key, seqs, first: offset, last: offset, count: 1 };
    }
  }

  /** The problems found; no offset may be added afterwards. */
  finish(): CoverageProblem[] {
    this.assertOpen();
    this.finished = true;
    this.flush();
    return this.problems;
  }

  /** Closes the current run of UNSEALED or DUPLICATE records, if any, as one problem. */
  private flush(): void {
    const run = this.run;
    if (!run) return;
    const span =
      run.first === run.last ? `offset ${run.first}` : `offsets ${run.first}..${run.last}`;
    const records = run.count === 1 ? '1 record' : `${run.count} records`;
    this.problems.push({
      kind: run.kind,
      ...(this.where ? { topic: this.where.topic, partition: this.where.partition } : {}),
      firstOffset: run.first.toString(),
      lastOffset: run.last.toString(),
      count: run.count,
      ...(run.kind === 'DUPLICATE' ? { batchSequences: run.seqs } : {}),
      message:
        run.kind === 'UNSEALED'
          ? `${records} at ${span} not covered by any sealed root`
          : `${records} at ${span} covered by batches ${run.seqs.join(', ')}`,
    });
    this.run = undefined;
  }

  private assertOpen(): void {
    if (this.finished) throw new AuditError('INVALID_ARGUMENT', 'the sweep is already finished');
  }
}

interface Range {
  batchSequence: number;
  first: bigint;
  last: bigint;
}

/** Consecutive records with the same verdict: no root, or the same several roots. */
interface Run {
  kind: CoverageProblem['kind'];
  /** kind and batch sequences: a run continues while this stays the same. */
  key: string;
  seqs: number[];
  first: bigint;
  last: bigint;
  count: number;
}

/** One range per distinct (batchSequence, first, last): a root published twice counts once. */
function dedupeRanges(roots: readonly RootRange[]): Range[] {
  const byKey = new Map<string, Range>();
  for (const [i, root] of roots.entries()) {
    if (
      asSafeUint(root?.batchSequence) === undefined ||
      asSafeUint(root.firstOffset) === undefined ||
      asSafeUint(root.lastOffset) === undefined
    ) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `root ${i}: batchSequence, firstOffset and lastOffset must be non-negative safe integers`,
      );
    }
    const first = BigInt(root.firstOffset);
    const last = BigInt(root.lastOffset);
    byKey.set(`${root.batchSequence}:${first}:${last}`, {
      batchSequence: root.batchSequence,
      first,
      last,
    });
  }
  return [...byKey.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}
