/**
 * Issue #11, risk side: every risk door (Authorize, RiskAdmin, policy matching, the stream) takes
 * its input under the shared rules of @vigil/input. One block per "Why" bullet of the issue that
 * concerns risk (Geo, Resources, User ids, Admin); each failed on main before the rules applied.
 */
import { Writable } from 'node:stream';
import { timestampFromMillis, vigil } from '@vigil/proto';
import { createLogger } from '@vigil/runtime';
import type { Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { AdminActions } from '../src/admin/actions';
import { Authorizer, type DecisionSink, type RiskSnapshotReader } from '../src/authz/authorizer';
import { canonicalRequest } from '../src/authz/request';
import { InvalidRequestError } from '../src/errors';
import { RiskMetrics } from '../src/metrics';
import type { RiskSnapshot } from '../src/model/assess';
import { ADMIN_ACTIONS, ADMIN_ATTRIBUTES, ADMIN_SOURCE, toRiskEvent } from '../src/model/events';
import type { RiskStore } from '../src/store/store';
import { MINUTE, T0 } from './support/events';
import { testPolicy } from './support/policy';

const { Decision } = vigil.v1;
const policy = testPolicy();
const logger = createLogger({
  service: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});
const NOW = T0;
const BERLIN = { lat: 52.52, lon: 13.405 };
const NEW_YORK = { latitude: 40.7128, longitude: -74.006 };

/**
 * State as Redis keys it: by the exact user id string. `alice` is restricted, was in Berlin a
 * minute ago, and is known from one IP, so any other IP is new.
 */
function snapshotOf(userId: string): RiskSnapshot {
  const alice = userId === 'alice';
  return {
    score: 0,
    scoreAt: 0,
    reasons: [],
    lastGeo: alice ? { ...BERLIN, at: NOW - MINUTE } : undefined,
    restriction: undefined,
    ip: { seen: undefined, history: alice ? 1 : 0 },
    device: { seen: undefined, history: 0 },
    country: { seen: undefined, history: 0 },
  };
}

function authorizer(snapshot: (userId: string) => RiskSnapshot = snapshotOf) {
  const reads: string[] = [];
  const offered: Array<{ key: string; record: vigil.v1.IAuthzDecision }> = [];
  const store = {
    readSnapshot: async (userId: string) => {
      reads.push(userId);
      return snapshot(userId);
    },
  } satisfies RiskSnapshotReader;
  const decisionLog = {
    depth: 0,
    offer: (key: string, _at: number, record: vigil.v1.IAuthzDecision) => {
      offered.push({ key, record });
      return true;
    },
  } satisfies DecisionSink;
  let n = 0;
  const authz = new Authorizer({
    policy,
    store,
    isStateAvailable: () => true,
    decisionLog,
    metrics: new RiskMetrics(new Registry()),
    logger,
    clock: () => NOW,
    nextDecisionId: () => `D${++n}`,
  });
  return { authz, reads, offered };
}

const request = (fields: Partial<vigil.v1.IAuthorizeRequest> = {}) =>
  vigil.v1.AuthorizeRequest.create({
    userId: 'alice',
    action: 'db.query',
    resource: 'db/prod-payments',
    ...fields,
  });

const geoRequest = (geo: vigil.v1.IGeo) => request({ context: { geo } });

/** The InvalidRequestError a call fails with (it must fail with one). */
async function refusal(call: () => Promise<unknown>): Promise<InvalidRequestError> {
  try {
    await call();
  } catch (err) {
    if (err instanceof InvalidRequestError) return err;
    throw err;
  }
  throw new Error('expected an InvalidRequestError, got an answer');
}

describe('Geo: an impossible position is refused, never a skipped travel check', () => {
  it('a valid New York position a minute after Berlin is impossible travel', async () => {
    const { authz } = authorizer();
    const answer = await authz.authorize(geoRequest({ ...NEW_YORK, hasPosition: true }), 'p');
    expect(answer.reasons).toEqual(['IMPOSSIBLE_TRAVEL']);
    expect(answer.riskScore).toBe(policy.signals.IMPOSSIBLE_TRAVEL.weight);
    expect(answer.decision).not.toBe(Decision.DECISION_ALLOW);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['1000', 1000],
    ['-2000', -2000],
  ])('latitude %s -> INVALID_REQUEST naming context.geo.latitude', async (_label, latitude) => {
    const { authz, reads } = authorizer();
    const err = await refusal(() =>
      authz.authorize(geoRequest({ latitude, longitude: -74, hasPosition: true }), 'p'),
    );
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.field).toBe('context.geo.latitude');
    expect(err.message).toMatch(/^context\.geo\.latitude must be a finite number/);
    expect(reads).toEqual([]);
  });

  it('a longitude out of range, and coordinates without has_position, are refused too', async () => {
    const { authz } = authorizer();
    const lon = await refusal(() =>
      authz.authorize(geoRequest({ latitude: 40, longitude: 200, hasPosition: true }), 'p'),
    );
    expect(lon.field).toBe('context.geo.longitude');
    const unflagged = await refusal(() =>
      authz.authorize(geoRequest({ latitude: 1000, longitude: 0 }), 'p'),
    );
    expect(unflagged.field).toBe('context.geo.has_position');
  });

  it('a country code only (no position) is still fine, and upper-cased', () => {
    const { request: canonical, facts } = canonicalRequest(
      geoRequest({ countryCode: 'de' }),
      false,
    );
    expect(facts).toMatchObject({ country: 'DE', position: undefined });
    expect(canonical.context?.geo?.countryCode).toBe('DE');
  });
});

