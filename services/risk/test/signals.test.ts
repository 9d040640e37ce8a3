import { applyEvent, type EventPosition } from '../src/model/apply';
import type { ActivityEvent, RiskEvent } from '../src/model/events';
import { decayed } from '../src/model/score';
import { emptyState, type UserRiskState } from '../src/model/state';
import { HOUR, MINUTE, T0, activity } from './support/events';
import { testPolicy } from './support/policy';

const policy = testPolicy();
const BERLIN = { lat: 52.52, lon: 13.405 };
const SYDNEY = { lat: -33.8688, lon: 151.2093 };

/** Applies events at consecutive offsets of one partition and returns the signals of each. */
function run(state: UserRiskState, events: RiskEvent[], firstOffset = 0): string[][] {
  return events.map((event, i) => {
    const position: EventPosition = { topic: 'events', partition: 0, offset: firstOffset + i };
    const result = applyEvent(state, event, position, policy);
    return result.status === 'applied' ? result.signals : ['<duplicate>'];
  });
}

const score = (state: UserRiskState, at: number) =>
  decayed(state.score, state.scoreAt, at, policy.halfLifeMs);

describe('NEW_DEVICE, NEW_IP, NEW_COUNTRY', () => {
  it('do not flag the first event of a brand-new user (nothing to compare against)', () => {
    const state = emptyState();
    const [first] = run(state, [
      activity('u', T0, { ip: '10.0.0.1', deviceId: 'd1', country: 'DE' }),
    ]);
    expect(first).toEqual([]);
    expect(state.score).toBe(0);
    expect([...state.ips.keys()]).toEqual(['10.0.0.1']);
  });

  it('flag a value the user has not been seen with', () => {
    const state = emptyState();
    const signals = run(state, [
      activity('u', T0, { ip: '10.0.0.1', deviceId: 'd1', country: 'DE' }),
      activity('u', T0 + MINUTE, { ip: '10.0.0.1', deviceId: 'd1', country: 'DE' }),
      activity('u', T0 + 2 * MINUTE, { ip: '10.0.0.2', deviceId: 'd1', country: 'DE' }),
      activity('u', T0 + 3 * MINUTE, { ip: '10.0.0.2', deviceId: 'd2', country: 'FR' }),
    ]);
    expect(signals).toEqual([[], [], ['NEW_IP'], ['NEW_DEVICE', 'NEW_COUNTRY']]);
    expect(state.reasons.map((r) => r.code).sort()).toEqual([
      'NEW_COUNTRY',
      'NEW_DEVICE',
      'NEW_IP',
    ]);
  });

  it('flag a value again once it has been forgotten', () => {
    const state = emptyState();
    const signals = run(state, [
      activity('u', T0, { ip: '10.0.0.1' }),
      activity('u', T0 + 100 * 24 * HOUR, { ip: '10.0.0.1' }),
    ]);
    expect(signals[1]).toEqual(['NEW_IP']);
  });

  it('learn nothing from failed authentications', () => {
    const state = emptyState();
    run(state, [
      activity('u', T0, { ip: '10.0.0.1' }),
      activity('u', T0 + MINUTE, { ip: '6.6.6.6', action: 'auth.login', outcome: 'failure' }),
    ]);
    expect([...state.ips.keys()]).toEqual(['10.0.0.1']);
  });

  it('keep at most max_per_kind values, forgetting the least recently seen', () => {
    const small = testPolicy({ known_attributes: { max_per_kind: 2 } });
    const state = emptyState();
    ['a', 'b', 'a', 'c'].forEach((device, i) =>
      applyEvent(
        state,
        activity('u', T0 + i, { deviceId: device }),
        { topic: 't', partition: 0, offset: i },
        small,
      ),
    );
    expect([...state.devices.keys()].sort()).toEqual(['a', 'c']);
  });
});

