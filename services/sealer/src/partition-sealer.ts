import { encodeSealedRoot } from '@vigil/audit';
import { ACKS_ALL, backoffDelay, sleep, type BackoffOptions, type Logger } from '@vigil/runtime';
import { BatchBuffer, type SealableRecord } from './batch-buffer';
import { buildRoot, type BuiltRoot } from './build-root';
import { chooseHead, decodeHeadMetadata, encodeHeadMetadata, type ChainHead } from './chain-head';
import type { StoredAt } from './chain-reader';
import type { SealerMetrics } from './metrics';
import type { PartitionOffsets, RootsProducer, RootsProducers } from './ports';
import type { SigningKey } from './signing-key';

/**
 * Between failed seals of a partition (the runtime's one backoff). backoff() counts the failure
 * first, so the first wait is attempt 1: 200 ms, doubling to 5 s.
 */
const RESYNC_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 5_000 };

/**
 * At most this many roots go into one transaction. A backlog seals in groups, so its
 * transactions' round trips are paid once per group; the bound keeps one transaction's records
 * and a retry's re-hashing small.
 */
export const MAX_ROOTS_PER_TRANSACTION = 8;

export interface PartitionSealerDeps {
  producers: RootsProducers;
  offsets: PartitionOffsets;
  logger: Logger;
  metrics: SealerMetrics;
  key: SigningKey;
  groupId: string;
  rootsTopic: string;
  /** SEALER_LOG_NAME: the partition's log is `<logName>/<topic>/<partition>`. */
  logName: string;
  transactionalId: string;
  transactionTimeoutMs: number;
  maxBatchEvents: number;
  maxBatchMs: number;
  /**
   * add() resolves without waiting for the seal while the buffered records' values take at most
   * this many bytes, so the consumer fetches the next records while the transaction is in
   * flight; above it, add() waits for the seal (back-pressure on the fetch, and a bound on
   * memory). 0, the default: add() always waits.
   */
  maxBufferedBytes?: number;
  /**
   * This chain's newest trusted root in sealed-roots, read through the high watermark by a read
   * that starts after the call; from `from` on, or the whole topic.
   */
  newestPublishedRoot(from: StoredAt | undefined): Promise<ChainHead | undefined>;
  /** Whether the consumer group still assigns this partition to this instance. */
  isAssigned(): boolean;
  now?: () => number;
}

/**
 * Seals one input partition. It owns that partition's transactional producer, so initialising
 * it fences any other instance still sealing the partition (a zombie after a rebalance or a
 * pause), and the head read waits until that instance's open transaction is aborted (at its
 * timeout) or completed: a root counts only once a read_committed reader would see it.
 *
 * Every root is published in a transaction together with the consumer offset and the new chain
 * head (a backlog's due batches share one), so a crash at any instant leaves either all of it or
 * none. After any failure the outcome of the last commit is unknown; the sealer then
 * re-initialises the producer (which settles that transaction) and re-reads the head before
 * sealing again, so it can never publish a root twice or fork the chain.
 */
