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

import {
  legacySourceRegistry,
  parseSourcesFile,
  SourcesFileError,
  type SourceRegistry,
} from './sources';

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
  /** Who may send what (see sources.ts); INGEST_API_TOKENS is the older shorthand. */
  INGEST_SOURCES_FILE: z.string().min(1).optional(),
  INGEST_API_TOKENS: tokenTableEnv().optional(),
  INGEST_TLS_CERT_FILE: z.string().min(1).optional(),
  INGEST_TLS_KEY_FILE: z.string().min(1).optional(),
  INGEST_TLS_CLIENT_CA_FILE: z.string().min(1).optional(),

  INGEST_MAX_BATCH_EVENTS: positiveInt().default(1_000),
  INGEST_MAX_BATCH_BYTES: positiveInt().default(MiB),
  INGEST_MAX_EVENT_BYTES: positiveInt().default(64 * 1024),
  INGEST_MAX_ATTRIBUTES: nonNegativeInt().default(64),
  /**
   * The oldest occurred_at accepted. It also bounds deduplication: an event's id is remembered
   * until its occurred_at is this old (plus the future skew), so a retry is either answered with
   * the original receipt or refused as too old, never stored twice. Redis holds one receipt
   * (about 200 bytes) per event for that long.
   */
  INGEST_CLOCK_SKEW_PAST_MS: positiveInt().default(60 * 60 * 1000),
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

export type IngestConfig = ConfigOf<typeof ingestEnv> & {
  /** The senders, from INGEST_SOURCES_FILE (or INGEST_API_TOKENS). */
  sources: SourceRegistry;
};

/**
 * Loads and validates the environment, including the rules that span several variables, and
 * reports every problem at once (by variable name) as a ConfigError.
 */
export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const config = loadConfig(ingestEnv, env);
  const problems = crossFieldProblems(config);
  if (env.INGEST_DEDUP_WINDOW_MS !== undefined) {
    // Removed rather than ignored: a window shorter than the accepted age stored retries twice.
    problems.push({
      variable: 'INGEST_DEDUP_WINDOW_MS',
      expected:
        'to be unset: receipts are now kept until an event is too old to be accepted (INGEST_CLOCK_SKEW_PAST_MS + INGEST_CLOCK_SKEW_FUTURE_MS)',
    });
  }
  const sources = loadSources(config, problems);
  if (problems.length > 0 || !sources) throw new ConfigError(problems);
  return { ...config, sources };
}

function loadSources(
  config: ConfigOf<typeof ingestEnv>,
  problems: ConfigProblem[],
): SourceRegistry | undefined {
  const file = config.INGEST_SOURCES_FILE;
  if (file && config.INGEST_API_TOKENS) {
    problems.push({
      variable: 'INGEST_API_TOKENS',
      expected: 'to be unset when INGEST_SOURCES_FILE is set (the sources file names every sender)',
    });
    return undefined;
  }
  if (config.INGEST_API_TOKENS) return legacySourceRegistry(config.INGEST_API_TOKENS);
  if (!file) {
    problems.push({
      variable: 'INGEST_SOURCES_FILE',
      expected:
        'the path of the sources file (who may send which events; see services/ingest/README.md)',
    });
    return undefined;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({
      variable: 'INGEST_SOURCES_FILE',
      expected: `a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      received: JSON.stringify(file),
    });
    return undefined;
  }
  try {
    return parseSourcesFile(text);
  } catch (err) {
    if (!(err instanceof SourcesFileError)) throw err;
    for (const problem of err.problems) {
      problems.push({
        variable: 'INGEST_SOURCES_FILE',
        expected: `a valid sources file: ${problem}`,
      });
    }
    return undefined;
  }
}

function crossFieldProblems(config: ConfigOf<typeof ingestEnv>): ConfigProblem[] {
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
function k8sAuditProblems(config: ConfigOf<typeof ingestEnv>): ConfigProblem[] {
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