describe('IMPOSSIBLE_TRAVEL', () => {
  it('flags consecutive geo-located events too far apart for the time between them', () => {
    const state = emptyState();
    const signals = run(state, [
      activity('u', T0, { position: BERLIN }),
      activity('u', T0 + 2 * HOUR, { position: SYDNEY }),
    ]);
    expect(signals[1]).toEqual(['IMPOSSIBLE_TRAVEL']);
    expect(score(state, T0 + 2 * HOUR)).toBe(70);
  });

  it('accepts the same journey over a plausible time', () => {
    const state = emptyState();
    const signals = run(state, [
      activity('u', T0, { position: BERLIN }),
      activity('u', T0 + 24 * HOUR, { position: SYDNEY }),
    ]);
    expect(signals[1]).toEqual([]);
  });

  it('ignores the position of a failed authentication (that may not be the user)', () => {
    const state = emptyState();
    const signals = run(state, [
      activity('u', T0, { position: BERLIN }),
      activity('u', T0 + MINUTE, { position: SYDNEY, action: 'auth.login', outcome: 'failure' }),
      activity('u', T0 + 2 * MINUTE, { position: BERLIN }),
    ]);
    expect(signals).toEqual([[], [], []]);
  });
});

describe('FAILED_AUTH_BURST', () => {
  const failure = (at: number) => activity('u', at, { action: 'auth.login', outcome: 'failure' });

  it('fires at 5 failures within 5 minutes, and each further full burst counts once', () => {
    const state = emptyState();
    const times = Array.from({ length: 10 }, (_, i) => T0 + i * 10_000);
    const signals = run(state, times.map(failure));
    expect(signals.map((s) => s.join())).toEqual([
      '',
      '',
      '',
      '',
      'FAILED_AUTH_BURST',
      '',
      '',
      '',
      '',
      'FAILED_AUTH_BURST',
    ]);
  });

  it('does not fire when the failures are spread wider than the window', () => {
    const state = emptyState();
    const signals = run(
      state,
      [0, 2, 4, 6, 8].map((m) => failure(T0 + m * MINUTE)),
    );
    expect(signals.flat()).toEqual([]);
  });

  it('counts only auth.* failures', () => {
    const state = emptyState();
    const signals = run(
      state,
      Array.from({ length: 6 }, (_, i) =>
        activity('u', T0 + i, { action: 'db.query', outcome: 'failure' }),
      ),
    );
    expect(signals.flat()).toEqual([]);
  });

  it('restricts the user when the score reaches the trigger', () => {
    const state = emptyState();
    run(
      state,
      Array.from({ length: 10 }, (_, i) => failure(T0 + i * 1_000)),
    );
    expect(score(state, T0 + 9_000)).toBeGreaterThanOrEqual(80);
    expect(state.restriction).toEqual({
      since: T0 + 9_000,
      until: T0 + 9_000 + 24 * HOUR,
      reasons: ['FAILED_AUTH_BURST'],
    });
  });
});

describe('DENIED_SENSITIVE_BURST', () => {
  it('fires at 3 DENIED outcomes on high or critical resources within 10 minutes', () => {
    const state = emptyState();
    const denied = (at: number, sensitivity: 'high' | 'medium') =>
      activity('u', at, { outcome: 'denied', sensitivity });
    const signals = run(state, [
      denied(T0, 'high'),
      denied(T0 + MINUTE, 'medium'),
      denied(T0 + 2 * MINUTE, 'high'),
      denied(T0 + 3 * MINUTE, 'high'),
    ]);
    expect(signals).toEqual([[], [], [], ['DENIED_SENSITIVE_BURST']]);
  });
});

