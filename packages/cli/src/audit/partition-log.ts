/**
 * Reading one topic-partition's C2SP log out of Kafka: its trusted version-2 roots (each with a
 * checkpoint), and the leaf hashes of its records when a proof needs them. The decisions are
 * @vigil/audit's; this only fetches.
 */
import type { Admin, Kafka } from 'kafkajs';
import {
  MerkleAccumulator,
  consistencyProofFromFrontier,
  encodeLeafData,
  leafHash,
  verifyRootSignature,
  type Keyring,
  type LoadedRoot,
  type SealedRootRecord,
} from '@vigil/audit';
import { CliError, EXIT } from '../exit-codes';
import { readRange } from './sealed-log';

/** A version-2 root: one checkpoint of the partition's log. */
export type LogRoot = SealedRootRecord & { log: NonNullable<SealedRootRecord['log']> };

/**
 * The partition's log as the chain tells it: its trusted roots in sequence order (the first copy
 * of each sequence; `vigil audit verify` is what reports forks and re-publishes), from the first
 * version-2 root on. Roots signed by no key of the keyring are ignored when a keyring is given.
 */
export function partitionLog(
  roots: readonly LoadedRoot[],
  topic: string,
  partition: number,
  keyring: Keyring | undefined,
): LogRoot[] {
  const bySequence = new Map<number, SealedRootRecord>();
  for (const { root } of roots) {
    if (root.topic !== topic || root.partition !== partition) continue;
    if (keyring && !verifyRootSignature(root, keyring).ok) continue;
    if (!bySequence.has(root.batchSequence)) bySequence.set(root.batchSequence, root);
  }
  const chain = [...bySequence.values()].sort((a, b) => a.batchSequence - b.batchSequence);
  const start = chain.findIndex((r) => r.log !== undefined);
  if (start < 0) return [];
  return chain.slice(start).filter((r): r is LogRoot => r.log !== undefined);
}

export function requireLog(log: LogRoot[], topic: string, partition: number): LogRoot[] {
  if (log.length === 0) {
    throw new CliError(
      `${topic}/${partition} has no checkpoint yet`,
      EXIT.NOT_FOUND,
      'the sealer writes one with every batch (version 2 roots); check --topic, --partition and --roots-topic',
    );
  }
  return log;
}

/** The root whose checkpoint is of tree size `size`, or the newest one. */
export function checkpointRoot(log: readonly LogRoot[], size: number | undefined): LogRoot {
  const root = size === undefined ? log[log.length - 1] : log.find((r) => r.log.treeSize === size);
  if (!root) {
    const sizes = log.map((r) => r.log.treeSize);
    const shown = sizes.length > 8 ? [...sizes.slice(0, 4), '…', ...sizes.slice(-3)] : sizes;
    throw new CliError(
      `no checkpoint of size ${String(size)}`,
      EXIT.NOT_FOUND,
      `checkpoints exist at the end of every batch: sizes ${shown.join(', ')}`,
    );
  }
  return root;
}

/**
 * The leaf hashes of log leaves [from.treeSize, to): the records of the roots after `from` (or
 * from the log's start), read from Kafka, as many as `to` needs. Checks that each root's batch
 * really has leafCount records, so a leaf index is never off by a missing record.
 */
export async function readLeafHashes(args: {
  kafka: Kafka;
  admin: Admin;
  log: readonly LogRoot[];
  /** Index into log of the root the leaves start after; -1 for the log's start. */
  after: number;
  to: number;
}): Promise<Uint8Array[]> {
  const { log, after, to } = args;
  const first = log[after + 1];
  const startSize = after >= 0 ? (log[after] as LogRoot).log.treeSize : 0;
  if (!first || to <= startSize) return [];
  const lastIndex = log.findIndex((r) => r.log.treeSize >= to);
  const last = log[lastIndex < 0 ? log.length - 1 : lastIndex] as LogRoot;
  const { topic, partition } = first;
  const batches = log.slice(after + 1, log.indexOf(last) + 1);
  // Leaves are hashed as records stream past (nothing but the hashes is kept). Only records
  // inside the roots' ranges are leaves: offsets between batches are transaction markers.
  const leaves: Uint8Array[] = [];
  const counts = batches.map(() => 0);
  let current = 0;
  const range = { topic, partition, firstOffset: first.firstOffset, lastOffset: last.lastOffset };
  await readRange(args.kafka, args.admin, range, (records) => {
    for (const record of records) {
      while (current < batches.length && record.offset > (batches[current] as LogRoot).lastOffset) {
        current++;
      }
      const root = batches[current];
      if (!root || record.offset < root.firstOffset) continue;
      leaves.push(
        leafHash(encodeLeafData({ topic, partition, offset: record.offset }, record.value)),
      );
      counts[current] = (counts[current] as number) + 1;
    }
  });
  batches.forEach((root, i) => {
    if (counts[i] !== root.leafCount) {
      throw new CliError(
        `${topic}/${partition} batch ${root.batchSequence} seals ${root.leafCount} records but Kafka holds ${counts[i]} in offsets ${root.firstOffset}..${root.lastOffset}`,
        EXIT.FAILED,
        'run `vigil audit verify`: the sealed log does not match the records',
      );
    }
  });
  return leaves.slice(0, to - startSize);
}

/** Index of the newest root whose tree size is at most `size` (-1: none, the log's start). */
export function rootAtOrBefore(log: readonly LogRoot[], size: number): number {
  let found = -1;
  log.forEach((r, i) => {
    if (r.log.treeSize <= size) found = i;
  });
  return found;
}

/** The consistency proof from tree size `oldSize` to `newSize` of the partition's log. */
export async function logConsistencyProof(args: {
  kafka: Kafka;
  admin: Admin;
  log: readonly LogRoot[];
  oldSize: number;
  newSize: number;
}): Promise<Uint8Array[]> {
  const { log, oldSize, newSize } = args;
  const after = rootAtOrBefore(log, oldSize);
  const base = after >= 0 ? (log[after] as LogRoot).log : undefined;
  const leaves = await readLeafHashes({ ...args, after, to: newSize });
  const tree = base
    ? MerkleAccumulator.fromFrontier(base.treeSize, base.frontier)
    : new MerkleAccumulator();
  const startSize = tree.size;
  for (const leaf of leaves.slice(0, oldSize - startSize)) tree.add(leaf);
  return consistencyProofFromFrontier(
    { treeSize: tree.size, frontier: tree.frontier() },
    leaves.slice(oldSize - startSize),
  );
}
