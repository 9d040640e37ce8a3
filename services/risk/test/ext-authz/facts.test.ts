import type { envoyAuth } from '@vigil/proto';
import { parseMapping } from '../../src/ext-authz/load';
import { checkFacts, type CheckFacts } from '../../src/ext-authz/facts';
import { testPolicy } from '../support/policy';

const policy = testPolicy();
const mapping = (extra = '') =>
  parseMapping(
    `
step_up: { acr_values: [mfa] }
routes:
  - { name: payments, match: '*/payments/**', resource: db/prod-payments }
  - { name: export, match: '*/export/**', methods: [POST], resource: db/prod-exports, action: data.export }
default: { sensitivity: high }
${extra}`,
    policy.sensitivityOf,
  );

function check(http: envoyAuth.HttpRequest, more: envoyAuth.AttributeContext = {}) {
  return {
    attributes: {
      source: { address: { socketAddress: { address: '198.51.100.7', portValue: 40000 } } },
      request: { http: { method: 'GET', host: 'api.example.com', path: '/', ...http } },
      ...more,
    },
  };
}

const jwtMetadata = (claims: Record<string, envoyAuth.Value>): envoyAuth.AttributeContext => ({
  metadataContext: {
    filterMetadata: {
      'envoy.filters.http.jwt_authn': {
        fields: { jwt_payload: { structValue: { fields: claims } } },
      },
    },
  },
});

function facts(...args: Parameters<typeof checkFacts>): CheckFacts {
  const result = checkFacts(...args);
  if (result.kind !== 'facts') throw new Error(`rejected: ${result.message}`);
  return result;
}

