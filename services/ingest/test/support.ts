/** Shared helpers of the ingest integration tests (not a test file itself). */
import type { Admin, Kafka } from 'kafkajs';
import { IngestClient, type AccessEventInput } from '@vigil/client';
import { createLogger, hashToken } from '@vigil/runtime';
import { createIngestApp, loadIngestConfig, type IngestApp } from '../src';
import {
  brokers,
  redisUrl,
  sharedKafkaSecurityEnv,
  uniqueName,
  waitFor,
} from '../../../test/support/infra';

export const TOKENS = { gateway: 'gw-secret-token-1', okta: 'okta-secret-token-2' } as const;

export const tokenTableEnv = () =>
  Object.entries(TOKENS)
    .map(([name, token]) => `${name}=sha256:${hashToken(token)}`)
    .join(',');

export const silentLogger = () => createLogger({ service: 'ingest-test', level: 'silent' });

/** Env for an app on ephemeral ports, writing to `topic`, with its own Redis key prefix. */
export function testEnv(topic: string, overrides: Record<string, string> = {}) {
  return {
    KAFKA_BROKERS: brokers().join(','),
    ...sharedKafkaSecurityEnv(),
    REDIS_URL: redisUrl(),
    INGEST_API_TOKENS: tokenTableEnv(),
    INGEST_TOPIC: topic,
    INGEST_GRPC_PORT: '0',
    INGEST_HTTP_PORT: '0',
    OPS_PORT: '0',
    INGEST_REDIS_PREFIX: uniqueName('ingest'),
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

export interface RunningIngest {
  app: IngestApp;
  prefix: string;
  client(token?: string | null, options?: { timeoutMs?: number }): IngestClient;
  post(body: unknown, init?: { token?: string | null; contentType?: string }): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts an in-process app and tracks the clients it hands out, to close them on stop(). */
export async function startIngest(env: Record<string, string>): Promise<RunningIngest> {
  const config = loadIngestConfig(env);
  const app = createIngestApp(config, { logger: silentLogger() });
  try {
    await app.start();
  } catch (err) {
    await app.stop();
    throw err;
  }
  const clients: IngestClient[] = [];
  return {
    app,
    prefix: config.INGEST_REDIS_PREFIX,
    client(token = TOKENS.gateway, options = {}) {
      const client = new IngestClient({
        address: `127.0.0.1:${app.ports.grpc}`,
        token: token ?? undefined,
        timeoutMs: options.timeoutMs ?? 15_000,
      });
      clients.push(client);
      return client;
    },
    post(body, init = {}) {
      const token = init.token === undefined ? TOKENS.gateway : init.token;
      return fetch(`http://127.0.0.1:${app.ports.http}/v1/events`, {
        method: 'POST',
        headers: {
          'content-type': init.contentType ?? 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async stop() {
      for (const client of clients) client.close();
      await app.stop();
    },
  };
}

let counter = 0;

/** A valid event; `overrides` replace top-level fields. */
export function accessEvent(overrides: AccessEventInput = {}): AccessEventInput {
  counter += 1;
  return {
    occurredAt: { seconds: Math.floor(Date.now() / 1000) - 1, nanos: 123_000_000 },
    actor: { userId: `user-${counter % 17}`, ip: '203.0.113.7', deviceId: 'laptop-1' },
    action: 'auth.login',
    resource: 'app/console',
    outcome: 1,
    attributes: { method: 'password' },
    ...overrides,
  };
}

export interface StoredRecord {
  partition: number;
  offset: number;
  key: string;
  value: Buffer;
  eventId: string;
}

/** Every record of `topic`, read with the admin's watermarks and a throwaway consumer group. */
export async function readTopic(
  kafka: Kafka,
  admin: Admin,
  topic: string,
): Promise<StoredRecord[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const expected = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  const records: StoredRecord[] = [];
  if (expected === 0) return records;
  const groupId = uniqueName('readback');
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? '',
          value: message.value ?? Buffer.alloc(0),
          eventId: message.headers?.['vigil-event-id']?.toString() ?? '',
        });
      },
    });
    await waitFor(`${expected} records in ${topic}`, () => records.length >= expected);
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** The number of records in `topic` (high minus low watermark over all partitions). */
export async function countRecords(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}
