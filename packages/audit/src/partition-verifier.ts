/**
 * Verification of one topic-partition of the sealed log as its records stream past, in offset
 * order: the chain of its roots, every batch against the records in its range, and whether every
 * record is sealed exactly once. Pure, no Kafka.
 *
 * Memory is the partition's roots plus the batches open at the current offset (a few hashes each,
 * see BatchVerifier) plus whatever problems were found; no record is kept. The result is exactly
 * what the all-in-memory verification gave: the same summary, and the same findings in the same
 * order (chain problems, then each trusted batch's problems in sealed-roots order, then coverage).
 */
import { BatchVerifier, CoverageSweep, type BatchProblem } from './batch';
import { verifyChain } from './chain';
import { sealedRootHash } from './encoding';
import type { Keyring } from './keyring';
import { LogVerifier } from './log';
import type { SealedRootRecord } from './root';
import { verifyRootSignature } from './signing';

/** A record of a sealed topic as Kafka holds it: the reader fills these in, offsets as numbers. */
export interface StoredRecord {
  offset: number;
  value: Uint8Array;
}

/** One problem, always located by topic, partition and offsets. */
export interface Finding {
  kind: string;
  topic: string;
  partition: number;
  batchSequence?: number;
  firstOffset?: string;
  lastOffset?: string;
  message: string;
}

export interface PartitionSummary {
  topic: string;
  partition: number;
  records: number;
  batches: number;
  /** Offsets of the first and last sealed records, when any are sealed. */
  firstSealedOffset?: number;
  lastSealedOffset?: number;
  /** Records after the last root: not a failure with allowPending. */
  pending: number;
  /**
   * The newest trusted root (highest sequence): its sequence and sealedRootHash in hex. Two
   * readers that agree on it agree on the whole chain behind it.
   */
  head?: { batchSequence: number; rootHash: string };
  /** Roots of this partition's chain that Kafka aborted: never part of the log (see finish). */
  abortedRoots: AbortedRoot[];
  ok: boolean;
}

/** A root whose transaction Kafka aborted, and where it is stored. */
export interface AbortedRoot {
  batchSequence: number;
  rootsPartition: number;
  rootsOffset: number;
}

export interface PartitionVerifierOptions {
  topic: string;
  partition: number;
  /** The partition's roots in sealed-roots order, re-publishes and forks included. */
  roots: readonly SealedRootRecord[];
  keyring: Keyring;
  /** Records after the last trusted root are "pending" rather than unsealed. */
  allowPending?: boolean;
  /** Roots of this partition that Kafka aborted, with where they are stored in `rootsTopic`. */
  abortedRoots?: readonly { root: SealedRootRecord; rootsPartition: number; rootsOffset: number }[];
  rootsTopic?: string;
}

interface OpenBatch {
  /** Index into `trusted`: batch findings are reported in that order, not in closing order. */
  index: number;
  lastOffset: number;
  verifier: BatchVerifier;
}

export class PartitionVerifier {
  readonly topic: string;
  readonly partition: number;
  /** Roots a key of the keyring validly signed, in sealed-roots order: only they vouch for records. */
  readonly trusted: readonly SealedRootRecord[];
  private readonly roots: readonly SealedRootRecord[];
  private readonly keyring: Keyring;
  private readonly allowPending: boolean;
  private readonly abortedRoots: NonNullable<PartitionVerifierOptions['abortedRoots']>;
  private readonly rootsTopic: string;
  /** The highest lastOffset of a trusted root, -1 if none: records up to it must be sealed. */
  private readonly sealedThrough: number;
  /** Indexes into `trusted` by firstOffset: the order in which batches open as offsets rise. */
  private readonly byFirstOffset: number[];
  private nextToOpen = 0;
  /** Batches whose range contains the current offset; several only where roots overlap. */
  private open: OpenBatch[] = [];
  /** Problems of closed batches with any, by index into `trusted`. */
  private readonly batchProblems = new Map<number, BatchProblem[]>();
  private readonly coverage: CoverageSweep;
  /** Each step of the partition's C2SP log (version 2 roots) against the records. */
  private readonly log: LogVerifier;
  private firstOffset: number | undefined;
  private previousOffset: number | undefined;
  private records = 0;
  private sealed = 0;
  private firstSealedOffset: number | undefined;
  private lastSealedOffset: number | undefined;
  private finished = false;

