/**
 * The ingest use case with in-memory stand-ins for Kafka and Redis: the order of its steps, and
 * what it leaves behind when a request is refused or a caller stops waiting.
 */
import { Registry } from 'prom-client';
import { createLogger, tokenTable } from '@vigil/runtime';
import { Admission } from '../src/admission';
import type { Claim, DedupItem } from '../src/dedup';
import { IngestError } from '../src/errors';
import { Ingestor, type EventSink, type ReceiptStore } from '../src/ingest';
import { createIngestMetrics } from '../src/metrics';
import type { Placement } from '../src/publisher';
import type { StoredEventLookup, StoredEventQuery } from '../src/stored-events';
import { enrichEvent } from '../src/enrichment';
import { legacySourceRegistry, parseSourcesFile } from '../src/sources';

const NOW = Date.UTC(2026, 0, 15, 12);

/** A dedup store in a Map, with the states of DedupStore. */
class MemoryStore implements ReceiptStore {
  readonly values = new Map<
    string,
    { fingerprint: string; placement?: Placement; orphaned?: boolean }
  >();
  failClaims = false;
  async claim(source: string, items: readonly DedupItem[]): Promise<Claim[]> {
    if (this.failClaims) throw new IngestError('DEDUP_UNAVAILABLE', 'down');
    return items.map((item) => {
      const key = `${source}/${item.eventId}`;
      const current = this.values.get(key);
      if (!current) {
        this.values.set(key, { fingerprint: item.fingerprint });
        return { kind: 'claimed', token: key };
      }
      if (current.fingerprint !== item.fingerprint) return { kind: 'conflict' };
      if (current.orphaned) return { kind: 'orphaned', value: key, claimedAtMs: NOW - 60_000 };
      return current.placement
        ? { kind: 'done', placement: current.placement }
        : { kind: 'pending' };
    });
  }
  async takeOver(source: string, item: DedupItem): Promise<Claim> {
    const key = `${source}/${item.eventId}`;
    this.values.set(key, { fingerprint: item.fingerprint });
    return { kind: 'claimed', token: key };
  }
  /** What a crashed instance leaves: a claim for this event whose lease ran out. */
  orphan(source: string, item: DedupItem) {
    this.values.set(`${source}/${item.eventId}`, { fingerprint: item.fingerprint, orphaned: true });
  }
  async complete(source: string, items: readonly (DedupItem & { placement: Placement })[]) {
    for (const item of items) {
      this.values.set(`${source}/${item.eventId}`, {
        fingerprint: item.fingerprint,
        placement: item.placement,
      });
    }
  }
  async release(source: string, eventIds: readonly string[]) {
    for (const id of eventIds) this.values.delete(`${source}/${id}`);
  }
  async awaitReceipt(): Promise<Placement | 'gone'> {
    return 'gone';
  }
}

/** A Kafka stand-in whose acknowledgements the test releases. */
class ManualSink implements EventSink {
  available = true;
  readonly pending: { key: string; resolve(p: Placement): void; reject(e: Error): void }[] = [];
  private offset = 0;
  publish(record: { key: string }): Promise<Placement> {
    return new Promise((resolve, reject) =>
      this.pending.push({ key: record.key, resolve, reject }),
    );
  }
  isAvailable() {
    return this.available;
  }
  ackAll() {
    for (const p of this.pending.splice(0))
      p.resolve({ topic: 't', partition: 0, offset: this.offset++ });
  }
  failAll() {
    for (const p of this.pending.splice(0)) p.reject(new Error('fatal'));
  }
}

/** Kafka as the orphan lookup sees it: events a dead instance stored, by event id. */
class StoredEvents implements StoredEventLookup {
  readonly stored = new Map<string, Placement>();
  readonly queries: StoredEventQuery[] = [];
  failure: Error | undefined;
  async find(query: StoredEventQuery) {
    this.queries.push(query);
    if (this.failure) throw this.failure;
    return this.stored.get(query.eventId);
  }
}

