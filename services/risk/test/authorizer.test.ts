/**
 * Authorize over an in-memory risk store and decision sink (test/fakes.ts): the verdict and its
 * reasons from state and policy, the decision record handed over before the answer, and what
 * happens when the state or the decision log cannot be used.
 */
import { vigil } from '@vigil/proto';
import { Registry } from 'prom-client';
import { Authorizer } from '../src/authz/authorizer';
import { DecisionLogFullError } from '../src/errors';
import { RiskMetrics } from '../src/metrics';
import type { RiskEvent } from '../src/model/events';
import { emptyState } from '../src/model/state';
import { encodeState } from '../src/store/codec';
import { foldUserEvents } from '../src/stream/fold';
import { MemoryRiskStore, RecordingDecisionSink, silentLogger } from './fakes';
import { HOUR, MINUTE, T0, activity } from './support/events';
import { testPolicy } from './support/policy';

const defaultPolicy = testPolicy();
const NOW = T0 + 10 * MINUTE;
const { Decision } = vigil.v1;

function setup(policy = defaultPolicy) {
  const store = new MemoryRiskStore();
  const sink = new RecordingDecisionSink();
  let stateAvailable = true;
  let n = 0;
  const authorizer = new Authorizer({
    policy,
    store,
    isStateAvailable: () => stateAvailable,
    decisionLog: sink,
    metrics: new RiskMetrics(new Registry()),
    logger: silentLogger(),
    clock: () => NOW,
    nextDecisionId: () => `D${++n}`,
  });
  /** Folds `events` into the user's stored state, as the stream processor would. */
  const seed = async (userId: string, events: RiskEvent[]) => {
    const fold = foldUserEvents(
      userId,
      encodeState(emptyState()),
      events.map((event, offset) => ({
        event,
        position: { topic: 'events', partition: 0, offset },
      })),
      policy,
    );
    if (fold.write) await store.writeMany([fold.write]);
  };
  const ask = (
    userId: string,
    resource: string,
    fields: Partial<vigil.v1.IAuthorizeRequest> = {},
  ) =>
    authorizer.authorize(
      vigil.v1.AuthorizeRequest.create({ userId, action: 'db.query', resource, ...fields }),
      'platform',
    );
  return {
    store,
    sink,
    seed,
    ask,
    setStateAvailable: (v: boolean) => (stateAvailable = v),
  };
}

/** Failed logins a second apart; every 5 are one FAILED_AUTH_BURST of 45 points. */
const failedLogins = (userId: string, count = 5): RiskEvent[] =>
  Array.from({ length: count }, (_, i) =>
    activity(userId, T0 + i * 1_000, { action: 'auth.login', outcome: 'failure' }),
  );

