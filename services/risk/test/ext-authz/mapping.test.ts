import * as fs from 'node:fs';
import { ConfigError, hashToken } from '@vigil/runtime';
import { loadRiskConfig } from '../../src/config';
import { DEV_MAPPING_FILE, MappingError, parseMapping } from '../../src/ext-authz/load';
import { normalizeHost, normalizePath } from '../../src/ext-authz/mapping';
import { testPolicy } from '../support/policy';

const policy = testPolicy();
const parse = (yaml: string) => parseMapping(yaml, policy.sensitivityOf, 'test-mapping.yaml');

const MINIMAL = `
step_up: { acr_values: [mfa] }
default: { sensitivity: high }
`;

function problemsOf(yaml: string): readonly string[] {
  try {
    parse(yaml);
  } catch (err) {
    if (err instanceof MappingError) return err.problems;
    throw err;
  }
  throw new Error('expected a mapping error');
}

describe('ext_authz mapping file', () => {
  it('needs only the ACR values and the default sensitivity; the rest has defaults', () => {
    const mapping = parse(MINIMAL);
    expect(mapping.user).toEqual({
      sources: ['header'],
      header: 'x-user-id',
      jwt: { namespace: 'envoy.filters.http.jwt_authn', payloadKey: 'jwt_payload', claim: 'sub' },
    });
    expect(mapping.headers).toEqual({
      deviceId: 'x-device-id',
      sessionId: 'x-session-id',
      country: 'x-country-code',
      userAgent: 'user-agent',
      tenantId: null,
    });
    expect(mapping.clientIp).toEqual({ from: 'source_address', trustedHops: 0 });
    expect(mapping.match('api.example.com', '/anything', 'GET')).toEqual({
      route: '',
      resource: 'http/unmatched',
      action: undefined,
      sensitivity: 'high',
      allowAnonymous: false,
      stepUp: { acrValues: ['mfa'], maxAgeSeconds: undefined },
    });
  });

  it('never falls back silently: the default sensitivity and the ACR values are required', () => {
    expect(problemsOf('routes: []')).toEqual([
      'mapping.step_up: expected a mapping of fields (it is required)',
      'mapping.default: expected a mapping of fields (it is required)',
    ]);
    expect(problemsOf('step_up: { acr_values: [mfa] }\ndefault: {}')).toEqual([
      'mapping.default.sensitivity: expected one of low, medium, high, critical (it is required)',
    ]);
  });

  it('names every bad field by its path', () => {
    const problems = problemsOf(`
user: { sources: [jwt, cookie], header: 'x user' }
request_headers: { device_id: 42 }
client_ip: { from: source_address, trusted_hops: 2 }
step_up: { acr_values: ['has space'], max_age_seconds: -1, error_description: 'say "hi"' }
routes:
  - { name: a, match: '*/a/**', resource: r/a, methods: [get, 'PO ST'] }
  - { name: a, match: '*/b/**', resource: r/b, resorce: typo }
default: { sensitivity: extreme }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'mapping.user.sources[1]: expected jwt or header',
        'mapping.user.header: expected an HTTP header name',
        'mapping.request_headers.device_id: expected an HTTP header name, or null',
        'mapping.step_up.acr_values[0]: expected an ACR value (printable ASCII without spaces, " or \\)',
        'mapping.step_up.max_age_seconds: expected a whole number of seconds, 0 or more',
        'mapping.step_up.error_description: expected printable ASCII without " or \\ (RFC 6750)',
        'mapping.routes[0].methods[1]: expected an HTTP method such as GET',
        'mapping.routes[1].resorce: unknown field',
        'mapping.default.sensitivity: expected one of low, medium, high, critical',
      ]),
    );
  });

  it('rejects duplicate route names and trusted hops without x-forwarded-for', () => {
    const problems = problemsOf(`
client_ip: { trusted_hops: 2 }
step_up: { acr_values: [mfa] }
routes:
  - { name: a, match: '*/a/**', resource: r/a }
  - { name: a, match: '*/b/**', resource: r/b }
default: { sensitivity: high }
`);
    expect(problems).toEqual([
      'mapping.routes[1].name: expected a unique route name (routes[0] is also "a")',
      'mapping.client_ip.trusted_hops: expected 0 unless client_ip.from is x_forwarded_for',
    ]);
  });

  it('matches host and path globs in order, with methods, and takes the policy sensitivity', () => {
    const mapping = parse(`
step_up: { acr_values: [mfa] }
routes:
  - name: payments-write
    match: 'api.example.com/payments/**'
    methods: [post, PUT]
    resource: db/prod-payments
    action: payments.write
    step_up: { acr_values: [hwk, mfa], max_age_seconds: 300 }
  - name: payments
    match: 'api.example.com/payments/*'
    resource: api/payments
  - name: docs
    match: '*/docs/**'
    resource: docs/public
    allow_anonymous: true
default: { sensitivity: high, resource: http/other, action: http.request }
`);
    const write = mapping.match('api.example.com', '/payments/1', 'POST');
    expect(write).toMatchObject({
      route: 'payments-write',
      resource: 'db/prod-payments',
      action: 'payments.write',
      sensitivity: 'critical',
      stepUp: { acrValues: ['hwk', 'mfa'], maxAgeSeconds: 300 },
    });
    expect(mapping.match('api.example.com', '/payments/1', 'GET')).toMatchObject({
      route: 'payments',
      resource: 'api/payments',
      action: undefined,
      sensitivity: 'medium',
      stepUp: { acrValues: ['mfa'] },
    });
    // `*` stays within one segment.
    expect(mapping.match('api.example.com', '/payments/1/2', 'GET').route).toBe('');
    expect(mapping.match('other.example.com', '/payments/1', 'GET').route).toBe('');
    expect(mapping.match('cdn.example.com', '/docs/a/b', 'GET')).toMatchObject({
      route: 'docs',
      sensitivity: 'low',
      allowAnonymous: true,
    });
    expect(mapping.match('cdn.example.com', '/x', 'GET')).toMatchObject({
      route: '',
      resource: 'http/other',
      action: 'http.request',
      sensitivity: 'high',
    });
  });

  it('ships a dev mapping: /payments/ on any host is db/prod-payments, the rest the default', () => {
    const mapping = parseMapping(
      fs.readFileSync(DEV_MAPPING_FILE, 'utf8'),
      policy.sensitivityOf,
      DEV_MAPPING_FILE,
    );
    expect(mapping.match('shop.local', '/payments/42', 'GET')).toMatchObject({
      route: 'payments',
      resource: 'db/prod-payments',
      sensitivity: 'critical',
    });
    expect(mapping.match('api.example.com', '/payments/', 'DELETE').resource).toBe(
      'db/prod-payments',
    );
    expect(mapping.match('shop.local', '/orders/42', 'GET')).toMatchObject({
      route: '',
      resource: 'http/unmatched',
      sensitivity: 'medium',
    });
    expect(mapping.user.sources).toEqual(['jwt', 'header']);
  });
});

describe('host and path as the route globs see them', () => {
  it('lower-cases the host and drops port and trailing dot', () => {
    expect(normalizeHost('API.Example.com:8443')).toBe('api.example.com');
    expect(normalizeHost('example.com.')).toBe('example.com');
    expect(normalizeHost('[2001:DB8::1]:443')).toBe('[2001:db8::1]');
    expect(normalizeHost('')).toBe('');
  });

  it('drops the query, decodes unreserved escapes, merges slashes and resolves dot segments', () => {
    expect(normalizePath('/payments/1?token=secret#x')).toBe('/payments/1');
    expect(normalizePath('/public/../payments/1')).toBe('/payments/1');
    expect(normalizePath('/public/%2e%2E/payments/1')).toBe('/payments/1');
    expect(normalizePath('//payments///1/./')).toBe('/payments/1/');
    expect(normalizePath('/a/b/..')).toBe('/a/');
    expect(normalizePath('/../../etc')).toBe('/etc');
    expect(normalizePath('/%70ayments/%2F')).toBe('/payments/%2F');
    expect(normalizePath('')).toBe('/');
  });
});

describe('RISK_EXT_AUTHZ_MAPPING_FILE', () => {
  const TOKENS = `app=sha256:${hashToken('secret-app-token')}`;

  it('is optional: without it the risk service serves no Check', () => {
    expect(loadRiskConfig({ RISK_API_TOKENS: TOKENS }).extAuthzMapping).toBeUndefined();
  });

  it('loads the mapping with the policy, or names the variable and the field', () => {
    const config = loadRiskConfig({
      RISK_API_TOKENS: TOKENS,
      RISK_EXT_AUTHZ_MAPPING_FILE: DEV_MAPPING_FILE,
    });
    expect(config.extAuthzMapping?.match('h', '/payments/1', 'GET').sensitivity).toBe('critical');

    let message = '';
    try {
      loadRiskConfig({ RISK_API_TOKENS: TOKENS, RISK_EXT_AUTHZ_MAPPING_FILE: '/nonexistent.yaml' });
    } catch (err) {
      if (err instanceof ConfigError) message = err.message;
    }
    expect(message).toMatch(
      /^RISK_EXT_AUTHZ_MAPPING_FILE: expected a valid ext_authz mapping file: \/nonexistent\.yaml: cannot read the file/,
    );
  });
});