describe('PRIVILEGE_ESCALATION', () => {
  const rbac = (at: number, fields: Partial<ActivityEvent> = {}) =>
    activity('u', at, { action: 'k8s.rbac.change', sensitivity: 'high', ...fields });

  it('is raised by a change of privileges that went through', () => {
    const state = emptyState();
    const signals = run(state, [activity('u', T0), rbac(T0 + MINUTE)]);
    expect(signals).toEqual([[], ['PRIVILEGE_ESCALATION']]);
    expect(state.score).toBe(policy.signals.PRIVILEGE_ESCALATION.weight);
  });

  it('counts one manifest of several RBAC objects once per window', () => {
    const state = emptyState();
    const signals = run(state, [
      rbac(T0),
      rbac(T0 + 1_000),
      rbac(T0 + 2_000),
      rbac(T0 + 10 * MINUTE),
    ]);
    expect(signals).toEqual([['PRIVILEGE_ESCALATION'], [], [], ['PRIVILEGE_ESCALATION']]);
    expect(state.restriction).toBeUndefined();
  });

  it('ignores refused attempts, which count toward DENIED_SENSITIVE_BURST instead', () => {
    const state = emptyState();
    const signals = run(state, [
      rbac(T0, { outcome: 'denied' }),
      rbac(T0 + 1_000, { outcome: 'failure' }),
      rbac(T0 + 2_000, { outcome: 'denied' }),
      rbac(T0 + 3_000, { outcome: 'denied' }),
    ]);
    expect(signals).toEqual([[], [], [], ['DENIED_SENSITIVE_BURST']]);
  });

  it('adds to other signals: an RBAC change from a new IP', () => {
    const state = emptyState();
    const signals = run(state, [
      activity('u', T0, { ip: '10.0.0.1' }),
      rbac(T0 + MINUTE, { ip: '203.0.113.9' }),
    ]);
    expect(signals[1]).toEqual(['NEW_IP', 'PRIVILEGE_ESCALATION']);
    expect(score(state, T0 + MINUTE)).toBeCloseTo(
      policy.signals.NEW_IP.weight + policy.signals.PRIVILEGE_ESCALATION.weight,
      0,
    );
  });

  it("still records a restricted user's Kubernetes events", () => {
    const state = emptyState();
    run(state, [{ kind: 'manual_restriction', userId: 'u', at: T0, ttlMs: HOUR }]);
    const signals = run(
      state,
      [
        activity('u', T0 + MINUTE, { action: 'k8s.exec', ip: '10.0.0.1', sensitivity: 'critical' }),
        rbac(T0 + 2 * MINUTE, { ip: '10.0.0.2' }),
      ],
      1,
    );
    expect(state.applied).toBe(3);
    expect([...state.ips.keys()]).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(signals).toEqual([[], ['NEW_IP', 'PRIVILEGE_ESCALATION']]);
    // The signals push the score over the trigger again: the restriction is extended.
    expect(state.restriction?.until).toBe(T0 + 2 * MINUTE + 24 * HOUR);
  });
});

describe('RATE_ANOMALY', () => {
  it('fires when a minute holds far more events than the user usually makes', () => {
    const state = emptyState();
    const events: RiskEvent[] = [];
    // Twelve quiet minutes of 2 events each build the baseline...
    for (let m = 0; m < 12; m++) {
      events.push(activity('u', T0 + m * MINUTE), activity('u', T0 + m * MINUTE + 1_000));
    }
    // ...then 40 events in one minute.
    for (let i = 0; i < 40; i++) events.push(activity('u', T0 + 12 * MINUTE + i * 1_000));
    const signals = run(state, events).flat();
    expect(signals).toEqual(['RATE_ANOMALY']);
  });

  it('needs a baseline first', () => {
    const state = emptyState();
    const signals = run(
      state,
      Array.from({ length: 40 }, (_, i) => activity('u', T0 + i * 100)),
    );
    expect(signals.flat()).toEqual([]);
  });
});