  constructor(options: PartitionVerifierOptions) {
    this.topic = options.topic;
    this.partition = options.partition;
    this.roots = options.roots;
    this.keyring = options.keyring;
    this.allowPending = options.allowPending === true;
    this.abortedRoots = options.abortedRoots ?? [];
    this.rootsTopic = options.rootsTopic ?? 'sealed-roots';
    this.trusted = this.roots.filter((root) => verifyRootSignature(root, this.keyring).ok);
    this.sealedThrough = this.trusted.reduce((max, r) => Math.max(max, r.lastOffset), -1);
    // The order batches open in; each batch's problems are filed under its own index, so the
    // findings keep sealed-roots order whatever this order is.
    this.byFirstOffset = this.trusted
      .map((_, i) => i)
      .sort(
        (a, b) =>
          (this.trusted[a] as SealedRootRecord).firstOffset -
          (this.trusted[b] as SealedRootRecord).firstOffset,
      );
    this.log = new LogVerifier(this.trusted);
    this.coverage = new CoverageSweep(this.trusted, {
      topic: this.topic,
      partition: this.partition,
    });
  }

  /**
   * The next record of the partition. Offsets must not decrease: a reader that steps back is
   * broken, and sorting here would mean holding the partition. A repeated offset is taken as a
   * second record at that offset (and reported by the batches covering it), as before.
   */
  add(record: StoredRecord): void {
    if (this.finished) throw new Error(`${this.where()}: already finished`);
    const offset = record.offset;
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new Error(`${this.where()}: record offset ${offset} is not a Kafka offset`);
    }
    if (this.previousOffset !== undefined && offset < this.previousOffset) {
      throw new Error(
        `${this.where()}: record offset ${offset} arrived after ${this.previousOffset}; records must come in offset order`,
      );
    }
    this.previousOffset = offset;
    this.firstOffset ??= offset;
    this.records++;

    this.openBatchesFrom(offset);
    // A batch that ended before this offset can receive no more records.
    if (this.open.some((batch) => batch.lastOffset < offset)) {
      for (const batch of this.open) if (batch.lastOffset < offset) this.close(batch);
      this.open = this.open.filter((batch) => batch.lastOffset >= offset);
    }
    // Every open batch now has firstOffset <= offset <= lastOffset: the record is in its range.
    for (const batch of this.open) batch.verifier.add(record);
    this.log.add(this.topic, this.partition, offset, record.value);

