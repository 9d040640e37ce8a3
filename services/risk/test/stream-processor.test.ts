/**
 * The stream processor over in-memory fakes of Kafka and Redis (test/fakes.ts): what it stores,
 * when it commits, and which events it lets teach the model.
 */
import { vigil } from '@vigil/proto';
import { Registry } from 'prom-client';
import { RiskMetrics } from '../src/metrics';
import { ADMIN_ACTIONS, ADMIN_ATTRIBUTES, ADMIN_SOURCE } from '../src/model/events';
import { decodeState } from '../src/store/codec';
import { StreamProcessor } from '../src/stream/processor';
import { FakeKafka, MemoryRiskStore, eventRecord, silentLogger, type EventSpec } from './fakes';
import { MINUTE, T0 } from './support/events';
import { testPolicy } from './support/policy';

const EVENTS = 'access-events';
const ADMIN = 'risk-admin';
const FAILURE = vigil.v1.Outcome.OUTCOME_FAILURE;

function setup(options: { commitIntervalMs?: number } = {}) {
  const kafka = new FakeKafka();
  const store = new MemoryRiskStore();
  const metrics = new RiskMetrics(new Registry());
  const processor = new StreamProcessor({
    consumers: kafka.consumers,
    store,
    policy: testPolicy(),
    topics: { events: EVENTS, admin: ADMIN },
    commitIntervalMs: options.commitIntervalMs ?? 0,
    metrics,
    logger: silentLogger(),
  });
  const append = (specs: EventSpec[], partition = 0, topic = EVENTS) =>
    kafka.append(topic, partition, specs.map(eventRecord));
  const stateOf = (user: string) => decodeState(store.stateOf(user));
  const counted = async (result: string) =>
    (await metrics.eventsConsumed.get()).values.find((v) => v.labels.result === result)?.value ?? 0;
  return { kafka, store, processor, append, stateOf, counted };
}

/** Five failed logins a second apart: one FAILED_AUTH_BURST (threshold 5 in the policy). */
const failedLogins = (user: string, from = T0): EventSpec[] =>
  Array.from({ length: 5 }, (_, i) => ({
    user,
    at: from + i * 1_000,
    action: 'auth.login',
    outcome: FAILURE,
    ip: '198.51.100.9',
  }));

