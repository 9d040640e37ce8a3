import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PolicyError } from '../src/errors';
import { DEFAULT_POLICY_FILE, loadPolicyFile, parsePolicy } from '../src/policy/load';
import { parseDuration } from '../src/policy/duration';
import { policyYaml } from './support/policy';

function problemsOf(yaml: string): string[] {
  try {
    parsePolicy(yaml, 'p.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return [...err.problems];
    throw err;
  }
  throw new Error('expected the policy to be rejected');
}

describe('policy file', () => {
  it('loads the shipped default policy', () => {
    const policy = loadPolicyFile(DEFAULT_POLICY_FILE);
    expect(policy.version).toBe('default-2026-12');
    expect(policy.halfLifeMs).toBe(3_600_000);
    expect(policy.signals.IMPOSSIBLE_TRAVEL.maxSpeedKmh).toBe(900);
    expect(policy.signals.FAILED_AUTH_BURST).toEqual({
      weight: 45,
      threshold: 5,
      windowMs: 300_000,
    });
    expect(policy.decisions.high).toEqual({ stepUpAt: 30, denyAt: 70 });
    expect(policy.signals.PRIVILEGE_ESCALATION).toMatchObject({ weight: 40, windowMs: 600_000 });
    expect(policy.signals.PRIVILEGE_ESCALATION.matches('k8s.rbac.change')).toBe(true);
    expect(policy.signals.PRIVILEGE_ESCALATION.matches('k8s.exec')).toBe(false);
    expect(policy.redisUnavailable).toEqual({
      low: 'allow',
      medium: 'step_up',
      high: 'deny',
      critical: 'deny',
    });
  });

  it('names a bad field by its path', () => {
    const yaml = policyYaml({ signals: { IMPOSSIBLE_TRAVEL: { max_speed_kmh: -5 } } });
    expect(problemsOf(yaml)).toEqual([
      'policy.signals.IMPOSSIBLE_TRAVEL.max_speed_kmh: expected a positive number',
    ]);
  });

  it('reports every problem at once, including missing and unknown fields', () => {
    const yaml = policyYaml({
      version: null,
      scoring: { half_life: '1 hour' },
      signals: { NEW_IP: { weight: 120, wieght: 3 } },
      sensitivity: { resources: [{ pattern: 'db/*', level: 'severe' }] },
    });
    expect(problemsOf(yaml)).toEqual([
      'policy.version: expected a non-empty string',
      'policy.scoring.half_life: expected a duration such as 500ms, 90s, 5m, 1h or 7d',
      'policy.signals.NEW_IP.weight: expected a number of points from 0 to 100',
      'policy.signals.NEW_IP.wieght: unknown field',
      'policy.sensitivity.resources[0].level: expected one of low, medium, high, critical',
    ]);
  });

  it('requires step_up_at <= deny_at', () => {
    const yaml = policyYaml({ decisions: { high: { step_up_at: 80, deny_at: 70 } } });
    expect(problemsOf(yaml)).toEqual([
      'policy.decisions.high.step_up_at: expected at most deny_at (70)',
    ]);
  });

  it('says which field is required when it is missing', () => {
    const yaml = fs
      .readFileSync(DEFAULT_POLICY_FILE, 'utf8')
      .replace(/^ {4}min_distance_km: 100\n/m, '');
    expect(problemsOf(yaml)).toEqual([
      'policy.signals.IMPOSSIBLE_TRAVEL.min_distance_km: expected a number of kilometres, 0 or more (it is required)',
    ]);
  });

  it('rejects text that is not YAML, and a file that is not there', () => {
    expect(problemsOf('version: [unclosed')[0]).toMatch(/^not valid YAML/);
    const missing = path.join(os.tmpdir(), 'no-such-policy.yaml');
    expect(() => loadPolicyFile(missing)).toThrow(/no-such-policy\.yaml: cannot read the file/);
  });

  it('parses durations', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('0s')).toBeUndefined();
    expect(parseDuration('5 minutes')).toBeUndefined();
  });
});

describe('resource sensitivity', () => {
  const policy = loadPolicyFile(DEFAULT_POLICY_FILE);

  it('takes the first matching glob', () => {
    expect(policy.sensitivityOf('db/prod-payments')).toBe('critical');
    expect(policy.sensitivityOf('db/prod-orders')).toBe('high');
    expect(policy.sensitivityOf('k8s/prod/ns/pod')).toBe('critical');
    expect(policy.sensitivityOf('docs/handbook/intro')).toBe('low');
  });

  it('keeps `*` within one path segment', () => {
    expect(policy.sensitivityOf('user/alice')).toBe('high');
    expect(policy.sensitivityOf('user/alice/settings')).toBe('medium');
  });

  it('rates Kubernetes resources as ingest files them', () => {
    // A shell in a production namespace, over SPDY or WebSocket alike (same resource).
    expect(policy.sensitivityOf('k8s/dev/prod/pods/web-7d4b9c/exec')).toBe('critical');
    expect(policy.sensitivityOf('k8s/eu-1/payments-prod/pods/api-0/attach')).toBe('critical');
    expect(policy.sensitivityOf('k8s/eu-1/prod-eu/pods/api-0/portforward')).toBe('critical');
    expect(policy.sensitivityOf('k8s/eu-1/production/pods/api-0/ephemeralcontainers')).toBe(
      'critical',
    );
    // ...but not elsewhere, nor any other use of a production pod.
    expect(policy.sensitivityOf('k8s/dev/staging/pods/web-7d4b9c/exec')).toBe('medium');
    expect(policy.sensitivityOf('k8s/dev/product/pods/web-7d4b9c/exec')).toBe('medium');
    expect(policy.sensitivityOf('k8s/dev/prod/pods/web-7d4b9c')).toBe('medium');
    // Secrets (one, or the collection) and RBAC objects are high anywhere.
    expect(policy.sensitivityOf('k8s/dev/payments/secrets/db-password')).toBe('high');
    expect(policy.sensitivityOf('k8s/dev/payments/secrets')).toBe('high');
    expect(
      policy.sensitivityOf('k8s/dev/_cluster/clusterrolebindings.rbac.authorization.k8s.io/x'),
    ).toBe('high');
    expect(policy.sensitivityOf('k8s/dev/ns/rolebindings.rbac.authorization.k8s.io/edit')).toBe(
      'high',
    );
    // A custom resource that happens to be called `secrets` is not one.
    expect(policy.sensitivityOf('k8s/dev/ns/secrets.vault.example.com/x')).toBe('medium');
  });

  it('falls back to the default level', () => {
    expect(policy.sensitivityOf('something/else')).toBe('medium');
    // Asked twice: the memoised answer is the same.
    expect(policy.sensitivityOf('something/else')).toBe('medium');
  });
});
