import type Redis from 'ioredis';
import { Kafka } from 'kafkajs';
import { vigil } from '@vigil/proto';
import { readTopicToEnd } from '@vigil/runtime';

/** How many records of `access-events` (or a topic like it) carry each event id. */
export const countEventIds = (kafka: Kafka, topic: string): Promise<Map<string, number>> =>
  countIds(kafka, topic, (value) => vigil.v1.AccessEvent.decode(value).eventId);

/** How many records of `authz-decisions` carry each decision id. */
export const countDecisionIds = (kafka: Kafka, topic: string): Promise<Map<string, number>> =>
  countIds(kafka, topic, (value) => vigil.v1.AuthzDecision.decode(value).decisionId);

async function countIds(
  kafka: Kafka,
  topic: string,
  idOf: (value: Buffer) => string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const admin = kafka.admin();
  await admin.connect();
  try {
    await readTopicToEnd({
      kafka,
      admin,
      topic,
      onBatch: (batch) => {
        for (const message of batch.messages) {
          const id = idOf(message.value ?? Buffer.alloc(0));
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      },
    });
  } finally {
    await admin.disconnect();
  }
  return counts;
}

/** Every AccessEvent of `access-events` (or a topic like it) that `keep` selects. */
export async function findEvents(
  kafka: Kafka,
  topic: string,
  keep: (event: vigil.v1.AccessEvent) => boolean,
): Promise<vigil.v1.AccessEvent[]> {
  const found: vigil.v1.AccessEvent[] = [];
  const admin = kafka.admin();
  await admin.connect();
  try {
    await readTopicToEnd({
      kafka,
      admin,
      topic,
      onBatch: (batch) => {
        for (const message of batch.messages) {
          const event = vigil.v1.AccessEvent.decode(message.value ?? Buffer.alloc(0));
          if (keep(event)) found.push(event);
        }
      },
    });
  } finally {
    await admin.disconnect();
  }
  return found;
}

/** Records not yet consumed by a group, summed over the topic's partitions. */
export async function groupLag(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    return ends.reduce((lag, end) => {
      const offset = Number(
        committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1,
      );
      return lag + Number(end.high) - Math.max(offset, Number(end.low));
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every key under `prefix:` with its value, prefix removed, TTLs left out (they are relative to
 * when a key was written, which differs between a live build-up and a replay).
 */
export async function dumpKeys(redis: Redis, prefix: string): Promise<Record<string, unknown>> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  const dump: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const type = await redis.type(key);
    const name = key.slice(prefix.length);
    switch (type) {
      case 'string':
        dump[name] = await redis.get(key);
        break;
      case 'hash':
        dump[name] = sortObject(await redis.hgetall(key));
        break;
      case 'zset':
        dump[name] = await redis.zrange(key, 0, -1, 'WITHSCORES');
        break;
      case 'set':
        dump[name] = (await redis.smembers(key)).sort();
        break;
      case 'list':
        dump[name] = await redis.lrange(key, 0, -1);
        break;
      default:
        dump[name] = `<${type}>`;
    }
  }
  return dump;
}

function sortObject(object: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}
