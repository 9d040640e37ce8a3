import * as fs from 'node:fs';
import { z } from 'zod';
import {
  ConfigError,
  bool,
  commonEnv,
  loadConfig,
  port,
  positiveInt,
  tokenTableEnv,
  type ConfigOf,
  type ConfigProblem,
} from '@vigil/runtime';
import { COMMAND_MODES, K8S_EVENT_MAX_ATTRIBUTES, K8S_EVENT_MAX_BYTES, clusterMapEnv } from './k8s';

const MiB = 1024 * 1024;

const nonNegativeInt = () =>
  z.coerce
    .number({ message: 'a non-negative integer' })
    .int({ message: 'a non-negative integer' })
    .min(0, { message: 'a non-negative integer' });

const topicName = () =>
  z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, {
    message: 'a Kafka topic name (letters, digits, ".", "_", "-")',
  });

/** Every setting of the ingest service, validated together at startup. */
export const ingestEnv = {
  ...commonEnv,
  OPS_PORT: port().default(9101),
  INGEST_GRPC_HOST: z.string().min(1).default('127.0.0.1'),
  INGEST_GRPC_PORT: port().default(7001),
  INGEST_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  INGEST_HTTP_PORT: port().default(7080),
  INGEST_TOPIC: topicName().default('access-events'),
  INGEST_API_TOKENS: tokenTableEnv(),
  INGEST_TLS_CERT_FILE: z.string().min(1).optional(),
  INGEST_TLS_KEY_FILE: z.string().min(1).optional(),
  INGEST_TLS_CLIENT_CA_FILE: z.string().min(1).optional(),

  INGEST_MAX_BATCH_EVENTS: positiveInt().default(1_000),
  INGEST_MAX_BATCH_BYTES: positiveInt().default(MiB),
  INGEST_MAX_EVENT_BYTES: positiveInt().default(64 * 1024),
  INGEST_MAX_ATTRIBUTES: nonNegativeInt().default(64),
  INGEST_CLOCK_SKEW_PAST_MS: positiveInt().default(24 * 60 * 60 * 1000),
  INGEST_CLOCK_SKEW_FUTURE_MS: positiveInt().default(5 * 60 * 1000),

  INGEST_MAX_IN_FLIGHT_EVENTS: positiveInt().default(20_000),
  INGEST_MAX_IN_FLIGHT_BYTES: positiveInt().default(64 * MiB),
  INGEST_LINGER_MS: nonNegativeInt().default(2),
  INGEST_FLUSH_MAX_EVENTS: positiveInt().default(2_000),
  INGEST_FLUSH_MAX_BYTES: positiveInt().default(900 * 1024),
  INGEST_PRODUCERS: positiveInt().default(2),
  INGEST_COMPRESSION: z.enum(['gzip', 'none'], { message: 'gzip or none' }).default('gzip'),
  INGEST_COMPRESSION_MIN_BYTES: nonNegativeInt().default(16 * 1024),
  INGEST_ACK_TIMEOUT_MS: positiveInt().default(10_000),
  INGEST_KAFKA_STALL_MS: positiveInt().default(2_000),

  INGEST_REDIS_PREFIX: z.string().min(1).default('vigil:ingest'),
  INGEST_DEDUP_WINDOW_MS: positiveInt().default(600_000),
  INGEST_DEDUP_PENDING_TTL_MS: positiveInt().default(30_000),
  INGEST_DEDUP_WAIT_MS: positiveInt().default(5_000),

  // ---- Kubernetes audit webhook, POST /v1/k8s/audit (src/k8s, src/k8s-audit-http.ts) ----
  INGEST_K8S_AUDIT_CLUSTERS: clusterMapEnv().default(new Map()),
  INGEST_K8S_AUDIT_MAX_BODY_BYTES: positiveInt().default(10 * MiB),
  INGEST_K8S_AUDIT_KEEP_READS: bool().default(false),
  INGEST_K8S_AUDIT_EXEC_COMMAND: z
    .enum(COMMAND_MODES, { message: COMMAND_MODES.join(', ') })
    .default('keep'),
};

export type IngestConfig = ConfigOf<typeof ingestEnv>;

/**
 * Loads and validates the environment, including the rules that span several variables, and
 * reports every problem at once (by variable name) as a ConfigError.
 */
