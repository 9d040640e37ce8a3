import { bearerToken, hashToken, loadConfig, tokenTableEnv, ConfigError } from '../src';

describe('API token tables', () => {
  const gateway = 'gw-secret-token-0123456789';
  const okta = 'okta-secret-token-9876543210';
  const env = {
    INGEST_API_TOKENS: `gateway=sha256:${hashToken(gateway)}, okta=sha256:${hashToken(okta)}`,
  };

  it('maps a presented token to the source name through its digest', () => {
    const { INGEST_API_TOKENS: table } = loadConfig({ INGEST_API_TOKENS: tokenTableEnv() }, env);
    expect(table.size).toBe(2);
    expect(table.authenticate(gateway)).toBe('gateway');
    expect(table.authenticate(okta)).toBe('okta');
    expect(table.authenticate('forged')).toBeUndefined();
    expect(table.authenticate('')).toBeUndefined();
    expect(table.authenticate(undefined)).toBeUndefined();
  });

  it('matches the digest hashToken makes, for any text and across tables asked in turn', () => {
    const tokens = ['ascii-token', 'tökén-ünïcode-✓', 'x'.repeat(4096), '\u0000\u00ff'];
    const tables = tokens.map(
      (token, i) =>
        loadConfig(
          { TOKENS: tokenTableEnv() },
          { TOKENS: `caller-${i}=sha256:${hashToken(token)}` },
        ).TOKENS,
    );
    for (let round = 0; round < 2; round++) {
      tokens.forEach((token, i) => {
        tables.forEach((table, j) => {
          expect(table.authenticate(token)).toBe(i === j ? `caller-${i}` : undefined);
        });
      });
    }
  });

  it('refuses plain-text tokens in the configuration, without echoing them', () => {
    const load = () =>
      loadConfig(
        { INGEST_API_TOKENS: tokenTableEnv() },
        { INGEST_API_TOKENS: `gateway=${gateway}` },
      );
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/INGEST_API_TOKENS: expected a comma-separated list of name=sha256:/);
    expect(load).not.toThrow(new RegExp(gateway));
  });

  it('parses bearer headers strictly', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken(['Bearer abc'])).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
