import { ACKS_ALL, backoffDelay, sleep, type BackoffOptions, type Logger } from '@vigil/runtime';
import { vigil } from '@vigil/proto';
import type { Producer } from 'kafkajs';
import type { RiskMetrics } from '../metrics';

export interface DecisionLogOptions {
  producer: Producer;
  topic: string;
  /** Decisions held (queued or in flight) before `offer` refuses more. */
  maxBuffered: number;
  /** Records per produce request. */
  maxBatch?: number;
  /**
   * How long a batch may wait for more decisions before it is sent. kafkajs spends a large fixed
   * CPU cost per produce request: measured here, ~350 us per decision when every decision went
   * out on its own, ~75 us with 20 ms of linger. Decisions are off the latency path, so the wait
   * costs callers nothing; it only widens what a hard crash can lose from memory.
   */
  lingerMs?: number;
  logger: Logger;
  metrics: RiskMetrics;
}

interface Entry {
  key: string;
  decidedAt: number;
  record: vigil.v1.IAuthzDecision;
}

const RETRY_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 5_000 };

/**
 * Bytes of encoded decisions per produce call. Kafka refuses a record batch above the topic's
 * max.message.bytes (1 MiB by default) for good, and a refused batch would block the log behind
 * it forever, so batches stay well below that whatever the decisions hold.
 */
const MAX_BATCH_BYTES = 256 * 1024;

/**
 * Publishes every decision to `authz-decisions`, in the background and in batches, so Authorize
 * never waits for Kafka. Decisions leave the buffer only once Kafka acknowledged them (acks=all);
 * a failed batch goes back to the front and is retried, never dropped. When Kafka is down long
 * enough for the buffer to fill, `offer` returns false and Authorize answers UNAVAILABLE instead
 * of handing out decisions nobody would ever see.
 */
export class DecisionLog {
  private queue: Entry[] = [];
  private inFlight = 0;
  private sending = false;
  private closed = false;
  private failures = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly maxBatch: number;
  private readonly lingerMs: number;

  constructor(private readonly options: DecisionLogOptions) {
    this.maxBatch = options.maxBatch ?? 1_000;
    this.lingerMs = options.lingerMs ?? 20;
  }

  /** Decisions not yet acknowledged by Kafka. */
  get depth(): number {
    return this.queue.length + this.inFlight;
  }

  /** True while there is room for another decision. */
  get accepting(): boolean {
    return !this.closed && this.depth < this.options.maxBuffered;
  }

  /** Queues a decision for publishing; false when it cannot be taken (full or closed). */
  offer(key: string, decidedAt: number, record: vigil.v1.IAuthzDecision): boolean {
    if (!this.accepting) return false;
    this.queue.push({ key, decidedAt, record });
    this.options.metrics.decisionBufferDepth.set(this.depth);
    if (!this.sending) {
      this.sending = true;
      setImmediate(() => void this.drain());
    }
    return true;
  }

  /** Resolves once every decision offered so far is acknowledged. */
  flush(): Promise<void> {
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking decisions and waits until the buffered ones are published. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async drain(): Promise<void> {
    const { producer, topic, logger, metrics } = this.options;
    while (this.queue.length > 0) {
      if (this.lingerMs > 0 && this.queue.length < this.maxBatch && !this.closed) {
        await new Promise((resolve) => setTimeout(resolve, this.lingerMs));
      }
      const messages: { key: string; value: Buffer; timestamp: string }[] = [];
      let bytes = 0;
      for (const entry of this.queue) {
        if (messages.length >= this.maxBatch) break;
        const value = Buffer.from(vigil.v1.AuthzDecision.encode(entry.record).finish());
        if (messages.length > 0 && bytes + value.length > MAX_BATCH_BYTES) break;
        messages.push({ key: entry.key, value, timestamp: String(entry.decidedAt) });
        bytes += value.length;
      }
      const batch = this.queue.splice(0, messages.length);
      this.inFlight = batch.length;
      try {
        await producer.send({ topic, acks: ACKS_ALL, messages });
        this.inFlight = 0;
        this.failures = 0;
        metrics.decisionsPublished.inc(batch.length);
      } catch (err) {
        // The durable producer retries transient errors itself; what reaches here is either a
        // non-retriable error or a disconnected producer. Keep the batch, in order, and retry.
        this.inFlight = 0;
        this.queue = batch.concat(this.queue);
        metrics.decisionPublishFailures.inc();
        const backoff = backoffDelay(this.failures, RETRY_BACKOFF);
        this.failures += 1;
        logger.error(
          { err, depth: this.depth, retryInMs: backoff },
          'publishing decisions failed; keeping them buffered',
        );
        await sleep(backoff);
      }
      metrics.decisionBufferDepth.set(this.depth);
    }
    this.sending = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
