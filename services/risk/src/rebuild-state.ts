import type { Admin } from 'kafkajs';
import type { Redis } from 'ioredis';
import { VigilError } from '@vigil/runtime';
import { KeyLayout } from './store/keys';
import { RiskStore } from './store/store';

export interface RebuildOptions {
  admin: Admin;
  redis: Redis;
  groupId: string;
  /** Every topic the risk state is built from (access events and the admin log). */
  topics: readonly string[];
  redisPrefix: string;
}

export interface RebuildSummary {
  deletedKeys: number;
  partitions: number;
}

/**
 * Prepares a rebuild of all risk state from the audit log: resets the consumer group to the
 * earliest offsets, then deletes every state key under the prefix. Starting the consumers
 * afterwards replays the topics from the beginning into empty state. Because the state is a pure
 * function of the events (event time, never wall-clock), the result equals what the live run
 * built, under the current policy.
 *
 * Offsets go first: if the key deletion is interrupted, the users whose keys survived simply
 * skip the replay (their watermarks say it is applied) and keep their state.
 */
export async function rebuildRiskState(options: RebuildOptions): Promise<RebuildSummary> {
  const { admin, groupId, topics } = options;
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  if (group && group.members.length > 0) {
    throw new VigilError(
      'CONSUMERS_RUNNING',
      `consumer group "${groupId}" has ${group.members.length} active member(s); stop the risk consumers first`,
    );
  }
  let partitions = 0;
  for (const topic of topics) {
    await admin.resetOffsets({ groupId, topic, earliest: true });
    partitions += (await admin.fetchTopicOffsets(topic)).length;
  }
  const store = new RiskStore(options.redis, new KeyLayout(options.redisPrefix), 0);
  const deletedKeys = await store.deleteAll();
  return { deletedKeys, partitions };
}
