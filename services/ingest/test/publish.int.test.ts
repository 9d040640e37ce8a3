/**
 * The ingest service against the real Kafka and Redis: what the receipts promise is what the
 * topic holds, bad input and unknown senders are refused before anything is stored, and retries
 * are answered from the dedup store instead of being stored twice.
 */
import * as grpc from '@grpc/grpc-js';
import type { Admin, Kafka } from 'kafkajs';
import type Redis from 'ioredis';
import { IngestCallError, type IngestReceipt } from '@vigil/client';
import { millisFromTimestamp, vigil } from '@vigil/proto';
import {
  createTestTopics,
  testKafka,
  testRedis,
  uniqueName,
  waitFor,
} from '../../../test/support/infra';
import {
  TOKENS,
  accessEvent,
  countRecords,
  readTopic,
  startIngest,
  testEnv,
  type RunningIngest,
} from './support';
import { enrichEvent } from '../src/enrichment';

describe('ingest service (real Kafka and Redis)', () => {
  const topic = uniqueName('ingest');
  let kafka: Kafka;
  let admin: Admin;
  let redis: Redis;
  let ingest: RunningIngest;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 3 }]);
    redis = testRedis();
    ingest = await startIngest(testEnv(topic, { INGEST_MAX_BATCH_EVENTS: '50' }));
  });

  afterAll(async () => {
    await ingest?.stop();
    const keys = await redis.keys(`${ingest.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  /** Reads the topic and returns the stored record of each receipt, checking its coordinates. */
  async function storedRecordsOf(receipts: IngestReceipt[]) {
    const records = await readTopic(kafka, admin, topic);
    return receipts.map((receipt) => {
      const record = records.find(
        (r) => r.partition === receipt.partition && r.offset === receipt.offset,
      );
      if (!record) throw new Error(`no record at ${receipt.partition}@${receipt.offset}`);
      return record;
    });
  }

  describe('publishing', () => {
    it('stores a gRPC batch at exactly the partitions and offsets its receipts name', async () => {
      const client = ingest.client();
      const events = Array.from({ length: 20 }, (_, i) =>
        accessEvent({ eventId: uniqueName(`grpc-${i}`), actor: { userId: `u-${i % 4}` } }),
      );
      const receipts = await client.publishBatch(events);
      expect(receipts).toHaveLength(20);
      const records = await storedRecordsOf(receipts);
      records.forEach((record, i) => {
        const stored = vigil.v1.AccessEvent.decode(record.value);
        expect(receipts[i]?.topic).toBe(topic);
        expect(receipts[i]?.duplicate).toBe(false);
        expect(stored.eventId).toBe(events[i]?.eventId);
        expect(record.eventId).toBe(events[i]?.eventId);
        // Keyed by user: one user's events share a partition.
        expect(record.key).toBe(events[i]?.actor?.userId);
        // The stored bytes are the canonical encoding of the stored event (what the sealer hashes).
        expect(Buffer.from(vigil.v1.AccessEvent.encode(stored).finish())).toEqual(record.value);
      });
      const byUser = new Map<string, Set<number>>();
      receipts.forEach((r, i) => {
        const user = events[i]?.actor?.userId as string;
        byUser.set(user, (byUser.get(user) ?? new Set()).add(r.partition));
      });
      for (const partitions of byUser.values()) expect(partitions.size).toBe(1);
    });

    it('enriches: fills the event id, sets received_at and the authenticated source', async () => {
      const before = Date.now();
      const receipt = await ingest
        .client(TOKENS.okta)
        .publish(accessEvent({ eventId: '', source: 'forged-source', receivedAt: { seconds: 1 } }));
      expect(receipt.eventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      const [record] = await storedRecordsOf([receipt]);
      const stored = vigil.v1.AccessEvent.decode(record!.value);
      expect(stored.eventId).toBe(receipt.eventId);
      expect(stored.source).toBe('okta');
      expect(millisFromTimestamp(stored.receivedAt)).toBeGreaterThanOrEqual(before - 1);
      expect(millisFromTimestamp(stored.receivedAt)).toBeLessThanOrEqual(Date.now());
    });

    it('stores HTTP JSON events (one, or an array) with the receipts it answers', async () => {
      const occurredAt = new Date(Date.now() - 60_000).toISOString();
      const single = await ingest.post({
        eventId: uniqueName('http-one'),
        occurredAt,
        actor: {
          userId: 'web-user',
          ip: '2001:db8::1',
          geo: { countryCode: 'DE', latitude: 52.5, longitude: 13.4, hasPosition: true },
        },
        action: 'auth.login',
        outcome: 'SUCCESS',
        attributes: { mfa: 'totp' },
      });
      expect(single.status).toBe(200);
      const receipt = (await single.json()) as IngestReceipt;

      const many = await ingest.post([
        {
          occurred_at: occurredAt,
          actor: { user_id: 'web-user' },
          action: 'db.query',
          outcome: 'OUTCOME_DENIED',
        },
        { occurredAt, actor: { userId: 'other' }, action: 'k8s.exec' },
      ]);
      expect(many.status).toBe(200);
      const { receipts } = (await many.json()) as { receipts: IngestReceipt[] };
      expect(receipts).toHaveLength(2);

      const records = await storedRecordsOf([receipt, ...receipts]);
      const stored = records.map((r) => vigil.v1.AccessEvent.decode(r.value));
      expect(stored[0]?.actor?.geo?.countryCode).toBe('DE');
      expect(stored[0]?.outcome).toBe(vigil.v1.Outcome.OUTCOME_SUCCESS);
      expect(millisFromTimestamp(stored[0]?.occurredAt)).toBe(Date.parse(occurredAt));
      expect(stored[1]?.outcome).toBe(vigil.v1.Outcome.OUTCOME_DENIED);
      expect(stored.map((e) => e.source)).toEqual(['gateway', 'gateway', 'gateway']);
      expect(stored.map((e) => e.eventId)).toEqual([receipt, ...receipts].map((r) => r.eventId));
    });

    it('answers grpc.health.v1 Check with SERVING once Kafka and Redis are connected', async () => {
      // HealthCheckRequest { service = 1 } and HealthCheckResponse { status = 1 }, by hand.
      const Health = grpc.makeGenericClientConstructor(
        {
          check: {
            path: '/grpc.health.v1.Health/Check',
            requestStream: false,
            responseStream: false,
            requestSerialize: (service: string) =>
              Buffer.concat([Buffer.from([0x0a, service.length]), Buffer.from(service)]),
            requestDeserialize: (b: Buffer) => b.toString(),
            responseSerialize: (b: Buffer) => b,
            responseDeserialize: (b: Buffer) => (b[0] === 0x08 ? (b[1] as number) : 0),
          },
        },
        'Health',
      );
      const health = new Health(
        `127.0.0.1:${ingest.app.ports.grpc}`,
        grpc.credentials.createInsecure(),
      );
      type Check = (
        service: string,
        callback: (err: grpc.ServiceError | null, status?: number) => void,
      ) => void;
      const call = (health as unknown as { check: Check }).check.bind(health);
      const check = (service: string) =>
        new Promise<number>((resolve, reject) =>
          call(service, (err, status) => (err ? reject(err) : resolve(status as number))),
        );
      try {
        const SERVING = 1;
        expect(await check('')).toBe(SERVING);
        expect(await check('vigil.v1.IngestService')).toBe(SERVING);
      } finally {
        health.close();
      }
    });

    it('exposes metrics and readiness on the ops port', async () => {
      const ready = await fetch(`http://127.0.0.1:${ingest.app.ports.ops}/readyz`);
      expect(ready.status).toBe(200);
      const text = await (await fetch(`http://127.0.0.1:${ingest.app.ports.ops}/metrics`)).text();
      expect(text).toMatch(/vigil_ingest_events_accepted_total\{[^}]*transport="grpc"[^}]*\} \d+/);
      expect(text).toContain('vigil_ingest_produce_latency_seconds_bucket');
      expect(text).toContain('vigil_ingest_flush_events_bucket');
      expect(text).toContain('vigil_ingest_in_flight_events');
    });
  });

  describe('validation', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: [string, Parameters<typeof accessEvent>[0], string, string][] = [
      ['missing user id', { actor: { ip: '10.0.0.1' } }, 'actor.user_id', 'REQUIRED'],
      ['missing action', { action: '' }, 'action', 'REQUIRED'],
      ['missing occurred_at', { occurredAt: null }, 'occurred_at', 'REQUIRED'],
      ['bad ip', { actor: { userId: 'u', ip: '300.1.1.1' } }, 'actor.ip', 'INVALID_FORMAT'],
      [
        'latitude > 90',
        { actor: { userId: 'u', geo: { latitude: 91, hasPosition: true } } },
        'actor.geo.latitude',
        'OUT_OF_RANGE',
      ],
      [
        'longitude NaN',
        { actor: { userId: 'u', geo: { longitude: NaN, hasPosition: true } } },
        'actor.geo.longitude',
        'OUT_OF_RANGE',
      ],
      [
        '3-letter country',
        { actor: { userId: 'u', geo: { countryCode: 'DEU' } } },
        'actor.geo.country_code',
        'INVALID_FORMAT',
      ],
      [
        'too old',
        { occurredAt: { seconds: now() - 2 * 86_400 } },
        'occurred_at',
        'TOO_FAR_IN_PAST',
      ],
      [
        'in the future',
        { occurredAt: { seconds: now() + 3_600 } },
        'occurred_at',
        'TOO_FAR_IN_FUTURE',
      ],
      ['unsafe int64 seconds', { occurredAt: { seconds: 2 ** 60 } }, 'occurred_at', 'OUT_OF_RANGE'],
      ['event id too long', { eventId: 'x'.repeat(129) }, 'event_id', 'TOO_LONG'],
      ['event id with a space', { eventId: 'a b' }, 'event_id', 'INVALID_FORMAT'],
      ['user id too long', { actor: { userId: 'u'.repeat(257) } }, 'actor.user_id', 'TOO_LONG'],
      [
        'attribute value too long',
        { attributes: { k: 'v'.repeat(1025) } },
        'attributes["k"]',
        'TOO_LONG',
      ],
      [
        'too many attributes',
        { attributes: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) },
        'attributes',
        'TOO_MANY',
      ],
      ['unknown outcome', { outcome: 9 as vigil.v1.Outcome }, 'outcome', 'OUT_OF_RANGE'],
    ];

    it.each(cases)('rejects %s over gRPC, naming %s', async (_name, overrides, field, reason) => {
      const before = await countRecords(admin, topic);
      const error = await ingest
        .client()
        .publish(accessEvent(overrides))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestCallError);
      const e = error as IngestCallError;
      expect(e.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(e.reason).toBe('INVALID_ARGUMENT');
      expect(e.violations).toContainEqual(expect.objectContaining({ index: 0, field, reason }));
      expect(await countRecords(admin, topic)).toBe(before);
    });

    it('rejects a whole batch for one bad event, lists every bad index, stores nothing', async () => {
      const before = await countRecords(admin, topic);
      const events = Array.from({ length: 10 }, () => accessEvent());
      events[2] = accessEvent({ actor: { userId: '' } });
      events[7] = accessEvent({ actor: { userId: 'u', ip: 'not-an-ip' } });
      events[9] = accessEvent({ eventId: 'dup-in-batch' });
      events[8] = accessEvent({ eventId: 'dup-in-batch' });
      const error = (await ingest
        .client()
        .publishBatch(events)
        .catch((e: unknown) => e)) as IngestCallError;
      expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(error.violations.map((v) => [v.index, v.field, v.reason])).toEqual([
        [2, 'actor.user_id', 'REQUIRED'],
        [7, 'actor.ip', 'INVALID_FORMAT'],
        [9, 'event_id', 'DUPLICATE_IN_BATCH'],
      ]);
      expect(await countRecords(admin, topic)).toBe(before);
    });

    it('rejects a batch over the event limit', async () => {
      const events = Array.from({ length: 51 }, () => accessEvent());
      const error = (await ingest
        .client()
        .publishBatch(events)
        .catch((e: unknown) => e)) as IngestCallError;
      expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(error.reason).toBe('BATCH_TOO_LARGE');
    });

    it('answers HTTP 400 with the violations, and 413/415 for bodies it will not read', async () => {
      const before = await countRecords(admin, topic);
      const bad = await ingest.post([
        { occurredAt: 'yesterday', actor: { userId: 'u' }, action: 'a' },
        { occurredAt: new Date().toISOString(), actor: { userId: 7 }, action: 'a', colour: 'red' },
        { occurredAt: new Date().toISOString(), actor: { userId: 'u', ip: '1.2.3' }, action: 'a' },
      ]);
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as { error: { code: string; violations: unknown[] } };
      expect(body.error.code).toBe('INVALID_ARGUMENT');
      expect(body.error.violations).toEqual([
        expect.objectContaining({ index: 0, field: 'occurred_at', reason: 'INVALID_FORMAT' }),
        expect.objectContaining({ index: 1, field: 'actor.user_id', reason: 'INVALID_TYPE' }),
        expect.objectContaining({ index: 1, field: 'colour', reason: 'UNKNOWN_FIELD' }),
        expect.objectContaining({ index: 2, field: 'actor.ip', reason: 'INVALID_FORMAT' }),
      ]);

      const malformed = await ingest.post('{"occurredAt": ');
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
        'MALFORMED_REQUEST',
      );
      const tooBig = await ingest.post('x'.repeat(5 * 1024 * 1024));
      expect(tooBig.status).toBe(413);
      const notJson = await ingest.post('a=b', {
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(notJson.status).toBe(415);
      expect(await countRecords(admin, topic)).toBe(before);
    });
  });

  describe('authentication', () => {
    it('refuses gRPC calls without a token or with a wrong one', async () => {
      for (const token of [null, 'wrong-token']) {
        const error = (await ingest
          .client(token)
          .publish(accessEvent())
          .catch((e: unknown) => e)) as IngestCallError;
        expect(error).toBeInstanceOf(IngestCallError);
        expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
      }
    });

    it('refuses HTTP calls without a token or with a wrong one (401)', async () => {
      const before = await countRecords(admin, topic);
      for (const token of [null, 'wrong-token']) {
        const res = await ingest.post(accessEventJson(), { token });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('UNAUTHENTICATED');
        expect(body.error.message).not.toContain('wrong-token');
      }
      expect(await countRecords(admin, topic)).toBe(before);
    });
  });

  describe('idempotent retries', () => {
    it('answers a retried event id with the original receipt and stores one record', async () => {
      const event = accessEvent({ eventId: uniqueName('retry') });
      const client = ingest.client();
      const first = await client.publish(event);
      const again = await client.publish(event);
      const viaHttp = await ingest.post({
        ...accessEventJson(),
        eventId: event.eventId,
        // Same content as the gRPC event, spelled as JSON.
        occurredAt: new Date(millisFromTimestamp(event.occurredAt) as number).toISOString(),
        actor: event.actor,
        action: event.action,
        resource: event.resource,
        outcome: 'SUCCESS',
        attributes: event.attributes,
      });
      expect(again).toEqual({ ...first, duplicate: true });
      expect(await viaHttp.json()).toEqual({ ...first, duplicate: true });
      const records = await readTopic(kafka, admin, topic);
      expect(records.filter((r) => r.eventId === event.eventId)).toHaveLength(1);
    });

    it('publishes concurrent duplicates once, and all of them get its receipt', async () => {
      const event = accessEvent({ eventId: uniqueName('concurrent') });
      const receipts = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          ingest.client().publishBatch([event, accessEvent({ eventId: uniqueName(`other-${i}`) })]),
        ),
      );
      const mine = receipts.map((r) => r[0] as IngestReceipt);
      expect(mine.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(mine.map((r) => `${r.partition}@${r.offset}`)).size).toBe(1);
      const records = await readTopic(kafka, admin, topic);
      expect(records.filter((r) => r.eventId === event.eventId)).toHaveLength(1);
    });

    it('keeps sources apart: the same event id from two sources is two events', async () => {
      const eventId = uniqueName('shared-id');
      const a = await ingest.client(TOKENS.gateway).publish(accessEvent({ eventId }));
      const b = await ingest.client(TOKENS.okta).publish(accessEvent({ eventId }));
      expect(a.duplicate || b.duplicate).toBe(false);
      expect(`${a.partition}@${a.offset}`).not.toBe(`${b.partition}@${b.offset}`);
    });

    it('refuses an event id reused for a different event (ALREADY_EXISTS / 409)', async () => {
      const eventId = uniqueName('reused');
      await ingest.client().publish(accessEvent({ eventId, action: 'auth.login' }));
      const error = (await ingest
        .client()
        .publish(accessEvent({ eventId, action: 'auth.logout' }))
        .catch((e: unknown) => e)) as IngestCallError;
      expect(error.code).toBe(grpc.status.ALREADY_EXISTS);
      expect(error.violations).toEqual([
        expect.objectContaining({ index: 0, field: 'event_id', reason: 'EVENT_ID_REUSED' }),
      ]);
      const res = await ingest.post({ ...accessEventJson(), eventId, action: 'auth.logout' });
      expect(res.status).toBe(409);
    });

    describe('after an instance died holding the claim', () => {
      /**
       * What a crash leaves in Redis: the claim of a dead instance whose lease ran out, and no
       * receipt, whether or not Kafka stored the event before the crash.
       */
      const orphanClaim = (eventId: string, fingerprint: string) =>
        redis.set(
          `${ingest.prefix}:dedup:{gateway}:${eventId}`,
          `P|${fingerprint}|dead.1|${Date.now() - 60_000}|${Date.now() - 30_000}`,
          'PX',
          600_000,
        );

      it('answers with the receipt of the event Kafka stored before the crash', async () => {
        const event = accessEvent({ eventId: uniqueName('crash-after-ack') });
        const original = await ingest.client().publish(event);
        // Kafka has the event; the crash came before its receipt reached Redis.
        const key = `${ingest.prefix}:dedup:{gateway}:${event.eventId}`;
        const fingerprint = (await redis.get(key))?.split('|')[1] as string;
        await orphanClaim(event.eventId as string, fingerprint);

        const retried = await ingest.client().publish(event);
        expect(retried).toEqual({ ...original, duplicate: true });
        const records = await readTopic(kafka, admin, topic);
        expect(records.filter((r) => r.eventId === event.eventId)).toHaveLength(1);
        expect((await redis.get(key))?.startsWith('R|')).toBe(true);
      });

      it('publishes the event when the crash came before Kafka stored it', async () => {
        const event = accessEvent({ eventId: uniqueName('crash-before-ack') });
        const { fingerprint } = enrichEvent(event as vigil.v1.AccessEvent.$Properties, {
          source: 'gateway',
          receivedAtMs: Date.now(),
          newEventId: () => 'unused',
        });
        await orphanClaim(event.eventId as string, fingerprint);

        const receipt = await ingest.client().publish(event);
        expect(receipt.duplicate).toBe(false);
        const records = await readTopic(kafka, admin, topic);
        expect(records.filter((r) => r.eventId === event.eventId)).toHaveLength(1);
      });
    });

    it('remembers receipts in Redis under the source until the event is too old to accept', async () => {
      const eventId = uniqueName('window');
      const sentAt = Date.now();
      await ingest.client().publish(accessEvent({ eventId }));
      const key = `${ingest.prefix}:dedup:{gateway}:${eventId}`;
      const ttl = await waitFor('the receipt in Redis', async () => {
        const value = await redis.get(key);
        return value?.startsWith('R|') ? redis.pttl(key) : undefined;
      });
      // Defaults: INGEST_CLOCK_SKEW_PAST_MS 1 h plus INGEST_CLOCK_SKEW_FUTURE_MS 5 min, counted
      // from the event's occurred_at (about now), so a retry is a duplicate as long as it is
      // acceptable at all.
      const untilTooOld = 60 * 60_000 + 5 * 60_000;
      expect(ttl).toBeGreaterThan(untilTooOld - (Date.now() - sentAt) - 10_000);
      expect(ttl).toBeLessThanOrEqual(untilTooOld);
    });
  });

  describe('when Redis is unreachable', () => {
    let noRedis: RunningIngest;
    beforeAll(async () => {
      // Nothing listens on port 1: the dedup store is down from the start.
      noRedis = await startIngest(testEnv(topic, { REDIS_URL: 'redis://127.0.0.1:1' }));
    });
    afterAll(() => noRedis.stop());

    it('fails closed: UNAVAILABLE / 503 with Retry-After, nothing stored, not ready', async () => {
      const before = await countRecords(admin, topic);
      const error = (await noRedis
        .client()
        .publish(accessEvent())
        .catch((e: unknown) => e)) as IngestCallError;
      expect(error.code).toBe(grpc.status.UNAVAILABLE);
      expect(error.reason).toBe('DEDUP_UNAVAILABLE');
      expect(error.retryable).toBe(true);
      const res = await noRedis.post(accessEventJson());
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await countRecords(admin, topic)).toBe(before);
      const ready = await fetch(`http://127.0.0.1:${noRedis.app.ports.ops}/readyz`);
      expect(ready.status).toBe(503);
    });
  });
});

function accessEventJson() {
  return {
    occurredAt: new Date(Date.now() - 1_000).toISOString(),
    actor: { userId: 'json-user' },
    action: 'auth.login',
  };
}
