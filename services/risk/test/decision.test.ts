import { assess, type KnownLookup, type RiskSnapshot } from '../src/model/assess';
import { decide, fallbackVerdict } from '../src/model/decision';
import type { Sensitivity } from '../src/model/sensitivity';
import { HOUR, MINUTE, T0 } from './support/events';
import { testPolicy } from './support/policy';

const policy = testPolicy();
const NONE: KnownLookup = { seen: undefined, history: 0 };
const KNOWN: KnownLookup = { seen: { first: T0 - HOUR, last: T0 - MINUTE }, history: 1 };
const UNKNOWN: KnownLookup = { seen: undefined, history: 3 };

const snapshot = (fields: Partial<RiskSnapshot> = {}): RiskSnapshot => ({
  score: 0,
  scoreAt: 0,
  reasons: [],
  lastGeo: undefined,
  restriction: undefined,
  ip: KNOWN,
  device: KNOWN,
  country: NONE,
  ...fields,
});
const facts = { ip: '10.0.0.1', deviceId: 'd1', country: '', position: undefined };

describe('decision table', () => {
  // [sensitivity, score, expected] with the default thresholds:
  // low 80/95, medium 50/90, high 30/70, critical 20/60 (step_up_at / deny_at).
  const table: Array<[Sensitivity, number, string]> = [
    ['low', 79.99, 'ALLOW'],
    ['low', 80, 'STEP_UP'],
    ['low', 95, 'DENY'],
    ['medium', 49, 'ALLOW'],
    ['medium', 50, 'STEP_UP'],
    ['medium', 90, 'DENY'],
    ['high', 29, 'ALLOW'],
    ['high', 30, 'STEP_UP'],
    ['high', 70, 'DENY'],
    ['critical', 19, 'ALLOW'],
    ['critical', 20, 'STEP_UP'],
    ['critical', 60, 'DENY'],
  ];
  it.each(table)('%s resource at score %d -> %s', (sensitivity, score, expected) => {
    expect(decide(policy, sensitivity, score, false, false)).toBe(expected);
  });

  it('denies a restricted user on high and critical whatever the score, not on low or medium', () => {
    expect(decide(policy, 'critical', 0, true, false)).toBe('DENY');
    expect(decide(policy, 'high', 0, true, false)).toBe('DENY');
    expect(decide(policy, 'medium', 0, true, false)).toBe('ALLOW');
    expect(decide(policy, 'low', 0, true, false)).toBe('ALLOW');
  });

  it('steps up a request-time signal on high and critical only', () => {
    expect(decide(policy, 'high', 0, false, true)).toBe('STEP_UP');
    expect(decide(policy, 'critical', 0, false, true)).toBe('STEP_UP');
    expect(decide(policy, 'medium', 0, false, true)).toBe('ALLOW');
  });

  it('falls back per sensitivity when risk state is unavailable', () => {
    expect(fallbackVerdict(policy, 'low')).toBe('ALLOW');
    expect(fallbackVerdict(policy, 'medium')).toBe('STEP_UP');
    expect(fallbackVerdict(policy, 'high')).toBe('DENY');
    expect(fallbackVerdict(policy, 'critical')).toBe('DENY');
  });
});

describe('assess (stored score + request-time signals)', () => {
  it('allows a known user from a known place', () => {
    expect(assess(snapshot(), facts, 'critical', T0, policy)).toEqual({
      verdict: 'ALLOW',
      score: 0,
      reasons: [],
    });
  });

  it('steps up a sensitive request from an IP the user has not been seen with', () => {
    const result = assess(snapshot({ ip: UNKNOWN }), facts, 'high', T0, policy);
    expect(result).toEqual({ verdict: 'STEP_UP', score: 30, reasons: ['NEW_IP'] });
    expect(assess(snapshot({ ip: UNKNOWN }), facts, 'medium', T0, policy).verdict).toBe('ALLOW');
  });

  it('does not flag a request attribute when the user has no history of that kind', () => {
    const result = assess(snapshot({ ip: NONE, device: NONE }), facts, 'high', T0, policy);
    expect(result.reasons).toEqual([]);
  });

  it('treats a value not seen within forget_after as new', () => {
    const stale: KnownLookup = {
      seen: { first: T0 - 200 * 24 * HOUR, last: T0 - 100 * 24 * HOUR },
      history: 1,
    };
    expect(assess(snapshot({ device: stale }), facts, 'high', T0, policy).reasons).toEqual([
      'NEW_DEVICE',
    ]);
  });

  it('flags a request position impossible given the last event', () => {
    const lastGeo = { lat: 52.52, lon: 13.405, at: T0 - 30 * MINUTE };
    const request = { ...facts, position: { lat: 40.71, lon: -74.0 } };
    const result = assess(snapshot({ lastGeo }), request, 'high', T0, policy);
    expect(result).toEqual({ verdict: 'DENY', score: 70, reasons: ['IMPOSSIBLE_TRAVEL'] });
  });

  it('decays the stored score to the request time and lists live reasons strongest first', () => {
    const stored = snapshot({
      score: 80,
      scoreAt: T0,
      reasons: [
        { code: 'NEW_IP', raisedAt: T0, weight: 30 },
        { code: 'FAILED_AUTH_BURST', raisedAt: T0, weight: 50 },
      ],
    });
    expect(assess(stored, facts, 'high', T0 + HOUR, policy)).toEqual({
      verdict: 'STEP_UP',
      score: 40,
      reasons: ['FAILED_AUTH_BURST', 'NEW_IP'],
    });
    // Three half-lives later NEW_IP (3.75 points) is below the floor of 5; the burst is not.
    expect(assess(stored, facts, 'high', T0 + 3 * HOUR, policy)).toEqual({
      verdict: 'ALLOW',
      score: 10,
      reasons: ['FAILED_AUTH_BURST'],
    });
  });

  it('reports RESTRICTED until the restriction ends', () => {
    const restriction = { since: T0, until: T0 + HOUR, reasons: ['FAILED_AUTH_BURST' as const] };
    const restricted = snapshot({ restriction });
    expect(assess(restricted, facts, 'high', T0 + 30 * MINUTE, policy)).toEqual({
      verdict: 'DENY',
      score: 0,
      reasons: ['RESTRICTED'],
    });
    expect(assess(restricted, facts, 'high', T0 + HOUR, policy).verdict).toBe('ALLOW');
  });

  it('caps the combined score at 100', () => {
    const result = assess(
      snapshot({ score: 90, scoreAt: T0, ip: UNKNOWN, device: UNKNOWN }),
      facts,
      'low',
      T0,
      policy,
    );
    expect(result.score).toBe(100);
    expect(result.verdict).toBe('DENY');
  });
});
