/**
 * Hostile input against an in-process ingest app (real Kafka and Redis): unbounded keys are
 * answered at once with a bounded status, text that is not Unicode is refused, Object.prototype
 * names survive as attribute keys, and broken or abandoned HTTP requests are client errors.
 */
import * as grpc from '@grpc/grpc-js';
import * as net from 'node:net';
import type { Admin, Kafka } from 'kafkajs';
import type Redis from 'ioredis';
import { IngestCallError, type IngestReceipt } from '@vigil/client';
import { vigil } from '@vigil/proto';
import { createTestTopics, testKafka, testRedis, uniqueName } from '../../../test/support/infra';
import {
  TOKENS,
  accessEvent,
  countRecords,
  readTopic,
  startIngest,
  testEnv,
  type RunningIngest,
} from './support';

describe('ingest under hostile input (real Kafka and Redis)', () => {
  const topic = uniqueName('ingest-hostile');
  let kafka: Kafka;
  let admin: Admin;
  let redis: Redis;
  let ingest: RunningIngest;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
    redis = testRedis();
    ingest = await startIngest(testEnv(topic));
  });

  afterAll(async () => {
    await ingest?.stop();
    const keys = await redis.keys(`${ingest.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  const jsonEvent = (overrides: Record<string, unknown> = {}) => ({
    eventId: uniqueName('h'),
    occurredAt: new Date(Date.now() - 1_000).toISOString(),
    actor: { userId: 'hostile-user' },
    action: 'auth.login',
    ...overrides,
  });

  /** POSTs raw bytes (fetch would turn lone surrogates and bad bytes into U+FFFD). */
  const postBytes = (body: Buffer) =>
    fetch(`http://127.0.0.1:${ingest.app.ports.http}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.gateway}` },
      body,
    });

  /** Sends raw bytes over TCP and returns whatever comes back before the server closes. */
  const rawHttp = (chunks: Array<string | Buffer>, abortAfterMs?: number) =>
    new Promise<string>((resolve) => {
      const socket = net.connect(ingest.app.ports.http, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (d: Buffer) => received.push(d));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(Buffer.concat(received).toString('utf8')));
      socket.on('connect', () => {
        for (const chunk of chunks) socket.write(chunk);
        if (abortAfterMs !== undefined) setTimeout(() => socket.destroy(), abortAfterMs);
      });
    });

  const requestCount = async (code: string) => {
    const text = await (await fetch(`http://127.0.0.1:${ingest.app.ports.ops}/metrics`)).text();
    return text
      .split('\n')
      .filter((l) => l.startsWith('vigil_ingest_requests_total{') && l.includes(`code="${code}"`))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  };

  it.each([
    ['Publish, a 100k-character key', 'publish', 'k'.repeat(100_000)],
    ['Publish, a 300k-character key', 'publish', 'k'.repeat(300_000)],
    ['PublishBatch, 40,000 × "é"', 'publishBatch', 'é'.repeat(40_000)],
  ] as const)('answers %s at once with a bounded INVALID_ARGUMENT', async (_n, method, key) => {
    const client = ingest.client(TOKENS.gateway, { timeoutMs: 5_000 });
    const event = accessEvent({ attributes: { [key]: 'v' } });
    const started = Date.now();
    const call =
      method === 'publish' ? client.publish(event) : client.publishBatch([accessEvent(), event]);
    const error = (await call.catch((e: unknown) => e)) as IngestCallError;
    expect(error).toBeInstanceOf(IngestCallError);
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error.reason).toBe('INVALID_ARGUMENT');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(Buffer.byteLength(error.message)).toBeLessThan(1_200);
    expect(error.violations[0]?.field).toContain(`(${key.length} chars)`);
    // The connection is not stalled: the next call on it is served.
    await expect(client.publish(accessEvent({ eventId: uniqueName('after') }))).resolves.toEqual(
      expect.objectContaining({ duplicate: false }),
    );
  });

  it('answers HTTP with a bounded error body for a huge key', async () => {
    const res = await ingest.post(jsonEvent({ attributes: { ['k'.repeat(300_000)]: 'v' } }));
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(2_000);
    expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT');
  });

  it.each([
    [[0xff]],
    [[0xc0, 0xaf]],
    [[0xed, 0xa0, 0x80]],
    [[0xe2, 0x82]],
    [[0xf4, 0x90, 0x80, 0x80]],
  ])('refuses HTTP bodies with bytes %j that are not UTF-8', async (bad) => {
    const before = await countRecords(admin, topic);
    const [head, tail] = JSON.stringify(jsonEvent({ action: 'auth.MARK' })).split('MARK') as [
      string,
      string,
    ];
    const res = await postBytes(
      Buffer.concat([Buffer.from(head), Buffer.from(bad), Buffer.from(tail)]),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'MALFORMED_REQUEST',
      message: 'the body is not valid UTF-8',
    });
    expect(await countRecords(admin, topic)).toBe(before);
  });

  it('refuses JSON-escaped lone surrogates, naming the field', async () => {
    const text = JSON.stringify(jsonEvent({ resource: 'db/MARK', attributes: { k: 'MARK' } }));
    const res = await postBytes(Buffer.from(text.replaceAll('MARK', '\\ud800')));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; violations: unknown[] } };
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.violations).toEqual([
      expect.objectContaining({ field: 'resource', reason: 'INVALID_FORMAT' }),
      expect.objectContaining({ field: 'attributes["k"]', reason: 'INVALID_FORMAT' }),
    ]);
  });

  it('stores an attribute named "__proto__" exactly as sent, over gRPC and HTTP', async () => {
    const attributes: Record<string, string> = {};
    Object.defineProperty(attributes, '__proto__', {
      value: 'polluted',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    attributes.other = 'kept';
    const grpcReceipt = await ingest.client().publish(accessEvent({ attributes }));
    const httpEvent = jsonEvent();
    const json = JSON.stringify(httpEvent).replace(
      /}$/,
      ',"attributes":{"__proto__":"polluted","other":"kept"}}',
    );
    const res = await postBytes(Buffer.from(json));
    expect(res.status).toBe(200);
    const httpReceipt = (await res.json()) as IngestReceipt;
    const records = await readTopic(kafka, admin, topic);
    for (const receipt of [grpcReceipt, httpReceipt]) {
      const record = records.find((r) => r.offset === receipt.offset);
      const stored = vigil.v1.AccessEvent.decode(record!.value);
      expect(Object.entries(stored.attributes)).toEqual([
        ['__proto__', 'polluted'],
        ['other', 'kept'],
      ]);
    }
  });

  it('answers a malformed chunked body with JSON 400 and counts it as CLIENT_ABORTED', async () => {
    const internalBefore = await requestCount('INTERNAL');
    const abortedBefore = await requestCount('CLIENT_ABORTED');
    const answer = await rawHttp([
      'POST /v1/events HTTP/1.1\r\nHost: x\r\n' +
        `authorization: Bearer ${TOKENS.gateway}\r\ncontent-type: application/json\r\n` +
        'transfer-encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('content-type: application/json');
    expect(answer).toContain('"code":"MALFORMED_REQUEST"');
    await new Promise((r) => setTimeout(r, 100));
    expect(await requestCount('INTERNAL')).toBe(internalBefore);
    expect(await requestCount('CLIENT_ABORTED')).toBe(abortedBefore + 1);
  });

  it('counts a client that goes away mid-body as CLIENT_ABORTED, not INTERNAL', async () => {
    const internalBefore = await requestCount('INTERNAL');
    const abortedBefore = await requestCount('CLIENT_ABORTED');
    await rawHttp(
      [
        'POST /v1/events HTTP/1.1\r\nHost: x\r\n' +
          `authorization: Bearer ${TOKENS.gateway}\r\ncontent-type: application/json\r\n` +
          'content-length: 1000\r\n\r\n{"action":',
      ],
      100,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await requestCount('INTERNAL')).toBe(internalBefore);
    expect(await requestCount('CLIENT_ABORTED')).toBe(abortedBefore + 1);
  });
});
