import {
  CompressionTypes,
  type Admin,
  type Kafka,
  type Message,
  type Producer,
  type RecordMetadata,
} from 'kafkajs';
import { ACKS_ALL, Coalescer, createDurableProducer, type Logger } from '@vigil/runtime';
import type { IngestMetrics } from './metrics';
import { partitionForKey } from './partitioning';

export interface OutboundRecord {
  eventId: string;
  /** The record key (user id). */
  key: string;
  /** The encoded AccessEvent: stored as is, hashed later by the sealer. */
  value: Buffer;
}

/** Where Kafka stored a record. */
export interface Placement {
  topic: string;
  partition: number;
  offset: number;
}

export interface PublisherOptions {
  topic: string;
  /** Independent idempotent producers; each has one produce request in flight at a time. */
  producers: number;
  lingerMs: number;
  flushMaxEvents: number;
  flushMaxBytes: number;
  compression: 'gzip' | 'none';
  /**
   * Produce calls smaller than this go uncompressed: a gzip stream costs a fixed setup (its
   * window and tables) per call, which small batches do not earn back in bytes saved.
   */
  compressionMinBytes: number;
  /** A produce outstanding for longer than this marks Kafka unavailable (fail fast). */
  stallMs: number;
  /** How often the partition count is re-read (partitions may be added to a topic). */
  metadataRefreshMs?: number;
}

interface Routed extends OutboundRecord {
  partition: number;
}

/** A producer and the coalescer that feeds it. */
interface Lane {
  producer: Producer;
  coalescer: Coalescer<Routed, Placement>;
  connected: boolean;
}

/**
 * Writes records to the ingest topic with acks=all through idempotent producers, coalescing
 * concurrent records into shared produce calls. Each partition is served by exactly one lane
 * (partition mod lanes), so records of one user leave in the order they arrived, and each lane
 * has a single produce in flight, as the idempotent producer requires.
 *
 * Partitions are chosen here (Kafka's murmur2 partitioner on the user id) rather than inside
 * kafkajs, so each record's offset is known: the broker answers with the base offset per
 * partition and the records of that partition follow it in the order they were sent.
 */
