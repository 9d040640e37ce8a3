import { hashToken } from '@vigil/runtime';
import { parseSourcesFile, scopeViolations, SourcesFileError } from '../src/sources';

const IDP = hashToken('idp-token');
const GATEWAY = hashToken('gateway-token');

const file = `
sources:
  idp:
    description: identity provider
    credentials: [{ token_sha256: ${IDP} }, { mtls_subject: idp.internal }]
    tenants: ['*']
    actions: ['auth.*']
    establishes: [known_attributes, failed_authentication]
  gateway:
    credentials: [{ token_sha256: ${GATEWAY} }]
    tenants: [acme, globex]
    default_tenant: acme
    actions: ['http.*', 'db.query']
`;

function problems(text: string): readonly string[] {
  try {
    parseSourcesFile(text);
  } catch (err) {
    expect(err).toBeInstanceOf(SourcesFileError);
    return (err as SourcesFileError).problems;
  }
  throw new Error('expected the file to be refused');
}

describe('the sources file', () => {
  const registry = parseSourcesFile(file);

  it('names sources by token digest and by client certificate subject', () => {
    expect(registry.tokens.authenticate('idp-token')).toBe('idp');
    expect(registry.tokens.authenticate('gateway-token')).toBe('gateway');
    expect(registry.sourceForSubject('idp.internal')).toBe('idp');
    expect(registry.sourceForSubject('gateway')).toBeUndefined();
  });

  it('gives each source its grant; none unless written', () => {
    expect(registry.scope('idp')?.establishes).toEqual({
      knownAttributes: true,
      failedAuthentication: true,
    });
    expect(registry.scope('gateway')?.establishes).toEqual({
      knownAttributes: false,
      failedAuthentication: false,
    });
  });

  it('reports every problem with its field path', () => {
    expect(
      problems(`
sources:
  idp:
    credentials: [{ token_sha256: nothex }]
    tenants: []
    actions: ['auth.*']
    establishes: [everything]
    colour: blue
`),
    ).toEqual([
      'sources.idp.credentials[0].token_sha256: expected the SHA-256 of the token, 64 lowercase hex digits',
      'sources.idp.tenants: expected at least one tenant id, or "*"',
      'sources.idp.establishes[0]: expected one of known_attributes, failed_authentication',
      'sources.idp.colour: unknown field',
    ]);
    expect(problems('sources: {}')).toEqual(['sources: expected at least one source']);
    expect(problems('sources: [')[0]).toMatch(/^not valid YAML/);
  });

  it('refuses one credential for two sources, and duplicate keys', () => {
    expect(
      problems(`
sources:
  a: { credentials: [{ token_sha256: ${IDP} }], tenants: ['*'], actions: ['*'] }
  b: { credentials: [{ token_sha256: ${IDP} }], tenants: ['*'], actions: ['*'] }
`),
    ).toEqual(['sources.b.credentials[0]: already the credential of source "a"']);
    expect(
      problems(`
sources:
  a: { credentials: [{ token_sha256: ${IDP} }], tenants: ['*'], actions: ['*'] }
  a: { credentials: [{ token_sha256: ${GATEWAY} }], tenants: ['*'], actions: ['*'] }
`)[0],
    ).toMatch(/not valid YAML.*unique/i);
  });
});

describe('scope violations', () => {
  const registry = parseSourcesFile(file);
  const idp = registry.scope('idp')!;
  const gateway = registry.scope('gateway')!;

  it('lets a source send what its patterns allow', () => {
    expect(scopeViolations(idp, [{ action: 'auth.login' }, { action: 'auth.mfa.verify' }])).toEqual(
      [],
    );
    expect(scopeViolations(gateway, [{ action: 'http.get', tenantId: 'globex' }])).toEqual([]);
    // No tenant: the source's default tenant.
    expect(scopeViolations(gateway, [{ action: 'db.query' }])).toEqual([]);
  });

  it('names the rule an out-of-scope event breaks', () => {
    const [action] = scopeViolations(gateway, [{ action: 'auth.login' }]);
    expect(action).toMatchObject({ index: 0, field: 'action', reason: 'NOT_PERMITTED' });
    expect(action?.message).toBe(
      'source "gateway" may not emit "auth.login" (rule: sources.gateway.actions: http.*, db.query)',
    );
    const [tenant] = scopeViolations(gateway, [{ action: 'http.get', tenantId: 'initech' }]);
    expect(tenant?.message).toBe(
      'source "gateway" may not speak for tenant "initech" (rule: sources.gateway.tenants)',
    );
  });

  it('reserves risk.* for the risk service, whatever a source may emit', () => {
    const anything = parseSourcesFile(`
sources:
  all: { credentials: [{ token_sha256: ${IDP} }], tenants: ['*'], actions: ['*'] }
`).scope('all')!;
    expect(scopeViolations(anything, [{ action: 'risk.restriction.clear' }])[0]?.message).toMatch(
      /reserved/,
    );
  });
});
