import type { Admin, Kafka } from 'kafkajs';
import { fromProtoSealedRoot, type SealedRootRecord } from '@vigil/audit';
import { vigil } from '@vigil/proto';
import { readTopicToEnd } from '@vigil/runtime';
import { CliError, EXIT } from '../exit-codes';

/** A root as found in the sealed-roots topic, with where it was found. */
export interface LoadedRoot {
  root: SealedRootRecord;
  rootsPartition: number;
  rootsOffset: number;
}

/** A record in sealed-roots that is not a well-formed SealedRoot. */
export interface UnreadableRoot {
  rootsPartition: number;
  rootsOffset: number;
  reason: string;
}

export interface StoredRecord {
  offset: number;
  value: Uint8Array;
}

export type Progress = (read: number, total: number) => void;

/** Every committed root, in the order each sealed-roots partition holds them. */
export async function loadSealedRoots(
  kafka: Kafka,
  admin: Admin,
  rootsTopic: string,
  onProgress?: Progress,
): Promise<{ roots: LoadedRoot[]; unreadable: UnreadableRoot[] }> {
  const roots: LoadedRoot[] = [];
  const unreadable: UnreadableRoot[] = [];
  await readTopicToEnd({
    kafka,
    admin,
    topic: rootsTopic,
    onProgress,
    onBatch: (batch) => {
      for (const message of batch.messages) {
        const at = { rootsPartition: batch.partition, rootsOffset: Number(message.offset) };
        try {
          const root = fromProtoSealedRoot(
            vigil.v1.SealedRoot.decode(message.value ?? Buffer.alloc(0)),
          );
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