describe('admin events', () => {
  it('MANUAL_RESTRICTION restricts for the requested TTL', () => {
    const state = emptyState();
    const [signals] = run(state, [
      { kind: 'manual_restriction', userId: 'u', at: T0, ttlMs: HOUR },
    ]);
    expect(signals).toEqual(['MANUAL_RESTRICTION']);
    expect(state.restriction).toEqual({
      since: T0,
      until: T0 + HOUR,
      reasons: ['MANUAL_RESTRICTION'],
    });
    expect(state.score).toBe(100);
  });

  it('a review clears the restriction and the risk, and earlier-dated events cannot raise it again', () => {
    const state = emptyState();
    const failure = (at: number) => activity('u', at, { action: 'auth.login', outcome: 'failure' });
    run(
      state,
      Array.from({ length: 10 }, (_, i) => failure(T0 + i * 1_000)),
    );
    expect(state.restriction).toBeDefined();
    run(state, [{ kind: 'review', userId: 'u', at: T0 + MINUTE }], 10);
    expect(state.restriction).toBeUndefined();
    expect(state.score).toBe(0);
    expect(state.reviewedAt).toBe(T0 + MINUTE);
    // Late-arriving failures dated before the review: reviewed already.
    const late = run(
      state,
      Array.from({ length: 5 }, (_, i) => failure(T0 + 30_000 + i)),
      11,
    );
    expect(late.flat()).toEqual([]);
    // New failures after the review count again.
    const fresh = run(
      state,
      Array.from({ length: 5 }, (_, i) => failure(T0 + 2 * MINUTE + i)),
      16,
    );
    expect(fresh.flat()).toEqual(['FAILED_AUTH_BURST']);
  });
});

describe('scoring', () => {
  it('adds weights, saturates at 100 and decays with the half-life', () => {
    const state = emptyState();
    run(state, [
      activity('u', T0, { position: BERLIN, ip: 'a' }),
      activity('u', T0 + MINUTE, { position: SYDNEY, ip: 'b' }),
    ]);
    // IMPOSSIBLE_TRAVEL 70 + NEW_IP 30 = 100.
    expect(score(state, T0 + MINUTE)).toBe(100);
    expect(score(state, T0 + MINUTE + HOUR)).toBeCloseTo(50, 9);
  });

  it('expires reasons once their contribution decays below the floor', () => {
    const state = emptyState();
    run(state, [activity('u', T0, { ip: 'a' }), activity('u', T0 + 1, { ip: 'b' })]);
    expect(state.reasons.map((r) => r.code)).toEqual(['NEW_IP']);
    // 30 points fall below 5 after log2(6) = 2.58 half-lives; a later signal prunes it.
    run(
      state,
      [
        activity('u', T0 + 3 * HOUR, { deviceId: 'x' }),
        activity('u', T0 + 3 * HOUR + 1, { deviceId: 'y' }),
      ],
      2,
    );
    expect(state.reasons.map((r) => r.code)).toEqual(['NEW_DEVICE']);
  });
});

describe('exactly-once application', () => {
  it('ignores an event at or below its partition watermark', () => {
    const state = emptyState();
    const event = activity('u', T0, { action: 'auth.login', outcome: 'failure' });
    run(state, [event, event, event], 0);
    const before = JSON.stringify([...state.watermarks, state.failures, state.applied]);
    // Re-delivery of offsets 1 and 2 changes nothing.
    expect(run(state, [event, event], 1)).toEqual([['<duplicate>'], ['<duplicate>']]);
    expect(JSON.stringify([...state.watermarks, state.failures, state.applied])).toBe(before);
    expect(state.applied).toBe(3);
  });

  it('keeps a watermark per partition (a user whose partition changed is not compared across)', () => {
    const state = emptyState();
    applyEvent(state, activity('u', T0), { topic: 't', partition: 3, offset: 500 }, policy);
    const moved = applyEvent(
      state,
      activity('u', T0 + 1),
      { topic: 't', partition: 7, offset: 2 },
      policy,
    );
    expect(moved.status).toBe('applied');
    expect(state.watermarks).toEqual(
      new Map([
        ['t/3', 500],
        ['t/7', 2],
      ]),
    );
    expect(state.lastApplied).toBe('t/7@2');
  });
});
