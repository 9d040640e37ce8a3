import type { ScanChains } from './chain-reader';

/**
 * What the sealer needs from Kafka, and nothing more. `kafka-ports.ts` implements these over
 * kafkajs; the unit tests implement them in memory (test/fakes.ts). PartitionSealer and Sealer
 * depend only on these, so their exactly-once logic can be tested without a broker.
 */

/** One root record for sealed-roots. */
export interface RootMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** Where the broker stored a sent record (kafkajs RecordMetadata, narrowed). */
export interface SentRecord {
  partition: number;
  /** Absent when the broker did not say. */
  baseOffset?: string;
}

/** A consumer-group offset committed inside a transaction, with its metadata (the chain head). */
export interface TransactionalOffset {
  consumerGroupId: string;
  topic: string;
  partition: number;
  offset: string;
  metadata: string;
}

/** One open Kafka transaction: everything sent in it becomes visible at commit, or never. */
export interface RootsTransaction {
  send(record: { topic: string; acks: number; messages: RootMessage[] }): Promise<SentRecord[]>;
  sendOffsets(offset: TransactionalOffset): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** A connected transactional producer. */
export interface RootsProducer {
  transaction(): Promise<RootsTransaction>;
  disconnect(): Promise<void>;
}

export interface TransactionalProducerOptions {
  transactionalId: string;
  transactionTimeoutMs: number;
}

/** Opens transactional producers. */
export interface RootsProducers {
  /**
   * Creates a producer and initialises it (InitProducerId): from then on an older holder of the
   * same transactional id can no longer commit.
   */
  connect(options: TransactionalProducerOptions): Promise<RootsProducer>;
}

/** What the group has committed for one partition. */
export interface CommittedOffset {
  /** -1 when nothing is committed. */
  offset: number;
  metadata: string | null;
}

/** Offsets the broker knows of, read through the admin client. */
export interface PartitionOffsets {
  committed(groupId: string, topic: string, partition: number): Promise<CommittedOffset>;
  /** The partition's first offset (low watermark): where batch 0 must start. */
  lowWatermark(topic: string, partition: number): Promise<number>;
}

/** Reads the sealed-roots topic. */
export interface SealedRoots {
  /** The newest trusted root of every chain found, read through the high watermark. */
  scan: ScanChains;
  /** The sealed-roots partition a chain's next root goes to (the producer's own partitioner). */
  partitionOf(chain: string): Promise<number>;
}

/** A consumed record: its position and the exact bytes Kafka stored. */
export interface ConsumedMessage {
  offset: string;
  value: Buffer | null;
  timestamp: string;
}

/** One fetched batch of one partition, with the consumer's liveness calls. */
export interface ConsumedBatch {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: ConsumedMessage[];
  heartbeat(): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
}

export interface ConsumerCrash {
  error: string | undefined;
  /** Whether the client restarts by itself; when false the consumer is dead for good. */
  restart: boolean;
}

/**
 * A group member consuming the sealed topics from the beginning, read_committed, without
 * auto-commit (offsets are committed in the seal transactions).
 */
export interface SealerConsumer {
  connect(): Promise<void>;
  subscribe(topics: string[]): Promise<void>;
  run(eachBatch: (batch: ConsumedBatch) => Promise<void>): Promise<void>;
  seek(topic: string, partition: number, offset: string): void;
  stop(): Promise<void>;
  disconnect(): Promise<void>;
  /** After each join: the partitions the group assigned to this member, by topic. */
  onGroupJoin(listener: (assignment: Record<string, number[]>) => void): void;
  onCrash(listener: (crash: ConsumerCrash) => void): void;
}

/** Everything the sealer uses of Kafka. */
export interface SealerKafka {
  /** Opens the shared admin connection (offsets, roots reads). */
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** A fresh group consumer; after a crash the sealer asks for another. */
  consumer(): SealerConsumer;
  producers: RootsProducers;
  offsets: PartitionOffsets;
  roots: SealedRoots;
}
