import { vigil } from '@vigil/proto';
import {
  backoffDelay,
  ConsumerSupervisor,
  sleep,
  type BackoffOptions,
  type Logger,
} from '@vigil/runtime';
import { RiskStateUnavailableError } from '../errors';
import type { RiskMetrics } from '../metrics';
import { toRiskEvent } from '../model/events';
import type { Policy } from '../policy/policy';
import type { EncodedState } from '../store/codec';
import type { UserWrite, WriteOutcome } from '../store/store';
import type {
  ConsumedBatch,
  StreamConsumer,
  StreamConsumerFactory,
  TopicPartitionOffset,
} from './consumer';
import { foldUserEvents, type PositionedEvent } from './fold';

/** While Redis is away a batch is retried, heartbeating, at most every 2 s. */
const REDIS_RETRY_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 2_000 };

/**
 * What the stream processor needs from the risk state (RiskStore, over Redis). Both calls throw
 * RiskStateUnavailableError when the store cannot answer; a batch is then retried, not skipped.
 */
export interface RiskStateStore {
  /** Every user's state as stored, in the order asked. */
  loadMany(userIds: readonly string[]): Promise<EncodedState[]>;
  /**
   * Each write lands only if the user's applied-events counter is still the one it was computed
   * from and its partition's watermark is below its first offset; otherwise 'conflict'.
   */
  writeMany(writes: readonly UserWrite[]): Promise<WriteOutcome[]>;
}

export interface StreamProcessorOptions {
  /** A new group member per start (kafka-consumer.ts in the service). */
  consumers: StreamConsumerFactory;
  /** The store on the long-timeout Redis client. */
  store: RiskStateStore;
  policy: Policy;
  /**
   * Access events, and the admin log (restrictions set and cleared by RiskAdminService). Only
   * records of the admin log may act as admin actions (see model/events.ts).
   */
  topics: { events: string; admin: string };
  /** Commit consumed offsets at most this often (0: after every batch). */
  commitIntervalMs: number;
  metrics: RiskMetrics;
  logger: Logger;
}

/** A batch whose users keep losing write races this often is a bug or a split brain: fail it. */
const MAX_WRITE_ATTEMPTS = 8;

/** "topic/partition", the key of per-partition bookkeeping across the two topics. */
const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/**
 * Consumes access events (and the admin log) into per-user risk state.
 *
 * Per batch (one partition): decode, group by user, load every user's state in one pipelined
 * round trip, fold the events in memory, write every user back in a second round trip (each write
 * a Lua script that checks the watermark and the applied-events counter), and only then mark the
 * offsets for commit. At-least-once delivery, exactly-once effects: a crash after the write but
 * before the commit re-delivers events that the watermark turns into no-ops.
 */
export class StreamProcessor {
  private consumer: StreamConsumer | undefined;
  private joined = false;
  private stopping = false;
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  /** Offsets processed but not yet committed, by "topic/partition". */
  private readonly uncommitted = new Map<string, TopicPartitionOffset>();
  /** Partitions this instance reports a lag for; a moved partition's lag is its new owner's. */
  private readonly lagReported = new Map<string, { topic: string; partition: number }>();
  private lastCommit = Date.now();
  private commitTimer: NodeJS.Timeout | undefined;
  private readonly supervisor: ConsumerSupervisor;

  constructor(private readonly options: StreamProcessorOptions) {
    this.supervisor = new ConsumerSupervisor({
      teardown: () => this.releaseCrashedConsumer(),
      start: () => this.start(),
      isStopping: () => this.stopping,
      logger: options.logger,
    });
  }

  /** Joined its group and consuming. */
  isReady(): boolean {
    return this.joined && !this.stopping;
  }

