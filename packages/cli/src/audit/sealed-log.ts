import type { Admin, Kafka } from 'kafkajs';
import { fromProtoSealedRoot, type SealedRootRecord } from '@vigil/audit';
import { vigil } from '@vigil/proto';
import { readTopicToEnd } from '@vigil/runtime';

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

/** The stored bytes of every committed record of a topic, per partition, in offset order. */
export async function loadRecords(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  options: {
    partitions?: number[];
    startOffsets?: Map<number, number>;
    onProgress?: Progress;
  } = {},
): Promise<Map<number, StoredRecord[]>> {
  const byPartition = new Map<number, StoredRecord[]>();
  await readTopicToEnd({
    kafka,
    admin,
    topic,
    partitions: options.partitions,
    startOffsets: options.startOffsets,
    onProgress: options.onProgress,
    onBatch: (batch) => {
      let records = byPartition.get(batch.partition);
      if (!records) byPartition.set(batch.partition, (records = []));
      for (const message of batch.messages) {
        records.push({ offset: Number(message.offset), value: message.value ?? Buffer.alloc(0) });
      }
    },
  });
  for (const records of byPartition.values()) records.sort((a, b) => a.offset - b.offset);
  return byPartition;
}