export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const config = loadConfig(ingestEnv, env);
  const problems = crossFieldProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function crossFieldProblems(config: IngestConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { INGEST_TLS_CERT_FILE: cert, INGEST_TLS_KEY_FILE: key } = config;
  if (Boolean(cert) !== Boolean(key)) {
    problems.push({
      variable: cert ? 'INGEST_TLS_KEY_FILE' : 'INGEST_TLS_CERT_FILE',
      expected: 'a value when the other TLS file is set (certificate and key go together)',
    });
  }
  if (config.INGEST_TLS_CLIENT_CA_FILE && !cert) {
    problems.push({
      variable: 'INGEST_TLS_CERT_FILE',
      expected: 'a value when INGEST_TLS_CLIENT_CA_FILE is set (mTLS needs a server certificate)',
    });
  }
  for (const variable of [
    'INGEST_TLS_CERT_FILE',
    'INGEST_TLS_KEY_FILE',
    'INGEST_TLS_CLIENT_CA_FILE',
  ] as const) {
    const file = config[variable];
    if (file && !isReadable(file)) {
      problems.push({ variable, expected: 'a readable file', received: JSON.stringify(file) });
    }
  }
  if (config.INGEST_MAX_EVENT_BYTES > config.INGEST_FLUSH_MAX_BYTES) {
    problems.push({
      variable: 'INGEST_MAX_EVENT_BYTES',
      expected: `at most INGEST_FLUSH_MAX_BYTES (${config.INGEST_FLUSH_MAX_BYTES})`,
      received: String(config.INGEST_MAX_EVENT_BYTES),
    });
  }
  if (config.INGEST_MAX_EVENT_BYTES > config.INGEST_MAX_BATCH_BYTES) {
    problems.push({
      variable: 'INGEST_MAX_EVENT_BYTES',
      expected: `at most INGEST_MAX_BATCH_BYTES (${config.INGEST_MAX_BATCH_BYTES})`,
      received: String(config.INGEST_MAX_EVENT_BYTES),
    });
  }
  if (config.INGEST_MAX_BATCH_BYTES > config.INGEST_MAX_IN_FLIGHT_BYTES) {
    problems.push({
      variable: 'INGEST_MAX_IN_FLIGHT_BYTES',
      expected: `at least INGEST_MAX_BATCH_BYTES (${config.INGEST_MAX_BATCH_BYTES})`,
      received: String(config.INGEST_MAX_IN_FLIGHT_BYTES),
    });
  }
  if (config.INGEST_MAX_BATCH_EVENTS > config.INGEST_MAX_IN_FLIGHT_EVENTS) {
    problems.push({
      variable: 'INGEST_MAX_IN_FLIGHT_EVENTS',
      expected: `at least INGEST_MAX_BATCH_EVENTS (${config.INGEST_MAX_BATCH_EVENTS})`,
      received: String(config.INGEST_MAX_IN_FLIGHT_EVENTS),
    });
  }
  problems.push(...k8sAuditProblems(config));
  return problems;
}

/** Mapped audit events must always pass validation: the limits must leave room for them. */
function k8sAuditProblems(config: IngestConfig): ConfigProblem[] {
  if (config.INGEST_K8S_AUDIT_CLUSTERS.size === 0) return [];
  const problems: ConfigProblem[] = [];
  if (config.INGEST_MAX_ATTRIBUTES < K8S_EVENT_MAX_ATTRIBUTES) {
    problems.push({
      variable: 'INGEST_MAX_ATTRIBUTES',
      expected: `at least ${K8S_EVENT_MAX_ATTRIBUTES} when INGEST_K8S_AUDIT_CLUSTERS is set`,
      received: String(config.INGEST_MAX_ATTRIBUTES),
    });
  }
  if (config.INGEST_MAX_EVENT_BYTES < K8S_EVENT_MAX_BYTES) {
    problems.push({
      variable: 'INGEST_MAX_EVENT_BYTES',
      expected: `at least ${K8S_EVENT_MAX_BYTES} when INGEST_K8S_AUDIT_CLUSTERS is set`,
      received: String(config.INGEST_MAX_EVENT_BYTES),
    });
  }
  return problems;
}

function isReadable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