  async start(): Promise<void> {
    const { topics, logger } = this.options;
    const consumer = this.options.consumers();
    this.consumer = consumer;
    await consumer.run([topics.events, topics.admin], {
      eachBatch: (batch) => this.track(() => this.handleBatch(batch)),
      joined: (assignment) => {
        this.joined = true;
        // Offsets of partitions that moved to another member are theirs to commit now.
        const owned = new Set(
          Object.entries(assignment).flatMap(([topic, partitions]) =>
            partitions.map((p) => partitionKey(topic, p)),
          ),
        );
        for (const key of [...this.uncommitted.keys()]) {
          if (!owned.has(key)) this.uncommitted.delete(key);
        }
        for (const [key, { topic, partition }] of [...this.lagReported]) {
          if (owned.has(key)) continue;
          this.lagReported.delete(key);
          this.options.metrics.consumerLag.remove(topic, String(partition));
        }
        logger.info({ assignment }, 'joined consumer group');
      },
      crashed: (err, restarting) => {
        this.joined = false;
        logger.error({ err, restart: restarting }, 'consumer crashed');
        // kafkajs gives up for good on some errors (e.g. "the coordinator is not aware of this
        // member" after a session missed under load). Rejoin with a fresh consumer: uncommitted
        // events are re-delivered, and the watermarks make them no-ops.
        if (!restarting && !this.stopping) void this.supervisor.crashed();
      },
      stopped: () => {
        this.joined = false;
      },
    });
    // Commit on a clock too, not only when the next batch arrives: an idle partition's last
    // offsets would otherwise stay uncommitted, and the lag would never read zero.
    clearInterval(this.commitTimer);
    this.commitTimer = setInterval(
      () =>
        void this.commit().catch((err: unknown) =>
          logger.warn({ err }, 'periodic offset commit failed; retrying'),
        ),
      Math.max(200, this.options.commitIntervalMs || 1_000),
    );
    this.commitTimer.unref();
  }

