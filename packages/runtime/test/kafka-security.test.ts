import { generateKeyPairSync } from 'node:crypto';
import {
  ConfigError,
  commonEnv,
  completeKafkaSecurityEnv,
  javaClientProperties,
  kafkaClientEnv,
  kafkaConnection,
  kafkaSecurity,
  loadConfig,
  type KafkaClientConfig,
  type KafkaSecuritySettings,
  type ReadFile,
} from '../src';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

/** A file system of a few files; anything else is ENOENT. */
const files =
  (entries: Record<string, string>): ReadFile =>
  (path) => {
    const content = entries[path];
    if (content === undefined) {
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    }
    return Buffer.from(content);
  };
const fs = files({
  '/s/ca.pem': CA,
  '/s/client.pem': CA,
  '/s/client.key': KEY,
  '/s/ingest.password': 'p4ss-word\n',
  '/s/empty.password': '\n',
  '/s/not-a-key': 'hello',
});

/** Settings as loadConfig hands them over (defaults applied); the files are the fake ones. */
function settings(env: Partial<Record<keyof KafkaSecuritySettings, string>>): KafkaClientConfig {
  return {
    KAFKA_BROKERS: ['127.0.0.1:9092'],
    KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT',
    KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
    ...env,
  } as KafkaClientConfig;
}
function problems(env: Record<string, string>): string[] {
  try {
    kafkaSecurity(settings(env), fs);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.map((p) => `${p.variable}: ${p.expected}`);
  }
}

