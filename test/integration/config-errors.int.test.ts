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
