import * as grpc from '@grpc/grpc-js';
import { AuthorizationClient, RiskAdminClient, RiskCallError } from '@vigil/client';
import { vigil } from '@vigil/proto';
import type { RiskApp } from '../src/app';
import {
  API_TOKEN,
  HOUR,
  MINUTE,
  clients,
  createRiskTestEnv,
  metricValue,
  produceEvents,
  readTopic,
  startRiskApp,
  waitApplied,
  type EventInput,
  type RiskTestEnv,
} from './support/harness';

const { Decision, Outcome } = vigil.v1;
const BERLIN = { lat: 52.52, lon: 13.405 };
const NEW_YORK = { lat: 40.7128, lon: -74.006 };
const SYDNEY = { lat: -33.8688, lon: 151.2093 };
/** Event time base: in the past, so record timestamps are accepted and time is ours to move. */
const T = Math.floor((Date.now() - 6 * HOUR) / 1000) * 1000;
const HALF_LIFE = 2 * MINUTE;

describe('risk service scenarios (real Kafka and Redis)', () => {
  let env: RiskTestEnv;
  let app: RiskApp;
  let authz: AuthorizationClient;
  let admin: RiskAdminClient;
  let now = T;
  const decided: string[] = [];
  const produced = new Map<string, number>();

  /** Produces events and waits until the risk state has applied them. */
  async function send(events: EventInput[]): Promise<void> {
    await produceEvents(env.producer, env.eventsTopic, events);
    for (const e of events) produced.set(e.userId, (produced.get(e.userId) ?? 0) + 1);
    for (const userId of new Set(events.map((e) => e.userId))) {
      await waitApplied(admin, userId, produced.get(userId) ?? 0);
    }
  }

  async function authorize(
    userId: string,
    resource: string,
    context: vigil.v1.IRequestContext = {},
  ): Promise<vigil.v1.AuthorizeResponse> {
    const response = await authz.authorize({ userId, action: 'read', resource, context });
    decided.push(response.decisionId);
    return response;
  }

  const login = (userId: string, at: number, more: Partial<EventInput> = {}): EventInput => ({
    userId,
    at,
    action: 'auth.login',
    ip: '198.51.100.7',
    deviceId: 'laptop-1',
    position: BERLIN,
    ...more,
  });
  const failures = (userId: string, from: number, n: number): EventInput[] =>
    Array.from({ length: n }, (_, i) => ({
      userId,
      at: from + i * 1_000,
      action: 'auth.password',
      outcome: Outcome.OUTCOME_FAILURE,
      ip: '203.0.113.66',
    }));
  const home = { ip: '198.51.100.7', deviceId: 'laptop-1' };

  beforeAll(async () => {
    env = await createRiskTestEnv({
      name: 'risk-scenarios',
      policy: {
        version: 'scenario-test-1',
        scoring: { half_life: '2m' },
        restriction: { ttl: '30m' },
      },
    });
    app = await startRiskApp(env.env, () => now);
    ({ authz, admin } = clients(app.ports.grpc));
  });

  afterAll(async () => {
    authz?.close();
    admin?.close();
    await app?.stop();
    await env?.cleanup();
  });

  it('allows a normal user from their usual place', async () => {
    await send([login('normal', T), login('normal', T + MINUTE), login('normal', T + 2 * MINUTE)]);
    now = T + 3 * MINUTE;
    const response = await authorize('normal', 'db/prod-orders', {
      ...home,
      geo: { countryCode: 'DE', ...BERLIN },
    });
    expect(response.decision).toBe(Decision.DECISION_ALLOW);
    expect(response.riskScore).toBe(0);
    expect(response.reasons).toEqual([]);
    expect(response.policyVersion).toBe('scenario-test-1');
    expect(response.decisionId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('steps up a login from a new IP (NEW_IP), at request time and from the stream', async () => {
    await send([login('newip', T), login('newip', T + MINUTE)]);
    now = T + 2 * MINUTE;
    const fromNewIp = { ip: '192.0.2.200', deviceId: 'laptop-1' };
    const sensitive = await authorize('newip', 'db/prod-orders', fromNewIp);
    expect(sensitive.decision).toBe(Decision.DECISION_STEP_UP);
    expect(sensitive.reasons).toEqual(['NEW_IP']);
    // Low sensitivity: explained, not stepped up.
    const docs = await authorize('newip', 'docs/handbook', fromNewIp);
    expect(docs.decision).toBe(Decision.DECISION_ALLOW);
    expect(docs.reasons).toEqual(['NEW_IP']);

    // The login from that IP reaches the stream: the IP becomes known and NEW_IP is on record.
    await send([login('newip', T + 3 * MINUTE, { ip: '192.0.2.200' })]);
    const profile = await admin.getRiskProfile('newip');
    expect(profile.knownIps.map((k) => k.value)).toEqual(['192.0.2.200', '198.51.100.7']);
    expect(profile.reasons.map((r) => r.code)).toEqual(['NEW_IP']);
    now = T + 3 * MINUTE;
    const after = await authorize('newip', 'db/prod-orders', fromNewIp);
    expect(after.decision).toBe(Decision.DECISION_STEP_UP);
    expect(after.reasons).toEqual(['NEW_IP']);
  });

  it('steps up a brute-force burst, then denies and restricts on the second burst', async () => {
    await send([login('brute', T)]);
    await send(failures('brute', T + MINUTE, 5));
    now = T + MINUTE + 6_000;
    const first = await authorize('brute', 'db/prod-orders', home);
    expect(first.decision).toBe(Decision.DECISION_STEP_UP);
    expect(first.reasons).toEqual(['FAILED_AUTH_BURST']);
    expect(first.riskScore).toBeGreaterThan(40);

    await send(failures('brute', T + MINUTE + 7_000, 5));
    now = T + MINUTE + 12_000;
    const second = await authorize('brute', 'db/prod-orders', home);
    expect(second.decision).toBe(Decision.DECISION_DENY);
    expect(second.reasons).toEqual(['RESTRICTED', 'FAILED_AUTH_BURST']);
    const profile = await admin.getRiskProfile('brute');
    expect(profile.restriction?.active).toBe(true);
    expect(profile.restriction?.reasons).toEqual(['FAILED_AUTH_BURST']);
    expect(Number(profile.restriction?.until?.seconds) * 1000).toBe(
      T + MINUTE + 11_000 + 30 * MINUTE,
    );
  });

  it('flags impossible travel, from the stream and at request time', async () => {
    await send([login('traveler', T), login('traveler', T + 30 * MINUTE, { position: NEW_YORK })]);
    now = T + 30 * MINUTE + 1_000;
    const response = await authorize('traveler', 'db/prod-payments', home);
    expect(response.decision).toBe(Decision.DECISION_DENY);
    expect(response.reasons).toContain('IMPOSSIBLE_TRAVEL');

    await send([login('commuter', T)]);
    now = T + 10 * MINUTE;
    const fromSydney = { ...home, geo: { ...SYDNEY, hasPosition: true } };
    // The request's own weight (70) is enough to deny on high and to step up on medium.
    const high = await authorize('commuter', 'db/prod-orders', fromSydney);
    expect(high.decision).toBe(Decision.DECISION_DENY);
    expect(high.reasons).toEqual(['IMPOSSIBLE_TRAVEL']);
    expect(high.riskScore).toBe(70);
    const medium = await authorize('commuter', 'db/staging-orders', fromSydney);
    expect(medium.decision).toBe(Decision.DECISION_STEP_UP);
    // Request-time signals are not stored: from home the user is fine.
    expect((await authorize('commuter', 'db/prod-orders', home)).decision).toBe(
      Decision.DECISION_ALLOW,
    );
  });

  it('decays the score after the half-life and allows again, unless restricted', async () => {
    await send([login('decay', T)]);
    await send(failures('decay', T + MINUTE, 5));
    now = T + MINUTE + 5_000;
    expect((await authorize('decay', 'db/prod-orders', home)).decision).toBe(
      Decision.DECISION_STEP_UP,
    );

    now = T + MINUTE + 5_000 + 10 * HALF_LIFE;
    const later = await authorize('decay', 'db/prod-orders', home);
    expect(later.decision).toBe(Decision.DECISION_ALLOW);
    expect(later.riskScore).toBeLessThan(1);
    expect(later.reasons).toEqual([]);

    // "brute" was restricted at T+1m11s for 30 minutes: the decayed score no longer matters.
    const restricted = await authorize('brute', 'db/prod-orders', home);
    expect(restricted.decision).toBe(Decision.DECISION_DENY);
    expect(restricted.reasons).toEqual(['RESTRICTED']);
    expect(restricted.riskScore).toBeLessThan(1);
    expect((await authorize('brute', 'docs/handbook', home)).decision).toBe(
      Decision.DECISION_ALLOW,
    );

    now = T + MINUTE + 11_000 + 30 * MINUTE;
    expect((await authorize('brute', 'db/prod-orders', home)).decision).toBe(
      Decision.DECISION_ALLOW,
    );
  });

  it('lifts a restriction on an admin clear, and audits the clear as an event', async () => {
    await send([login('cleared', T)]);
    await send(failures('cleared', T + MINUTE, 10));
    now = T + 2 * MINUTE;
    expect((await authorize('cleared', 'db/prod-orders', home)).decision).toBe(
      Decision.DECISION_DENY,
    );

    const cleared = await admin.clearRestriction({
      userId: 'cleared',
      reviewer: 'alice.secops',
      reason: 'verified by phone',
    });
    expect(cleared.wasRestricted).toBe(true);
    expect(cleared.applied).toBe(true);
    const after = await authorize('cleared', 'db/prod-orders', home);
    expect(after.decision).toBe(Decision.DECISION_ALLOW);
    expect(after.riskScore).toBe(0);
    const profile = await admin.getRiskProfile('cleared');
    expect(profile.restriction?.active).toBe(false);
    expect(Number(profile.reviewedAt?.seconds) * 1000).toBe(T + 2 * MINUTE);

    // The audit event is in the admin log (only risk writes it), keyed by the subject, the
    // reviewer as actor.
    const records = await readTopic(
      env.kafka,
      env.adminTopic,
      (v) => vigil.v1.AccessEvent.decode(v),
      (rs) => rs.some((r) => r.value.eventId === cleared.auditEventId),
    );
    const audit = records.find((r) => r.value.eventId === cleared.auditEventId);
    expect(audit?.key).toBe('cleared');
    expect(audit?.value).toMatchObject({
      action: 'risk.restriction.clear',
      resource: 'user/cleared',
      source: 'risk-admin',
      outcome: Outcome.OUTCOME_SUCCESS,
      actor: { userId: 'alice.secops' },
      attributes: { subject_user: 'cleared', reason: 'verified by phone', admin_caller: 'secops' },
    });
    // The reviewer's own risk is untouched by the admin event.
    expect(Number((await admin.getRiskProfile('alice.secops')).eventsApplied)).toBe(0);
  });

  it('restricts a user by hand (MANUAL_RESTRICTION)', async () => {
    await send([login('suspect', T)]);
    now = T + MINUTE;
    const restricted = await admin.restrictUser({
      userId: 'suspect',
      reviewer: 'alice.secops',
      reason: 'credential leak',
      ttlSeconds: 600,
    });
    expect(restricted.applied).toBe(true);
    expect(Number(restricted.until?.seconds) * 1000).toBe(T + MINUTE + 600_000);
    const response = await authorize('suspect', 'k8s/prod/payments', home);
    expect(response.decision).toBe(Decision.DECISION_DENY);
    expect(response.reasons).toEqual(['RESTRICTED', 'MANUAL_RESTRICTION']);
  });

  it('requires a token for Authorize and an admin token for the admin API', async () => {
    const anonymous = new AuthorizationClient({ address: `127.0.0.1:${app.ports.grpc}` });
    try {
      await expect(anonymous.authorize({ userId: 'u', resource: 'r' })).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
      });
    } finally {
      anonymous.close();
    }
    const platformAsAdmin = new RiskAdminClient({
      address: `127.0.0.1:${app.ports.grpc}`,
      token: API_TOKEN,
    });
    try {
      await expect(platformAsAdmin.getRiskProfile('normal')).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
      });
    } finally {
      platformAsAdmin.close();
    }
    const invalid = await authz
      .authorize({ userId: '', resource: 'db/x' })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(RiskCallError);
    expect(invalid).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      reason: 'INVALID_REQUEST',
    });
  });

  it('exposes decisions, latency, consumer lag and buffer depth on /metrics', async () => {
    const body = await (await fetch(`http://127.0.0.1:${app.ports.ops}/metrics`)).text();
    expect(body).toContain('vigil_risk_authorize_duration_seconds_bucket');
    expect(body).toContain('vigil_risk_consumer_lag{');
    expect(body).toContain('vigil_risk_decision_buffer_depth');
    expect(
      await metricValue(app.ports.ops, 'vigil_risk_decisions_total', 'decision="DENY"'),
    ).toBeGreaterThan(0);
    expect(
      await metricValue(
        app.ports.ops,
        'vigil_risk_decision_reasons_total',
        'reason="FAILED_AUTH_BURST"',
      ),
    ).toBeGreaterThan(0);
    expect(
      await metricValue(app.ports.ops, 'vigil_risk_events_total', 'result="applied"'),
    ).toBeGreaterThan(0);
  });

  it('logs every decision to the decisions topic, flushed by shutdown', async () => {
    await app.stop();
    const records = await readTopic(
      env.kafka,
      env.decisionsTopic,
      (v) => vigil.v1.AuthzDecision.decode(v),
      (rs) => rs.length >= decided.length,
    );
    const ids = records.map((r) => r.value.decisionId);
    expect(new Set(ids)).toEqual(new Set(decided));
    expect(ids).toHaveLength(decided.length);
    const one = records.find((r) => r.value.decisionId === decided[0]);
    expect(one?.key).toBe('normal');
    expect(one?.value).toMatchObject({
      decision: Decision.DECISION_ALLOW,
      policyVersion: 'scenario-test-1',
      caller: 'platform',
      degraded: false,
      source: vigil.v1.DecisionSource.DECISION_SOURCE_AUTHORIZE,
      request: { userId: 'normal', resource: 'db/prod-orders' },
    });
  });
});
