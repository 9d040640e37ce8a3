/**
 * A whole EventList through parse, map and store, against an in-memory stand-in for ingest's
 * publish that keeps its contract: all or nothing per call, validation with every violation by
 * index, dedup by event id and content (EVENT_ID_CONFLICT for reuse), per-call limits.
 */
import { vigil } from '@vigil/proto';
import { IngestError, invalidArgument, type Violation } from '../src/errors';
import {
  MAX_EVENTS_PER_LIST,
  MalformedEventListError,
  intakeEventList,
  parseEventList,
  summarize,
  type MappingOptions,
  type PublishPort,
} from '../src/k8s';
import { contentDigest } from '../src/k8s/store';
import type { Receipt } from '../src/receipts';
import { validateEvents } from '../src/validation';
import {
  eventList,
  execItem,
  forbiddenExecItem,
  impersonatedItem,
  microTime,
  podListItem,
  rbacChangeItem,
  request,
  secretReadItem,
} from './k8s-fixtures';

type AccessEventInput = vigil.v1.AccessEvent.$Properties;

const MAPPING: MappingOptions = { cluster: 'dev', keepReads: false, command: 'keep' };
const LIMITS = { maxBatchEvents: 1_000, maxBatchBytes: 1024 * 1024 };

class FakeIngest implements PublishPort {
  readonly stored = new Map<
    string,
    { digest: string; receipt: Receipt; event: AccessEventInput }
  >();
  readonly calls: number[] = [];
  failWith: IngestError | undefined;
  maxEvents = Infinity;
  private offset = 0;

  async publish(events: readonly AccessEventInput[]): Promise<Receipt[]> {
    this.calls.push(events.length);
    if (this.failWith) throw this.failWith;
    if (events.length > this.maxEvents) throw new IngestError('BATCH_TOO_LARGE', 'too many');
    const violations = validateEvents(
      events,
      { maxAttributes: 64, clockSkewPastMs: 86_400_000, clockSkewFutureMs: 300_000 },
      Date.now(),
    );
    if (violations.length > 0) throw invalidArgument(violations);
    const conflicts: Violation[] = [];
    events.forEach((event, index) => {
      const seen = this.stored.get(event.eventId ?? '');
      if (seen && seen.digest !== contentDigest(event)) {
        conflicts.push({ index, field: 'event_id', reason: 'EVENT_ID_REUSED', message: 'reused' });
      }
    });
    if (conflicts.length > 0) {
      throw new IngestError('EVENT_ID_CONFLICT', 'conflict', { violations: conflicts });
    }
    return events.map((event) => {
      const id = event.eventId ?? '';
      const seen = this.stored.get(id);
      if (seen) return { ...seen.receipt, duplicate: true };
      const receipt = {
        eventId: id,
        topic: 't',
        partition: 0,
        offset: this.offset++,
        duplicate: false,
      };
      this.stored.set(id, { digest: contentDigest(event), receipt, event });
      return receipt;
    });
  }

  get events(): AccessEventInput[] {
    return [...this.stored.values()].map((s) => s.event);
  }
}

const intake = (body: unknown, ingest: FakeIngest, limits = LIMITS, mapping = MAPPING) =>
  intakeEventList(body, mapping, ingest, limits);

describe('EventList envelope', () => {
  it.each([
    ['not an object', [], 'JSON object'],
    ['another kind', { kind: 'PodList', apiVersion: 'audit.k8s.io/v1', items: [] }, 'EventList'],
    [
      'an old version',
      { kind: 'EventList', apiVersion: 'audit.k8s.io/v1beta1', items: [] },
      'apiVersion',
    ],
    ['items not a list', { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: {} }, 'array'],
    [
      'more than 400 items',
      eventList(Array.from({ length: MAX_EVENTS_PER_LIST + 1 }, () => ({}))),
      'at most 400',
    ],
  ])('refuses %s as a whole', (_, body, message) => {
    expect(() => parseEventList(body)).toThrow(MalformedEventListError);
    expect(() => parseEventList(body)).toThrow(message);
  });

  it('accepts an empty list (items null, as Go encodes a nil slice) and exactly 400 items', async () => {
    const ingest = new FakeIngest();
    const empty = await intake({ ...eventList([]), items: null }, ingest);
    expect(summarize(empty)).toMatchObject({ items: 0, accepted: 0 });
    expect(ingest.calls).toEqual([]);
    const full = await intake(
      eventList(Array.from({ length: 400 }, () => impersonatedItem(request()))),
      ingest,
    );
    expect(summarize(full)).toMatchObject({ items: 400, accepted: 400, malformed: 0 });
  });
});

