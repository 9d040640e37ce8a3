import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { AuthorizationClient, RiskAdminClient } from '@vigil/client';
import { timestampFromMillis, vigil } from '@vigil/proto';
import { createLogger, hashToken } from '@vigil/runtime';
import type Redis from 'ioredis';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { createRiskApp, type RiskApp } from '../../src/app';
import { loadRiskConfig } from '../../src/config';
import {
  createTestTopics,
  sharedKafkaSecurityEnv,
  testKafka,
  testRedis,
  uniqueName,
  waitFor,
} from '../../../../test/support/infra';
import { policyYaml } from './policy';

export const API_TOKEN = 'platform-token-for-tests';
export const ADMIN_TOKEN = 'admin-token-for-tests';
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/**
 * One isolated risk environment on the shared Kafka and Redis: its own topics, consumer group,
 * Redis prefix and policy file, all removed by `cleanup()`.
 */
export interface RiskTestEnv {
  id: string;
  eventsTopic: string;
  decisionsTopic: string;
  adminTopic: string;
  groupId: string;
  prefix: string;
  policyFile: string;
  /** Environment for loadRiskConfig / a child process. */
  env: Record<string, string>;
  kafka: Kafka;
  admin: Admin;
  producer: Producer;
  redis: Redis;
  cleanup(): Promise<void>;
}

