import { ConfigError, hashToken } from '@vigil/runtime';
import { loadRiskConfig } from '../src/config';

const TOKENS = `app=sha256:${hashToken('secret-app-token')}`;

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadRiskConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a configuration error');
}

describe('risk configuration', () => {
  it('has working defaults once callers can authenticate', () => {
    const { env, policy } = loadRiskConfig({ RISK_API_TOKENS: TOKENS });
    expect(env.RISK_GRPC_PORT).toBe(7002);
    expect(env.OPS_PORT).toBe(9102);
    expect(env.RISK_EVENTS_TOPIC).toBe('access-events');
    expect(env.RISK_DECISIONS_TOPIC).toBe('authz-decisions');
    expect(env.RISK_GROUP_ID).toBe('risk');
    expect(env.RISK_REDIS_PREFIX).toBe('vigil:risk');
    expect(env.RISK_AUTHORIZE_DEADLINE_MS).toBe(50);
    expect(env.RISK_API_TOKENS?.authenticate('secret-app-token')).toBe('app');
    expect(policy.version).toBe('default-2026-12');
  });

  it('refuses to start with no way to authenticate callers', () => {
    expect(problems({})).toMatch(/^RISK_API_TOKENS: expected a comma-separated list/);
  });

  it('names every bad variable, and never echoes a token', () => {
    const message = problems({
      RISK_API_TOKENS: 'app=plaintext-secret',
      RISK_REDIS_PREFIX: 'vigil:{risk}',
      RISK_GRPC_PORT: '70000',
      RISK_DECISION_BUFFER_MAX: '0',
    });
    expect(message).toContain('RISK_API_TOKENS: expected');
    expect(message).toContain('RISK_REDIS_PREFIX: expected letters, digits and . _ : - only');
    expect(message).toContain('RISK_GRPC_PORT: expected a TCP port number');
    expect(message).toContain('RISK_DECISION_BUFFER_MAX: expected a positive integer');
    expect(message).not.toContain('plaintext-secret');
  });

  it('reports policy problems under RISK_POLICY_FILE', () => {
    expect(
      problems({ RISK_API_TOKENS: TOKENS, RISK_POLICY_FILE: '/nonexistent/policy.yaml' }),
    ).toMatch(
      /^RISK_POLICY_FILE: expected a valid policy file: \/nonexistent\/policy\.yaml: cannot read the file/,
    );
  });

  it('reports environment and policy problems together', () => {
    const message = problems({
      RISK_GRPC_PORT: 'abc',
      RISK_POLICY_FILE: '/nonexistent/policy.yaml',
    });
    expect(message).toContain('RISK_GRPC_PORT: expected a TCP port number');
    expect(message).toContain('RISK_POLICY_FILE: expected a valid policy file');
  });

  it('requires TLS and a client CA for mTLS', () => {
    const message = problems({ RISK_TLS_REQUIRE_CLIENT_CERT: 'true' });
    expect(message).toContain('RISK_TLS_REQUIRE_CLIENT_CERT: expected false unless');
    expect(message).toContain('RISK_TLS_CLIENT_CA_FILE: expected a readable PEM CA bundle');
    expect(message).not.toContain('RISK_API_TOKENS');
  });
});