describe('CheckRequest -> Authorize facts', () => {
  it('reads user, device, session, country, agent and the peer IP from the request', () => {
    const result = facts(
      check({
        id: 'req-1',
        path: '/payments/42?card=4111',
        headers: {
          'x-user-id': ' alice ',
          'x-device-id': 'laptop-1',
          'x-session-id': 's-9',
          'x-country-code': 'de',
          'user-agent': 'curl/8',
        },
      }),
      mapping(),
    );
    expect(result.request).toEqual({
      userId: 'alice',
      action: 'http.get',
      resource: 'db/prod-payments',
      tenantId: '',
      context: {
        ip: '198.51.100.7',
        deviceId: 'laptop-1',
        sessionId: 's-9',
        userAgent: 'curl/8',
        geo: { countryCode: 'DE' },
      },
    });
    expect(result.extAuthz).toEqual({
      requestId: 'req-1',
      method: 'GET',
      host: 'api.example.com',
      path: '/payments/42',
      route: 'payments',
      sensitivity: 'critical',
      userSource: 'header',
    });
  });

  it('takes the action from a route rule, else from the method', () => {
    const m = mapping();
    expect(facts(check({ method: 'POST', path: '/export/all' }), m).request.action).toBe(
      'data.export',
    );
    expect(facts(check({ method: 'GET', path: '/export/all' }), m).request).toMatchObject({
      action: 'http.get',
      resource: 'http/unmatched',
    });
    expect(facts(check({ method: 'delete', path: '/x' }), m).request.action).toBe('http.delete');
  });

  it("reads the user from jwt_authn's verified payload, before the header when listed first", () => {
    const m = mapping('user: { sources: [jwt, header] }');
    const withJwt = facts(
      check({ headers: { 'x-user-id': 'mallory' } }, jwtMetadata({ sub: { stringValue: 'bob' } })),
      m,
    );
    expect(withJwt.request.userId).toBe('bob');
    expect(withJwt.extAuthz.userSource).toBe('jwt');
    const numeric = facts(check({}, jwtMetadata({ sub: { numberValue: 1234 } })), m);
    expect(numeric.request.userId).toBe('1234');
    const headerOnly = facts(check({ headers: { 'x-user-id': 'carol' } }), m);
    expect(headerOnly.request.userId).toBe('carol');
    expect(headerOnly.extAuthz.userSource).toBe('header');

    const jwtOnly = mapping(
      'user: { sources: [jwt], jwt: { metadata_namespace: my.jwt, payload_key: p, claim: uid } }',
    );
    const custom: envoyAuth.AttributeContext = {
      metadataContext: {
        filterMetadata: {
          'my.jwt': {
            fields: { p: { structValue: { fields: { uid: { stringValue: 'dave' } } } } },
          },
        },
      },
    };
    expect(facts(check({}, custom), jwtOnly).request.userId).toBe('dave');
    const spoofed = facts(check({ headers: { 'x-user-id': 'mallory' } }), jwtOnly);
    expect(spoofed.request.userId).toBe('');
    expect(spoofed.extAuthz.userSource).toBe('');
  });

  it('takes the client IP from x-forwarded-for with the trusted hops, as Envoy does', () => {
    const xff = (hops: number) =>
      mapping(`client_ip: { from: x_forwarded_for, trusted_hops: ${hops} }`);
    const headers = { 'x-forwarded-for': '203.0.113.9, 192.0.2.10:8080, 10.0.0.1' };
    expect(facts(check({ headers }), xff(0)).request.context).toMatchObject({ ip: '10.0.0.1' });
    expect(facts(check({ headers }), xff(1)).request.context).toMatchObject({ ip: '192.0.2.10' });
    expect(facts(check({ headers }), xff(2)).request.context).toMatchObject({ ip: '203.0.113.9' });
    // Fewer entries than trusted hops: not through the trusted proxies, so the peer counts.
    expect(facts(check({ headers }), xff(3)).request.context).toMatchObject({
      ip: '198.51.100.7',
    });
    expect(
      facts(check({ headers: { 'x-forwarded-for': 'not-an-ip' } }), xff(0)).request.context,
    ).toMatchObject({ ip: '' });
    expect(
      facts(check({ headers: { 'x-forwarded-for': '[2001:DB8::1]:443' } }), xff(0)).request.context,
    ).toMatchObject({ ip: '2001:db8::1' });
  });

  it('rejects over-long values naming the header they came from', () => {
    // The shared limits (@vigil/input), in UTF-8 bytes: 256 for a user id, as at ingest.
    expect(checkFacts(check({ headers: { 'x-user-id': 'u'.repeat(257) } }), mapping())).toEqual({
      kind: 'invalid',
      message: 'header x-user-id must be at most 256 bytes (UTF-8)',
    });
    expect(checkFacts(check({ headers: { 'x-user-id': 'é'.repeat(129) } }), mapping())).toEqual({
      kind: 'invalid',
      message: 'header x-user-id must be at most 256 bytes (UTF-8)',
    });
    expect(checkFacts(check({ headers: { 'x-device-id': 'd'.repeat(257) } }), mapping())).toEqual({
      kind: 'invalid',
      message: 'header x-device-id must be at most 256 bytes (UTF-8)',
    });
    // The user agent only describes: it is cut, not refused, and never inside a character.
    const agent = facts(check({ headers: { 'user-agent': 'a'.repeat(5000) } }), mapping());
    expect(agent.request.context?.userAgent).toHaveLength(1024);
    const wide = facts(check({ headers: { 'user-agent': `a${'€'.repeat(400)}` } }), mapping());
    expect(wide.request.context?.userAgent).toBe(`a${'€'.repeat(341)}`);
  });

  it('reads the user id under the shared rules: folded, or refused naming its source', () => {
    const m = mapping();
    expect(facts(check({ headers: { 'x-user-id': 'Alice' } }), m).request.userId).toBe('alice');
    for (const bad of ['alice\u200b', 'alice\u0000', 'al\u202eice']) {
      const result = checkFacts(check({ headers: { 'x-user-id': bad } }), m);
      expect(result).toMatchObject({ kind: 'invalid' });
      expect((result as { message: string }).message).toMatch(/^header x-user-id must not/);
    }
    // Countries are upper-cased and must be two letters, like everywhere else.
    expect(checkFacts(check({ headers: { 'x-country-code': 'Germany' } }), m)).toMatchObject({
      kind: 'invalid',
    });
  });

  it('matches routes on the normalized path, so dot segments cannot sidestep them', () => {
    const m = mapping();
    expect(facts(check({ path: '/public/../payments/1' }), m).extAuthz.route).toBe('payments');
    expect(facts(check({ path: '/public/%2e%2e/payments/1' }), m).extAuthz.route).toBe('payments');
  });

  it('copes with an empty CheckRequest', () => {
    const result = facts({}, mapping());
    expect(result.request).toMatchObject({
      userId: '',
      action: 'http.unknown',
      resource: 'http/unmatched',
    });
  });
});
