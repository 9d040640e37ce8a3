import type { Admin, Kafka } from 'kafkajs';
import {
  fromProtoSealedRoot,
  sealedRootHash,
  verifyRootSignature,
  type Keyring,
} from '@vigil/audit';
import { vigil } from '@vigil/proto';
import { readTopicToEnd, type Logger } from '@vigil/runtime';
import type { ChainHead } from './chain-head';

/**
 * Finds every chain's head by reading the sealed-roots topic from the beginning. This is the
 * fallback for partitions whose committed offset carries no head (a brand-new deployment, or a
 * consumer group whose offsets were deleted): the published chain itself is then the only
 * record of progress. It runs after the caller's transactional producer has been initialised,
 * so no earlier owner of that partition can still have a transaction in flight.
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
}): Promise<Map<string, ChainHead>> {
  const { logger } = args;
  const heads = new Map<string, ChainHead>();
  const untrusted = new Map<string, number>();
  const started = Date.now();
  await readTopicToEnd({
    kafka: args.kafka,
    admin: args.admin,
    topic: args.rootsTopic,
    onBatch: (batch) => {
      for (const message of batch.messages) {
        if (!message.value) continue;
        try {
          const root = fromProtoSealedRoot(vigil.v1.SealedRoot.decode(message.value));
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
    { chains: heads.size, elapsedMs: Date.now() - started },
    'scanned sealed-roots for chain heads',
  );
  return heads;
}
