/**
 * What the stream processor needs from a Kafka consumer group member, and no more: the seam that
 * lets the processor run over an in-memory log in unit tests (test/fakes.ts) and over kafkajs in
 * the service (kafka-consumer.ts).
 */

/** One record as delivered; offsets and timestamps are decimal strings, as Kafka gives them. */
export interface ConsumedRecord {
  offset: string;
  /** CreateTime, epoch ms. */
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
}

/** Records of one partition, ascending offsets, with the controls of the fetch that got them. */
export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: readonly ConsumedRecord[];
  lastOffset(): string;
  /** How far the partition's end is ahead of this batch. */
  offsetLag(): string;
  /** Marks the batch handled up to `offset`: the next fetch starts after it. */
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping. */
  isRunning(): boolean;
  /** True once a rebalance took the partition away: the batch must not be applied. */
  isStale(): boolean;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read (last handled + 1). */
  offset: string;
}

export interface ConsumerHandlers {
  eachBatch(batch: ConsumedBatch): Promise<void>;
  /** Joined (or rejoined) the group and now owns `assignment` (topic -> partitions). */
  joined(assignment: Readonly<Record<string, readonly number[]>>): void;
  /** Crashed; `restarting` when the client rejoins by itself, false when it gave up for good. */
  crashed(err: unknown, restarting: boolean): void;
  /** Stopped fetching (disconnect or crash). */
  stopped(): void;
}

export interface StreamConsumer {
  /**
   * Connects, subscribes to `topics` without automatic commits (a group without offsets starts
   * from the beginning: risk state is built from the whole log) and starts delivering batches.
   */
  run(topics: readonly string[], handlers: ConsumerHandlers): Promise<void>;
  /** Stops fetching `topics`; throws when not running. */
  pause(topics: readonly string[]): void;
  commit(offsets: readonly TopicPartitionOffset[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** A fresh consumer per start: a crashed one is torn down and replaced, never reused. */
export type StreamConsumerFactory = () => StreamConsumer;
