import type { Admin, Kafka } from 'kafkajs';
import {
  decodeSealedRoot,
  type LoadedRoot,
  type SealedRootRecord,
  type StoredRecord,
  type UnreadableRoot,
} from '@vigil/audit';
import { readTopicToEnd } from '@vigil/runtime';
import { CliError, EXIT } from '../exit-codes';

export type Progress = (read: number, total: number) => void;

export interface SealedRoots {
  /** Every committed root, in the order each sealed-roots partition holds them. */
  roots: LoadedRoot[];
  unreadable: UnreadableRoot[];
  /**
   * Roots of transactions Kafka aborted, in the same range (only with `withAborted`). A sealer
   * that crashed mid-commit leaves these behind, harmlessly, unless a later root extends one.
   */
  aborted: LoadedRoot[];
}

/**
 * Reads sealed-roots as a read_committed consumer sees it: only roots whose transaction
 * committed count. With `withAborted`, the same range is read once more with read_uncommitted,
 * and what only that read returns are the aborted roots, so a verifier can name them.
 */
export async function loadSealedRoots(
  kafka: Kafka,
  admin: Admin,
  rootsTopic: string,
  options: { onProgress?: Progress; withAborted?: boolean } = {},
): Promise<SealedRoots> {
  // Both reads end at the last stable offsets as they are now, so they cover the same records.
  const ends = new Map(
    (await admin.fetchTopicOffsets(rootsTopic)).map((o) => [o.partition, Number(o.high)]),
  );
  const committed = await readRoots(
    kafka,
    admin,
    rootsTopic,
    ends,
    'read_committed',
    options.onProgress,
  );
  let aborted: LoadedRoot[] = [];
  if (options.withAborted) {
    const all = await readRoots(kafka, admin, rootsTopic, ends, 'read_uncommitted');
    const seen = new Set(
      [...committed.roots, ...committed.unreadable].map(
        (r) => `${r.rootsPartition}/${r.rootsOffset}`,
      ),
    );
    aborted = all.roots.filter((r) => !seen.has(`${r.rootsPartition}/${r.rootsOffset}`));
  }
  return { ...committed, aborted };
}

async function readRoots(
  kafka: Kafka,
  admin: Admin,
  rootsTopic: string,
  ends: Map<number, number>,
  isolation: 'read_committed' | 'read_uncommitted',
  onProgress?: Progress,
): Promise<{ roots: LoadedRoot[]; unreadable: UnreadableRoot[] }> {
  const roots: LoadedRoot[] = [];
  const unreadable: UnreadableRoot[] = [];
  await readTopicToEnd({
    kafka,
    admin,
    topic: rootsTopic,
    isolation,
    endOffsets: ends,
    onProgress,
    onBatch: (batch) => {
      for (const message of batch.messages) {
        const at = { rootsPartition: batch.partition, rootsOffset: Number(message.offset) };
        try {
          const root = decodeSealedRoot(message.value ?? Buffer.alloc(0));
          roots.push({ root, ...at });
        } catch (err) {
          unreadable.push({ ...at, reason: err instanceof Error ? err.message : String(err) });
        }
      }
    },
  });
  roots.sort((a, b) => a.rootsPartition - b.rootsPartition || a.rootsOffset - b.rootsOffset);
  return { roots, unreadable };
}

export interface ReadRecordsOptions {
  /** Only these partitions (default: all). */
  partitions?: number[];
  /** Start here instead of the beginning, per partition. */
  startOffsets?: Map<number, number>;
  /** Stop before this offset, per partition (see readTopicToEnd). */
  endOffsets?: Map<number, number>;
  onProgress?: Progress;
}

/**
 * Streams every committed record of a topic to `onRecords`, a fetch at a time: each partition's
 * records in strictly increasing offset order, partitions interleaved. Nothing is kept here, so a
 * caller that checks and drops records reads a topic of any size in bounded memory.
 *
 * The order is checked, not assumed: a partition holds each offset once, so a repeat or a step
 * back means the read itself went wrong (say, a consumer that resumed from an earlier position).
 * Passing such records on would make a verifier report problems the log does not have, and
 * skipping them would take the first copy on trust, so the read fails instead.
 */
export async function readRecords(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  onRecords: (partition: number, records: StoredRecord[]) => void,
  options: ReadRecordsOptions = {},
): Promise<void> {
  const last = new Map<number, number>();
  await readTopicToEnd({
    kafka,
    admin,
    topic,
    partitions: options.partitions,
    startOffsets: options.startOffsets,
    endOffsets: options.endOffsets,
    onProgress: options.onProgress,
    onBatch: (batch) => {
      const records: StoredRecord[] = [];
      let previous = last.get(batch.partition);
      for (const message of batch.messages) {
        const offset = Number(message.offset);
        if (previous !== undefined && offset <= previous) {
          throw new CliError(
            `reading ${topic}/${batch.partition}: Kafka delivered offset ${offset} after offset ${previous}`,
            EXIT.UNAVAILABLE,
            'the read went back on itself, so nothing was concluded; run the command again',
          );
        }
        previous = offset;
        records.push({ offset, value: message.value ?? Buffer.alloc(0) });
      }
      if (previous !== undefined) last.set(batch.partition, previous);
      onRecords(batch.partition, records);
    },
  });
}

/** Offsets firstOffset..lastOffset of one topic-partition, as a root states its batch's. */
export type OffsetRange = Pick<
  SealedRootRecord,
  'topic' | 'partition' | 'firstOffset' | 'lastOffset'
>;

/**
 * Streams the records of `range` and no more: the read starts at its first offset and stops
 * after its last, however far the partition goes on.
 */
export function readRange(
  kafka: Kafka,
  admin: Admin,
  range: OffsetRange,
  onRecords: (records: StoredRecord[]) => void,
): Promise<void> {
  const { topic, partition } = range;
  return readRecords(kafka, admin, topic, (_partition, records) => onRecords(records), {
    partitions: [partition],
    startOffsets: new Map([[partition, range.firstOffset]]),
    endOffsets: new Map([[partition, range.lastOffset + 1]]),
  });
}

/**
 * The records of one batch, in offset order, and which of them is at `offset`: what `prove`
 * hashes into a proof. A batch's records fit in memory (the sealer cuts them); a whole log does
 * not, which is why readLeafHashes streams with readRange instead.
 */
export async function readBatchRecords(
  kafka: Kafka,
  admin: Admin,
  batch: OffsetRange,
  offset: number,
): Promise<{ records: StoredRecord[]; index: number; record: StoredRecord }> {
  const records: StoredRecord[] = [];
  await readRange(kafka, admin, batch, (fetched) => {
    for (const record of fetched) records.push(record);
  });
  const index = records.findIndex((r) => r.offset === offset);
  const record = records[index];
  if (!record) {
    throw new CliError(
      `${batch.topic}/${batch.partition} has no record at offset ${offset}`,
      EXIT.NOT_FOUND,
    );
  }
  return { records, index, record };
}
