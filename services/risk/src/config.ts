import * as fs from 'node:fs';
import {
  bool,
  commonEnv,
  ConfigError,
  loadConfig,
  port,
  positiveInt,
  tokenTableEnv,
  TOPICS,
  type ConfigOf,
  type ConfigProblem,
} from '@vigil/runtime';
import { z } from 'zod';
import { PolicyError } from './errors';
import { mappingFromEnv } from './ext-authz/load';
import type { Mapping } from './ext-authz/mapping';
import { DEFAULT_POLICY_FILE, loadPolicyFile } from './policy/load';
import type { Policy } from './policy/policy';
import { PREFIX_PATTERN } from './store/keys';

const topicName = () =>
  z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, { message: 'a Kafka topic name ([A-Za-z0-9._-])' });

const nonNegativeInt = () =>
  z.coerce
    .number({ message: 'an integer, 0 or more' })
    .int({ message: 'an integer, 0 or more' })
    .min(0, { message: 'an integer, 0 or more' });

/** Every setting of the risk service (plus the shared ones in commonEnv). */
export const riskEnv = {
  ...commonEnv,
  RISK_GRPC_HOST: z.string().min(1).default('127.0.0.1'),
  RISK_GRPC_PORT: port().default(7002),
  OPS_PORT: port().default(9102),
  RISK_POLICY_FILE: z.string().min(1).default(DEFAULT_POLICY_FILE),
  RISK_API_TOKENS: tokenTableEnv().optional(),
  RISK_ADMIN_TOKENS: tokenTableEnv().optional(),
  RISK_GROUP_ID: z.string().min(1).default('risk'),
  RISK_EVENTS_TOPIC: topicName().default(TOPICS.accessEvents),
  RISK_DECISIONS_TOPIC: topicName().default(TOPICS.authzDecisions),
  /** Restrictions set and cleared by RiskAdminService: written and read only by risk. */
  RISK_ADMIN_TOPIC: topicName().default(TOPICS.riskAdmin),
  RISK_REDIS_PREFIX: z
    .string()
    .regex(PREFIX_PATTERN, { message: 'letters, digits and . _ : - only (no glob or braces)' })
    .default('vigil:risk'),
  RISK_DECISION_BUFFER_MAX: positiveInt().default(20_000),
  RISK_DECISION_LINGER_MS: nonNegativeInt().default(20),
  RISK_AUTHORIZE_DEADLINE_MS: positiveInt().default(50),
  RISK_ADMIN_TIMEOUT_MS: positiveInt().default(5_000),
  RISK_COMMIT_INTERVAL_MS: nonNegativeInt().default(1_000),
  RISK_PARTITIONS_CONCURRENCY: positiveInt().default(3),
  RISK_SESSION_TIMEOUT_MS: positiveInt().default(30_000),
  RISK_STATE_TTL_DAYS: nonNegativeInt().default(180),
  RISK_CONSUMER_ENABLED: bool().default(true),
  RISK_TLS_CERT_FILE: z.string().min(1).optional(),
  RISK_TLS_KEY_FILE: z.string().min(1).optional(),
  RISK_TLS_CLIENT_CA_FILE: z.string().min(1).optional(),
  RISK_TLS_REQUIRE_CLIENT_CERT: bool().default(false),
  /** Envoy ext_authz mapping (YAML); Check is served only when it is set. */
  RISK_EXT_AUTHZ_MAPPING_FILE: z.string().min(1).optional(),
};

export type RiskEnv = ConfigOf<typeof riskEnv>;

export interface RiskConfig {
  env: RiskEnv;
  policy: Policy;
  /** Set when RISK_EXT_AUTHZ_MAPPING_FILE is: the risk service then serves Envoy's Check. */
  extAuthzMapping?: Mapping;
}

/**
 * Loads and validates the environment and the policy file together, so that one start reports
 * every problem: each bad variable by name, each bad policy field by its path.
 */
export function loadRiskConfig(source: NodeJS.ProcessEnv = process.env): RiskConfig {
  const problems: ConfigProblem[] = [];
  let env: RiskEnv | undefined;
  try {
    env = loadConfig(riskEnv, source);
    problems.push(...crossCheck(env));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  let policy: Policy | undefined;
  try {
    policy = loadPolicyFile(
      env?.RISK_POLICY_FILE ?? (source.RISK_POLICY_FILE || DEFAULT_POLICY_FILE),
    );
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
    problems.push({
      variable: 'RISK_POLICY_FILE',
      expected: `a valid policy file: ${err.message}`,
    });
  }
  const extAuthz = mappingFromEnv(
    env?.RISK_EXT_AUTHZ_MAPPING_FILE ?? (source.RISK_EXT_AUTHZ_MAPPING_FILE || undefined),
    policy?.sensitivityOf,
  );
  if (extAuthz.problem) problems.push(extAuthz.problem);
  if (problems.length > 0 || !env || !policy) throw new ConfigError(problems);
  return { env, policy, ...(extAuthz.mapping ? { extAuthzMapping: extAuthz.mapping } : {}) };
}

function crossCheck(env: RiskEnv): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const tls = env.RISK_TLS_CERT_FILE !== undefined || env.RISK_TLS_KEY_FILE !== undefined;
  if (tls) {
    for (const variable of ['RISK_TLS_CERT_FILE', 'RISK_TLS_KEY_FILE'] as const) {
      const file = env[variable];
      if (file === undefined) {
        problems.push({ variable, expected: 'a PEM file (TLS needs both certificate and key)' });
      } else if (!readable(file)) {
        problems.push({
          variable,
          expected: 'a readable PEM file',
          received: JSON.stringify(file),
        });
      }
    }
  }
  if (env.RISK_TLS_REQUIRE_CLIENT_CERT) {
    if (!tls) {
      problems.push({
        variable: 'RISK_TLS_REQUIRE_CLIENT_CERT',
        expected: 'false unless RISK_TLS_CERT_FILE and RISK_TLS_KEY_FILE are set (mTLS needs TLS)',
      });
    }
    const ca = env.RISK_TLS_CLIENT_CA_FILE;
    if (ca === undefined || !readable(ca)) {
      problems.push({
        variable: 'RISK_TLS_CLIENT_CA_FILE',
        expected: 'a readable PEM CA bundle (required with RISK_TLS_REQUIRE_CLIENT_CERT=true)',
      });
    }
  }
  if (env.RISK_API_TOKENS === undefined && !env.RISK_TLS_REQUIRE_CLIENT_CERT) {
    problems.push({
      variable: 'RISK_API_TOKENS',
      expected:
        'a comma-separated list of name=sha256:<64 hex> (callers must authenticate; or use mTLS with RISK_TLS_REQUIRE_CLIENT_CERT=true)',
    });
  }
  return problems;
}

function readable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
