/**
 * Issue #11 on ingest's doors, against an in-process app on real Kafka and Redis: every bullet of
 * the "Why" that concerns ingest (user ids, gRPC, HTTP, JSON, credentials) fails on the
 * code before the fix and passes after it.
 */
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import type { Admin, Kafka } from 'kafkajs';
import type Redis from 'ioredis';
import { IngestServiceDefinition, vigil } from '@vigil/proto';
import { callWithRepeatedAuthorization } from '../../../test/support/grpc-repeated-header';
import { createTestTopics, testKafka, testRedis, uniqueName } from '../../../test/support/infra';
import {
  TOKENS,
  accessEvent,
  readTopic,
  startIngest,
  testEnv,
  type RunningIngest,
} from './support';

interface Answer {
  code: grpc.status;
  details: string;
  vigilCode: string | undefined;
}

describe("ingest's doors (issue #11; real Kafka and Redis)", () => {
  const topic = uniqueName('ingest-doors');
  let kafka: Kafka;
  let admin: Admin;
  let redis: Redis;
  let ingest: RunningIngest;
  let raw: grpc.Client;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
    redis = testRedis();
    ingest = await startIngest(testEnv(topic));
    raw = new grpc.Client(`127.0.0.1:${ingest.app.ports.grpc}`, grpc.credentials.createInsecure());
  });

  afterAll(async () => {
    raw?.close();
    await ingest?.stop();
    const keys = await redis.keys(`${ingest.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  /** Publish with the request bytes exactly as given. */
  const publishBytes = (payload: Buffer, token: string | null = TOKENS.gateway) =>
    new Promise<Answer>((resolve) => {
      const metadata = new grpc.Metadata();
      if (token) metadata.set('authorization', `Bearer ${token}`);
      raw.makeUnaryRequest(
        IngestServiceDefinition.publish.path,
        (b: Buffer) => b,
        (b: Buffer) => b,
        payload,
        metadata,
        (err) =>
          resolve({
            code: err ? err.code : grpc.status.OK,
            details: err?.details ?? '',
            vigilCode: err?.metadata?.get('vigil-error-code')[0]?.toString(),
          }),
      );
    });

  const encode = (event: vigil.v1.AccessEvent.$Properties) =>
    Buffer.from(vigil.v1.AccessEvent.encode(event).finish());

  const jsonEvent = (overrides: Record<string, unknown> = {}) => ({
    eventId: uniqueName('d'),
    occurredAt: new Date(Date.now() - 1_000).toISOString(),
    actor: { userId: 'door-user' },
    action: 'auth.login',
    ...overrides,
  });

  /** A POST with full control over headers (repeated ones included) and body bytes. */
  const post = (headers: Record<string, string | string[]>, body: Buffer | string) =>
    new Promise<{ status: number; json: { error?: { code: string; message: string } } }>(
      (resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: ingest.app.ports.http,
            path: '/v1/events',
            method: 'POST',
            headers: { 'content-length': Buffer.byteLength(body), ...headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                json: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as never,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  const auth = { authorization: `Bearer ${TOKENS.gateway}` };
  const json = { ...auth, 'content-type': 'application/json' };

  const refusedCount = async (code: string) => {
    const text = await (await fetch(`http://127.0.0.1:${ingest.app.ports.ops}/metrics`)).text();
    return text
      .split('\n')
      .filter(
        (l) => l.startsWith('vigil_grpc_refused_requests_total{') && l.includes(`code="${code}"`),
      )
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  };

  describe('user ids', () => {
    it.each([
      ['right-to-left override', 'admin\u202e\u0645\u0627'],
      ['zero-width space', 'alice\u200b'],
      ['trailing space', 'alice '],
      ['trailing NUL', 'alice\u0000'],
    ])('refuses a user id with a %s, over gRPC and HTTP', async (_, userId) => {
      const grpcAnswer = await publishBytes(encode(accessEvent({ actor: { userId } })));
      expect(grpcAnswer).toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        vigilCode: 'INVALID_ARGUMENT',
      });
      expect(grpcAnswer.details).toContain('actor.user_id');
      const res = await post(json, JSON.stringify(jsonEvent({ actor: { userId } })));
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('INVALID_ARGUMENT');
    });

    it('stores and keys the canonical (case-folded) user id', async () => {
      const eventId = uniqueName('fold');
      const receipt = await ingest
        .client()
        .publish(
          accessEvent({ eventId, actor: { userId: 'Alice.Example' }, action: 'AUTH.Login' }),
        );
      expect(receipt.duplicate).toBe(false);
      const record = (await readTopic(kafka, admin, topic)).find((r) => r.eventId === eventId);
      expect(record?.key).toBe('alice.example');
      const stored = vigil.v1.AccessEvent.decode(record?.value ?? Buffer.alloc(0));
      expect(stored.actor?.userId).toBe('alice.example');
      expect(stored.action).toBe('auth.login');
    });
  });

  describe('gRPC', () => {
    const notProtobuf = Buffer.from([0x0a, 0x05, 0x41]); // a length beyond the end
    const badUtf8 = Buffer.concat([
      encode(accessEvent()),
      Buffer.from([0x22, 0x03, 0x61, 0xff, 0x62]), // action (field 4) = "a\xffb"
    ]);

    it.each([
      ['malformed protobuf', notProtobuf],
      ['invalid UTF-8 in a string', badUtf8],
    ])('answers %s INVALID_ARGUMENT / MALFORMED_REQUEST and counts it', async (_, payload) => {
      const before = await refusedCount('MALFORMED_REQUEST');
      const answer = await publishBytes(payload);
      expect(answer).toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        vigilCode: 'MALFORMED_REQUEST',
      });
      expect(answer.details).not.toBe('Error deserializing request');
      expect(await refusedCount('MALFORMED_REQUEST')).toBe(before + 1);
    });

    it('authenticates first: a malformed request without a token is UNAUTHENTICATED', async () => {
      expect(await publishBytes(notProtobuf, null)).toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
        vigilCode: 'UNAUTHENTICATED',
      });
      expect(await publishBytes(notProtobuf, 'forged')).toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
      });
    });
  });

  describe('HTTP encodings', () => {
    it('stores a gzip body', async () => {
      const body = zlib.gzipSync(JSON.stringify(jsonEvent()));
      const res = await post({ ...json, 'content-encoding': 'gzip' }, body);
      expect(res.status).toBe(200);
    });

    it('refuses a gzip bomb beyond the body limit with 413', async () => {
      // 64 MiB of spaces (valid JSON whitespace) in about 64 KiB.
      const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      const res = await post({ ...json, 'content-encoding': 'gzip' }, bomb);
      expect(res.status).toBe(413);
      expect(res.json.error?.code).toBe('BATCH_TOO_LARGE');
    });

    it.each([
      ['content-encoding: br on a plain body', { ...json, 'content-encoding': 'br' }],
      ['content-encoding: deflate', { ...json, 'content-encoding': 'deflate' }],
      ['charset=utf-16', { ...auth, 'content-type': 'application/json; charset=utf-16' }],
    ])('answers %s with 415', async (_, headers) => {
      const res = await post(headers, JSON.stringify(jsonEvent()));
      expect(res.status).toBe(415);
      expect(res.json.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('still takes charset=utf-8', async () => {
      const headers = { ...auth, 'content-type': 'application/json; charset=UTF-8' };
      expect((await post(headers, JSON.stringify(jsonEvent()))).status).toBe(200);
    });
  });

  describe('JSON', () => {
    it('refuses a repeated key with 400, naming it', async () => {
      const body = JSON.stringify(jsonEvent()).replace('{', '{"action":"db.query",');
      const res = await post(json, body);
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('MALFORMED_REQUEST');
      expect(res.json.error?.message).toContain('duplicate key "action"');
    });

    it('refuses {"userId":"a","user_id":"b"} with 400, naming both', async () => {
      const body = JSON.stringify(jsonEvent({ actor: { userId: 'a', user_id: 'b' } }));
      const res = await post(json, body);
      expect(res.status).toBe(400);
      expect(res.json.error?.message).toContain('"userId"');
      expect(res.json.error?.message).toContain('"user_id"');
    });
  });

  describe('credentials', () => {
    it('answers two authorization headers with 401 CONFLICTING_CREDENTIALS (HTTP)', async () => {
      for (const pair of [
        [`Bearer ${TOKENS.gateway}`, 'Bearer forged'],
        ['Bearer forged', `Bearer ${TOKENS.gateway}`],
        [`Bearer ${TOKENS.gateway}`, `Bearer ${TOKENS.okta}`],
      ]) {
        const res = await post(
          { authorization: pair, 'content-type': 'application/json' },
          JSON.stringify(jsonEvent()),
        );
        expect(res.status).toBe(401);
        expect(res.json.error?.code).toBe('CONFLICTING_CREDENTIALS');
      }
    });

    it('answers two authorization values with UNAUTHENTICATED CONFLICTING_CREDENTIALS (gRPC)', async () => {
      const answer = await callWithRepeatedAuthorization({
        address: `127.0.0.1:${ingest.app.ports.grpc}`,
        path: IngestServiceDefinition.publish.path,
        payload: encode(accessEvent({ eventId: uniqueName('two-tokens') })),
        authorization: [`Bearer ${TOKENS.gateway}`, 'Bearer forged'],
      });
      expect(answer).toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
        trailers: { 'vigil-error-code': 'CONFLICTING_CREDENTIALS' },
      });
    }, 20_000);
  });
});
