import type { Admin, Kafka } from 'kafkajs';
import { decodeSealedRoot, sealedRootHash, verifyRootSignature, type Keyring } from '@vigil/audit';
import { readTopicToEnd, type Logger } from '@vigil/runtime';
import type { ChainHead } from './chain-head';

/**
 * Finds chain heads by reading the sealed-roots topic: the whole topic, or (with `from`) only
 * the given partitions from the given offsets. It reads through the high watermark as it was when
 * the read started, so a root that is committed but sits behind another chain's still-open
 * transaction is waited for, not missed. The caller initialises its transactional producer first,
 * so no earlier owner of its partition can still have a transaction in flight: what this finds
 * is that chain's final head.
 *
 * Only roots signed by a trusted key count: anyone who can write to sealed-roots could otherwise
 * move a chain's head. A chain whose newest roots carry no trusted signature is refused rather
 * than restarted, because restarting it would fork it; the operator adds the rotated-out public
 * key to SEALER_KEYRING_FILE and the partition resumes.
 */
export async function scanChainHeads(args: {
  kafka: Kafka;
  admin: Admin;
  rootsTopic: string;
  logger: Logger;
  keyring: Keyring;
  /** Only these sealed-roots partitions, each from the offset given. Default: everything. */
  from?: ReadonlyMap<number, number>;
}): Promise<Map<string, ChainHead>> {
  const { logger } = args;
  const heads = new Map<string, ChainHead>();
  const untrusted = new Map<string, number>();
  const started = Date.now();
  await readTopicToEnd({
    kafka: args.kafka,
    admin: args.admin,
    topic: args.rootsTopic,
    through: 'highWatermark',
    ...(args.from && { partitions: [...args.from.keys()], startOffsets: new Map(args.from) }),
    onBatch: (batch) => {
      for (const message of batch.messages) {
        if (!message.value) continue;
        try {
          const root = decodeSealedRoot(message.value);
          const key = `${root.topic}/${root.partition}`;
          if (!verifyRootSignature(root, args.keyring).ok) {
            untrusted.set(key, Math.max(untrusted.get(key) ?? -1, root.batchSequence));
            logger.warn(
              { chain: key, keyId: root.keyId, offset: message.offset },
              'ignoring a root without a trusted signature',
            );
            continue;
          }
          const known = heads.get(key);
          if (!known || root.batchSequence > known.batchSequence) {
            heads.set(key, {
              batchSequence: root.batchSequence,
              lastOffset: root.lastOffset,
              rootHash: sealedRootHash(root),
              stored: { partition: batch.partition, offset: Number(message.offset) },
              ...(root.log && {
                log: { treeSize: root.log.treeSize, frontier: root.log.frontier },
              }),
            });
          }
        } catch (err) {
          logger.warn(
            { partition: batch.partition, offset: message.offset, err },
            'unreadable record in sealed-roots',
          );
        }
      }
    },
  });
  logger.info(
    {
      chains: heads.size,
      partitions: args.from ? [...args.from.keys()] : 'all',
      elapsedMs: Date.now() - started,
    },
    'scanned sealed-roots for chain heads',
  );
  return heads;
}
