/**
 * Kafka goes away and comes back. Runs against a private broker (ports 29092/29093) so that the
 * shared one is never stopped. While Kafka is down, calls fail fast with a clear status and no
 * receipt; events accepted before the outage was noticed are settled by a retry with their ids
 * (written once, by the producer after the restart or by the retry); and every acknowledged event
 * is in the topic exactly once.
 */
import * as grpc from '@grpc/grpc-js';
import type Redis from 'ioredis';
import { IngestCallError, type IngestReceipt } from '@vigil/client';
import { vigil } from '@vigil/proto';
import { testRedis, uniqueName, waitFor } from '../../../test/support/infra';
import { PrivateKafka } from '../../../test/support/private-kafka';
import { accessEvent, readTopic, startIngest, testEnv, type RunningIngest } from './support';

jest.setTimeout(180_000);

describe('ingest while the broker is down', () => {
  const broker = new PrivateKafka();
  const topic = uniqueName('outage');
  let ingest: RunningIngest;
  let redis: Redis;

  beforeAll(async () => {
    await broker.start();
    await broker.createTopics([{ topic, numPartitions: 3 }]);
    redis = testRedis();
    ingest = await startIngest(
      testEnv(topic, {
        KAFKA_BROKERS: broker.brokers.join(','),
        ...broker.clientEnv('admin'),
        INGEST_ACK_TIMEOUT_MS: '1500',
        INGEST_KAFKA_STALL_MS: '1000',
        INGEST_MAX_BATCH_EVENTS: '10',
        INGEST_MAX_IN_FLIGHT_EVENTS: '10',
      }),
    );
  });

  afterAll(async () => {
    // The broker is up again by now unless a step failed; never let cleanup hang on Kafka.
    await Promise.race([
      ingest?.stop(),
      new Promise((resolve) => setTimeout(resolve, 30_000).unref()),
    ]);
    const keys = await redis.keys(`${ingest.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await broker.destroy();
  });

  const batch = (label: string, n = 10) =>
    Array.from({ length: n }, (_, i) => accessEvent({ eventId: uniqueName(`${label}-${i}`) }));

  async function inFlightEvents(): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${ingest.app.ports.ops}/metrics`)).text();
    return Number(/^vigil_ingest_in_flight_events(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? -1);
  }

  async function failure(call: Promise<unknown>): Promise<{ error: IngestCallError; ms: number }> {
    const started = Date.now();
    const error = await call.then(
      () => {
        throw new Error('the call succeeded');
      },
      (e: unknown) => e as IngestCallError,
    );
    expect(error).toBeInstanceOf(IngestCallError);
    return { error, ms: Date.now() - started };
  }

  it('fails fast without receipts during the outage and loses nothing acknowledged', async () => {
    const client = ingest.client();
    const acknowledged: { events: typeof before; receipts: IngestReceipt[] }[] = [];
    const before = batch('before');
    acknowledged.push({ events: before, receipts: await client.publishBatch(before) });

    await broker.stop();

    // Accepted before the outage is noticed: these stay queued in the producer...
    const stranded = batch('stranded');
    const strandedCall = failure(client.publishBatch(stranded));
    await waitFor(
      'the stranded batch to be in flight',
      async () => (await inFlightEvents()) === 10,
    );

    // ...and they fill the in-flight bound, so the next call is refused at once.
    const full = await failure(client.publish(accessEvent()));
    expect(full.error.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(full.error.reason).toBe('OVERLOADED');
    expect(full.ms).toBeLessThan(1_000);

    // The stranded call gets no receipt, only the ids to retry with.
    const timedOut = await strandedCall;
    expect(timedOut.error.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    expect(timedOut.error.reason).toBe('ACK_TIMEOUT');
    expect(timedOut.error.eventIds).toEqual(stranded.map((e) => e.eventId));

    // Once the produce is stalled, everything is refused immediately: gRPC, HTTP and readiness.
    const down = await failure(client.publish(accessEvent()));
    expect(down.error.code).toBe(grpc.status.UNAVAILABLE);
    expect(down.error.reason).toBe('KAFKA_UNAVAILABLE');
    expect(down.error.retryable).toBe(true);
    expect(down.ms).toBeLessThan(500);
    const res = await ingest.post({
      occurredAt: new Date().toISOString(),
      actor: { userId: 'u' },
      action: 'auth.login',
    });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${ingest.app.ports.ops}/readyz`)).status).toBe(503);

    await broker.start();

    // Publishing resumes by itself once the broker is back.
    const after = batch('after');
    const afterReceipts = await waitFor(
      'publishing to resume',
      () => client.publishBatch(after).catch(() => undefined),
      90_000,
      250,
    );
    acknowledged.push({ events: after, receipts: afterReceipts });

    // A retry with the stranded ids settles them.
    const strandedReceipts = await waitFor('receipts of the stranded events', () =>
      client.publishBatch(stranded).catch(() => undefined),
    );
    // Each one either was written by the producer once the broker was back (the retry gets its
    // receipt, marked duplicate), or its send failed and its claim was released (the retry writes
    // it now). Which depends on how long the restart took; either way exactly once, checked below.
    expect(strandedReceipts.map((r) => r.eventId)).toEqual(stranded.map((e) => e.eventId));
    acknowledged.push({ events: stranded, receipts: strandedReceipts });

    const records = await readTopic(broker.kafka(), await connectedAdmin(), topic);
    for (const { events, receipts } of acknowledged) {
      receipts.forEach((receipt, i) => {
        const at = records.filter(
          (r) => r.partition === receipt.partition && r.offset === receipt.offset,
        );
        expect(at).toHaveLength(1);
        expect(vigil.v1.AccessEvent.decode(at[0]!.value).eventId).toBe(events[i]?.eventId);
      });
    }
    // Exactly once: no event id appears twice, and nothing unacknowledged slipped in.
    const ids = records.map((r) => r.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
  });

  async function connectedAdmin() {
    const admin = broker.kafka().admin();
    await admin.connect();
    admins.push(admin);
    return admin;
  }
  const admins: { disconnect(): Promise<void> }[] = [];
  afterAll(() => Promise.all(admins.map((a) => a.disconnect())));
});
