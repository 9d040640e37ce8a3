/**
 * The real process (node services/ingest/dist/main.js; the build must be current) drains on
 * SIGTERM: it stops accepting, answers or finishes what is in flight, flushes the producer and
 * exits 0 within SHUTDOWN_TIMEOUT_MS. Every receipt it gave out is backed by a record.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Admin, Kafka } from 'kafkajs';
import type Redis from 'ioredis';
import { IngestClient, type IngestReceipt } from '@vigil/client';
import {
  createTestTopics,
  testKafka,
  testRedis,
  uniqueName,
  waitFor,
} from '../../../test/support/infra';
import { accessEvent, readTopic, testEnv } from './support';

const MAIN = path.resolve(__dirname, '../dist/main.js');

describe('ingest process', () => {
  const topic = uniqueName('drain');
  const env = testEnv(topic, { LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '10000' });
  let kafka: Kafka;
  let admin: Admin;
  let redis: Redis;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 3 }]);
    redis = testRedis();
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    const keys = await redis.keys(`${env.INGEST_REDIS_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  it('drains on SIGTERM and exits 0, with every receipt backed by a record', async () => {
    const proc = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const logs: Record<string, unknown>[] = [];
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));

    const started = await waitFor(`the process to start (stderr: ${stderr})`, () =>
      logs.find((l) => l.msg === 'ingest started'),
    );
    const client = new IngestClient({
      address: `127.0.0.1:${started.grpcPort as number}`,
      token: 'gw-secret-token-1',
      timeoutMs: 10_000,
    });

    // Keep a steady stream of calls going, then pull the plug in the middle of it.
    const receipts: IngestReceipt[] = [];
    let refused = 0;
    let stop = false;
    const workers = Array.from({ length: 16 }, async () => {
      while (!stop) {
        try {
          receipts.push(...(await client.publishBatch([accessEvent(), accessEvent()])));
        } catch {
          refused += 1;
          return;
        }
      }
    });
    await waitFor('some receipts', () => receipts.length >= 200);
    const signalledAt = Date.now();
    proc.kill('SIGTERM');
    const code = await exited;
    stop = true;
    await Promise.all(workers);
    client.close();

    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(logs.some((l) => l.msg === 'shutdown complete' && l.clean === true)).toBe(true);
    expect(refused).toBeGreaterThan(0);

    const records = await readTopic(kafka, admin, topic);
    const stored = new Set(records.map((r) => `${r.partition}@${r.offset}/${r.eventId}`));
    for (const receipt of receipts) {
      expect(stored.has(`${receipt.partition}@${receipt.offset}/${receipt.eventId}`)).toBe(true);
    }
  });
});
