/**
 * Issue #11 against the running risk service (real Kafka and Redis), over gRPC as a platform or
 * an admin calls it: the variants a hostile client tried are one user, one resource and one
 * position rule, or they are refused with INVALID_ARGUMENT naming the field.
 */
import * as grpc from '@grpc/grpc-js';
import { RiskCallError, type AuthorizationClient, type RiskAdminClient } from '@vigil/client';
import { vigil } from '@vigil/proto';
import type { RiskApp } from '../src/app';
import {
  HOUR,
  MINUTE,
  clients,
  createRiskTestEnv,
  metricValue,
  produceEvents,
  startRiskApp,
  waitApplied,
  type RiskTestEnv,
} from './support/harness';
import { waitFor } from '../../../test/support/infra';

const { Decision } = vigil.v1;
const BERLIN = { lat: 52.52, lon: 13.405 };
const NEW_YORK = { latitude: 40.7128, longitude: -74.006 };
const HOME = { ip: '198.51.100.7', deviceId: 'laptop-1' };
/** Event time base: in the past, so record timestamps are accepted and time is ours to move. */
const T = Math.floor((Date.now() - 6 * HOUR) / 1000) * 1000;

describe('risk input rules (issue #11, real Kafka and Redis)', () => {
  let env: RiskTestEnv;
  let app: RiskApp;
  let authz: AuthorizationClient;
  let admin: RiskAdminClient;
  const now = T + 2 * MINUTE;

  const authorize = (request: vigil.v1.IAuthorizeRequest) =>
    authz.authorize({ action: 'db.query', resource: 'db/prod-payments', ...request });

  /**
   * A decision made from risk state. On a loaded machine Authorize's short Redis deadline can
   * pass, and the answer is then the policy fallback (RISK_STATE_UNAVAILABLE): ask again.
   */
  const decided = (request: vigil.v1.IAuthorizeRequest) =>
    waitFor('a decision made from risk state', async () => {
      const answer = await authorize(request);
      return answer.reasons.includes('RISK_STATE_UNAVAILABLE') ? undefined : answer;
    });

  /** The refusal of a call that must fail with INVALID_ARGUMENT / INVALID_REQUEST. */
  async function refused(call: Promise<unknown>): Promise<RiskCallError> {
    const err = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RiskCallError);
    expect(err).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, reason: 'INVALID_REQUEST' });
    return err as RiskCallError;
  }

  beforeAll(async () => {
    env = await createRiskTestEnv({ name: 'risk-input-rules' });
    app = await startRiskApp(env.env, () => now);
    ({ authz, admin } = clients(app.ports.grpc));
    // Alice logs in from home in Berlin, spelled as her IdP happens to spell her; a record with
    // an invisible character (written before ingest refused them) is skipped, not applied.
    await produceEvents(env.producer, env.eventsTopic, [
      { userId: 'Alice', at: T, ...HOME, position: BERLIN },
      { userId: 'alice', at: T + MINUTE, ...HOME, position: BERLIN },
      { userId: 'alice\u200b', at: T + MINUTE, ...HOME },
    ]);
    await waitApplied(admin, 'alice', 2);
  });

  afterAll(async () => {
    authz?.close();
    admin?.close();
    await app?.stop();
    await env?.cleanup();
  });

  it('user ids: Alice and alice are one user in Redis; an invalid id in the stream is skipped and counted', async () => {
    const profile = await admin.getRiskProfile('ALICE');
    expect(profile.userId).toBe('alice');
    expect(Number(profile.eventsApplied)).toBe(2);
    const keys = await env.redis.keys(`${env.prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(`${env.prefix}:{alice}:`))).toBe(true);
    // The third record may sit in another partition: wait for it to be counted.
    await waitFor('the invalid record skipped and counted', async () =>
      (await metricValue(
        app.ports.ops,
        'vigil_risk_events_total',
        'result="skipped_invalid_field"',
      )) === 1
        ? true
        : undefined,
    );
  });

  it('geo: NaN, Infinity, 1000 and -2000 are refused naming the latitude; a real position is judged', async () => {
    const travel = await decided({
      userId: 'alice',
      context: { ...HOME, geo: { ...NEW_YORK, hasPosition: true } },
    });
    expect(travel.reasons).toEqual(['IMPOSSIBLE_TRAVEL']);
    expect(travel.decision).not.toBe(Decision.DECISION_ALLOW);
    for (const latitude of [Number.NaN, Number.POSITIVE_INFINITY, 1000, -2000]) {
      const err = await refused(
        authorize({
          userId: 'alice',
          context: { ...HOME, geo: { latitude, longitude: -74, hasPosition: true } },
        }),
      );
      expect(err.message).toMatch(/^context\.geo\.latitude must be a finite number/);
    }
  });

  it('resources: case variants get the same sensitivity; non-canonical ones are refused', async () => {
    const newIp = { ip: '192.0.2.200', deviceId: HOME.deviceId };
    for (const resource of ['db/prod-payments', 'DB/prod-payments', 'Secrets/a']) {
      const answer = await decided({ userId: 'alice', resource, context: newIp });
      expect({ resource, decision: answer.decision, reasons: answer.reasons }).toEqual({
        resource,
        decision: Decision.DECISION_STEP_UP,
        reasons: ['NEW_IP'],
      });
    }
    for (const resource of [
      'db//prod-payments',
      '/db/prod-payments',
      './db/prod-payments',
      ' db/prod-payments',
    ]) {
      const err = await refused(authorize({ userId: 'alice', resource, context: newIp }));
      expect(err.message).toMatch(/^resource must/);
    }
  });

  it('user ids: a restricted user stays restricted under a case variant; invisible variants are refused', async () => {
    const restricted = await admin.restrictUser({
      userId: 'Alice',
      reviewer: 'SecOps-Bob',
      reason: 'issue #11 test',
    });
    expect(restricted.applied).toBe(true);
    for (const userId of ['alice', 'Alice', 'ALICE']) {
      const answer = await decided({ userId, context: HOME });
      expect({ userId, decision: answer.decision }).toEqual({
        userId,
        decision: Decision.DECISION_DENY,
      });
      expect(answer.reasons).toContain('RESTRICTED');
    }
    for (const userId of ['alice ', 'alice\u200b', 'alice\u0000']) {
      const err = await refused(authorize({ userId, context: HOME }));
      expect(err.message).toMatch(/^user_id must/);
    }
    const long = await refused(authorize({ userId: 'u'.repeat(257) }));
    expect(long.message).toBe('user_id must be at most 256 bytes (UTF-8)');
    const noAction = await refused(authorize({ userId: 'alice', action: '' }));
    expect(noAction.message).toBe('action is required');

    const cleared = await admin.clearRestriction({
      userId: 'ALICE',
      reviewer: 'secops-bob',
      reason: 'done',
    });
    expect(cleared).toMatchObject({ wasRestricted: true, applied: true });
  });

  it('admin: a user id "a\\nb" and a reviewer "r\\n" are refused, naming the field', async () => {
    const subject = await refused(
      admin.restrictUser({ userId: 'a\nb', reviewer: 'r', reason: 'x' }),
    );
    expect(subject.message).toMatch(/^user_id must not contain/);
    const reviewer = await refused(
      admin.restrictUser({ userId: 'bob', reviewer: 'r\n', reason: 'x' }),
    );
    expect(reviewer.message).toMatch(/^reviewer must not contain/);
    await refused(admin.clearRestriction({ userId: 'a\nb', reviewer: 'r', reason: 'x' }));
    await refused(admin.getRiskProfile('alice\u200b'));
  });
});
