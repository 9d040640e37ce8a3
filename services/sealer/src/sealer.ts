import { hostname } from 'node:os';
import { ConsumerSupervisor, type Logger } from '@vigil/runtime';
import type { SealableRecord } from './batch-buffer';
import type { ChainHead } from './chain-head';
import { ChainReader, type StoredAt } from './chain-reader';
import type { SealerConfig } from './config';
import type { SealerMetrics } from './metrics';
import { PartitionSealer } from './partition-sealer';
import type { ConsumedBatch, SealerConsumer, SealerKafka } from './ports';
import type { SigningKey } from './signing-key';

export interface SealerDeps {
  kafka: SealerKafka;
  config: SealerConfig;
  key: SigningKey;
  logger: Logger;
  metrics: SealerMetrics;
}

/**
 * Per partition, the record bytes buffered before a fetch waits for the seal: four of kafkajs's
 * 1 MiB partition fetches. With 300-byte records that is about 14,000 records, enough for a
 * transaction of 8 full batches while the next records arrive; with large records it keeps a
 * sealer of many partitions well inside its heap.
 */
const MAX_BUFFERED_BYTES_PER_PARTITION = 4 * 1024 * 1024;

/**
 * Consumes the sealed topics as one consumer group and hands each assigned partition to its own
 * PartitionSealer. The group spreads partitions over instances; the per-partition transactional
 * producers make sure only the newest owner of a partition can publish its roots.
 */
export class Sealer {
  private consumer: SealerConsumer;
  private stopping = false;
  private readonly supervisor: ConsumerSupervisor;
  private readonly partitions = new Map<string, PartitionSealer>();
  private assignment = new Set<string>();
  private joined = false;
  private crashed = false;
  private readonly chains: ChainReader;
  private readonly seeksAttempted = new Set<string>();

  constructor(private readonly deps: SealerDeps) {
    this.supervisor = new ConsumerSupervisor({
      teardown: () => this.releaseCrashedConsumer(),
      start: () => this.startFreshConsumer(),
      isStopping: () => this.stopping,
      logger: deps.logger,
    });
    this.consumer = this.createConsumer();
    this.chains = new ChainReader((from) => deps.kafka.roots.scan(from));
  }

  private createConsumer(): SealerConsumer {
    const { kafka, logger } = this.deps;
    const consumer = kafka.consumer();
    consumer.onGroupJoin((assignment) => {
      this.joined = true;
      void this.reconcile(assignment);
    });
    consumer.onCrash((crash) => {
      logger.error({ err: crash.error, restart: crash.restart }, 'consumer crashed');
      // kafkajs gives up on some errors for good (e.g. "coordinator is not aware of this member"
      // after a missed session under load). The sealer then rejoins with a fresh consumer; its
      // partitions resynchronise from the chain like after any rebalance.
      if (!crash.restart && !this.stopping) void this.supervisor.crashed();
    });
    return consumer;
  }

  /** Tears the crashed consumer down; the supervisor then starts a fresh one. */
  private async releaseCrashedConsumer(): Promise<void> {
    this.crashed = true;
    this.joined = false;
    await this.consumer.disconnect().catch(() => undefined);
    await this.reconcile({});
  }

  private async startFreshConsumer(): Promise<void> {
    this.consumer = this.createConsumer();
    await this.runConsumer();
    this.crashed = false;
  }

  private async runConsumer(): Promise<void> {
    const { config } = this.deps;
    await this.consumer.connect();
    await this.consumer.subscribe(config.SEALER_TOPICS);
    await this.consumer.run((batch) => this.onBatch(batch));
  }

  get isReady(): boolean {
    return this.joined && !this.crashed;
  }

  async start(): Promise<void> {
    const { config } = this.deps;
    await this.deps.kafka.connect();
    await this.runConsumer();
    this.deps.logger.info(
      { topics: config.SEALER_TOPICS, keyId: this.deps.key.keyId },
      'sealer started',
    );
  }

