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
  /**
   * Stop before this offset (exclusive), per partition, when the log goes further: a reader
   * that wants one range need not read, nor wait for, the rest of the partition.
   */
  endOffsets?: Map<number, number>;
  /** Gives up after this long. */
  timeoutMs?: number;
  /** Progress callback: records read so far and the total expected. */
  onProgress?(read: number, total: number): void;
  /**
   * Where "the end" is. `lastStable` (default): the last stable offset when the read starts.
   * `highWatermark`: every record written before the read started, so records of transactions
   * still open then are waited for (until they commit or abort) rather than left out. Needed by
   * anyone who must see every committed record: a transaction of another producer that opened
   * earlier holds the last stable offset below records that are already committed.
   */
  through?: 'lastStable' | 'highWatermark';
  /**
   * `read_committed` (default) skips records of aborted transactions, as Kafka's consumer does
   * (kafkajs's filter for that is patched: patches/kafkajs@2.2.4.patch). `read_uncommitted`
   * returns them too; give `endOffsets` at or below the last stable offset with it, so the range
   * is settled.
   */
  isolation?: 'read_committed' | 'read_uncommitted';
}

/** One partition's read: records from `start` are delivered, fetching begins at `from`. */
interface Target {
  start: number;
  from: number;
  /** Exclusive. */
  end: number;
  /** False until a fetch has reported the high watermark (highWatermark mode). */
  endKnown: boolean;
}

/**
 * Reads a topic from the beginning (or given offsets) up to its end as it was when the read
 * started, as a read_committed consumer: aborted records are skipped and everything read is
 * settled (see `through` for what "the end" is). kafkajs has no manual partition assignment, so
 * this uses a throwaway consumer group (deleted afterwards) and tracks each partition's position
 * from batch events, which also advance past transaction markers and aborted records.
 *
 * kafkajs lists offsets only as read_committed, which gives the last stable offset; the high
 * watermark arrives with every fetch response instead. In `highWatermark` mode each partition is
 * therefore read from at least one record before its last stable offset, so a fetch reports the
 * high watermark, and the first one reported becomes that partition's end.
 */
export async function readTopicToEnd(options: ReadToEndOptions): Promise<void> {
  const { kafka, admin, topic } = options;
  const offsets = await admin.fetchTopicOffsets(topic);
  const wanted = offsets.filter(
    (o) => !options.partitions || options.partitions.includes(o.partition),
  );
  const untilHighWatermark = options.through === 'highWatermark';
  const targets = new Map<number, Target>();
  let total = 0;
  for (const o of wanted) {
    const low = Number(o.low);
    const lastStable = Number(o.high);
    const start = Math.max(low, options.startOffsets?.get(o.partition) ?? low);
    const stop = options.endOffsets?.get(o.partition);
    if (stop !== undefined && stop <= lastStable) {
      // The range ends among stable records: no high watermark needs learning, in either mode.
      if (stop > start) {
        targets.set(o.partition, { start, from: start, end: stop, endKnown: true });
        total += stop - start;
      }
      continue;
    }
    if (untilHighWatermark) {
      // A partition without a single stable record reports no high watermark to a
      // read_committed fetch; it has nothing settled to read either.
      if (lastStable <= low) continue;
      const from = Math.min(start, lastStable - 1);
      targets.set(o.partition, { start, from, end: lastStable, endKnown: false });
      total += Math.max(0, lastStable - start);
    } else if (lastStable > start) {
      targets.set(o.partition, { start, from: start, end: lastStable, endKnown: true });
      total += lastStable - start;
    }
  }
  if (targets.size === 0) return;

  const groupId = `vigil-reader-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    // A fetch that finds nothing new waits this long, and disconnecting waits for that fetch: a
    // short read (the sealer's head lookup on every partition it is given) paid about 200 ms
    // for nothing at its end. Data present is answered at once whatever this is.
    maxWaitTimeInMs: 50,
    readUncommitted: options.isolation === 'read_uncommitted',
  });
  const positions = new Map<number, number>();
  let read = 0;
  let failure: unknown;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const learnEnd = (partition: number, target: Target, highWatermark: string) => {
      if (target.endKnown) return;
      // Only the first report counts: chasing a growing high watermark would never end.
      const reported = Math.min(
        Number(highWatermark),
        options.endOffsets?.get(partition) ?? Infinity,
      );
      total += Math.max(0, reported - target.end);
      target.end = Math.max(target.end, reported);
      target.endKnown = true;
    };
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const target = targets.get(payload.partition);
      if (!target) return;
      learnEnd(payload.partition, target, payload.highWatermark);
      positions.set(payload.partition, Number(payload.lastOffset) + 1);
    });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const target = targets.get(batch.partition);
        if (!target || failure) return;
        learnEnd(batch.partition, target, batch.highWatermark);
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
    for (const [partition, { from }] of targets) {
      const low = Number(wanted.find((o) => o.partition === partition)?.low ?? 0);
      if (from > low) consumer.seek({ topic, partition, offset: String(from) });
    }
    const unfinished = ([p, t]: [number, Target]) => !t.endKnown || (positions.get(p) ?? 0) < t.end;
    while (!failure && [...targets].some(unfinished)) {
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
