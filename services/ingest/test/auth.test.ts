import { hashToken } from '@vigil/runtime';
import { authenticate as authenticateScope, sourceFromCertificate } from '../src/auth';
import { IngestError } from '../src/errors';
import { parseSourcesFile } from '../src/sources';
import { authenticateCluster } from '../src/k8s-audit-http';

const tokens = parseSourcesFile(`
sources:
  gateway:
    credentials: [{ token_sha256: ${hashToken('gw-token')} }]
    tenants: ['*']
    actions: ['*']
  okta:
    credentials: [{ token_sha256: ${hashToken('okta-token')} }, { mtls_subject: okta }]
    tenants: ['*']
    actions: ['auth.*']
`);
const authenticate = (...args: Parameters<typeof authenticateScope>) =>
  authenticateScope(...args).name;
const cert = (CN?: string, subjectaltname?: string) =>
  ({ subject: CN === undefined ? {} : { CN }, subjectaltname }) as never;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('UNAUTHENTICATED');
    return (err as IngestError).message;
  }
  throw new Error('expected UNAUTHENTICATED');
}

describe('authenticate', () => {
  it('names the source of a known bearer token', () => {
    expect(authenticate({ authorization: 'Bearer gw-token' }, tokens)).toBe('gateway');
    expect(authenticate({ authorization: 'bearer okta-token' }, tokens)).toBe('okta');
  });

  it('refuses missing, malformed and unknown tokens without echoing them', () => {
    expect(refusal(() => authenticate({ authorization: undefined }, tokens))).toMatch(/required/);
    expect(refusal(() => authenticate({ authorization: 'Basic abc' }, tokens))).toMatch(/Bearer/);
    const message = refusal(() => authenticate({ authorization: 'Bearer guess-123' }, tokens));
    expect(message).not.toContain('guess-123');
  });

  it('takes the source from a verified client certificate', () => {
    expect(authenticate({ authorization: undefined, certificate: cert('okta') }, tokens)).toBe(
      'okta',
    );
    expect(
      authenticate({ authorization: 'Bearer okta-token', certificate: cert('okta') }, tokens),
    ).toBe('okta');
  });

  it('refuses a certificate whose subject is no configured source', () => {
    expect(
      refusal(() =>
        authenticate({ authorization: undefined, certificate: cert('billing-db') }, tokens),
      ),
    ).toMatch(/no configured source/);
  });

  it('refuses a token and a certificate that disagree', () => {
    expect(
      refusal(() =>
        authenticate({ authorization: 'Bearer gw-token', certificate: cert('okta') }, tokens),
      ),
    ).toMatch(/different sources/);
  });
});

/** Issue #11, "Credentials": with two authorization headers the first one won. */
describe('authenticate: conflicting credentials', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return (err as IngestError).code;
    }
    return 'accepted';
  };

  it.each([
    [['Bearer forged', 'Bearer gw-token']],
    [['Bearer gw-token', 'Bearer forged']],
    [['Bearer gw-token', 'Bearer gw-token']],
    [['Bearer gw-token', 'Bearer okta-token']],
  ])('refuses two authorization values %j as CONFLICTING_CREDENTIALS', (values) => {
    expect(code(() => authenticate({ authorization: values }, tokens))).toBe(
      'CONFLICTING_CREDENTIALS',
    );
  });

  it('takes a single value, alone or in a list', () => {
    expect(authenticate({ authorization: ['Bearer gw-token'] }, tokens)).toBe('gateway');
    expect(code(() => authenticate({ authorization: [] }, tokens))).toBe('UNAUTHENTICATED');
  });
});

describe('sourceFromCertificate', () => {
  it('uses the CN, else the first DNS SAN', () => {
    expect(sourceFromCertificate(cert('billing-db'))).toBe('billing-db');
    expect(
      sourceFromCertificate(cert(undefined, 'URI:spiffe://x/y, DNS:idp.internal, DNS:b')),
    ).toBe('idp.internal');
  });

  it('refuses names that cannot be a source (they become Redis key parts)', () => {
    expect(sourceFromCertificate(cert('has space'))).toBeUndefined();
    expect(sourceFromCertificate(cert('a:b'))).toBeUndefined();
    expect(sourceFromCertificate(cert(undefined, 'IP Address:10.0.0.1'))).toBeUndefined();
  });
});

describe('authenticateCluster (POST /v1/k8s/audit)', () => {
  const clusters = new Map([
    ['okta', 'not-really-a-cluster'],
    ['gateway', 'dev'],
  ]);
  it('names the source and its cluster for a token of a cluster source', () => {
    expect(authenticateCluster('Bearer gw-token', tokens, clusters)).toMatchObject({
      source: 'gateway',
      scope: { name: 'gateway' },
      cluster: 'dev',
    });
  });

  it('refuses unknown tokens, and known sources that are not clusters', () => {
    expect(refusal(() => authenticateCluster('Bearer nope', tokens, clusters))).toMatch(/unknown/);
    expect(() => authenticateCluster('Bearer okta-token', tokens, new Map())).toThrow(
      expect.objectContaining({ code: 'PERMISSION_DENIED' }),
    );
  });
});