  /** Tears the crashed consumer down; the supervisor then runs `start` again. */
  private async releaseCrashedConsumer(): Promise<void> {
    clearInterval(this.commitTimer);
    this.uncommitted.clear();
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Stops fetching, lets the batch in hand finish, commits what was applied, leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer || this.stopping) return;
    this.stopping = true;
    clearInterval(this.commitTimer);
    try {
      const { topics } = this.options;
      consumer.pause([topics.events, topics.admin]);
    } catch {
      // Not running (stopped between a crash and its restart): nothing is being fetched anyway.
    }
    await this.idle();
    await this.commit().catch((err: unknown) =>
      this.options.logger.warn(
        { err },
        'final offset commit failed; events will be re-delivered (harmlessly)',
      ),
    );
    await consumer.disconnect();
  }

  private async handleBatch(batch: ConsumedBatch): Promise<void> {
    if (this.stopping || !batch.isRunning() || batch.isStale()) return;
    const { metrics, policy } = this.options;

    const byUser = new Map<string, PositionedEvent[]>();
    let produceTimes: number[] = [];
    for (const message of batch.messages) {
      const position = {
        topic: batch.topic,
        partition: batch.partition,
        offset: Number(message.offset),
      };
      const timestampMs = Number(message.timestamp);
      let decoded: vigil.v1.AccessEvent;
      try {
        decoded = vigil.v1.AccessEvent.decode(message.value ?? Buffer.alloc(0));
      } catch {
        // A record that is not an AccessEvent can never be applied; stalling the partition on it
        // would stop risk for every user behind it.
        metrics.eventsConsumed.labels('skipped_undecodable').inc();
        this.options.logger.warn(position, 'skipping a record that is not an AccessEvent');
        continue;
      }
      const event = toRiskEvent(
        decoded,
        {
          key: message.key?.toString('utf8'),
          timestampMs,
          fromAdminLog: batch.topic === this.options.topics.admin,
        },
        policy,
      );
      if ('skip' in event) {
        metrics.eventsConsumed.labels(`skipped_${event.skip}`).inc();
        if (event.skip === 'forged_admin_action') {
          this.options.logger.warn(
            {
              ...position,
              eventId: decoded.eventId,
              action: decoded.action,
              source: decoded.source,
            },
            'ignoring an admin action on the access-events topic: only the admin log can carry one',
          );
        } else if (event.skip === 'invalid_field') {
          // Field and rule only: the value itself may be anything a client sent.
          this.options.logger.warn(
            { ...position, eventId: decoded.eventId, field: event.field, code: event.code },
            'skipping an event whose field breaks the shared input rules',
          );
        }
        continue;
      }
      let list = byUser.get(event.userId);
      if (!list) byUser.set(event.userId, (list = []));
      list.push({ event, position });
      produceTimes.push(timestampMs);
    }

    if (byUser.size > 0 && !(await this.applyWithRetry(byUser, batch))) return;
    const now = Date.now();
    for (const t of produceTimes) metrics.applyLagSeconds.observe(Math.max(0, now - t) / 1000);
    produceTimes = [];

    batch.resolveOffset(batch.lastOffset());
    const key = partitionKey(batch.topic, batch.partition);
    this.uncommitted.set(key, {
      topic: batch.topic,
      partition: batch.partition,
      offset: String(Number(batch.lastOffset()) + 1),
    });
    metrics.consumerLag.labels(batch.topic, String(batch.partition)).set(Number(batch.offsetLag()));
    this.lagReported.set(key, { topic: batch.topic, partition: batch.partition });
    if (now - this.lastCommit >= this.options.commitIntervalMs) await this.commit();
    await batch.heartbeat();
  }

  /**
   * Redis outages are waited out here, heartbeating, rather than thrown to kafkajs (which would
   * restart the consumer and rebalance the group every few seconds). False: stopped meanwhile;
   * the batch is left unresolved and will be re-delivered.
   */
  private async applyWithRetry(
    byUser: Map<string, PositionedEvent[]>,
    batch: ConsumedBatch,
  ): Promise<boolean> {
    for (let failures = 0; ; failures++) {
      try {
        await this.applyUsers(byUser);
        return true;
      } catch (err) {
        if (!(err instanceof RiskStateUnavailableError)) throw err;
        this.options.metrics.redisErrors.labels('apply').inc();
        if (failures % 20 === 0) {
          this.options.logger.warn({ err: err.message }, 'risk state unavailable; retrying batch');
        }
      }
      await sleep(backoffDelay(failures, REDIS_RETRY_BACKOFF));
      if (this.stopping || !batch.isRunning() || batch.isStale()) return false;
      await batch.heartbeat();
    }
  }

  private async applyUsers(byUser: Map<string, PositionedEvent[]>): Promise<void> {
    const { store, policy, metrics } = this.options;
    let users = [...byUser.keys()];
    for (let attempt = 1; users.length > 0; attempt++) {
      if (attempt > MAX_WRITE_ATTEMPTS) {
        throw new Error(`risk state writes kept conflicting for ${users.length} user(s)`);
      }
      const loaded = await store.loadMany(users);
      const folds = users.map((userId, i) =>
        foldUserEvents(
          userId,
          loaded[i] as (typeof loaded)[number],
          byUser.get(userId) ?? [],
          policy,
        ),
      );
      const writes = folds.flatMap((fold) => (fold.write ? [fold.write] : []));
      const outcomes = writes.length > 0 ? await store.writeMany(writes) : [];
      const conflicted = new Set<string>();
      outcomes.forEach((outcome, i) => {
        if (outcome === 'conflict') conflicted.add((writes[i] as (typeof writes)[number]).userId);
      });
      for (const fold of folds) {
        if (fold.write && conflicted.has(fold.write.userId)) continue;
        if (fold.applied > 0) metrics.eventsConsumed.labels('applied').inc(fold.applied);
        if (fold.duplicates > 0) metrics.eventsConsumed.labels('duplicate').inc(fold.duplicates);
        for (const signal of fold.signals) metrics.signals.labels(signal).inc();
        if (fold.restrictions.score > 0)
          metrics.restrictions.labels('score').inc(fold.restrictions.score);
        if (fold.restrictions.manual > 0)
          metrics.restrictions.labels('manual').inc(fold.restrictions.manual);
      }
      if (conflicted.size > 0) metrics.writeConflicts.inc(conflicted.size);
      users = [...conflicted];
    }
  }

  private async commit(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer || this.uncommitted.size === 0) return;
    const offsets = [...this.uncommitted.values()];
    this.uncommitted.clear();
    this.lastCommit = Date.now();
    try {
      await consumer.commit(offsets);
    } catch (err) {
      // Put them back unless a later batch already moved past them.
      for (const entry of offsets) {
        const key = partitionKey(entry.topic, entry.partition);
        if (!this.uncommitted.has(key)) this.uncommitted.set(key, entry);
      }
      throw err;
    }
  }

  private async track(work: () => Promise<void>): Promise<void> {
    this.active += 1;
    try {
      await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  private idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