export class KafkaPublisher {
  private lanes: Lane[] = [];
  private admin: Admin | undefined;
  private partitions = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly compression: CompressionTypes;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: PublisherOptions,
    private readonly metrics: IngestMetrics,
    private readonly logger: Logger,
  ) {
    this.compression =
      options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  }

  async start(): Promise<void> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
    this.partitions = await this.readPartitionCount();
    this.lanes = Array.from({ length: this.options.producers }, () => this.createLane());
    await Promise.all(this.lanes.map((lane) => lane.producer.connect()));
    this.metrics.kafkaAvailable.set(1);
    this.refreshTimer = setInterval(
      () => void this.refreshPartitionCount(),
      this.options.metadataRefreshMs ?? 60_000,
    );
    this.refreshTimer.unref();
    this.logger.info(
      { topic: this.options.topic, partitions: this.partitions, producers: this.lanes.length },
      'kafka publisher ready',
    );
  }

  /** Resolves once Kafka has acknowledged the record (acks=all); rejects only if it never will. */
  async publish(record: OutboundRecord): Promise<Placement> {
    if (this.partitions === 0) throw new Error('the publisher is not started');
    const partition = partitionForKey(record.key, this.partitions);
    const lane = this.lanes[partition % this.lanes.length] as Lane;
    return lane.coalescer.submit({ ...record, partition }, record.value.length);
  }

  /** All producers connected. */
  get connected(): boolean {
    return this.lanes.length > 0 && this.lanes.every((lane) => lane.connected);
  }

  /**
   * False while some produce has been outstanding for longer than `stallMs`: the broker is down
   * or far behind, and new requests are refused at once rather than queued behind it.
   */
  isAvailable(now = Date.now()): boolean {
    const available = this.lanes.every((lane) => {
      const since = lane.coalescer.inFlightSince;
      return since === undefined || now - since < this.options.stallMs;
    });
    this.metrics.kafkaAvailable.set(available ? 1 : 0);
    return available;
  }

  /** Sends everything accepted so far, then disconnects. */
  async stop(): Promise<void> {
    clearInterval(this.refreshTimer);
    await Promise.all(this.lanes.map((lane) => lane.coalescer.drain()));
    await Promise.all(this.lanes.map((lane) => lane.producer.disconnect()));
    await this.admin?.disconnect();
  }

  private createLane(): Lane {
    const producer = createDurableProducer(this.kafka);
    const lane: Lane = {
      producer,
      connected: false,
      coalescer: new Coalescer<Routed, Placement>({
        lingerMs: this.options.lingerMs,
        maxItems: this.options.flushMaxEvents,
        maxBytes: this.options.flushMaxBytes,
        send: (records) => this.send(producer, records),
        onFlush: ({ items, bytes, durationMs, error }) => {
          this.metrics.produceLatency.observe(durationMs / 1000);
          this.metrics.flushEvents.observe(items);
          this.metrics.flushBytes.observe(bytes);
          if (error) {
            this.metrics.produceErrors.inc();
            this.logger.error({ err: error, events: items }, 'kafka produce failed');
          }
        },
      }),
    };
    producer.on(producer.events.CONNECT, () => {
      lane.connected = true;
    });
    producer.on(producer.events.DISCONNECT, () => {
      lane.connected = false;
    });
    return lane;
  }

  private async send(producer: Producer, records: readonly Routed[]): Promise<Placement[]> {
    let bytes = 0;
    for (const r of records) bytes += r.value.length;
    const messages: Message[] = records.map((r) => ({
      key: r.key,
      value: r.value,
      partition: r.partition,
      // Lets consumers (and operators with kcat) find an event without decoding the value.
      headers: { 'vigil-event-id': r.eventId },
    }));
    const acks = await producer.send({
      topic: this.options.topic,
      acks: ACKS_ALL,
      compression:
        bytes >= this.options.compressionMinBytes ? this.compression : CompressionTypes.None,
      messages,
    });
    return placeRecords(this.options.topic, records, acks);
  }

  private async readPartitionCount(): Promise<number> {
    const { topics } = await (this.admin as Admin).fetchTopicMetadata({
      topics: [this.options.topic],
    });
    const count = topics[0]?.partitions.length ?? 0;
    if (count === 0) throw new Error(`topic ${this.options.topic} has no partitions`);
    return count;
  }

  private async refreshPartitionCount(): Promise<void> {
    try {
      const count = await this.readPartitionCount();
      if (count !== this.partitions) {
        // New partitions move some users to another partition: their older events stay where
        // they were, so per-user order holds only within each partition from here on.
        this.logger.warn(
          { topic: this.options.topic, from: this.partitions, to: count },
          'partition count changed',
        );
        this.partitions = count;
      }
    } catch (err) {
      this.logger.debug({ err }, 'partition count refresh failed');
    }
  }
}

/**
 * Assigns each record its offset: the broker reports the base offset of what it appended per
 * partition, and the records of one partition were appended in the order they were sent.
 */
export function placeRecords(
  topic: string,
  records: readonly { partition: number }[],
  acks: readonly RecordMetadata[],
): Placement[] {
  const next = new Map<number, number>();
  for (const ack of acks) {
    if (ack.topicName !== topic) continue;
    if (ack.errorCode !== 0 || ack.baseOffset === undefined) {
      throw new Error(`partition ${ack.partition} answered error code ${ack.errorCode}`);
    }
    next.set(ack.partition, Number(ack.baseOffset));
  }
  return records.map((record) => {
    const offset = next.get(record.partition);
    if (offset === undefined) {
      throw new Error(`no acknowledgement for ${topic}/${record.partition}`);
    }
    next.set(record.partition, offset + 1);
    return { topic, partition: record.partition, offset };
  });
}
