import { Kafka, logLevel } from 'kafkajs';
import { ConfigError, kafkaClientEnv, kafkaConnection, loadConfig } from '@vigil/runtime';
import { CliError, EXIT } from './exit-codes';

export interface KafkaFlags {
  brokers: string;
}

/**
 * The Kafka TLS/SASL flags. Each falls back to the variable every Vigil process reads (and those
 * to .local/stack.env); the password itself is never a flag, only KAFKA_SASL_PASSWORD or a file.
 */
export const KAFKA_SECURITY_FLAGS = [
  { flag: '--kafka-security-protocol <protocol>', env: 'KAFKA_SECURITY_PROTOCOL' },
  { flag: '--kafka-sasl-mechanism <mechanism>', env: 'KAFKA_SASL_MECHANISM' },
  { flag: '--kafka-sasl-username <name>', env: 'KAFKA_SASL_USERNAME' },
  { flag: '--kafka-sasl-password-file <file>', env: 'KAFKA_SASL_PASSWORD_FILE' },
  { flag: '--kafka-tls-ca-file <file>', env: 'KAFKA_TLS_CA_FILE' },
  { flag: '--kafka-tls-cert-file <file>', env: 'KAFKA_TLS_CERT_FILE' },
  { flag: '--kafka-tls-key-file <file>', env: 'KAFKA_TLS_KEY_FILE' },
  { flag: '--kafka-tls-servername <name>', env: 'KAFKA_TLS_SERVERNAME' },
] as const;

const flagName = (env: string) =>
  KAFKA_SECURITY_FLAGS.find((f) => f.env === env)?.flag.split(' ')[0];

/**
 * A quiet kafkajs client for one CLI run, secured like every other Vigil client (the shared
 * runtime module turns the settings into kafkajs options). Bad settings are usage errors naming
 * the flag and its variable; connection problems become exit code 3.
 */
export function cliKafka(flags: KafkaFlags, env: NodeJS.ProcessEnv = process.env): Kafka {
  const brokers = flags.brokers.split(',').map((b) => b.trim());
  if (
    !brokers.every((b) => /^[^\s:]+:\d{1,5}$/.test(b) || /^\[[0-9a-fA-F:.]+\]:\d{1,5}$/.test(b))
  ) {
    throw new CliError(
      `--brokers: expected host:port[,host:port...], got "${flags.brokers}"`,
      EXIT.USAGE,
    );
  }
  let connection;
  try {
    connection = kafkaConnection(
      loadConfig(kafkaClientEnv, { ...env, KAFKA_BROKERS: brokers.join(',') }),
    );
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const named = err.problems.map((p) => {
      const flag = flagName(p.variable);
      const received = p.received === undefined ? '' : ` (got ${p.received})`;
      return `${flag ? `${flag} (${p.variable})` : p.variable}: expected ${p.expected}${received}`;
    });
    throw new CliError(
      `invalid Kafka security settings: ${named.join('; ')}`,
      EXIT.USAGE,
      'see "Secure mode" in README.md',
    );
  }
  return new Kafka({
    clientId: 'vigil-cli',
    ...connection,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    retry: { retries: 3, initialRetryTime: 200 },
  });
}

export async function withKafkaErrors<T>(brokers: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof CliError) throw err;
    const name = (err as { name?: string }).name ?? '';
    if (name === 'KafkaJSSASLAuthenticationError') {
      throw new CliError(
        `Kafka at ${brokers} refused the credentials: ${(err as Error).message}`,
        EXIT.UNAVAILABLE,
        'check KAFKA_SASL_USERNAME and the password (KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE)',
      );
    }
    if (
      name === 'KafkaJSProtocolError' &&
      /AUTHORIZATION_FAILED/.test(String((err as { type?: string }).type))
    ) {
      throw new CliError(
        `Kafka at ${brokers} refused access: ${(err as Error).message}`,
        EXIT.UNAVAILABLE,
        'the principal needs read access to the audit topics (the auditor ACLs in deploy/kafka/acls.txt)',
      );
    }
    if (name.startsWith('KafkaJS')) {
      throw new CliError(
        `cannot reach Kafka at ${brokers}: ${(err as Error).message}`,
        EXIT.UNAVAILABLE,
        'check --brokers (or KAFKA_BROKERS), the Kafka security settings (KAFKA_SECURITY_PROTOCOL, ...) and that the cluster is up: ./dev status',
      );
    }
    throw err;
  }
}