describe('Resources: every spelling gets the canonical sensitivity, or is refused', () => {
  const newIp = { context: { ip: '198.51.100.9' } };

  it('case variants match the policy like the canonical name (DB/..., Secrets/...)', async () => {
    expect(policy.sensitivityOf('db/prod-payments')).toBe('critical');
    expect(policy.sensitivityOf('DB/prod-payments')).toBe('critical');
    expect(policy.sensitivityOf('DB/PROD-PAYMENTS')).toBe('critical');
    expect(policy.sensitivityOf('Secrets/a')).toBe(policy.sensitivityOf('secrets/a'));
    expect(policy.sensitivityOf('Secrets/a')).toBe('critical');

    const { authz } = authorizer();
    for (const resource of ['db/prod-payments', 'DB/prod-payments', 'Secrets/a']) {
      const answer = await authz.authorize(request({ resource, ...newIp }), 'p');
      expect({ resource, decision: answer.decision }).toEqual({
        resource,
        decision: Decision.DECISION_STEP_UP,
      });
    }
  });

  it('policy patterns are folded too, so an upper-case pattern matches its resources', () => {
    const custom = testPolicy({
      sensitivity: { default: 'low', resources: [{ pattern: 'Vault/**', level: 'critical' }] },
    });
    expect(custom.sensitivityOf('vault/x')).toBe('critical');
    expect(custom.sensitivityOf('VAULT/x')).toBe('critical');
  });

  it.each([
    'db//prod-payments',
    '/db/prod-payments',
    './db/prod-payments',
    ' db/prod-payments',
    'db/prod-payments/',
    'db/x/../prod-payments',
    'db\\prod-payments',
    'db%2Fprod-payments',
    'db/ prod-payments',
  ])('%j -> INVALID_REQUEST naming resource, never a lower sensitivity', async (resource) => {
    const { authz, reads } = authorizer();
    const err = await refusal(() => authz.authorize(request({ resource, ...newIp }), 'p'));
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.field).toBe('resource');
    expect(err.message).toMatch(/^resource must/);
    expect(reads).toEqual([]);
  });

  it('the decision record keeps the resource as sent (its case may matter to its owner)', async () => {
    const { authz, offered } = authorizer();
    await authz.authorize(request({ resource: 'DB/prod-payments' }), 'p');
    expect(offered[0]?.record.request?.resource).toBe('DB/prod-payments');
  });
});