  /** Graceful stop: seal what is buffered, then leave the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.stop();
    await Promise.all([...this.partitions.values()].map((p) => p.flush()));
    await Promise.all([...this.partitions.values()].map((p) => p.stop()));
    this.partitions.clear();
    await this.consumer.disconnect();
    await this.deps.kafka.disconnect();
  }

  private async onBatch(batch: ConsumedBatch): Promise<void> {
    const key = `${batch.topic}/${batch.partition}`;
    const sealer = this.partitionSealer(batch.topic, batch.partition);
    while (!(await settled(sealer.ready, 2_000))) {
      if (!batch.isRunning() || batch.isStale()) return;
      await batch.heartbeat();
    }
    if (sealer.isStopped || !batch.isRunning() || batch.isStale()) return;

    const expected = sealer.expectedOffset;
    const first = batch.messages[0];
    if (
      expected !== undefined &&
      first &&
      Number(first.offset) > expected &&
      !this.seeksAttempted.has(key)
    ) {
      // The group's position is past the chain (e.g. offsets reset by hand): go back, so every
      // record still gets sealed. Tried once; a second jump means the records are gone.
      this.seeksAttempted.add(key);
      this.deps.logger.warn(
        { topic: batch.topic, partition: batch.partition, expected, fetched: first.offset },
        'seeking back to the chain head',
      );
      this.consumer.seek(batch.topic, batch.partition, String(expected));
      return;
    }
    if (expected !== undefined && first && Number(first.offset) > expected) {
      this.deps.logger.warn(
        { topic: batch.topic, partition: batch.partition, expected, fetched: first.offset },
        'offsets before the fetched record hold no records (transaction markers, or deleted by retention); continuing',
      );
    }
    this.seeksAttempted.delete(key);

    const records: SealableRecord[] = [];
    for (const message of batch.messages) {
      records.push({
        offset: Number(message.offset),
        // The exact bytes Kafka stored: never re-serialised.
        value: message.value ?? Buffer.alloc(0),
        timestampMs: Number(message.timestamp),
      });
    }
    await sealer.add(records, Number(batch.highWatermark));
    await batch.heartbeat();
  }

  private partitionSealer(topic: string, partition: number): PartitionSealer {
    const key = `${topic}/${partition}`;
    let sealer = this.partitions.get(key);
    if (!sealer || sealer.isStopped) {
      const { config, kafka, logger, metrics, key: signingKey } = this.deps;
      sealer = new PartitionSealer(topic, partition, {
        producers: kafka.producers,
        offsets: kafka.offsets,
        logger,
        metrics,
        key: signingKey,
        groupId: config.SEALER_GROUP_ID,
        rootsTopic: config.SEALER_ROOTS_TOPIC,
        logName: config.SEALER_LOG_NAME,
        transactionalId: `${config.SEALER_TRANSACTIONAL_ID_PREFIX}-${topic}-${partition}`,
        transactionTimeoutMs: config.SEALER_TRANSACTION_TIMEOUT_MS,
        maxBatchEvents: config.SEALER_MAX_BATCH_EVENTS,
        maxBatchMs: config.SEALER_MAX_BATCH_MS,
        maxBufferedBytes: MAX_BUFFERED_BYTES_PER_PARTITION,
        newestPublishedRoot: (from) => this.newestPublishedRoot(key, from),
        isAssigned: () => this.assignment.has(key),
      });
      this.partitions.set(key, sealer);
    }
    return sealer;
  }

  /**
   * The newest root of a chain in sealed-roots, read from `from` on. When the roots topic has
   * gained partitions since that root was written, the chain's next roots went elsewhere and
   * only a read of the whole topic finds them.
   */
  private async newestPublishedRoot(
    chain: string,
    from: StoredAt | undefined,
  ): Promise<ChainHead | undefined> {
    if (from && from.partition !== (await this.deps.kafka.roots.partitionOf(chain))) {
      from = undefined;
    }
    return this.chains.newestRoot(chain, from);
  }

  private async reconcile(memberAssignment: Record<string, number[]>): Promise<void> {
    const next = new Set<string>();
    for (const [topic, partitions] of Object.entries(memberAssignment)) {
      for (const partition of partitions) next.add(`${topic}/${partition}`);
    }
    this.assignment = next;
    this.deps.metrics.assignedPartitions.set(next.size);
    this.deps.logger.info({ partitions: [...next].sort() }, 'assignment changed');
    const revoked = [...this.partitions.entries()].filter(([key]) => !next.has(key));
    for (const [key] of revoked) this.partitions.delete(key);
    // Revoked partitions are dropped unsealed: the new owner resumes from the last published root.
    await Promise.all(revoked.map(([, sealer]) => sealer.stop()));
    for (const key of next) {
      const slash = key.lastIndexOf('/');
      // Start fencing and head lookup for every new partition at once, before records arrive.
      this.partitionSealer(key.slice(0, slash), Number(key.slice(slash + 1)));
    }
  }
}

/** Resolves true once `promise` settles, or false after `ms`. */
async function settled(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = promise.then(
    () => true as const,
    () => true as const,
  );
  const result = await Promise.race([done, timeout]);
  clearTimeout(timer);
  return result;
}

export const defaultInstanceId = (): string => `${hostname()}-${process.pid}`;
