import { Writable } from 'node:stream';
import { vigil } from '@vigil/proto';
import { createLogger } from '@vigil/runtime';
import { Registry } from 'prom-client';
import { Authorizer, type DecisionSink, type RiskSnapshotReader } from '../../src/authz/authorizer';
import { RiskMetrics } from '../../src/metrics';
import { testPolicy } from '../support/policy';

const { Decision, DecisionSource } = vigil.v1;
const logger = createLogger({
  service: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

/** Authorize's decision path with the risk state and the decision log faked. */
function setup(stateAvailable: boolean) {
  const offered: Array<{ key: string; record: vigil.v1.IAuthzDecision }> = [];
  const reads: string[] = [];
  const store = {
    readSnapshot: async (userId: string) => {
      reads.push(userId);
      return {
        score: 0,
        scoreAt: 0,
        reasons: [],
        lastGeo: undefined,
        restriction: undefined,
        ip: { seen: undefined, history: 0 },
        device: { seen: undefined, history: 0 },
        country: { seen: undefined, history: 0 },
      };
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
  const authorizer = new Authorizer({
    policy: testPolicy(),
    store,
    isStateAvailable: () => stateAvailable,
    decisionLog,
    metrics: new RiskMetrics(new Registry()),
    logger,
    clock: () => 1_800_000_000_000,
    nextDecisionId: () => `D${++n}`,
  });
  return { authorizer, offered, reads };
}

const request = (userId: string, resource = 'http/unmatched') =>
  vigil.v1.AuthorizeRequest.create({ userId, action: 'http.get', resource });

describe('decisions made for ext_authz', () => {
  it('record their source and the Check facts; Authorize records its own', async () => {
    const { authorizer, offered } = setup(true);
    const extAuthz = {
      route: 'payments',
      host: 'shop.local',
      path: '/payments/1',
      sensitivity: 'critical',
    };
    await authorizer.decide(
      { request: request('alice', 'db/prod-payments'), caller: 'envoy', extAuthz },
      'ext_authz',
    );
    await authorizer.authorize(request('bob'), 'platform');
    expect(offered[0]?.record).toMatchObject({
      source: DecisionSource.DECISION_SOURCE_EXT_AUTHZ,
      extAuthz,
      caller: 'envoy',
    });
    expect(offered[1]?.record.source).toBe(DecisionSource.DECISION_SOURCE_AUTHORIZE);
    expect(offered[1]?.record.extAuthz).toBeUndefined();
    // The record encodes (it goes to Kafka as protobuf).
    const bytes = vigil.v1.AuthzDecision.encode(offered[0]!.record).finish();
    expect(vigil.v1.AuthzDecision.decode(bytes).extAuthz?.route).toBe('payments');
  });

  it('use the given sensitivity, e.g. for the Redis-down fallback of an unmatched request', async () => {
    const { authorizer } = setup(false);
    // The policy falls back per sensitivity: medium -> step_up, high -> deny.
    const medium = await authorizer.decide(
      { request: request('alice'), caller: 'envoy', sensitivity: 'medium' },
      'ext_authz',
    );
    const high = await authorizer.decide(
      { request: request('alice'), caller: 'envoy', sensitivity: 'high' },
      'ext_authz',
    );
    expect(medium).toMatchObject({
      decision: Decision.DECISION_STEP_UP,
      reasons: ['RISK_STATE_UNAVAILABLE'],
    });
    expect(high).toMatchObject({
      decision: Decision.DECISION_DENY,
      reasons: ['RISK_STATE_UNAVAILABLE'],
    });
  });

  it('without a user: the route rule decides, reason NO_USER, no risk state read', async () => {
    const { authorizer, offered, reads } = setup(true);
    const denied = await authorizer.decide(
      { request: request(''), caller: 'envoy', withoutUser: 'DENY' },
      'ext_authz',
    );
    const allowed = await authorizer.decide(
      { request: request(''), caller: 'envoy', withoutUser: 'ALLOW' },
      'ext_authz',
    );
    expect(denied).toMatchObject({
      decision: Decision.DECISION_DENY,
      reasons: ['NO_USER'],
      riskScore: 0,
    });
    expect(allowed).toMatchObject({ decision: Decision.DECISION_ALLOW, reasons: ['NO_USER'] });
    expect(reads).toEqual([]);
    // Keyed by decision id: anonymous traffic spreads over the partitions.
    expect(offered.map((o) => o.key)).toEqual([denied.decisionId, allowed.decisionId]);
    await expect(
      authorizer.decide({ request: request(''), caller: 'envoy' }, 'ext_authz'),
    ).rejects.toThrow('user_id is required');
  });
});