describe('User ids: one user per identity, and no invisible variants', () => {
  /** alice is restricted until an hour from now; every other id string is a stranger. */
  const restrictedAlice = (userId: string): RiskSnapshot => ({
    ...snapshotOf(userId),
    restriction:
      userId === 'alice'
        ? { since: NOW - MINUTE, until: NOW + 60 * MINUTE, reasons: ['MANUAL_RESTRICTION'] }
        : undefined,
  });

  it('a case variant of a restricted user is that user: still DENY on a critical resource', async () => {
    const { authz, reads, offered } = authorizer(restrictedAlice);
    for (const userId of ['alice', 'Alice', 'ALICE']) {
      const answer = await authz.authorize(request({ userId }), 'p');
      expect({ userId, decision: answer.decision, reasons: answer.reasons }).toEqual({
        userId,
        decision: Decision.DECISION_DENY,
        reasons: ['RESTRICTED'],
      });
    }
    // State is read, and the decision keyed and recorded, under the canonical id only.
    expect(reads).toEqual(['alice', 'alice', 'alice']);
    expect(offered.map((o) => [o.key, o.record.request?.userId])).toEqual([
      ['alice', 'alice'],
      ['alice', 'alice'],
      ['alice', 'alice'],
    ]);
  });

  it.each([
    ['a trailing space', 'alice ', 'SURROUNDING'],
    ['U+200B', 'alice\u200b', 'U\\+200B'],
    ['a trailing NUL', 'alice\u0000', 'U\\+0000'],
    ['a right-to-left override', 'al\u202eice', 'U\\+202E'],
    ['a newline', 'ali\nce', 'U\\+000A'],
  ])('%s -> INVALID_REQUEST naming user_id, never a new user', async (_label, userId, what) => {
    const { authz, reads } = authorizer(restrictedAlice);
    const err = await refusal(() => authz.authorize(request({ userId }), 'p'));
    expect(err.field).toBe('user_id');
    expect(err.message).toMatch(/^user_id must/);
    if (what !== 'SURROUNDING') expect(err.message).toMatch(new RegExp(what));
    expect(reads).toEqual([]);
  });

  it('allows 256 bytes of user id, as ingest does, and no more', async () => {
    const { authz } = authorizer();
    await expect(authz.authorize(request({ userId: 'u'.repeat(256) }), 'p')).resolves.toBeDefined();
    const ascii = await refusal(() => authz.authorize(request({ userId: 'u'.repeat(257) }), 'p'));
    expect(ascii.message).toBe('user_id must be at most 256 bytes (UTF-8)');
    // 200 characters, 400 bytes: main counted characters and let it through.
    const wide = await refusal(() => authz.authorize(request({ userId: 'é'.repeat(200) }), 'p'));
    expect(wide.field).toBe('user_id');
  });

  it('an empty action is refused; an action is lower-cased like everywhere else', async () => {
    const { authz, offered } = authorizer();
    const err = await refusal(() => authz.authorize(request({ action: '' }), 'p'));
    expect(err).toMatchObject({ code: 'INVALID_REQUEST', field: 'action' });
    expect(err.message).toBe('action is required');
    await authz.authorize(request({ action: 'DB.Query' }), 'p');
    expect(offered[0]?.record.request?.action).toBe('db.query');
  });

  it('IPs are compared in one spelling, and non-addresses are refused', () => {
    const { facts } = canonicalRequest(request({ context: { ip: '2001:DB8:0:0::1' } }), false);
    expect(facts.ip).toBe('2001:db8::1');
    expect(() => canonicalRequest(request({ context: { ip: 'not-an-ip' } }), false)).toThrow(
      /^context\.ip must be an IPv4 or IPv6 address/,
    );
  });
});

describe('User ids from the stream: canonical, or skipped and counted', () => {
  const event = (fields: Partial<vigil.v1.IAccessEvent> = {}) =>
    vigil.v1.AccessEvent.create({
      eventId: 'e1',
      occurredAt: timestampFromMillis(T0),
      receivedAt: timestampFromMillis(T0),
      actor: { userId: 'alice', ip: '192.0.2.7' },
      action: 'auth.login',
      resource: 'db/prod-payments',
      outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
      source: 'idp',
      establishes: { knownAttributes: true, failedAuthentication: true },
      ...fields,
    });
  const meta = { key: 'alice', timestampMs: T0 };

  it('Alice and alice are one user; AUTH.Login counts as auth.login; DB/... is critical', () => {
    const applied = toRiskEvent(
      event({
        actor: { userId: 'Alice', ip: '2001:DB8::1', geo: { countryCode: 'de' } },
        action: 'AUTH.Login',
        resource: 'DB/prod-payments',
      }),
      meta,
      policy,
    );
    expect(applied).toMatchObject({
      kind: 'activity',
      userId: 'alice',
      action: 'auth.login',
      sensitivity: 'critical',
      ip: '2001:db8::1',
      country: 'DE',
    });
  });

  it.each([
    ['user id with U+200B', { actor: { userId: 'alice\u200b' } }, 'actor.user_id'],
    ['user id with a trailing space', { actor: { userId: 'alice ' } }, 'actor.user_id'],
    ['non-canonical resource', { resource: 'db//prod-payments' }, 'resource'],
    ['empty action', { action: '' }, 'action'],
    [
      'latitude 1000',
      { actor: { userId: 'alice', geo: { latitude: 1000, longitude: 0, hasPosition: true } } },
      'actor.geo.latitude',
    ],
  ])('%s -> skipped as invalid_field, naming the field', (_label, fields, field) => {
    expect(toRiskEvent(event(fields), meta, policy)).toMatchObject({
      skip: 'invalid_field',
      field,
    });
  });

  it('a missing or over-long user id keeps its own skip reason', () => {
    expect(toRiskEvent(event({ actor: {} }), meta, policy)).toMatchObject({ skip: 'missing_user' });
    expect(toRiskEvent(event({ actor: { userId: 'u'.repeat(257) } }), meta, policy)).toMatchObject({
      skip: 'user_too_long',
    });
  });

  it('an admin action of an older, un-folded subject applies to the canonical user', () => {
    const admin = vigil.v1.AccessEvent.create({
      eventId: 'a1',
      occurredAt: timestampFromMillis(T0),
      actor: { userId: 'reviewer' },
      action: ADMIN_ACTIONS.restrictUser,
      resource: 'user/Alice',
      source: ADMIN_SOURCE,
      attributes: { [ADMIN_ATTRIBUTES.subject]: 'Alice', [ADMIN_ATTRIBUTES.reason]: 'r' },
    });
    expect(
      toRiskEvent(admin, { key: 'Alice', timestampMs: T0, fromAdminLog: true }, policy),
    ).toMatchObject({ kind: 'manual_restriction', userId: 'alice' });
    const invisible = vigil.v1.AccessEvent.create({
      ...admin,
      attributes: { [ADMIN_ATTRIBUTES.subject]: 'alice\u200b' },
    });
    expect(
      toRiskEvent(invisible, { key: 'alice\u200b', timestampMs: T0, fromAdminLog: true }, policy),
    ).toEqual({ skip: 'bad_admin_event' });
  });
});

