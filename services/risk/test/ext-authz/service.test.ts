import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { vigil, type envoyAuth } from '@vigil/proto';
import { createLogger } from '@vigil/runtime';
import type { DecisionFacts, DecisionSource } from '../../src/authz/authorizer';
import { DecisionLogFullError } from '../../src/errors';
import { parseMapping } from '../../src/ext-authz/load';
import { extAuthzService } from '../../src/ext-authz/service';
import { testPolicy } from '../support/policy';

const mapping = parseMapping(
  `
step_up: { acr_values: [mfa] }
routes:
  - { name: payments, match: '*/payments/**', resource: db/prod-payments }
  - { name: health, match: '*/healthz', resource: app/health, allow_anonymous: true }
default: { sensitivity: high }
`,
  testPolicy().sensitivityOf,
);
const logger = createLogger({
  service: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

interface Outcome {
  error: grpc.ServiceError | null;
  response: envoyAuth.CheckResponse | undefined;
}

function harness(
  decide: (facts: DecisionFacts, source: DecisionSource) => Promise<vigil.v1.IAuthorizeResponse>,
) {
  const calls: Array<{ facts: DecisionFacts; source: DecisionSource }> = [];
  const errors: string[] = [];
  const service = extAuthzService({
    mapping,
    authenticate: (call) =>
      call.metadata.get('authorization')[0] === 'Bearer ok' ? 'envoy' : undefined,
    decide: (facts, source) => {
      calls.push({ facts, source });
      return decide(facts, source);
    },
    countError: (code) => errors.push(code),
    logger,
  });
  const check = service.check as grpc.handleUnaryCall<
    envoyAuth.CheckRequest,
    envoyAuth.CheckResponse
  >;
  const run = (request: envoyAuth.CheckRequest, token = 'ok') =>
    new Promise<Outcome>((resolve) => {
      const metadata = new grpc.Metadata();
      metadata.set('authorization', `Bearer ${token}`);
      const call = { request, metadata } as unknown as grpc.ServerUnaryCall<
        envoyAuth.CheckRequest,
        envoyAuth.CheckResponse
      >;
      check(call, (error, response) =>
        resolve({ error: error as grpc.ServiceError | null, response: response ?? undefined }),
      );
    });
  return { run, calls, errors };
}

const request = (path: string, headers: Record<string, string> = {}): envoyAuth.CheckRequest => ({
  attributes: { request: { http: { method: 'GET', host: 'shop.local', path, headers } } },
});
const allow: vigil.v1.IAuthorizeResponse = {
  decision: vigil.v1.Decision.DECISION_ALLOW,
  decisionId: 'D1',
  riskScore: 0,
  reasons: [],
};

describe('Check handler', () => {
  it('hands the mapped facts to the decision path as source ext_authz', async () => {
    const { run, calls } = harness(async () => allow);
    const outcome = await run(request('/payments/1', { 'x-user-id': 'alice' }));
    expect(outcome.error).toBeNull();
    expect(outcome.response?.status).toEqual({ code: 0 });
    expect(calls).toHaveLength(1);
    const [{ facts, source }] = calls as [{ facts: DecisionFacts; source: DecisionSource }];
    expect(source).toBe('ext_authz');
    expect(facts.caller).toBe('envoy');
    expect(facts.sensitivity).toBe('critical');
    expect(facts.withoutUser).toBe('DENY');
    expect(facts.request).toBeInstanceOf(vigil.v1.AuthorizeRequest);
    expect(facts.request).toMatchObject({
      userId: 'alice',
      resource: 'db/prod-payments',
      action: 'http.get',
    });
    expect(facts.extAuthz).toMatchObject({ route: 'payments', path: '/payments/1' });
  });

  it('lets a route allow requests without a user', async () => {
    const { run, calls } = harness(async () => allow);
    await run(request('/healthz'));
    expect(calls[0]?.facts.withoutUser).toBe('ALLOW');
  });

  it('refuses callers without the token at the RPC level (Envoy fails closed)', async () => {
    const { run, calls, errors } = harness(async () => allow);
    const outcome = await run(request('/payments/1', { 'x-user-id': 'alice' }), 'wrong');
    expect(outcome.error?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(calls).toHaveLength(0);
    expect(errors).toEqual(['UNAUTHENTICATED']);
  });

  it('answers 400 for a request that cannot be decided, without a decision', async () => {
    const { run, calls } = harness(async () => allow);
    const outcome = await run(request('/x', { 'x-user-id': 'u'.repeat(600) }));
    expect(outcome.error).toBeNull();
    expect(outcome.response?.deniedResponse?.status).toEqual({ code: 400 });
    expect(calls).toHaveLength(0);
  });

  it('fails the RPC when no decision can be logged, so failure_mode_allow applies', async () => {
    const { run, errors } = harness(async () => {
      throw new DecisionLogFullError(20_000);
    });
    const outcome = await run(request('/x', { 'x-user-id': 'alice' }));
    expect(outcome.error?.code).toBe(grpc.status.UNAVAILABLE);
    expect(errors).toEqual(['UNAVAILABLE']);
  });
});