describe('intake of an EventList', () => {
  it('stores the valid items of a batch with one malformed item, and names that one', async () => {
    const ingest = new FakeIngest();
    const exec = request();
    const secret = request();
    const body = eventList([
      execItem(exec, 'ResponseStarted'),
      { ...secretReadItem(request()), stage: 'Done' },
      secretReadItem(secret),
      'not an event',
      { auditID: 'a-1', stage: 'ResponseComplete' },
    ]);
    const report = await intake(body, ingest);
    expect(summarize(report)).toEqual({
      items: 5,
      accepted: 2,
      duplicates: 0,
      dropped: 0,
      droppedByReason: {},
      malformed: 3,
      malformedItems: [
        {
          index: 1,
          auditID: (body.items as { auditID: string }[])[1]!.auditID,
          problem: expect.stringMatching(/^stage: /),
        },
        { index: 3, auditID: null, problem: 'each item must be a JSON object' },
        { index: 4, auditID: 'a-1', problem: expect.stringMatching(/^verb: /) },
      ],
    });
    expect(ingest.events.map((e) => e.eventId)).toEqual([
      `k8s:${exec.auditID}:started`,
      `k8s:${secret.auditID}:complete`,
    ]);
  });

  it('stores nothing for RequestReceived-only items, and says so', async () => {
    const ingest = new FakeIngest();
    const report = await intake(
      eventList([
        execItem(request(), 'RequestReceived'),
        podListItem(request(), 'RequestReceived'),
      ]),
      ingest,
    );
    expect(summarize(report)).toMatchObject({
      accepted: 0,
      dropped: 2,
      droppedByReason: { request_received: 2 },
    });
    expect(ingest.calls).toEqual([]);
  });

  it('stores one event per long-running session, whichever batches its stages arrive in', async () => {
    const ingest = new FakeIngest();
    const sessions = [request(), request(), request()];
    const first = await intake(
      eventList([
        ...sessions.map((r) => execItem(r, 'RequestReceived')),
        ...sessions.map((r) => execItem(r, 'ResponseStarted', { transport: 'websocket' })),
        execItem(sessions[0]!, 'ResponseComplete', { transport: 'websocket' }),
      ]),
      ingest,
    );
    // The sessions close later, in another batch.
    const later = await intake(
      eventList(
        sessions.slice(1).map((r) => execItem(r, 'ResponseComplete', { transport: 'websocket' })),
      ),
      ingest,
    );
    expect(summarize(first)).toMatchObject({
      accepted: 3,
      droppedByReason: { request_received: 3, response_complete_long_running: 1 },
    });
    expect(summarize(later)).toMatchObject({ accepted: 0, dropped: 2 });
    expect(ingest.events.map((e) => e.action)).toEqual(['k8s.exec', 'k8s.exec', 'k8s.exec']);
  });

  it('answers a retried batch from what is stored, storing nothing twice', async () => {
    const ingest = new FakeIngest();
    const body = eventList([
      execItem(request(), 'ResponseStarted'),
      forbiddenExecItem(request(), 'ResponseStarted'),
      rbacChangeItem(request()),
      impersonatedItem(request()),
      podListItem(request()),
    ]);
    const first = summarize(await intake(body, ingest));
    const retry = summarize(await intake(structuredClone(body), ingest));
    expect(first).toMatchObject({ accepted: 4, duplicates: 0, dropped: 1 });
    expect(retry).toMatchObject({ accepted: 0, duplicates: 4, dropped: 1 });
    expect(ingest.stored.size).toBe(4);
  });

  it('sets aside an item ingest refuses and stores the rest', async () => {
    const ingest = new FakeIngest();
    const stale = request(Date.now() - 3 * 86_400_000);
    const fresh = request();
    const report = await intake(
      eventList([impersonatedItem(stale), impersonatedItem(fresh)]),
      ingest,
    );
    expect(summarize(report)).toMatchObject({
      accepted: 1,
      malformed: 1,
      malformedItems: [
        { index: 0, auditID: stale.auditID, problem: expect.stringContaining('occurred_at') },
      ],
    });
    expect(report.malformed[0]?.kind).toBe('refused');
    // The refused item was set aside and the rest published again.
    expect(ingest.calls).toEqual([2, 1]);
  });

  it('stores an item whose Audit-ID a client reused under an id qualified by its content', async () => {
    const ingest = new FakeIngest();
    const victim = request();
    await intake(eventList([execItem(victim, 'ResponseStarted', { pod: 'api-1' })]), ingest);
    // Another exec that set the header `Audit-ID: <victim's id>`.
    const reuse = {
      ...execItem(request(), 'ResponseStarted', { user: 'mallory@example.com' }),
      auditID: victim.auditID,
    };
    const body = eventList([reuse]);
    const first = summarize(await intake(body, ingest));
    const retry = summarize(await intake(structuredClone(body), ingest));
    expect(first).toMatchObject({ accepted: 1, malformed: 0 });
    expect(retry).toMatchObject({ accepted: 0, duplicates: 1 });
    const ids = [...ingest.stored.keys()];
    expect(ids).toHaveLength(2);
    expect(ids[1]).toMatch(new RegExp(`^k8s:${victim.auditID}:started:[A-Za-z0-9_-]{16}$`));
  });

  it('stores an item repeated within one list once, and two different ones under distinct ids', async () => {
    const ingest = new FakeIngest();
    const req = request();
    const item = secretReadItem(req);
    const other = { ...impersonatedItem(request()), auditID: req.auditID };
    const report = await intake(eventList([item, structuredClone(item), other]), ingest);
    expect(summarize(report)).toMatchObject({ accepted: 2, duplicates: 1 });
    expect(ingest.stored.size).toBe(2);
  });

  it('publishes within ingest limits, splitting further if ingest still finds a call too large', async () => {
    const ingest = new FakeIngest();
    ingest.maxEvents = 2;
    const items = Array.from({ length: 10 }, () => impersonatedItem(request()));
    const report = await intake(eventList(items), ingest, {
      maxBatchEvents: 4,
      maxBatchBytes: 1e6,
    });
    expect(summarize(report)).toMatchObject({ accepted: 10 });
    expect(ingest.calls.filter((n) => n <= 2).reduce((a, b) => a + b, 0)).toBe(10);
    const byBytes = new FakeIngest();
    await intake(
      eventList(items.map((i) => ({ ...i, auditID: `${i.auditID as string}-b` }))),
      byBytes,
      {
        maxBatchEvents: 1_000,
        maxBatchBytes: 2_000,
      },
    );
    expect(byBytes.calls.length).toBeGreaterThan(3);
    expect(byBytes.stored.size).toBe(10);
  });

  it('throws errors that concern the whole request, for the API server to retry', async () => {
    const ingest = new FakeIngest();
    ingest.failWith = new IngestError('KAFKA_UNAVAILABLE', 'down', { retryAfterMs: 1_000 });
    await expect(intake(eventList([impersonatedItem(request())]), ingest)).rejects.toMatchObject({
      code: 'KAFKA_UNAVAILABLE',
    });
  });

  it('keeps client-chosen audit ids short in the answer', async () => {
    const ingest = new FakeIngest();
    const long = 'A'.repeat(10_000);
    const report = await intake(eventList([{ auditID: long, stage: 'x' }]), ingest);
    expect(Buffer.byteLength(summarize(report).malformedItems[0]!.auditID!)).toBeLessThanOrEqual(
      128,
    );
  });

  it('keeps other reads when configured to', async () => {
    const ingest = new FakeIngest();
    const report = await intake(eventList([podListItem(request())]), ingest, LIMITS, {
      ...MAPPING,
      keepReads: true,
    });
    expect(summarize(report)).toMatchObject({ accepted: 1 });
    expect(ingest.events[0]?.action).toBe('k8s.list');
  });

  it('reads timestamps the API server writes (microseconds)', () => {
    expect(microTime(Date.UTC(2026, 0, 1, 0, 0, 0, 123), 456)).toBe('2026-01-01T00:00:00.123456Z');
  });
});