describe('Admin: subjects and reviewers are user ids', () => {
  function admin() {
    const sent: Array<{ key: string; event: vigil.v1.AccessEvent }> = [];
    const producer = {
      send: async (batch: { messages: Array<{ key: string; value: Buffer }> }) => {
        for (const m of batch.messages) {
          sent.push({ key: m.key, event: vigil.v1.AccessEvent.decode(m.value) });
        }
        return [{ partition: 0, baseOffset: '7' }];
      },
    } as unknown as Producer;
    const store = { watermark: async () => undefined } as unknown as RiskStore;
    const actions = new AdminActions({
      producer,
      adminTopic: 'risk-admin',
      store,
      policy,
      clock: () => NOW,
      nextEventId: () => 'A1',
      publishTimeoutMs: 1_000,
      applyTimeoutMs: 0,
      logger,
    });
    return { actions, sent };
  }

  it.each([
    ['user id "a\\nb"', { userId: 'a\nb', reviewer: 'r', reason: 'x' }, 'user_id'],
    ['reviewer "r\\n"', { userId: 'a', reviewer: 'r\n', reason: 'x' }, 'reviewer'],
    ['user id with U+200B', { userId: 'a\u200b', reviewer: 'r', reason: 'x' }, 'user_id'],
    ['reviewer with a trailing space', { userId: 'a', reviewer: 'r ', reason: 'x' }, 'reviewer'],
    ['blank reason', { userId: 'a', reviewer: 'r', reason: '  ' }, 'reason'],
  ])(
    'RestrictUser with %s -> INVALID_REQUEST naming it, nothing published',
    async (_l, req, field) => {
      const { actions, sent } = admin();
      const restrict = await refusal(() => actions.restrictUser(req, 'ops'));
      expect(restrict).toMatchObject({ code: 'INVALID_REQUEST', field });
      const clear = await refusal(() => actions.clearRestriction(req, 'ops'));
      expect(clear).toMatchObject({ code: 'INVALID_REQUEST', field });
      expect(sent).toEqual([]);
    },
  );

  it('a profile is read, and answered, under the canonical id', async () => {
    const loads: string[] = [];
    const store = {
      load: async (userId: string) => {
        loads.push(userId);
        return { core: {}, ips: {}, devices: {}, countries: {} };
      },
    } as unknown as RiskStore;
    const actions = new AdminActions({
      producer: {} as Producer,
      adminTopic: 'risk-admin',
      store,
      policy,
      clock: () => NOW,
      nextEventId: () => 'A1',
      publishTimeoutMs: 1_000,
      applyTimeoutMs: 0,
      logger,
    });
    expect((await actions.profile('ALICE')).userId).toBe('alice');
    expect(loads).toEqual(['alice']);
  });

  it('a restriction of Alice is published for alice, by the folded reviewer', async () => {
    const { actions, sent } = admin();
    await actions.restrictUser({ userId: 'Alice', reviewer: 'Bob', reason: 'case #1' }, 'ops');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.key).toBe('alice');
    expect(sent[0]?.event.actor?.userId).toBe('bob');
    expect(sent[0]?.event.attributes[ADMIN_ATTRIBUTES.subject]).toBe('alice');
    expect(sent[0]?.event.resource).toBe('user/alice');
  });
});