export class PartitionSealer {
  readonly key: string;
  readonly ready: Promise<void>;
  private producer: RootsProducer | undefined;
  private head: ChainHead | undefined;
  private buffer: BatchBuffer | undefined;
  private work: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = 0;
  private stopped = false;
  private failures = 0;
  private highWatermark = 0;
  /** The partition's first offset, known when the chain has no head yet. */
  private partitionStart = 0;
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly deps: PartitionSealerDeps,
  ) {
    this.key = `${topic}/${partition}`;
    this.log = deps.logger.child({ topic, partition });
    this.now = deps.now ?? Date.now;
    this.ready = this.synchronise();
    // A failed start is retried by synchronise itself; this only keeps the rejection handled.
    this.ready.catch(() => undefined);
  }

  /** Offset the next batch must start at, once ready. Undefined when nothing is sealed yet. */
  get nextOffset(): number | undefined {
    return this.head ? this.head.lastOffset + 1 : undefined;
  }

  /** The next offset this partition should receive: after what is sealed or buffered. */
  get expectedOffset(): number | undefined {
    const highest = this.buffer?.highestOffset ?? -1;
    return highest >= 0 ? highest + 1 : this.nextOffset;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Buffers consumed records and seals whenever a batch is full. */
  async add(records: readonly SealableRecord[], highWatermark: number): Promise<void> {
    await this.ready;
    if (this.stopped || !this.buffer) return;
    this.highWatermark = Math.max(this.highWatermark, highWatermark);
    const now = this.now();
    for (const record of records) this.buffer.add(record, now, this.deps.maxBatchMs);
    this.reportLag();
    if (!this.buffer.isFull()) {
      this.armTimer();
      return;
    }
    const sealing = this.enqueue(false);
    if (this.buffer.bytes > (this.deps.maxBufferedBytes ?? 0)) {
      await sealing;
    } else {
      // A failure stays in `work`, so the next add() that has to wait reports it.
      sealing.catch(() => undefined);
    }
  }

  /** Seals whatever is buffered, full batch or not (graceful shutdown). */
  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.enqueue(true);
  }

  /** Stops without sealing: the partition belongs to another instance now. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.work.catch(() => undefined);
    await this.disconnectProducer();
    this.deps.metrics.consumerLag.remove({ topic: this.topic, partition: String(this.partition) });
  }

  private enqueue(force: boolean): Promise<void> {
    this.work = this.work.then(() => this.sealDue(force));
    return this.work;
  }

  private armTimer(): void {
    const dueAt = this.partialBatchDueAt();
    if (dueAt === undefined || this.stopped) return;
    // Re-armed only when the cut moved earlier (the partition caught up with its end).
    if (this.timer && dueAt >= this.timerDueAt) return;
    clearTimeout(this.timer);
    this.timerDueAt = dueAt;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.enqueue(false);
      },
      Math.max(0, dueAt - this.now()),
    );
  }

  private isDue(force: boolean): boolean {
    const buffer = this.buffer;
    if (!buffer || buffer.size === 0) return false;
    if (force || buffer.isFull()) return true;
    const dueAt = this.partialBatchDueAt();
    return dueAt !== undefined && this.now() >= dueAt;
  }

  /**
   * When the buffered partial batch is cut: maxBatchMs after it opened. While the partition's end
   * lies further ahead, more records are coming and will fill it, so it also waits until it has
   * been buffered for maxBatchMs: a backlog is sealed in full batches instead of a small one per
   * fetch, and the log's subtrees stay aligned with the batches' (MerkleAccumulator.addLevels).
   */
  private partialBatchDueAt(): number | undefined {
    const openedAt = this.buffer?.openedAtMs;
    const waitingSince = this.buffer?.waitingSince;
    if (openedAt === undefined || waitingSince === undefined) return undefined;
    const windowCloses = openedAt + this.deps.maxBatchMs;
    return this.isBehind()
      ? Math.max(windowCloses, waitingSince + this.deps.maxBatchMs)
      : windowCloses;
  }

  /**
   * Whether the partition holds records past the buffered ones. One offset of slack: a
   * transaction's commit marker takes an offset but is no record.
   */
  private isBehind(): boolean {
    const next = (this.buffer?.highestOffset ?? -1) + 1;
    return this.highWatermark > next + 1;
  }

  private async sealDue(force: boolean): Promise<void> {
    while (!this.stopped && this.isDue(force)) {
      await this.sealDueBatches();
    }
    this.armTimer();
  }

  /**
   * Seals the due batches, up to MAX_ROOTS_PER_TRANSACTION of them, in one transaction: their
   * roots, in chain order, then the offset after the last. A backlog then pays the
   * transaction's round trips once per group instead of once per batch; each batch is still
   * its own root, and the group lands whole or not at all.
   */
  private async sealDueBatches(): Promise<void> {
    const buffer = this.buffer;
    if (!buffer) return;
    const batches = buffer.peekDueBatches(MAX_ROOTS_PER_TRANSACTION);
    const first = batches[0]?.[0];
    if (!first) return;
    if (!this.head && first.offset > this.partitionStart) {
      // Batch 0 must start at the partition's first record. Starting later means the head was
      // misread, or records before `first` were skipped: resynchronise instead of sealing.
      this.log.error(
        { firstOffset: first.offset, partitionStart: this.partitionStart },
        'no chain head, but the buffered records do not start the partition; resynchronising',
      );
      await this.resynchronise();
      return;
    }
    const built: BuiltRoot[] = [];
    let previous = this.head;
    for (const records of batches) {
      const root = buildRoot({
        topic: this.topic,
        partition: this.partition,
        logName: this.deps.logName,
        records,
        previous,
        privateKey: this.deps.key.privateKey,
        nowMs: this.now(),
      });
      built.push(root);
      previous = root.head;
    }
    let head: ChainHead;
    try {
      head = await this.publish(built);
    } catch (err) {
      if (this.stopped) return;
      this.deps.metrics.sealFailures.inc({ topic: this.topic, reason: errorReason(err) });
      this.log.warn(
        {
          err: errorSummary(err),
          batchSequence: built[0]?.root.batchSequence,
          roots: built.length,
        },
        'seal failed; resynchronising chain head',
      );
      await this.resynchronise();
      return;
    }
    this.failures = 0;
    this.head = head;
    const publishedAt = this.now();
    buffer.markSealedThrough(head.lastOffset, publishedAt);
    for (const records of batches) this.observe(records, publishedAt);
  }

  /**
   * Publishes the roots and commits the offset after the last one in one transaction; returns
   * the new head (the last root's).
   */
  private async publish(built: readonly BuiltRoot[]): Promise<ChainHead> {
    const producer = this.producer;
    const last = built.at(-1);
    if (!producer) throw new Error('producer not connected');
    if (!last) throw new Error('nothing to publish');
    const transaction = await producer.transaction();
    try {
      const [sent] = await transaction.send({
        topic: this.deps.rootsTopic,
        acks: ACKS_ALL,
        messages: built.map(({ root }) => ({
          key: this.key,
          value: encodeSealedRoot(root),
          headers: { 'vigil-key-id': root.keyId },
        })),
      });
      if (!sent?.baseOffset) throw new Error('the broker did not say where the roots were stored');
      // One key, so one partition and one record batch: the roots take consecutive offsets.
      const stored: ChainHead = {
        ...last.head,
        stored: { partition: sent.partition, offset: Number(sent.baseOffset) + built.length - 1 },
      };
      await transaction.sendOffsets({
        consumerGroupId: this.deps.groupId,
        topic: this.topic,
        partition: this.partition,
        offset: String(stored.lastOffset + 1),
        metadata: encodeHeadMetadata(stored),
      });
      await transaction.commit();
      return stored;
    } catch (err) {
      await transaction.abort().catch(() => undefined);
      throw err;
    }
  }

  /** First start: fence earlier owners, then learn the chain head. Retries until stopped. */
  private async synchronise(): Promise<void> {
    for (;;) {
      try {
        await this.connectProducer();
        this.head = await this.loadHead();
        this.buffer = new BatchBuffer(this.deps.maxBatchEvents, this.head?.lastOffset ?? -1);
        this.log.info(
          {
            batchSequence: this.head?.batchSequence ?? null,
            nextOffset: this.nextOffset ?? 'earliest',
          },
          'partition assigned; resuming after the last sealed offset',
        );
        return;
      } catch (err) {
        if (this.stopped) return;
        this.log.warn(
          { err: errorSummary(err) },
          'could not start sealing the partition; retrying',
        );
        await this.backoff();
        if (this.stopped) return;
      }
    }
  }

  /**
   * After a failed seal the last transaction may or may not have committed. A new producer with
   * the same transactional id settles it; the committed head then says which.
   */
  private async resynchronise(): Promise<void> {
    for (;;) {
      await this.disconnectProducer();
      await this.backoff();
      if (this.stopped) return;
      if (!this.deps.isAssigned()) {
        this.log.info('partition no longer assigned; stopping');
        this.stopped = true;
        clearTimeout(this.timer);
        return;
      }
      try {
        await this.connectProducer();
        this.head = await this.loadHead();
        this.buffer?.markSealedThrough(this.head?.lastOffset ?? -1, this.now());
        this.log.info(
          { batchSequence: this.head?.batchSequence ?? null },
          'chain head resynchronised',
        );
        return;
      } catch (err) {
        this.log.warn({ err: errorSummary(err) }, 'resynchronisation failed; retrying');
      }
    }
  }

  private async connectProducer(): Promise<void> {
    // Fences every older holder of the transactional id; a transaction such a holder left open
    // is aborted by Kafka at its timeout, and the head read waits for that (see scanChainHeads).
    this.producer = await this.deps.producers.connect({
      transactionalId: this.deps.transactionalId,
      transactionTimeoutMs: this.deps.transactionTimeoutMs,
    });
  }

  private async disconnectProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  /**
   * The head of this partition's chain, read after our producer was initialised (so nobody else
   * can extend the chain meanwhile). The committed offsets only say where to start reading
   * sealed-roots; the newest root found there is the head. Every doubt is an error to retry,
   * never a new chain (see chooseHead).
   */
  private async loadHead(): Promise<ChainHead | undefined> {
    const committed = await this.deps.offsets.committed(
      this.deps.groupId,
      this.topic,
      this.partition,
    );
    const committedOffset = committed.offset;
    let hint = decodeHeadMetadata(committed.metadata);
    if (hint && committedOffset !== hint.lastOffset + 1) hint = undefined;
    if (!hint && committedOffset >= 0) {
      this.log.warn(
        { offset: committedOffset },
        'committed offset carries no chain head; reading the whole chain',
      );
    }
    const published = await this.deps.newestPublishedRoot(hint?.stored);
    const head = chooseHead({ committed: hint, committedOffset, published, ownHead: this.head });
    if (head && head.batchSequence > (hint?.batchSequence ?? -1)) {
      // Seen right after SIGKILL handovers and broker restarts: OffsetFetch cannot ask for
      // stable offsets in kafkajs (KIP-447), so it may answer from before the last commit.
      this.log.warn(
        { committedBatch: hint?.batchSequence ?? null, publishedBatch: head.batchSequence },
        'committed offsets lag the published chain; extending the published head',
      );
    }
    if (!head) this.partitionStart = await this.firstOffset();
    return head;
  }

  /** The partition's first offset: where batch 0 must start. */
  private async firstOffset(): Promise<number> {
    return this.deps.offsets.lowWatermark(this.topic, this.partition);
  }

  private async backoff(): Promise<void> {
    this.failures += 1;
    await sleep(backoffDelay(this.failures, RESYNC_BACKOFF));
  }

  private observe(records: readonly SealableRecord[], publishedAt: number): void {
    const { metrics } = this.deps;
    const labels = { topic: this.topic };
    metrics.rootsPublished.inc(labels);
    metrics.eventsSealed.inc(labels, records.length);
    metrics.batchSize.observe(labels, records.length);
    for (const record of records) {
      metrics.sealLagSeconds.observe(labels, Math.max(0, publishedAt - record.timestampMs) / 1000);
    }
    this.reportLag();
  }

  private reportLag(): void {
    const next = this.nextOffset ?? 0;
    this.deps.metrics.consumerLag.set(
      { topic: this.topic, partition: String(this.partition) },
      Math.max(0, this.highWatermark - next),
    );
  }
}

function errorReason(err: unknown): string {
  const type = (err as { type?: unknown }).type;
  return typeof type === 'string' ? type : err instanceof Error ? err.name : 'unknown';
}

function errorSummary(err: unknown): { type: string; message: string } {
  return { type: errorReason(err), message: err instanceof Error ? err.message : String(err) };
}
