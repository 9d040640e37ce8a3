/**
 * The dedup store against a real Redis: the claims and receipts of requests that arrive together
 * leave as one script call per source, and each request still gets exactly the answer it would
 * have got alone.
 */
import type Redis from 'ioredis';
import { Registry } from 'prom-client';
import { IngestError } from '../src/errors';
import { DedupStore, type DedupItem } from '../src/dedup';
import { createIngestMetrics, type IngestMetrics } from '../src/metrics';
import { testRedis, uniqueName } from '../../../test/support/infra';
import { silentLogger } from './support';

const item = (eventId: string, fingerprint = `fp-${eventId}`): DedupItem => ({
  eventId,
  fingerprint,
  retainMs: 60_000,
});

const placement = (offset: number) => ({ topic: 'access-events', partition: 2, offset });

describe('DedupStore (real Redis)', () => {
  const prefix = uniqueName('dedup').replace(/-/g, '.');
  let redis: Redis;
  let metrics: IngestMetrics;
  let store: DedupStore;

  beforeAll(() => {
    redis = testRedis();
  });

  beforeEach(() => {
    metrics = createIngestMetrics(new Registry());
    store = new DedupStore(redis, { prefix, pendingTtlMs: 30_000 }, metrics, silentLogger());
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  /** Script calls so far for one operation, and the event ids they carried. */
  async function calls(operation: 'claim' | 'complete') {
    const { values } = await metrics.dedupCallKeys.get();
    const pick = (name: string) =>
      values.find((v) => v.metricName === name && v.labels.operation === operation)?.value ?? 0;
    return {
      calls: pick('vigil_ingest_dedup_call_keys_count'),
      ids: pick('vigil_ingest_dedup_call_keys_sum'),
    };
  }

  it('claims the ids of requests that arrive together in one call, and receipts them in one', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => uniqueName(`one-${i}`));
    const claims = await Promise.all(ids.map((id) => store.claim('gateway', [item(id)])));
    expect(claims.map(([claim]) => claim?.kind)).toEqual(ids.map(() => 'claimed'));
    expect(await calls('claim')).toEqual({ calls: 1, ids: 10 });

    await Promise.all(
      ids.map((id, i) => store.complete('gateway', [{ ...item(id), placement: placement(i) }])),
    );
    expect(await calls('complete')).toEqual({ calls: 1, ids: 10 });
    // Each request's receipt is its own: a retry of any of them is answered with its offset.
    const again = await Promise.all(ids.map((id) => store.claim('gateway', [item(id)])));
    expect(again.map(([claim]) => claim)).toEqual(
      ids.map((_, i) => ({ kind: 'done', placement: placement(i) })),
    );
  });

  it('gives the claim to the first of two requests for one id, and the second finds it', async () => {
    const id = uniqueName('twice');
    const other = uniqueName('other');
    const [first, second, reused] = await Promise.all([
      store.claim('gateway', [item(id), item(other)]),
      store.claim('gateway', [item(id)]),
      store.claim('gateway', [item(id, 'a different event')]),
    ]);
    expect(first?.map((c) => c.kind)).toEqual(['claimed', 'claimed']);
    expect(second?.map((c) => c.kind)).toEqual(['pending']);
    expect(reused?.map((c) => c.kind)).toEqual(['conflict']);
    expect(await calls('claim')).toEqual({ calls: 1, ids: 4 });
  });

  it('keeps sources apart: one call per source, and the same id is free in each', async () => {
    const id = uniqueName('shared');
    const [gateway, okta] = await Promise.all([
      store.claim('gateway', [item(id)]),
      store.claim('okta', [item(id)]),
    ]);
    expect(gateway?.[0]?.kind).toBe('claimed');
    expect(okta?.[0]?.kind).toBe('claimed');
    expect(await calls('claim')).toEqual({ calls: 2, ids: 2 });
  });

  it('refuses every request of a call that Redis did not answer, naming the dedup store', async () => {
    const closed = testRedis();
    closed.disconnect();
    const unreachable = new DedupStore(
      closed,
      { prefix, pendingTtlMs: 30_000 },
      createIngestMetrics(new Registry()),
      silentLogger(),
    );
    const results = await Promise.allSettled([
      unreachable.claim('gateway', [item(uniqueName('a'))]),
      unreachable.claim('gateway', [item(uniqueName('b'))]),
    ]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as IngestError;
      expect(reason).toBeInstanceOf(IngestError);
      expect(reason.code).toBe('DEDUP_UNAVAILABLE');
    }
  });
});