    if (offset <= this.sealedThrough) {
      this.sealed++;
      this.firstSealedOffset ??= offset;
      this.lastSealedOffset = offset;
    }
    // With allowPending, records after the last trusted root are the sealer's backlog, not gaps.
    if (!this.allowPending || offset <= this.sealedThrough) this.coverage.add(offset);
  }

  /** The partition's summary and findings; no record may be added afterwards. */
  finish(): { summary: PartitionSummary; findings: Finding[] } {
    if (this.finished) throw new Error(`${this.where()}: already finished`);
    this.finished = true;
    // Batches not yet opened have no (further) records: they are checked as they stand.
    this.openBatchesFrom(Number.POSITIVE_INFINITY);
    for (const batch of this.open) this.close(batch);
    this.open = [];

    const { topic, partition } = this;
    const findings: Finding[] = [];
    // The chain needs only the roots and the first record's offset, both known now.
    for (const problem of verifyChain(this.roots, this.keyring, {
      expectedFirstOffset: this.firstOffset,
    })) {
      findings.push({
        kind: problem.kind,
        topic,
        partition,
        batchSequence: problem.batchSequence,
        firstOffset: problem.firstOffset?.toString(),
        lastOffset: problem.lastOffset?.toString(),
        message: problem.message,
      });
    }
    findings.push(...this.rootsExtendingAbortedOnes());
    for (let i = 0; i < this.trusted.length; i++) {
      for (const problem of this.batchProblems.get(i) ?? []) {
        findings.push({
          kind: problem.kind,
          topic,
          partition,
          batchSequence: problem.batchSequence,
          firstOffset: problem.offset ?? String(problem.firstOffset),
          lastOffset: problem.offset ?? String(problem.lastOffset),
          message: problem.message,
        });
      }
    }
    for (const problem of this.log.finish()) {
      findings.push({
        kind: problem.kind,
        topic,
        partition,
        batchSequence: problem.batchSequence,
        message: `batch ${problem.batchSequence}: ${problem.message}`,
      });
    }
    for (const problem of this.coverage.finish()) {
      findings.push({
        kind: problem.kind,
        topic,
        partition,
        firstOffset: problem.firstOffset,
        lastOffset: problem.lastOffset,
        message: problem.message,
      });
    }

    const head = this.trusted.reduce<SealedRootRecord | undefined>(
      (newest, root) => (!newest || root.batchSequence > newest.batchSequence ? root : newest),
      undefined,
    );
    const summary: PartitionSummary = {
      topic,
      partition,
      records: this.records,
      batches: this.trusted.length,
      firstSealedOffset: this.firstSealedOffset,
      lastSealedOffset: this.lastSealedOffset,
      pending: this.records - this.sealed,
      ...(head && {
        head: {
          batchSequence: head.batchSequence,
          rootHash: Buffer.from(sealedRootHash(head)).toString('hex'),
        },
      }),
      abortedRoots: this.abortedRoots.map(({ root, rootsPartition, rootsOffset }) => ({
        batchSequence: root.batchSequence,
        rootsPartition,
        rootsOffset,
      })),
      ok: findings.length === 0,
    };
    return { summary, findings };
  }

  /**
   * An aborted root is not part of the log: no read_committed reader sees it. Left behind by a
   * sealer that died mid-commit it is harmless, but a committed root that extends one makes the
   * chain continue from a root nobody can read, and the records only it sealed unsealed. The
   * chain check reports the gap; this names the aborted root behind it.
   */
  private rootsExtendingAbortedOnes(): Finding[] {
    if (this.abortedRoots.length === 0) return [];
    const byHash = new Map(
      this.abortedRoots.map((a) => [Buffer.from(sealedRootHash(a.root)).toString('hex'), a]),
    );
    const findings: Finding[] = [];
    for (const root of this.roots) {
      const parent = byHash.get(Buffer.from(root.prevRootHash).toString('hex'));
      if (!parent) continue;
      findings.push({
        kind: 'EXTENDS_ABORTED_ROOT',
        topic: this.topic,
        partition: this.partition,
        batchSequence: root.batchSequence,
        firstOffset: String(parent.root.firstOffset),
        lastOffset: String(parent.root.lastOffset),
        message: `batch ${root.batchSequence} extends batch ${parent.root.batchSequence} (offsets ${parent.root.firstOffset}..${parent.root.lastOffset}) stored at ${this.rootsTopic}/${parent.rootsPartition} offset ${parent.rootsOffset}, a root Kafka aborted: read_committed readers never see it`,
      });
    }
    return findings;
  }

  /** Opens every batch whose range has begun by `offset`. */
  private openBatchesFrom(offset: number): void {
    while (this.nextToOpen < this.byFirstOffset.length) {
      const index = this.byFirstOffset[this.nextToOpen] as number;
      const root = this.trusted[index] as SealedRootRecord;
      if (root.firstOffset > offset) break;
      this.open.push({ index, lastOffset: root.lastOffset, verifier: new BatchVerifier(root) });
      this.nextToOpen++;
    }
  }

  private close(batch: OpenBatch): void {
    const problems = batch.verifier.finish();
    if (problems.length > 0) this.batchProblems.set(batch.index, problems);
  }

  private where(): string {
    return `${this.topic}/${this.partition}`;
  }
}