/** Polls with a deadline (the processor retries a store outage on a real backoff). */
async function until(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('stream processor', () => {
  it('folds a batch into per-user state and commits the offset after its last record', async () => {
    const { kafka, processor, append, stateOf } = setup();
    append([...failedLogins('mallory'), { user: 'alice', at: T0, device: 'laptop' }]);
    await processor.start();
    await kafka.member.deliver(EVENTS, 0);

    expect(stateOf('mallory')).toMatchObject({ applied: 5, score: 45 });
    expect(stateOf('mallory').reasons.map((r) => r.code)).toEqual(['FAILED_AUTH_BURST']);
    expect([...stateOf('alice').devices.keys()]).toEqual(['laptop']);
    expect(kafka.committed.get(`${EVENTS}/0`)).toBe('6');
    await processor.stop();
  });

  it('applies each event once: a replay of the same offsets changes nothing', async () => {
    const { kafka, store, processor, append, counted } = setup();
    append([...failedLogins('mallory'), { user: 'alice', at: T0, device: 'laptop' }]);
    await processor.start();
    await kafka.member.deliver(EVENTS, 0);
    const before = store.dump();

    // A crash before the commit: the whole batch comes again, then a part of it.
    await kafka.member.deliver(EVENTS, 0, { from: 0 });
    expect(kafka.committed.get(`${EVENTS}/0`)).toBe('6');
    await kafka.member.deliver(EVENTS, 0, { from: 2, to: 5 });

    expect(store.dump()).toEqual(before);
    expect(await counted('applied')).toBe(6);
    expect(await counted('duplicate')).toBe(6 + 3);
    await processor.stop();
  });

  it('applies only the new tail of a batch that overlaps what was applied', async () => {
    const { kafka, processor, append, stateOf } = setup();
    append(failedLogins('mallory').slice(0, 3));
    await processor.start();
    await kafka.member.deliver(EVENTS, 0);
    append(failedLogins('mallory').slice(3));
    await kafka.member.deliver(EVENTS, 0, { from: 0 });

    expect(stateOf('mallory')).toMatchObject({ applied: 5, score: 45 });
    expect(stateOf('mallory').watermarks.get(`${EVENTS}/0`)).toBe(4);
    await processor.stop();
  });

  it('resolves and commits a batch only after its state is stored', async () => {
    const { kafka, store, processor, append, stateOf } = setup();
    append(failedLogins('mallory'));
    await processor.start();
    store.holdWrites();
    const delivered = kafka.member.deliver(EVENTS, 0);
    await until('the write to reach the store', () => store.calls.includes('write'));

    expect(kafka.member.resolved.size).toBe(0);
    expect(kafka.commits).toEqual([]);
    expect(stateOf('mallory').applied).toBe(0);

    store.releaseWrites();
    await delivered;
    expect(stateOf('mallory').applied).toBe(5);
    expect(kafka.member.resolved.get(`${EVENTS}/0`)).toBe('4');
    expect(kafka.commits).toEqual([[{ topic: EVENTS, partition: 0, offset: '5' }]]);
    await processor.stop();
  });

  it('waits out a store outage, heartbeating, and commits once the state is stored', async () => {
    const { kafka, store, processor, append, stateOf } = setup();
    append(failedLogins('mallory'));
    await processor.start();
    store.failures = 2;
    await kafka.member.deliver(EVENTS, 0);

    expect(kafka.member.heartbeats).toBeGreaterThanOrEqual(2);
    expect(stateOf('mallory').applied).toBe(5);
    expect(kafka.committed.get(`${EVENTS}/0`)).toBe('5');
    await processor.stop();
  });

  it('leaves a batch unresolved and uncommitted when it stops during a store outage', async () => {
    const { kafka, store, processor, append } = setup();
    append(failedLogins('mallory'));
    await processor.start();
    store.available = false;
    const delivered = kafka.member.deliver(EVENTS, 0);
    await until('a failed load', () => store.calls.length >= 1);
    await processor.stop();
    await delivered;

    expect(kafka.member.resolved.size).toBe(0);
    expect(kafka.commits).toEqual([]);
    expect(kafka.member.disconnected).toBe(true);
  });

  it('does not commit offsets of partitions a rebalance moved to another member', async () => {
    const { kafka, processor, append } = setup({ commitIntervalMs: 3_600_000 });
    append([{ user: 'alice', at: T0 }], 0);
    append([{ user: 'bob', at: T0 }], 1);
    await processor.start();
    await kafka.member.deliver(EVENTS, 0);
    await kafka.member.deliver(EVENTS, 1);
    kafka.member.join({ [EVENTS]: [1], [ADMIN]: [0] });
    await processor.stop();

    expect(kafka.commits).toEqual([[{ topic: EVENTS, partition: 1, offset: '1' }]]);
  });

  it('is ready once joined, and replaces a consumer that crashed for good', async () => {
    const { kafka, processor } = setup();
    await processor.start();
    expect(processor.isReady()).toBe(false);
    kafka.member.join({ [EVENTS]: [0], [ADMIN]: [0] });
    expect(processor.isReady()).toBe(true);
    expect(kafka.member.topics).toEqual([EVENTS, ADMIN]);

    const crashed = kafka.member;
    crashed.crash(new Error('coordinator is not aware of this member'), false);
    expect(processor.isReady()).toBe(false);
    await until('a fresh consumer', () => kafka.members.length === 2, 5_000);
    expect(crashed.disconnected).toBe(true);
    await processor.stop();
  });

  describe('late events', () => {
    it('are scored but teach nothing: a device first seen late is still new afterwards', async () => {
      const { kafka, processor, append, stateOf } = setup();
      append([
        { user: 'alice', at: T0, device: 'laptop' },
        // Happened an hour before ingest got it: history, not evidence.
        { user: 'alice', at: T0 + MINUTE, device: 'old-phone', receivedAt: T0 + 61 * MINUTE },
      ]);
      await processor.start();
      await kafka.member.deliver(EVENTS, 0);

      const afterLate = stateOf('alice');
      expect([...afterLate.devices.keys()]).toEqual(['laptop']);
      expect(afterLate.reasons.map((r) => r.code)).toEqual(['NEW_DEVICE']);
      expect(afterLate.rate?.count).toBe(1);

      // The same device on time is new: the late event did not make it known.
      append([{ user: 'alice', at: T0 + 90 * MINUTE, device: 'old-phone' }]);
      await kafka.member.deliver(EVENTS, 0);
      expect([...stateOf('alice').devices.keys()].sort()).toEqual(['laptop', 'old-phone']);
      expect(stateOf('alice').reasons.find((r) => r.code === 'NEW_DEVICE')?.raisedAt).toBe(
        T0 + 90 * MINUTE,
      );
      await processor.stop();
    });
  });

  describe('source rules', () => {
    const restrictRecord = (subject: string, key = subject): EventSpec => ({
      user: key,
      at: T0,
      action: ADMIN_ACTIONS.restrictUser,
      resource: `user/${subject}`,
      source: ADMIN_SOURCE,
      attributes: { [ADMIN_ATTRIBUTES.subject]: subject, [ADMIN_ATTRIBUTES.caller]: 'secops' },
    });

    it('ignores an admin action on the access-events topic, and still moves past it', async () => {
      const { kafka, processor, append, stateOf, counted } = setup();
      append([restrictRecord('bob')]);
      await processor.start();
      await kafka.member.deliver(EVENTS, 0);

      expect(stateOf('bob').restriction).toBeUndefined();
      expect(stateOf('bob').applied).toBe(0);
      expect(await counted('skipped_forged_admin_action')).toBe(1);
      expect(kafka.committed.get(`${EVENTS}/0`)).toBe('1');
      await processor.stop();
    });

    it('applies the same admin action from the admin log to its subject', async () => {
      const { kafka, processor, append, stateOf } = setup();
      append([restrictRecord('bob')], 0, ADMIN);
      await processor.start();
      await kafka.member.deliver(ADMIN, 0);

      expect(stateOf('bob').restriction).toMatchObject({
        since: T0,
        reasons: ['MANUAL_RESTRICTION'],
      });
      expect(kafka.committed.get(`${ADMIN}/0`)).toBe('1');
      await processor.stop();
    });

    it('skips a record on the admin log that is not an admin action', async () => {
      const { kafka, processor, append, stateOf, counted } = setup();
      append([{ user: 'bob', at: T0, device: 'laptop' }], 0, ADMIN);
      await processor.start();
      await kafka.member.deliver(ADMIN, 0);

      expect(stateOf('bob').applied).toBe(0);
      expect(await counted('skipped_not_an_admin_event')).toBe(1);
      await processor.stop();
    });

    it('lets only sources granted known_attributes teach devices, and only sources granted failed_authentication count failures', async () => {
      const { kafka, processor, append, stateOf } = setup();
      const ungranted = { knownAttributes: false, failedAuthentication: false };
      append([
        { user: 'carol', at: T0, device: 'laptop', establishes: ungranted },
        ...failedLogins('carol', T0 + 1_000).map((e) => ({ ...e, establishes: ungranted })),
      ]);
      await processor.start();
      await kafka.member.deliver(EVENTS, 0);

      const carol = stateOf('carol');
      expect(carol.applied).toBe(6);
      expect(carol.devices.size).toBe(0);
      expect(carol.ips.size).toBe(0);
      expect(carol.score).toBe(0);
      await processor.stop();
    });

    it('skips a record that is not an AccessEvent instead of stalling the partition', async () => {
      const { kafka, processor, append, stateOf, counted } = setup();
      kafka.append(EVENTS, 0, [
        { key: null, value: Buffer.from([0xff, 0xff, 0xff]), timestamp: T0 },
      ]);
      append([{ user: 'alice', at: T0, device: 'laptop' }]);
      await processor.start();
      await kafka.member.deliver(EVENTS, 0);

      expect(await counted('skipped_undecodable')).toBe(1);
      expect(stateOf('alice').applied).toBe(1);
      expect(kafka.committed.get(`${EVENTS}/0`)).toBe('2');
      await processor.stop();
    });
  });
});
