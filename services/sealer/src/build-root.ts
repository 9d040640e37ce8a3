import type { KeyObject } from 'node:crypto';
import {
  SEALED_ROOT_VERSION_LOG,
  ZERO_HASH,
  extendLog,
  leafHashesForRecords,
  treeLevels,
  sealedRootHash,
  signRoot,
  type SealedRootRecord,
} from '@vigil/audit';
import type { SealableRecord } from './batch-buffer';
import type { ChainHead } from './chain-head';

export interface BuiltRoot {
  root: SealedRootRecord;
  /** The head after this root is published. */
  head: ChainHead;
}

/**
 * Seals one batch: leaves bind (topic, partition, offset) to the exact stored record bytes, the
 * root extends `previous` (or starts the chain with sequence 0 and a zero hash), and the result
 * is signed. The same leaves extend the partition's cumulative log from `previous.log` (or start
 * it: a chain whose head is a version-1 root starts its log here), whose checkpoint is signed
 * with the same key. Pure: publishing is the caller's job.
 */
export function buildRoot(args: {
  topic: string;
  partition: number;
  logName: string;
  records: readonly SealableRecord[];
  previous: ChainHead | undefined;
  privateKey: KeyObject;
  nowMs: number;
}): BuiltRoot {
  const { topic, partition, records, previous } = args;
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last) throw new Error('cannot seal an empty batch');
  const leaves = leafHashesForRecords({ topic, partition }, records);
  // The batch's tree, built once: its root is the batch root, and the log reuses its subtrees.
  const levels = treeLevels(leaves);
  const rootHash = levels.at(-1)?.[0];
  if (!rootHash) throw new Error('cannot seal an empty batch');
  const log = extendLog({
    logName: args.logName,
    topic,
    partition,
    previous: previous?.log,
    leafHashes: leaves,
    leafLevels: levels,
    privateKey: args.privateKey,
  });
  const root = signRoot(
    {
      version: SEALED_ROOT_VERSION_LOG,
      topic,
      partition,
      batchSequence: previous ? previous.batchSequence + 1 : 0,
      firstOffset: first.offset,
      lastOffset: last.offset,
      leafCount: records.length,
      rootHash,
      prevRootHash: previous ? previous.rootHash : ZERO_HASH,
      sealedAtMillis: args.nowMs,
      log,
    },
    args.privateKey,
  );
  return {
    root,
    head: {
      batchSequence: root.batchSequence,
      lastOffset: last.offset,
      rootHash: sealedRootHash(root),
      log: { treeSize: log.treeSize, frontier: log.frontier },
    },
  };
}
