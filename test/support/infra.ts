import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import Redis from 'ioredis';
import { kafkaConnectionFromEnv, kafkaSecurityEnvOf } from '@vigil/runtime';

export const brokers = (): string[] => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const redisUrl = (): string => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A fixed test port shifted by VIGIL_TEST_PORT_OFFSET (default 0), so that two checkouts can run
 * the suites that start private brokers and Redis servers side by side on one machine.
 */
export function testPort(port: number): number {
  const raw = process.env.VIGIL_TEST_PORT_OFFSET ?? '0';
  const offset = Number(raw);
  if (!Number.isSafeInteger(offset) || offset < 0 || port + offset > 65_535) {
    throw new Error(`VIGIL_TEST_PORT_OFFSET: expected a small non-negative integer (got "${raw}")`);
  }
  return port + offset;
}

/** A name no other test (or earlier run) uses, so tests can run in parallel and leave no clashes. */
export const uniqueName = (prefix: string): string => `test-${prefix}-${randomUUID().slice(0, 8)}`;

/**
 * The shared test broker's Kafka security settings, complete (unset ones empty), for processes
 * the tests start: `VIGIL_KAFKA_SECURE=1 ./dev test` runs the suites as its admin principal.
 */
export function sharedKafkaSecurityEnv(): Record<string, string> {
  return kafkaSecurityEnvOf(process.env);
}

/** A client of the shared test broker, secured as the environment says. */
export function testKafka(clientId = uniqueName('client')): Kafka {
  return new Kafka({
    clientId,
    ...kafkaConnectionFromEnv({ ...process.env, KAFKA_BROKERS: brokers().join(',') }),
    logLevel: logLevel.NOTHING,
  });
}

export function testRedis(): Redis {
  return new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
}

/** Creates topics for one test and returns a cleanup that deletes them and the given groups. */
export async function createTestTopics(
  admin: Admin,
  topics: { topic: string; numPartitions?: number }[],
): Promise<void> {
  await admin.createTopics({
    topics: topics.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions ?? 1 })),
  });
  // kafkajs's own waitForLeaders gives up when the broker still answers "unknown
  // topic-partition" for a new topic (seen under load); poll for the leaders instead.
  await waitFor(
    `leaders for ${topics.map((t) => t.topic).join(', ')}`,
    async () => {
      const { topics: metadata } = await admin.fetchTopicMetadata({
        topics: topics.map((t) => t.topic),
      });
      return metadata.every(
        (m) =>
          m.partitions.length === (topics.find((t) => t.topic === m.name)?.numPartitions ?? 1) &&
          m.partitions.every((p) => p.leader >= 0),
      );
    },
    30_000,
    100,
  );
}

/**
 * Polls `condition` until it returns a value other than undefined/false, or fails with `what`
 * after `timeoutMs`. Tests wait on conditions, never on bare sleeps.
 */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