function setup(limits: { maxEvents?: number; ackTimeoutMs?: number } = {}) {
  const store = new MemoryStore();
  const sink = new ManualSink();
  const storedEvents = new StoredEvents();
  const registry = new Registry();
  const admission = new Admission({ maxEvents: limits.maxEvents ?? 100, maxBytes: 1e6 });
  let ids = 0;
  const ingestor = new Ingestor(
    {
      maxBatchEvents: 10,
      maxBatchBytes: 1e5,
      maxEventBytes: 1e4,
      maxAttributes: 8,
      clockSkewPastMs: 3_600_000,
      clockSkewFutureMs: 60_000,
      ackTimeoutMs: limits.ackTimeoutMs ?? 5_000,
      dedupWaitMs: 100,
    },
    {
      sink,
      dedup: store,
      storedEvents,
      admission,
      metrics: createIngestMetrics(registry),
      logger: createLogger({ service: 'test', level: 'silent' }),
      topic: 't',
      now: () => NOW,
      newEventId: () => `GEN${++ids}`,
    },
  );
  const scope = legacySourceRegistry(tokenTable([])).scope('gw')!;
  const publish = (events: object[]) =>
    ingestor.publish({ source: 'gw', scope, events, transport: 'grpc', deadlineMs: Infinity });
  return { store, sink, storedEvents, admission, ingestor, publish, registry };
}

const event = (overrides: object = {}) => ({
  occurredAt: { seconds: NOW / 1000 - 5 },
  actor: { userId: 'alice' },
  action: 'auth.login',
  ...overrides,
});