describe('Kafka client security settings', () => {
  it('defaults to PLAINTEXT with neither TLS nor SASL', () => {
    const security = kafkaSecurity(settings({}), fs);
    expect(security).toEqual({ protocol: 'PLAINTEXT', summary: 'PLAINTEXT' });
    expect(kafkaConnection(loadConfig(kafkaClientEnv, { KAFKA_BROKERS: 'k:9092' }))).toEqual({
      brokers: ['k:9092'],
    });
  });

  it('turns SASL_SSL with SCRAM-SHA-512 and a password file into kafkajs options', () => {
    const security = kafkaSecurity(
      settings({
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SASL_USERNAME: 'ingest',
        KAFKA_SASL_PASSWORD_FILE: '/s/ingest.password',
        KAFKA_TLS_CA_FILE: '/s/ca.pem',
        KAFKA_TLS_SERVERNAME: 'kafka.internal',
      }),
      fs,
    );
    expect(security).toEqual({
      protocol: 'SASL_SSL',
      summary: 'SASL_SSL, SCRAM-SHA-512 as ingest',
      // The trailing newline of the file is not part of the password.
      sasl: { mechanism: 'scram-sha-512', username: 'ingest', password: 'p4ss-word' },
      ssl: { ca: Buffer.from(CA), servername: 'kafka.internal' },
    });
  });

  it.each([
    ['SCRAM-SHA-256', 'scram-sha-256'],
    ['PLAIN', 'plain'],
  ])('maps KAFKA_SASL_MECHANISM=%s to kafkajs %s', (mechanism, kafkajs) => {
    const security = kafkaSecurity(
      settings({
        KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
        KAFKA_SASL_MECHANISM: mechanism,
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'pw',
      }),
      fs,
    );
    expect(security.sasl).toEqual({ mechanism: kafkajs, username: 'u', password: 'pw' });
    expect(security.ssl).toBeUndefined();
  });

  it('uses Node’s public CAs for SSL without a CA file, and a client certificate for mTLS', () => {
    expect(kafkaSecurity(settings({ KAFKA_SECURITY_PROTOCOL: 'SSL' }), fs).ssl).toEqual({});
    const mtls = kafkaSecurity(
      settings({
        KAFKA_SECURITY_PROTOCOL: 'SSL',
        KAFKA_TLS_CERT_FILE: '/s/client.pem',
        KAFKA_TLS_KEY_FILE: '/s/client.key',
      }),
      fs,
    );
    expect(mtls.ssl).toEqual({ cert: Buffer.from(CA), key: Buffer.from(KEY) });
    expect(mtls.sasl).toBeUndefined();
  });

  it('names a bad protocol or mechanism by its variable', () => {
    expect(() => loadConfig(commonEnv, { KAFKA_SECURITY_PROTOCOL: 'TLS' })).toThrow(
      'KAFKA_SECURITY_PROTOCOL: expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL (got "TLS")',
    );
    expect(() => loadConfig(commonEnv, { KAFKA_SASL_MECHANISM: 'GSSAPI' })).toThrow(
      'KAFKA_SASL_MECHANISM: expected one of SCRAM-SHA-512, SCRAM-SHA-256, PLAIN (got "GSSAPI")',
    );
  });

  it('refuses settings the protocol would silently ignore', () => {
    expect(
      problems({
        KAFKA_SASL_USERNAME: 'ingest',
        KAFKA_SASL_PASSWORD: 'pw',
        KAFKA_TLS_CA_FILE: '/s/ca.pem',
      }),
    ).toEqual([
      'KAFKA_SASL_USERNAME: to be unset unless KAFKA_SECURITY_PROTOCOL is SASL_SSL or SASL_PLAINTEXT (it is PLAINTEXT)',
      'KAFKA_SASL_PASSWORD: to be unset unless KAFKA_SECURITY_PROTOCOL is SASL_SSL or SASL_PLAINTEXT (it is PLAINTEXT)',
      'KAFKA_TLS_CA_FILE: to be unset unless KAFKA_SECURITY_PROTOCOL is SSL or SASL_SSL (it is PLAINTEXT)',
    ]);
    expect(
      problems({
        KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'p',
        KAFKA_TLS_SERVERNAME: 'k',
      }),
    ).toEqual([
      'KAFKA_TLS_SERVERNAME: to be unset unless KAFKA_SECURITY_PROTOCOL is SSL or SASL_SSL (it is SASL_PLAINTEXT)',
    ]);
  });

  it('requires a username and exactly one source of the password for SASL', () => {
    expect(problems({ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' })).toEqual([
      'KAFKA_SASL_USERNAME: a value (required when KAFKA_SECURITY_PROTOCOL is SASL_SSL)',
      'KAFKA_SASL_PASSWORD: a value, or KAFKA_SASL_PASSWORD_FILE (required when KAFKA_SECURITY_PROTOCOL is SASL_SSL)',
    ]);
    expect(
      problems({
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'p',
        KAFKA_SASL_PASSWORD_FILE: '/s/ingest.password',
      }),
    ).toEqual([
      'KAFKA_SASL_PASSWORD_FILE: to be unset when KAFKA_SASL_PASSWORD is set (give the password one way)',
    ]);
  });

  it('names files that are missing, empty or not what they should be', () => {
    expect(
      problems({
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD_FILE: '/s/empty.password',
        KAFKA_TLS_CA_FILE: '/s/missing.pem',
        KAFKA_TLS_CERT_FILE: '/s/not-a-key',
        KAFKA_TLS_KEY_FILE: '/s/not-a-key',
      }),
    ).toEqual([
      'KAFKA_TLS_CA_FILE: a readable PEM CA certificate file (cannot read /s/missing.pem: ENOENT)',
      'KAFKA_TLS_CERT_FILE: a PEM certificate file (/s/not-a-key holds no certificate)',
      'KAFKA_TLS_KEY_FILE: an unencrypted PEM private key (/s/not-a-key is not one)',
      'KAFKA_SASL_PASSWORD_FILE: a file holding the password (/s/empty.password is empty)',
    ]);
    expect(
      problems({ KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_TLS_KEY_FILE: '/s/client.key' }),
    ).toEqual(['KAFKA_TLS_CERT_FILE: a value (KAFKA_TLS_KEY_FILE is set)']);
  });

  it('checks the cross-variable rules in loadConfig, at startup, for every service schema', () => {
    expect(() =>
      loadConfig(commonEnv, { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_USERNAME: 'u' }),
    ).toThrow(/KAFKA_SASL_PASSWORD: expected a value, or KAFKA_SASL_PASSWORD_FILE/);
  });

  it('never echoes a password, not even a malformed one', () => {
    try {
      loadConfig(commonEnv, { KAFKA_SASL_PASSWORD: 'hunter2' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('gives Java tools the same settings as client properties', () => {
    const properties = javaClientProperties(
      settings({
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SASL_USERNAME: 'admin',
        KAFKA_SASL_PASSWORD_FILE: '/s/ingest.password',
        KAFKA_TLS_CA_FILE: '/s/ca.pem',
      }),
      fs,
    );
    expect(properties.split('\n')).toEqual([
      'security.protocol=SASL_SSL',
      'ssl.truststore.type=PEM',
      'ssl.truststore.location=/s/ca.pem',
      'sasl.mechanism=SCRAM-SHA-512',
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="p4ss-word";',
      '',
    ]);
  });

  it('sets every variable for a child process, so none is inherited', () => {
    expect(completeKafkaSecurityEnv({ KAFKA_SECURITY_PROTOCOL: 'SSL' })).toEqual({
      KAFKA_SECURITY_PROTOCOL: 'SSL',
      KAFKA_SASL_MECHANISM: '',
      KAFKA_SASL_USERNAME: '',
      KAFKA_SASL_PASSWORD: '',
      KAFKA_SASL_PASSWORD_FILE: '',
      KAFKA_TLS_CA_FILE: '',
      KAFKA_TLS_CERT_FILE: '',
      KAFKA_TLS_KEY_FILE: '',
      KAFKA_TLS_SERVERNAME: '',
    });
  });
});