describe('Authorize', () => {
  it('allows a user with no risk on a medium resource', async () => {
    const { seed, ask } = setup();
    await seed('alice', [activity('alice', T0, { deviceId: 'laptop' })]);
    const answer = await ask('alice', 'db/staging-orders', { context: { deviceId: 'laptop' } });
    expect(answer).toMatchObject({ decision: Decision.DECISION_ALLOW, riskScore: 0, reasons: [] });
  });

  it('steps up when the stored score reaches step_up_at, and names the signal', async () => {
    const { seed, ask } = setup();
    await seed('mallory', failedLogins('mallory'));
    // 45 points, decayed over 10 minutes of a 1 h half-life: ~40, above high's step_up_at (30).
    const answer = await ask('mallory', 'db/prod-orders');
    expect(answer.decision).toBe(Decision.DECISION_STEP_UP);
    expect(answer.reasons).toEqual(['FAILED_AUTH_BURST']);
    expect(answer.riskScore).toBeGreaterThanOrEqual(30);
    expect(answer.riskScore).toBeLessThan(70);
    // The same score is below medium's step_up_at (50).
    expect((await ask('mallory', 'db/staging-orders')).decision).toBe(Decision.DECISION_ALLOW);
  });

  it('denies when the stored score reaches deny_at, without a restriction', async () => {
    // Restriction out of reach, so only the score decides.
    const { seed, ask } = setup(testPolicy({ restriction: { trigger_score: 100 } }));
    await seed('mallory', failedLogins('mallory', 10));
    // 90 points, ~80 after 10 minutes: above high's deny_at (70), below low's (95).
    const answer = await ask('mallory', 'db/prod-orders');
    expect(answer).toMatchObject({
      decision: Decision.DECISION_DENY,
      reasons: ['FAILED_AUTH_BURST'],
    });
    expect((await ask('mallory', 'docs/handbook')).decision).toBe(Decision.DECISION_STEP_UP);
  });

  it('denies a restricted user on a high resource whatever the score, RESTRICTED first', async () => {
    const { seed, ask } = setup();
    await seed('bob', [{ kind: 'manual_restriction', userId: 'bob', at: T0, ttlMs: 2 * HOUR }]);
    const answer = await ask('bob', 'db/prod-orders');
    expect(answer.decision).toBe(Decision.DECISION_DENY);
    expect(answer.reasons?.[0]).toBe('RESTRICTED');
    expect(answer.reasons).toContain('MANUAL_RESTRICTION');
  });

  it('steps up a request from a device the user was never seen with, on a high resource', async () => {
    const { seed, ask } = setup();
    await seed('alice', [activity('alice', T0, { deviceId: 'laptop' })]);
    const answer = await ask('alice', 'db/prod-orders', { context: { deviceId: 'stranger' } });
    expect(answer).toMatchObject({ decision: Decision.DECISION_STEP_UP, reasons: ['NEW_DEVICE'] });
  });

  it('hands every decision to the decision sink before answering, with the answer’s fields', async () => {
    const { seed, ask, sink } = setup();
    await seed('mallory', failedLogins('mallory'));
    const answer = await ask('mallory', 'db/prod-orders');
    // Checked right as the answer arrives: nothing may be logged after it.
    expect(sink.records).toHaveLength(1);
    const { key, decidedAt, record } = sink.records[0]!;
    expect(key).toBe('mallory');
    expect(decidedAt).toBe(NOW);
    expect(record).toMatchObject({
      decisionId: answer.decisionId,
      decision: answer.decision,
      riskScore: answer.riskScore,
      reasons: answer.reasons,
      policyVersion: defaultPolicy.version,
      caller: 'platform',
      degraded: false,
      request: { userId: 'mallory', resource: 'db/prod-orders' },
    });
  });

  it('refuses to answer (DECISION_LOG_FULL) when the decision sink cannot take the record', async () => {
    const { ask, sink } = setup();
    sink.accepting = false;
    const refused = ask('alice', 'docs/handbook');
    await expect(refused).rejects.toBeInstanceOf(DecisionLogFullError);
    await expect(refused).rejects.toMatchObject({ code: 'DECISION_LOG_FULL' });
  });

  describe('when the risk state is unavailable', () => {
    it('answers the policy fallback per sensitivity, degraded, without waiting on the store', async () => {
      const { ask, store, sink, setStateAvailable } = setup();
      setStateAvailable(false);
      const answers = await Promise.all([
        ask('alice', 'docs/handbook'),
        ask('alice', 'db/staging-orders'),
        ask('alice', 'db/prod-orders'),
        ask('alice', 'db/prod-payments'),
      ]);
      expect(answers.map((a) => a.decision)).toEqual([
        Decision.DECISION_ALLOW,
        Decision.DECISION_STEP_UP,
        Decision.DECISION_DENY,
        Decision.DECISION_DENY,
      ]);
      for (const a of answers) expect(a.reasons).toEqual(['RISK_STATE_UNAVAILABLE']);
      expect(store.calls).toEqual([]);
      expect(sink.records.map((r) => r.record.degraded)).toEqual([true, true, true, true]);
    });

    it('falls back the same way when a read fails, and never allows a high resource', async () => {
      const { ask, store, seed, sink } = setup();
      await seed('alice', [activity('alice', T0, { deviceId: 'laptop' })]);
      store.available = false;
      const answer = await ask('alice', 'db/prod-orders', { context: { deviceId: 'laptop' } });
      expect(answer).toMatchObject({
        decision: Decision.DECISION_DENY,
        reasons: ['RISK_STATE_UNAVAILABLE'],
      });
      expect(store.calls).toContain('read');
      expect(sink.records[0]?.record.degraded).toBe(true);
    });
  });
});
