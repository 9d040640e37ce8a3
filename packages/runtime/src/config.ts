import { z } from 'zod';
import { ConfigError, type ConfigProblem } from './errors';
import {
  kafkaSecurityEnv,
  kafkaSecurityProblems,
  type KafkaSecuritySettings,
} from './kafka-security';

/**
 * Environment-driven configuration. Each service declares a schema of env vars; `loadConfig`
 * validates all of them at once at startup and reports every bad one by name.
 */
export type EnvSchema = Record<string, z.ZodType>;
export type ConfigOf<S extends EnvSchema> = { [K in keyof S]: z.output<S[K]> };

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PRIVATE|KEY$/i;

export function loadConfig<S extends EnvSchema>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): ConfigOf<S> {
  const problems: ConfigProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [variable, type] of Object.entries(schema)) {
    const raw = env[variable];
    // An empty variable means "unset", as in most shells' `FOO= cmd`.
    const value = raw === '' ? undefined : raw;
    const parsed = type.safeParse(value);
    if (parsed.success) {
      out[variable] = parsed.data;
    } else {
      problems.push({
        variable,
        expected: describeExpected(parsed.error, value),
        received:
          value === undefined || SECRET_NAME.test(variable) ? undefined : JSON.stringify(value),
      });
    }
  }
  // The Kafka security variables (part of commonEnv) also have rules that span several of them
  // and name files; every process that reads them checks those here, at startup, with the rest.
  if (problems.length === 0 && 'KAFKA_SECURITY_PROTOCOL' in schema) {
    problems.push(...kafkaSecurityProblems(out as unknown as KafkaSecuritySettings));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as ConfigOf<S>;
}

function describeExpected(error: z.ZodError, value: string | undefined): string {
  if (value === undefined) return 'a value (it is required)';
  return error.issues[0]?.message ?? 'a valid value';
}

// ---- Reusable env var types -------------------------------------------------------------------

const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$/;

/** Comma-separated `host:port` list, e.g. "127.0.0.1:9092,kafka-2:9092". */
export const hostPortList = () =>
  z
    .string()
    .transform((s) => s.split(',').map((part) => part.trim()))
    .refine(
      (parts) =>
        parts.length > 0 &&
        parts.every((part) => {
          const m = HOST_PORT.exec(part);
          return m !== null && Number(m[1]) > 0 && Number(m[1]) < 65536;
        }),
      { message: 'a comma-separated list of host:port' },
    );

export const port = () =>
  z.coerce
    .number({ message: 'a TCP port number (0-65535)' })
    .int({ message: 'a TCP port number (0-65535)' })
    .min(0, { message: 'a TCP port number (0-65535)' })
    .max(65535, { message: 'a TCP port number (0-65535)' });

export const positiveInt = () =>
  z.coerce
    .number({ message: 'a positive integer' })
    .int({ message: 'a positive integer' })
    .positive({ message: 'a positive integer' });

export const redisUrl = () =>
  z.string().refine(
    (s) => {
      try {
        const url = new URL(s);
        return url.protocol === 'redis:' || url.protocol === 'rediss:';
      } catch {
        return false;
      }
    },
    { message: 'a redis:// or rediss:// URL' },
  );

export const logLevel = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'one of fatal, error, warn, info, debug, trace, silent',
  });

export const bool = () =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'true or false' })
    .transform((s) => s === 'true' || s === '1');

/** How a Kafka client reaches the cluster: bootstrap servers and TLS/SASL (kafka-security.ts). */
export const kafkaClientEnv = {
  KAFKA_BROKERS: hostPortList().default(['127.0.0.1:9092']),
  ...kafkaSecurityEnv,
} satisfies EnvSchema;
export type KafkaClientConfig = ConfigOf<typeof kafkaClientEnv>;

/** The settings every Vigil process shares. */
export const commonEnv = {
  LOG_LEVEL: logLevel().default('info'),
  ...kafkaClientEnv,
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  REDIS_URL: redisUrl().default('redis://127.0.0.1:6379'),
  OPS_HOST: z.string().default('127.0.0.1'),
  SHUTDOWN_TIMEOUT_MS: positiveInt().default(15_000),
} satisfies EnvSchema;
