import type { Admin, Kafka } from 'kafkajs';
import { vigil } from '@vigil/proto';
import { readTopicToEnd } from '@vigil/runtime';
import { fingerprintOf } from './enrichment';
import { partitionForKey } from './partitioning';
import type { Placement } from './publisher';

/** An event that an instance claimed and then died with: is it in Kafka? */
export interface StoredEventQuery {
  eventId: string;
  source: string;
  /** The record key: it decides the partition. */
  userId: string;
  fingerprint: string;
  /** When the dead instance claimed the id (Redis clock); it cannot have stored it before. */
  sinceMs: number;
}

/** What the ingest use case needs to settle an orphaned claim. */
export interface StoredEventLookup {
  find(query: StoredEventQuery): Promise<Placement | undefined>;
}

/** Record timestamps come from the ingest hosts' clocks, the claim time from Redis's. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** Whether a stored record is this source's event with this content. */
export function isStoredEvent(value: Buffer | null, query: StoredEventQuery): boolean {
  if (!value) return false;
  let event: vigil.v1.AccessEvent;
  try {
    event = vigil.v1.AccessEvent.decode(value);
  } catch {
    return false;
  }
  return (
    event.eventId === query.eventId &&
    event.source === query.source &&
    fingerprintOf(event) === query.fingerprint
  );
}

/**
 * Reads the event's partition of the events topic from shortly before the claim to the end,
 * looking for the `vigil-event-id` header. Only runs after an instance died holding claims, so
 * a throwaway reader per lookup is affordable, and the admin client connects on first use
 * rather than at every start.
 */
export class KafkaStoredEventLookup implements StoredEventLookup {
  private connected: Promise<Admin> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  async find(query: StoredEventQuery): Promise<Placement | undefined> {
    const { topic } = this;
    const admin = await this.admin();
    const since = Math.max(0, query.sinceMs - CLOCK_SLACK_MS);
    const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, since);
    const partition = partitionForKey(query.userId, offsets.length);
    const start = Number(offsets.find((o) => o.partition === partition)?.offset ?? -1);
    if (start < 0) return undefined;
    let found: Placement | undefined;
    await readTopicToEnd({
      kafka: this.kafka,
      admin,
      topic,
      partitions: [partition],
      startOffsets: new Map([[partition, start]]),
      onBatch: (batch) => {
        for (const message of batch.messages) {
          if (found) return;
          if (message.headers?.['vigil-event-id']?.toString() !== query.eventId) continue;
          if (isStoredEvent(message.value, query)) {
            found = { topic, partition: batch.partition, offset: Number(message.offset) };
          }
        }
      },
    });
    return found;
  }

  async close(): Promise<void> {
    const connected = this.connected;
    this.connected = undefined;
    if (connected) await (await connected.catch(() => undefined))?.disconnect();
  }

  private admin(): Promise<Admin> {
    if (!this.connected) {
      const admin = this.kafka.admin();
      const attempt = admin.connect().then(() => admin);
      this.connected = attempt;
      // A failed connect is retried by the next lookup.
      attempt.catch(() => {
        if (this.connected === attempt) this.connected = undefined;
      });
    }
    return this.connected;
  }
}
