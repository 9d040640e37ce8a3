import { createPrivateKey } from 'node:crypto';
import * as fs from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import { z } from 'zod';
import { ConfigError, type ConfigProblem } from './errors';

/**
 * How every Vigil Kafka client (services, CLI, scripts, benches, tests) secures its connection:
 * TLS, SASL, both or neither, from environment variables validated at startup. One module turns
 * the validated settings into kafkajs `ssl`/`sasl` options and into Java client properties (for
 * the Kafka tools the benchmarks run), so that no client has a security setting of its own.
 */

export const KAFKA_SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type KafkaSecurityProtocol = (typeof KAFKA_SECURITY_PROTOCOLS)[number];

export const KAFKA_SASL_MECHANISMS = ['SCRAM-SHA-512', 'SCRAM-SHA-256', 'PLAIN'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

const file = () => z.string().min(1);

/** The variables; part of `commonEnv`, so every service validates them with the rest. */
export const kafkaSecurityEnv = {
  KAFKA_SECURITY_PROTOCOL: z
    .enum(KAFKA_SECURITY_PROTOCOLS, { message: `one of ${KAFKA_SECURITY_PROTOCOLS.join(', ')}` })
    .default('PLAINTEXT'),
  KAFKA_SASL_MECHANISM: z
    .enum(KAFKA_SASL_MECHANISMS, { message: `one of ${KAFKA_SASL_MECHANISMS.join(', ')}` })
    .default('SCRAM-SHA-512'),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** The password in a file (a mounted secret); one trailing newline is ignored. */
  KAFKA_SASL_PASSWORD_FILE: file().optional(),
  /** PEM CA certificate(s) to verify the brokers with; default: Node's public CAs. */
  KAFKA_TLS_CA_FILE: file().optional(),
  /** PEM client certificate and unencrypted private key, for brokers that require mTLS. */
  KAFKA_TLS_CERT_FILE: file().optional(),
  KAFKA_TLS_KEY_FILE: file().optional(),
  /** The name the broker certificates must carry, when it differs from the bootstrap host. */
  KAFKA_TLS_SERVERNAME: z.string().min(1).optional(),
};

export interface KafkaSecuritySettings {
  KAFKA_SECURITY_PROTOCOL: KafkaSecurityProtocol;
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  KAFKA_SASL_PASSWORD_FILE?: string | undefined;
  KAFKA_TLS_CA_FILE?: string | undefined;
  KAFKA_TLS_CERT_FILE?: string | undefined;
  KAFKA_TLS_KEY_FILE?: string | undefined;
  KAFKA_TLS_SERVERNAME?: string | undefined;
}

const usesTls = (p: KafkaSecurityProtocol) => p === 'SSL' || p === 'SASL_SSL';
const usesSasl = (p: KafkaSecurityProtocol) => p === 'SASL_PLAINTEXT' || p === 'SASL_SSL';

const SASL_VARIABLES = ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'];
const TLS_VARIABLES = [
  'KAFKA_TLS_CA_FILE',
  'KAFKA_TLS_CERT_FILE',
  'KAFKA_TLS_KEY_FILE',
  'KAFKA_TLS_SERVERNAME',
];

/** Reads a file; injectable so the rules can be tested without a file system. */
export type ReadFile = (path: string) => Buffer;
const readFile: ReadFile = (path) => fs.readFileSync(path);

/** The security settings a Kafka client has resolved: what kafkajs needs, and a safe summary. */
export interface KafkaSecurity {
  protocol: KafkaSecurityProtocol;
  ssl?: ConnectionOptions;
  sasl?: SASLOptions;
  /** e.g. "SASL_SSL, SCRAM-SHA-512 as ingest": for logs and errors, never a secret. */
  summary: string;
}

/**
 * The rules that span several variables, and the files they name (readable, and what they claim
 * to be). Settings that the chosen protocol would silently ignore are errors too: a password set
 * while KAFKA_SECURITY_PROTOCOL is still PLAINTEXT means the operator expects a security that the
 * connection would not have.
 */
export function kafkaSecurityProblems(
  settings: KafkaSecuritySettings,
  read: ReadFile = readFile,
): ConfigProblem[] {
  return resolve(settings, read).problems;
}

/** Resolves validated settings into kafkajs options; a ConfigError names each bad variable. */
export function kafkaSecurity(
  settings: KafkaSecuritySettings,
  read: ReadFile = readFile,
): KafkaSecurity {
  const { security, problems } = resolve(settings, read);
  if (problems.length > 0) throw new ConfigError(problems);
  return security;
}

function resolve(
  settings: KafkaSecuritySettings,
  read: ReadFile,
): { security: KafkaSecurity; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const protocol = settings.KAFKA_SECURITY_PROTOCOL;
  const set = (variable: string) =>
    (settings as unknown as Record<string, string | undefined>)[variable] !== undefined;

  for (const variable of usesSasl(protocol) ? [] : SASL_VARIABLES.filter(set)) {
    problems.push({
      variable,
      expected: `to be unset unless KAFKA_SECURITY_PROTOCOL is SASL_SSL or SASL_PLAINTEXT (it is ${protocol})`,
    });
  }
  for (const variable of usesTls(protocol) ? [] : TLS_VARIABLES.filter(set)) {
    problems.push({
      variable,
      expected: `to be unset unless KAFKA_SECURITY_PROTOCOL is SSL or SASL_SSL (it is ${protocol})`,
    });
  }

  const readOr = (variable: string, path: string, what: string): Buffer | undefined => {
    try {
      return read(path);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push({ variable, expected: `${what} (cannot read ${path}: ${reason})` });
      return undefined;
    }
  };

  let ssl: ConnectionOptions | undefined;
  if (usesTls(protocol)) {
    ssl = {};
    const caFile = settings.KAFKA_TLS_CA_FILE;
    if (caFile !== undefined) {
      const ca = readOr('KAFKA_TLS_CA_FILE', caFile, 'a readable PEM CA certificate file');
      if (ca !== undefined && !ca.toString('utf8').includes('-----BEGIN CERTIFICATE-----')) {
        problems.push({
          variable: 'KAFKA_TLS_CA_FILE',
          expected: `a PEM CA certificate file (${caFile} holds no certificate)`,
        });
      } else if (ca !== undefined) {
        ssl.ca = ca;
      }
    }
    const certFile = settings.KAFKA_TLS_CERT_FILE;
    const keyFile = settings.KAFKA_TLS_KEY_FILE;
    if ((certFile === undefined) !== (keyFile === undefined)) {
      problems.push(
        certFile === undefined
          ? { variable: 'KAFKA_TLS_CERT_FILE', expected: 'a value (KAFKA_TLS_KEY_FILE is set)' }
          : { variable: 'KAFKA_TLS_KEY_FILE', expected: 'a value (KAFKA_TLS_CERT_FILE is set)' },
      );
    } else if (certFile !== undefined && keyFile !== undefined) {
      const cert = readOr('KAFKA_TLS_CERT_FILE', certFile, 'a readable PEM certificate file');
      if (cert !== undefined && !cert.toString('utf8').includes('-----BEGIN CERTIFICATE-----')) {
        problems.push({
          variable: 'KAFKA_TLS_CERT_FILE',
          expected: `a PEM certificate file (${certFile} holds no certificate)`,
        });
      }
      const key = readOr('KAFKA_TLS_KEY_FILE', keyFile, 'a readable PEM private key file');
      if (key !== undefined) {
        try {
          createPrivateKey(key);
        } catch {
          problems.push({
            variable: 'KAFKA_TLS_KEY_FILE',
            expected: `an unencrypted PEM private key (${keyFile} is not one)`,
          });
        }
      }
      if (cert !== undefined && key !== undefined) Object.assign(ssl, { cert, key });
    }
    if (settings.KAFKA_TLS_SERVERNAME !== undefined) ssl.servername = settings.KAFKA_TLS_SERVERNAME;
  }

  let sasl: SASLOptions | undefined;
  const username = settings.KAFKA_SASL_USERNAME;
  if (usesSasl(protocol)) {
    if (username === undefined) {
      problems.push({
        variable: 'KAFKA_SASL_USERNAME',
        expected: `a value (required when KAFKA_SECURITY_PROTOCOL is ${protocol})`,
      });
    }
    let password = settings.KAFKA_SASL_PASSWORD;
    const passwordFile = settings.KAFKA_SASL_PASSWORD_FILE;
    if (password !== undefined && passwordFile !== undefined) {
      problems.push({
        variable: 'KAFKA_SASL_PASSWORD_FILE',
        expected: 'to be unset when KAFKA_SASL_PASSWORD is set (give the password one way)',
      });
    } else if (passwordFile !== undefined) {
      const content = readOr('KAFKA_SASL_PASSWORD_FILE', passwordFile, 'a readable password file');
      if (content !== undefined) {
        password = content.toString('utf8').replace(/\r?\n$/, '');
        if (password === '') {
          problems.push({
            variable: 'KAFKA_SASL_PASSWORD_FILE',
            expected: `a file holding the password (${passwordFile} is empty)`,
          });
        }
      }
    } else if (password === undefined) {
      problems.push({
        variable: 'KAFKA_SASL_PASSWORD',
        expected: `a value, or KAFKA_SASL_PASSWORD_FILE (required when KAFKA_SECURITY_PROTOCOL is ${protocol})`,
      });
    }
    if (username !== undefined && password) {
      sasl = saslOptions(settings.KAFKA_SASL_MECHANISM, username, password);
    }
  }

  const summary = usesSasl(protocol)
    ? `${protocol}, ${settings.KAFKA_SASL_MECHANISM} as ${username ?? '?'}`
    : protocol;
  return {
    security: {
      protocol,
      summary,
      ...(ssl ? { ssl } : {}),
      ...(sasl ? { sasl } : {}),
    },
    problems,
  };
}

function saslOptions(mechanism: KafkaSaslMechanism, username: string, password: string) {
  switch (mechanism) {
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', username, password } as const;
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', username, password } as const;
    case 'PLAIN':
      return { mechanism: 'plain', username, password } as const;
  }
}

/**
 * The same settings as Java client properties (for Kafka's own tools, e.g. ProducerPerformance
 * in the benchmarks). The text holds the password: write it to a file only the user can read.
 */
export function javaClientProperties(settings: KafkaSecuritySettings, read = readFile): string {
  const security = kafkaSecurity(settings, read);
  const lines = [`security.protocol=${security.protocol}`];
  if (security.ssl) {
    if (settings.KAFKA_TLS_CA_FILE) {
      lines.push(
        'ssl.truststore.type=PEM',
        `ssl.truststore.location=${settings.KAFKA_TLS_CA_FILE}`,
      );
    }
    if (settings.KAFKA_TLS_CERT_FILE && settings.KAFKA_TLS_KEY_FILE) {
      // Given inline: Java's PEM keystore file would need key and chain in one file. A
      // properties file turns each "\n" escape back into a line break.
      const pem = (path: string) => read(path).toString('utf8').trim().replace(/\r?\n/g, '\\n');
      lines.push(
        'ssl.keystore.type=PEM',
        `ssl.keystore.certificate.chain=${pem(settings.KAFKA_TLS_CERT_FILE)}`,
        `ssl.keystore.key=${pem(settings.KAFKA_TLS_KEY_FILE)}`,
      );
    }
  }
  if (security.sasl && 'username' in security.sasl) {
    const module =
      settings.KAFKA_SASL_MECHANISM === 'PLAIN'
        ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
        : 'org.apache.kafka.common.security.scram.ScramLoginModule';
    const quote = (s: string) => JSON.stringify(s);
    lines.push(
      `sasl.mechanism=${settings.KAFKA_SASL_MECHANISM}`,
      `sasl.jaas.config=${module} required username=${quote(security.sasl.username)} password=${quote(security.sasl.password)};`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Every Kafka security variable, so that a child process's settings can be given completely. */
export const KAFKA_SECURITY_VARIABLES = Object.keys(
  kafkaSecurityEnv,
) as (keyof KafkaSecuritySettings)[];

/**
 * `settings` with every other Kafka security variable set empty (which reads as unset): a child
 * process given this never inherits a stray setting (say, another principal's username) from
 * its parent's environment.
 */
export function completeKafkaSecurityEnv(
  settings: Partial<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const variable of KAFKA_SECURITY_VARIABLES) out[variable] = settings[variable] ?? '';
  return out;
}

/** The Kafka security settings in `env`, complete: to pass this process's own on to a child. */
export function kafkaSecurityEnvOf(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return completeKafkaSecurityEnv(
    Object.fromEntries(KAFKA_SECURITY_VARIABLES.map((name) => [name, env[name]])),
  );
}

/** Reads a file of KEY=value lines (comments and blank lines skipped), e.g. a principal's settings. */
export function readEnvFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) out[match[1] as string] = match[2] as string;
  }
  return out;
}