export async function createRiskTestEnv(options: {
  name: string;
  eventPartitions?: number;
  policy?: Record<string, unknown>;
  env?: Record<string, string>;
}): Promise<RiskTestEnv> {
  const id = uniqueName(options.name);
  const eventsTopic = `${id}-events`;
  const decisionsTopic = `${id}-decisions`;
  const adminTopic = `${id}-admin`;
  const groupId = `${id}-risk`;
  const prefix = `${id}:risk`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-risk-'));
  const policyFile = path.join(dir, 'policy.yaml');
  fs.writeFileSync(policyFile, policyYaml(options.policy ?? {}));

  const kafka = testKafka(id);
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, [
    { topic: eventsTopic, numPartitions: options.eventPartitions ?? 3 },
    { topic: decisionsTopic, numPartitions: 2 },
    { topic: adminTopic, numPartitions: 1 },
  ]);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const redis = testRedis();

  const env: Record<string, string> = {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    ...sharedKafkaSecurityEnv(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    RISK_GRPC_PORT: '0',
    OPS_PORT: '0',
    RISK_POLICY_FILE: policyFile,
    RISK_API_TOKENS: `platform=sha256:${hashToken(API_TOKEN)}`,
    RISK_ADMIN_TOKENS: `secops=sha256:${hashToken(ADMIN_TOKEN)}`,
    RISK_GROUP_ID: groupId,
    RISK_EVENTS_TOPIC: eventsTopic,
    RISK_DECISIONS_TOPIC: decisionsTopic,
    RISK_ADMIN_TOPIC: adminTopic,
    RISK_REDIS_PREFIX: prefix,
    RISK_COMMIT_INTERVAL_MS: '0',
    SHUTDOWN_TIMEOUT_MS: '15000',
    ...options.env,
  };

  return {
    id,
    eventsTopic,
    decisionsTopic,
    adminTopic,
    groupId,
    prefix,
    policyFile,
    env,
    kafka,
    admin,
    producer,
    redis,
    async cleanup() {
      await producer.disconnect().catch(() => undefined);
      await deleteKeys(redis, prefix).catch(() => undefined);
      redis.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin
        .deleteTopics({ topics: [eventsTopic, decisionsTopic, adminTopic] })
        .catch(() => undefined);
      await admin.disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const quietLogger = () =>
  createLogger({
    service: 'risk-test',
    level: process.env.TEST_LOG_LEVEL ?? 'silent',
    destination: process.env.TEST_LOG_LEVEL
      ? process.stderr
      : new Writable({ write: (_c, _e, done) => done() }),
  });

/** The risk service in this process, on ephemeral ports, with an injectable clock. */
export async function startRiskApp(
  env: Record<string, string>,
  clock?: () => number,
): Promise<RiskApp> {
  const app = createRiskApp(loadRiskConfig(env), {
    logger: quietLogger(),
    ...(clock ? { clock } : {}),
  });
  await app.start();
  return app;
}

export function clients(port: number) {
  const address = `127.0.0.1:${port}`;
  return {
    authz: new AuthorizationClient({ address, token: API_TOKEN, timeoutMs: 5_000 }),
    admin: new RiskAdminClient({ address, token: ADMIN_TOKEN, timeoutMs: 10_000 }),
  };
}

export interface EventInput {
  userId: string;
  at: number;
  action?: string;
  resource?: string;
  outcome?: vigil.v1.Outcome;
  ip?: string;
  deviceId?: string;
  country?: string;
  position?: { lat: number; lon: number };
}

let eventCounter = 0;

export function accessEvent(input: EventInput): vigil.v1.AccessEvent {
  eventCounter += 1;
  return vigil.v1.AccessEvent.create({
    eventId: `evt-${process.pid}-${eventCounter}`,
    occurredAt: timestampFromMillis(input.at),
    receivedAt: timestampFromMillis(input.at),
    actor: {
      userId: input.userId,
      ip: input.ip ?? '',
      deviceId: input.deviceId ?? '',
      geo: {
        countryCode: input.country ?? '',
        ...(input.position
          ? { latitude: input.position.lat, longitude: input.position.lon, hasPosition: true }
          : {}),
      },
    },
    action: input.action ?? 'auth.login',
    resource: input.resource ?? 'app/portal',
    outcome: input.outcome ?? vigil.v1.Outcome.OUTCOME_SUCCESS,
    source: 'test-idp',
  });
}

/** Produces events as ingest does: protobuf AccessEvent, keyed by user id, acks=all. */
export async function produceEvents(
  producer: Producer,
  topic: string,
  events: readonly EventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((e) => ({
      key: e.userId,
      value: Buffer.from(vigil.v1.AccessEvent.encode(accessEvent(e)).finish()),
      timestamp: String(e.at),
    })),
  });
}

/** Waits until the risk state of `userId` has applied `count` events. */
export async function waitApplied(
  admin: RiskAdminClient,
  userId: string,
  count: number,
): Promise<vigil.v1.RiskProfile> {
  return waitFor(`${count} events applied for ${userId}`, async () => {
    const profile = await admin.getRiskProfile(userId);
    return Number(profile.eventsApplied) >= count ? profile : undefined;
  });
}

/** Every key under the prefix with its hash contents, for exact state comparison. */
export async function dumpState(
  redis: Redis,
  prefix: string,
): Promise<Record<string, Record<string, string>>> {
  const keys = await scanKeys(redis, prefix);
  const out: Record<string, Record<string, string>> = {};
  for (const key of keys.sort()) out[key.slice(prefix.length)] = await redis.hgetall(key);
  return out;
}

async function scanKeys(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await scanKeys(redis, prefix);
  for (let i = 0; i < keys.length; i += 500) await redis.unlink(...keys.slice(i, i + 500));
}

/** Reads a whole topic from the beginning with a throwaway consumer group. */
export async function readTopic<T>(
  kafka: Kafka,
  topic: string,
  decode: (value: Buffer) => T,
  expected: (records: Array<{ key: string; value: T }>) => boolean,
): Promise<Array<{ key: string; value: T }>> {
  const groupId = uniqueName('reader');
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const records: Array<{ key: string; value: T }> = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        records.push({
          key: message.key?.toString() ?? '',
          value: decode(message.value as Buffer),
        });
      },
    });
    await waitFor(`records in ${topic}`, () => expected(records));
    return records;
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Fetches one metric's samples from an ops endpoint. */
export async function metricValue(opsPort: number, name: string, labels: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) && line.includes(labels))
      total += Number(line.split(' ').pop());
  }
  return total;
}
