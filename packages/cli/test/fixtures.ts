import type { KeyObject } from 'node:crypto';
import {
  ZERO_HASH,
  encodeLeafData,
  leafHash,
  rootFromLeafHashes,
  sealedRootHash,
  signRoot,
  type SealedRootRecord,
  type UnsignedSealedRoot,
} from '@vigil/audit';
import type { StoredRecord } from '../src/audit/sealed-log';

export interface Position {
  topic: string;
  partition: number;
}

/**
 * The unsigned root a well-behaved sealer builds over `records` (in offset order), linked as
 * given. Empty batches get offsets 0..0, so tests can build malformed roots too.
 */
export function unsignedRootOver(
  position: Position,
  records: readonly StoredRecord[],
  link: { batchSequence: number; prevRootHash: Uint8Array; sealedAtMillis?: number },
): UnsignedSealedRoot {
  const leaves = records.map((r) =>
    leafHash(encodeLeafData({ ...position, offset: r.offset }, r.value)),
  );
  return {
    version: 1,
    topic: position.topic,
    partition: position.partition,
    batchSequence: link.batchSequence,
    firstOffset: records[0]?.offset ?? 0,
    lastOffset: records.at(-1)?.offset ?? 0,
    leafCount: records.length,
    rootHash: rootFromLeafHashes(leaves),
    prevRootHash: link.prevRootHash,
    sealedAtMillis: link.sealedAtMillis ?? 1_795_000_000_000,
  };
}

/** Seals `records` as the batch after `previous` (batch 0 when there is none), signed by `key`. */
export function sealRecords(
  position: Position,
  records: readonly StoredRecord[],
  previous: SealedRootRecord | undefined,
  key: KeyObject,
): SealedRootRecord {
  return signRoot(
    unsignedRootOver(position, records, {
      batchSequence: previous ? previous.batchSequence + 1 : 0,
      prevRootHash: previous ? sealedRootHash(previous) : ZERO_HASH,
    }),
    key,
  );
}
