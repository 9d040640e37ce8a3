import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';

/** The records of one fetch, already limited to the requested range. */
export interface ReadBatch {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: KafkaMessage[];
}

export interface ReadToEndOptions {
  kafka: Kafka;
  admin: Admin;
  topic: string;
  /** Called for every fetched batch, in offset order per partition. */
  onBatch(batch: ReadBatch): Promise<void> | void;
  /** Only these partitions (default: all). */
  partitions?: number[];
  /** Start here instead of the beginning, per partition. */
  startOffsets?: Map<number, number>;
  /** Gives up after this long. */
  timeoutMs?: number;
  /** Progress callback: records read so far and the total expected. */
  onProgress?(read: number, total: number): void;
}

/**
 * Reads a topic from the beginning (or given offsets) up to its end as it was when the read
 * started, as a read_committed consumer: aborted records are skipped and "the end" is the last
 * stable offset, so everything read is settled. kafkajs has no manual partition assignment, so
 * this uses a throwaway consumer group (deleted afterwards) and tracks each partition's position
 * from batch events, which also advance past transaction markers and aborted records.
 */
export async function readTopicToEnd(options: ReadToEndOptions): Promise<void> {
  const { kafka, admin, topic } = options;
  const offsets = await admin.fetchTopicOffsets(topic);
  const wanted = offsets.filter(
    (o) => !options.partitions || options.partitions.includes(o.partition),
  );
  const targets = new Map<number, { start: number; end: number }>();
  let total = 0;
  for (const o of wanted) {
    const low = Number(o.low);
    const start = Math.max(low, options.startOffsets?.get(o.partition) ?? low);
    const end = Number(o.high);
    if (end > start) {
      targets.set(o.partition, { start, end });
      total += end - start;
    }
  }
  if (targets.size === 0) return;

  const groupId = `vigil-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, readUncommitted: false });
  const positions = new Map<number, number>();
  let read = 0;
  let failure: unknown;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      if (targets.has(payload.partition)) {
        positions.set(payload.partition, Number(payload.lastOffset) + 1);
      }
    });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const target = targets.get(batch.partition);
        if (!target || failure) return;
        const inRange = batch.messages.filter((m) => {
          const offset = Number(m.offset);
          return offset >= target.start && offset < target.end;
        });
        if (inRange.length === 0) return;
        try {
          await options.onBatch({
            topic: batch.topic,
            partition: batch.partition,
            highWatermark: batch.highWatermark,
            messages: inRange,
          });
        } catch (err) {
          failure = err;
        }
        read += inRange.length;
        options.onProgress?.(read, total);
      },
    });
    for (const [partition, { start }] of targets) {
      const low = Number(wanted.find((o) => o.partition === partition)?.low ?? 0);
      if (start > low) consumer.seek({ topic, partition, offset: String(start) });
    }
    while (!failure && [...targets].some(([p, t]) => (positions.get(p) ?? 0) < t.end)) {
      if (Date.now() > deadline) {
        throw new Error(`timed out reading ${topic} to its end`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (failure) throw failure;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
}
