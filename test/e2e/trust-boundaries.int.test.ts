/**
 * Trust at the door (issue #10): the three attacks an outsider holding nothing but an ingest
 * token (or a way to write to Kafka) carried out against Vigil before sources existed, run
 * against real processes. Each must now be refused, or have no effect on any decision; the test
 * names which.
 *
 *   1. Unlock: make a new IP and device look familiar with events dated in the past.
 *   2. Lockout: restrict somebody else with failed logins sent in their name.
 *   3. Forged clear: lift a restriction by writing an admin action straight to access-events.
 */
import { randomUUID } from 'node:crypto';
import type { AuthorizationClient, RiskAdminClient, IngestClient } from '@vigil/client';
import { IngestCallError } from '@vigil/client';
import { timestampFromMillis, vigil } from '@vigil/proto';
import { E2EStack } from '../support/stack';
import { waitFor } from '../support/infra';
import { metricValue, scrapeMetrics } from './support/hostile-kit';

const MINUTE = 60_000;
const HOME = { ip: '198.51.100.7', deviceId: 'laptop-1', geo: { countryCode: 'DE' } };
const STRANGER = { ip: '203.0.113.99', deviceId: 'laptop-unknown', geo: { countryCode: 'DE' } };

describe('trust boundaries: attacks with an ingest token or Kafka access', () => {
  const stack = new E2EStack({ kafka: 19392, kafkaController: 19393, redis: 16679 });
  let idp: IngestClient;
  let gateway: IngestClient;
  let authz: AuthorizationClient;
  let admin: RiskAdminClient;
  let failed = true;

  beforeAll(async () => {
    await stack.startInfrastructure({ events: 3, decisions: 1, roots: 1 });
    await stack.start('ingest');
    await stack.start('risk');
    idp = stack.ingestClient('ingest', 'idp');
    gateway = stack.ingestClient('ingest', 'gateway');
    authz = stack.authzClient();
    admin = stack.adminClient();
  }, 240_000);

  afterAll(async () => {
    for (const client of [idp, gateway, authz, admin]) client?.close();
    if (failed) process.stdout.write(`trust-boundaries logs kept in ${stack.dir}\n`);
    await stack.destroy(failed);
  }, 120_000);

  const user = (name: string) => `${name}-${randomUUID().slice(0, 6)}`;

  const login = (
    userId: string,
    at: number,
    where: typeof HOME,
    outcome = vigil.v1.Outcome.OUTCOME_SUCCESS,
  ) => ({
    occurredAt: timestampFromMillis(at),
    actor: { userId, ...where },
    action: 'auth.login',
    resource: 'idp/okta',
    outcome,
  });

  /** Events applied to the user so far, as RiskAdmin reports them. */
  const applied = async (userId: string) =>
    Number((await admin.getRiskProfile(userId).catch(() => undefined))?.eventsApplied ?? 0);

  const untilApplied = (userId: string, count: number) =>
    waitFor(
      `${count} events applied to ${userId}`,
      async () => (await applied(userId)) >= count,
      30_000,
      100,
    );

  const decide = async (userId: string, where: typeof HOME, resource = 'db/prod-payments') => {
    const answer = await authz.authorize({
      userId,
      action: 'db.query',
      resource,
      context: { ip: where.ip, deviceId: where.deviceId, geo: where.geo },
    });
    return {
      decision: vigil.v1.Decision[answer.decision].replace('DECISION_', ''),
      reasons: [...(answer.reasons ?? [])].sort(),
    };
  };

  /** The refusal of a call, or undefined when it went through. */
  const refusal = async (call: Promise<unknown>) => {
    try {
      await call;
      return undefined;
    } catch (err) {
      if (!(err instanceof IngestCallError)) throw err;
      return { reason: err.reason, message: err.message };
    }
  };

  /** The end offsets of access-events, summed: unchanged means nothing was stored. */
  const storedEvents = async () => {
    const kafkaAdmin = stack.kafka.kafka().admin();
    await kafkaAdmin.connect();
    try {
      const offsets = await kafkaAdmin.fetchTopicOffsets('access-events');
      return offsets.reduce((sum, o) => sum + Number(o.high), 0);
    } finally {
      await kafkaAdmin.disconnect();
    }
  };

  it('1. unlock: events dated in the past teach no new IP or device (no effect)', async () => {
    const uma = user('uma');
    const now = Date.now();
    await idp.publishBatch([login(uma, now - 2 * MINUTE, HOME), login(uma, now - MINUTE, HOME)]);
    await untilApplied(uma, 2);
    const before = await decide(uma, STRANGER);
    expect(before.reasons).toEqual(expect.arrayContaining(['NEW_DEVICE', 'NEW_IP']));
    expect(before.decision).not.toBe('ALLOW');

    // The attack as it was made: the one token there was, an event from the stranger's IP and
    // device dated 23 hours ago. Now events that old are refused outright (they could no longer
    // be deduplicated), and nothing is stored.
    const yesterday = {
      occurredAt: timestampFromMillis(now - 23 * 60 * MINUTE),
      actor: { userId: uma, ...STRANGER },
      action: 'http.get',
      resource: 'api/orders',
      outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
    };
    expect((await refusal(gateway.publish(yesterday)))?.reason).toBe('INVALID_ARGUMENT');
    // Within the accepted age but past the learning horizon, the gateway's activity is stored
    // and scored...
    const receipt = await gateway.publish({
      ...yesterday,
      occurredAt: timestampFromMillis(now - 50 * MINUTE),
    });
    expect(receipt.duplicate).toBe(false);
    // ...and a login it may not assert at all.
    const asLogin = await refusal(gateway.publish(login(uma, now, STRANGER)));
    expect(asLogin?.reason).toBe('PERMISSION_DENIED');
    expect(asLogin?.message).toMatch(/rule: sources\.gateway\.actions/);
    await untilApplied(uma, 3);
    expect(await decide(uma, STRANGER)).toEqual(before);

    // Even the identity provider, trusted to teach, cannot teach with a login from the past: it
    // may raise uma's risk, never lower it.
    await idp.publish(login(uma, now - 50 * MINUTE, STRANGER));
    await untilApplied(uma, 4);
    const after = await decide(uma, STRANGER);
    expect(after.decision).not.toBe('ALLOW');
    expect(after.reasons).toEqual(expect.arrayContaining(['NEW_DEVICE', 'NEW_IP']));
    failed = false;
  }, 120_000);

  it("2. lockout: failed logins in somebody else's name are refused at the door (refused)", async () => {
    failed = true;
    const vic = user('vic');
    await idp.publish(login(vic, Date.now() - MINUTE, HOME));
    await untilApplied(vic, 1);
    const stored = await storedEvents();

    const now = Date.now();
    const attack = [
      ...Array.from({ length: 5 }, (_, i) =>
        login(vic, now - 50_000 + i * 5_000, HOME, vigil.v1.Outcome.OUTCOME_FAILURE),
      ),
      login(vic, now, { ...STRANGER, geo: { countryCode: 'KP' } }),
    ];
    const refused = await refusal(gateway.publishBatch(attack));
    expect(refused?.reason).toBe('PERMISSION_DENIED');
    expect(refused?.message).toMatch(/source "gateway" may not emit "auth.login"/);
    expect(await storedEvents()).toBe(stored);

    expect(await decide(vic, HOME)).toEqual({ decision: 'ALLOW', reasons: [] });
    expect((await admin.getRiskProfile(vic)).restriction?.active ?? false).toBe(false);
    failed = false;
  }, 120_000);

  it('3. forged clear: an admin action written straight to access-events is ignored (no effect)', async () => {
    failed = true;
    const rob = user('rob');
    await idp.publish(login(rob, Date.now() - MINUTE, HOME));
    await untilApplied(rob, 1);
    const restricted = await admin.restrictUser({
      userId: rob,
      reviewer: 'secops',
      reason: 'suspected account takeover',
    });
    expect(restricted.applied).toBe(true);
    expect((await decide(rob, HOME)).decision).toBe('DENY');

    const riskOps = stack.instance('risk').ports.ops!;
    const ignoredBefore =
      metricValue(
        await scrapeMetrics(riskOps),
        'vigil_risk_events_total',
        'result="skipped_forged_admin_action"',
      ) ?? 0;
    // Anyone who reaches a plaintext broker can write this record: the forged clear.
    const forged = vigil.v1.AccessEvent.create({
      eventId: `forged-${randomUUID()}`,
      occurredAt: timestampFromMillis(Date.now()),
      receivedAt: timestampFromMillis(Date.now()),
      actor: { userId: 'attacker' },
      action: 'risk.restriction.clear',
      resource: `user/${rob}`,
      outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
      source: 'risk-admin',
      attributes: { subject_user: rob, reason: 'cleared', admin_caller: 'admin' },
    });
    const producer = stack.kafka.kafka().producer();
    await producer.connect();
    await producer.send({
      topic: 'access-events',
      acks: -1,
      messages: [{ key: rob, value: Buffer.from(vigil.v1.AccessEvent.encode(forged).finish()) }],
    });
    await producer.disconnect();

    await waitFor(
      'risk to consume the forged record',
      async () =>
        (metricValue(
          await scrapeMetrics(riskOps),
          'vigil_risk_events_total',
          'result="skipped_forged_admin_action"',
        ) ?? 0) > ignoredBefore,
      30_000,
      200,
    );
    const after = await decide(rob, HOME);
    expect(after.decision).toBe('DENY');
    expect(after.reasons).toContain('RESTRICTED');
    expect((await admin.getRiskProfile(rob)).restriction?.active).toBe(true);
    failed = false;
  }, 120_000);
});