/** Lets pending promise callbacks run (the fakes answer asynchronously). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Ingestor', () => {
  it('answers only after Kafka acknowledged, then remembers the receipts', async () => {
    const { store, sink, publish } = setup();
    let answered = false;
    const call = publish([event({ eventId: 'a' }), event()]).then((r) => ((answered = true), r));
    await settle();
    expect(sink.pending).toHaveLength(2);
    expect(answered).toBe(false);
    sink.ackAll();
    const receipts = await call;
    expect(receipts).toEqual([
      { eventId: 'a', topic: 't', partition: 0, offset: 0, duplicate: false },
      { eventId: 'GEN1', topic: 't', partition: 0, offset: 1, duplicate: false },
    ]);
    expect(store.values.get('gw/a')?.placement).toEqual({ topic: 't', partition: 0, offset: 0 });
  });

  it('touches neither Redis nor Kafka for an invalid request', async () => {
    const { store, sink, admission, publish } = setup();
    await expect(publish([event({ eventId: 'ok' }), event({ action: '' })])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      violations: [expect.objectContaining({ index: 1, field: 'action' })],
    });
    expect(store.values.size).toBe(0);
    expect(sink.pending).toHaveLength(0);
    expect(admission.inFlightEvents).toBe(0);
  });

  it('checks the scope on canonical values, and reports an invalid action as invalid', async () => {
    const { sink, ingestor } = setup();
    const scope = parseSourcesFile(`
sources:
  idp:
    credentials: [{ token_sha256: ${'ab'.repeat(32)} }]
    tenants: ['*']
    actions: ['auth.*']
`).scope('idp')!;
    const publish = (events: object[]) =>
      ingestor.publish({ source: 'idp', scope, events, transport: 'grpc', deadlineMs: Infinity });
    // AUTH.Login is auth.login (issue #11: one canonical form), so it is within auth.*.
    const call = publish([event({ eventId: 'upper', action: 'AUTH.Login' })]);
    await settle();
    expect(sink.pending).toHaveLength(1);
    sink.ackAll();
    await expect(call).resolves.toEqual([expect.objectContaining({ eventId: 'upper' })]);
    await expect(publish([event({ action: '\nauth.login' })])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(publish([event({ action: 'db.query' })])).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('answers a retry from the store without publishing it again', async () => {
    const { sink, publish } = setup();
    const first = publish([event({ eventId: 'a' })]);
    await settle();
    sink.ackAll();
    await first;
    const again = await publish([event({ eventId: 'a' })]);
    expect(again[0]).toMatchObject({ offset: 0, duplicate: true });
    expect(sink.pending).toHaveLength(0);
  });

  it('refuses a reused id for other content, leaving no claims of the request behind', async () => {
    const { store, sink, admission, publish } = setup();
    const first = publish([event({ eventId: 'a' })]);
    await settle();
    sink.ackAll();
    await first;
    await expect(
      publish([event({ eventId: 'b' }), event({ eventId: 'a', action: 'other' })]),
    ).rejects.toMatchObject({
      code: 'EVENT_ID_CONFLICT',
      violations: [expect.objectContaining({ index: 1 })],
    });
    expect(store.values.has('gw/b')).toBe(false);
    expect(sink.pending).toHaveLength(0);
    expect(admission.inFlightEvents).toBe(0);
  });

  it('refuses at once when Kafka is stalled or the bound is full, accepting nothing', async () => {
    const { store, sink, publish } = setup({ maxEvents: 2 });
    sink.available = false;
    await expect(publish([event()])).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
    sink.available = true;
    await expect(publish([event(), event(), event()])).rejects.toMatchObject({
      code: 'OVERLOADED',
    });
    expect(store.values.size).toBe(0);
  });

  it('fails closed when the dedup store is down, returning the room it took', async () => {
    const { store, sink, admission, publish } = setup();
    store.failClaims = true;
    await expect(publish([event()])).rejects.toMatchObject({ code: 'DEDUP_UNAVAILABLE' });
    expect(sink.pending).toHaveLength(0);
    expect(admission.inFlightEvents).toBe(0);
  });

  it('keeps accepted events when the caller stops waiting, and settles them later', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const { store, sink, admission, ingestor, publish } = setup({ ackTimeoutMs: 1_000 });
      const call = publish([event({ eventId: 'slow' }), event()]).catch((e: unknown) => e);
      await settle();
      jest.advanceTimersByTime(1_000);
      const error = (await call) as IngestError;
      expect(error.code).toBe('ACK_TIMEOUT');
      expect(error.eventIds).toEqual(['slow', 'GEN1']);
      // Still accounted for, still claimed: a retry now would wait, not publish again.
      expect(admission.inFlightEvents).toBe(2);
      expect(store.values.get('gw/slow')?.placement).toBeUndefined();
      const drained = ingestor.drain();
      sink.ackAll();
      await drained;
      expect(admission.inFlightEvents).toBe(0);
      expect(store.values.get('gw/slow')?.placement).toEqual({
        topic: 't',
        partition: 0,
        offset: 0,
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('releases claims when Kafka refuses for good, so a retry can publish', async () => {
    const { store, sink, admission, publish } = setup();
    const call = publish([event({ eventId: 'a' })]);
    await settle();
    sink.failAll();
    await expect(call).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
    expect(store.values.has('gw/a')).toBe(false);
    expect(admission.inFlightEvents).toBe(0);
  });

  it('refuses new requests while draining', async () => {
    const { ingestor, publish } = setup();
    ingestor.stopAccepting();
    await expect(publish([event()])).rejects.toMatchObject({ code: 'DRAINING' });
  });

  describe('a claim left by an instance that died', () => {
    const orphanOf = (store: MemoryStore, overrides: object) =>
      store.orphan(
        'gw',
        enrichEvent(event(overrides) as never, {
          source: 'gw',
          receivedAtMs: NOW - 60_000,
          newEventId: () => 'unused',
        }),
      );

    it('answers with the receipt of the stored event, publishing nothing', async () => {
      const { store, sink, storedEvents, publish, registry } = setup();
      orphanOf(store, { eventId: 'crashed' });
      storedEvents.stored.set('crashed', { topic: 't', partition: 2, offset: 41 });
      const [receipt] = await publish([event({ eventId: 'crashed' })]);
      expect(receipt).toMatchObject({ partition: 2, offset: 41, duplicate: true });
      expect(sink.pending).toHaveLength(0);
      expect(storedEvents.queries[0]).toMatchObject({
        eventId: 'crashed',
        source: 'gw',
        userId: 'alice',
        sinceMs: NOW - 60_000,
      });
      // The receipt is remembered: the next retry needs no lookup.
      await publish([event({ eventId: 'crashed' })]);
      expect(storedEvents.queries).toHaveLength(1);
      expect(await registry.metrics()).toContain(
        'vigil_ingest_orphaned_claims_total{outcome="found"} 1',
      );
    });

    it('publishes the event when Kafka does not have it', async () => {
      const { store, sink, publish } = setup();
      orphanOf(store, { eventId: 'lost-before-kafka' });
      const call = publish([event({ eventId: 'lost-before-kafka' })]);
      await settle();
      expect(sink.pending).toHaveLength(1);
      sink.ackAll();
      const [receipt] = await call;
      expect(receipt).toMatchObject({ eventId: 'lost-before-kafka', duplicate: false });
    });

    it('refuses the request and gives up its claims when Kafka cannot be read', async () => {
      const { store, sink, storedEvents, admission, publish } = setup();
      orphanOf(store, { eventId: 'crashed' });
      storedEvents.failure = new Error('broker unavailable');
      await expect(
        publish([event({ eventId: 'fresh' }), event({ eventId: 'crashed' })]),
      ).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
      expect(sink.pending).toHaveLength(0);
      expect(store.values.has('gw/fresh')).toBe(false);
      expect(admission.inFlightEvents).toBe(0);
    });
  });
});
