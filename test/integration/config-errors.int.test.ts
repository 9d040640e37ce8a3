/** Operators see one line naming the bad variable, never a stack trace. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const infraCheck = path.resolve(__dirname, '../../packages/runtime/dist/bin/infra-check.js');

function run(env: Record<string, string>) {
  return spawnSync(process.execPath, [infraCheck, '--config-only'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('configuration errors', () => {
  it('names KAFKA_BROKERS when it is not a host list', () => {
    const result = run({ KAFKA_BROKERS: 'not a host' });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([
      'infra-check: invalid configuration: KAFKA_BROKERS: expected a comma-separated list of host:port (got "not a host")',
    ]);
  });

  it('reports every bad variable at once', () => {
    const result = run({ REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('LOG_LEVEL: expected one of fatal');
    expect(result.stderr).toContain('REDIS_URL: expected a redis:// or rediss:// URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts a valid environment', () => {
    const result = run({
      KAFKA_BROKERS: '127.0.0.1:9092,[::1]:9093',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('Kafka TLS/SASL settings are validated at startup by every Kafka client', () => {
  const root = path.resolve(__dirname, '../..');
  const entries = {
    'infra-check': ['packages/runtime/dist/bin/infra-check.js', '--config-only'],
    ingest: ['services/ingest/dist/main.js'],
    risk: ['services/risk/dist/main.js'],
    sealer: ['services/sealer/dist/main.js'],
    'risk-rebuild': ['services/risk/dist/rebuild.js', '--yes'],
    topics: ['deploy/local/topics.cjs'],
  };
  const start = (entry: string[], env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      entry.map((part, i) => (i === 0 ? path.join(root, part) : part)),
      {
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );

  it.each(Object.entries(entries))(
    '%s exits 78 naming a bad KAFKA_SECURITY_PROTOCOL, before connecting anywhere',
    (_name, entry) => {
      const result = start(entry, { KAFKA_SECURITY_PROTOCOL: 'TLS' });
      expect(result.status).toBe(78);
      expect(result.stderr).toContain(
        'KAFKA_SECURITY_PROTOCOL: expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL (got "TLS")',
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('names SASL settings that do not add up, and never echoes the password', () => {
    const missingFile = start(entries['infra-check'], {
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SASL_USERNAME: 'ingest',
      KAFKA_SASL_PASSWORD_FILE: '/nonexistent/ingest.password',
    });
    expect({ status: missingFile.status, stderr: missingFile.stderr.trim() }).toEqual({
      status: 78,
      stderr:
        'infra-check: invalid configuration: KAFKA_SASL_PASSWORD_FILE: expected a readable password file (cannot read /nonexistent/ingest.password: ENOENT)',
    });

    const plaintextPassword = start(entries['infra-check'], {
      KAFKA_SASL_USERNAME: 'ingest',
      KAFKA_SASL_PASSWORD: 'hunter2',
    });
    expect(plaintextPassword.status).toBe(78);
    expect(plaintextPassword.stderr).toContain(
      'KAFKA_SASL_PASSWORD: expected to be unset unless KAFKA_SECURITY_PROTOCOL is SASL_SSL or SASL_PLAINTEXT (it is PLAINTEXT)',
    );
    expect(plaintextPassword.stderr).not.toContain('hunter2');
  });

  it('the vigil CLI names the flag and its variable, with exit 2', () => {
    const prove = [
      'audit',
      'prove',
      '--topic',
      'access-events',
      '--partition',
      '0',
      '--offset',
      '0',
    ];
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'packages/cli/dist/bin/vigil.js'), ...prove],
      {
        env: {
          PATH: process.env.PATH ?? '',
          VIGIL_STATE_DIR: '/nonexistent',
          KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
          KAFKA_SASL_USERNAME: 'auditor',
        },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'vigil: invalid Kafka security settings: KAFKA_SASL_PASSWORD: expected a value, or KAFKA_SASL_PASSWORD_FILE (required when KAFKA_SECURITY_PROTOCOL is SASL_SSL)',
    );
    const flag = spawnSync(
      process.execPath,
      [
        path.join(root, 'packages/cli/dist/bin/vigil.js'),
        '--kafka-security-protocol',
        'TLS',
        ...prove,
      ],
      {
        env: { PATH: process.env.PATH ?? '', VIGIL_STATE_DIR: '/nonexistent' },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain(
      '--kafka-security-protocol (KAFKA_SECURITY_PROTOCOL): expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL (got "TLS")',
    );
  });
});
