import { ACKS_ALL, Coalescer, type BackoffOptions, type Logger } from '@vigil/runtime';
import { vigil } from '@vigil/proto';
import type { Message, Producer } from 'kafkajs';
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

const RETRY_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 5_000 };

/**
 * Bytes of encoded decisions per produce call. Kafka refuses a record batch above the topic's
 * max.message.bytes (1 MiB by default) for good, and a refused batch would block the log behind
 * it forever, so batches stay well below that whatever the decisions hold.
 */
const MAX_BATCH_BYTES = 256 * 1024;

/**
 * Publishes every decision to `authz-decisions`, in the background and in batches, so Authorize
 * never waits for Kafka. The batching is @vigil/runtime's Coalescer (ingest's too) in its retry
 * mode: decisions leave the buffer only once Kafka acknowledged them (acks=all), and a failed
 * batch goes back to the front and is retried, never dropped. When Kafka is down long enough for
 * the buffer to fill, `offer` returns false and Authorize answers UNAVAILABLE instead of handing
 * out decisions nobody would ever see.
 */
export class DecisionLog {
  private readonly batches: Coalescer<Message, void>;
  private closed = false;

  constructor(private readonly options: DecisionLogOptions) {
    const { producer, topic, logger, metrics } = options;
    this.batches = new Coalescer<Message, void>({
      lingerMs: options.lingerMs ?? 20,
      maxItems: options.maxBatch ?? 1_000,
      maxBytes: MAX_BATCH_BYTES,
      retry: RETRY_BACKOFF,
      send: async (messages) => {
        await producer.send({ topic, acks: ACKS_ALL, messages: [...messages] });
        metrics.decisionsPublished.inc(messages.length);
        return messages.map(() => undefined);
      },
      onFlush: ({ error, retryInMs }) => {
        // The durable producer retries transient errors itself; what reaches here is either a
        // non-retriable error or a disconnected producer. The batch is kept, in order.
        if (error !== undefined) {
          metrics.decisionPublishFailures.inc();
          logger.error(
            { err: error, depth: this.depth, retryInMs },
            'publishing decisions failed; keeping them buffered',
          );
        }
        // Counted after this flush settles: what is left waiting, plus the next batch out.
        setImmediate(() => metrics.decisionBufferDepth.set(this.depth));
      },
    });
  }

  /** Decisions not yet acknowledged by Kafka. */
  get depth(): number {
    return this.batches.pending;
  }

  /** True while there is room for another decision. */
  get accepting(): boolean {
    return !this.closed && this.depth < this.options.maxBuffered;
  }

  /** Queues a decision for publishing; false when it cannot be taken (full or closed). */
  offer(key: string, decidedAt: number, record: vigil.v1.IAuthzDecision): boolean {
    if (!this.accepting) return false;
    const value = Buffer.from(vigil.v1.AuthzDecision.encode(record).finish());
    void this.batches.submit({ key, value, timestamp: String(decidedAt) }, value.length);
    this.options.metrics.decisionBufferDepth.set(this.depth);
    return true;
  }

  /** Resolves once every decision offered so far is acknowledged. */
  flush(): Promise<void> {
    return this.batches.drain();
  }

  /**
   * Stops taking decisions and waits until the buffered ones are published: while Kafka is down,
   * for as long as it stays down (a shutdown bounds this with SHUTDOWN_TIMEOUT_MS).
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
