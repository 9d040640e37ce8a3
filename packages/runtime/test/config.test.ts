import { z } from 'zod';
import { ConfigError, commonEnv, hostPortList, loadConfig, positiveInt, redisUrl } from '../src';

describe('loadConfig', () => {
  it('applies defaults for unset and empty variables', () => {
    const config = loadConfig(commonEnv, { KAFKA_BROKERS: '' });
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('parses host:port lists, including IPv6 literals', () => {
    const config = loadConfig(
      { B: hostPortList() },
      { B: 'kafka-1:9092, 10.0.0.2:9093,[::1]:9094' },
    );
    expect(config.B).toEqual(['kafka-1:9092', '10.0.0.2:9093', '[::1]:9094']);
  });

  it.each(['not a host', 'kafka', 'kafka:0', 'kafka:70000', 'kafka:9092,', ':9092'])(
    'rejects KAFKA_BROKERS=%j by name',
    (value) => {
      expect(() => loadConfig(commonEnv, { KAFKA_BROKERS: value })).toThrow(
        new ConfigError([
          {
            variable: 'KAFKA_BROKERS',
            expected: 'a comma-separated list of host:port',
            received: JSON.stringify(value),
          },
        ]),
      );
    },
  );

  it('collects every problem instead of stopping at the first', () => {
    try {
      loadConfig({ A: positiveInt(), B: redisUrl(), C: z.string() }, { A: '-3', B: 'http://nope' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems.map((p) => p.variable)).toEqual(['A', 'B', 'C']);
      expect(problems[2]).toEqual({ variable: 'C', expected: 'a value (it is required)' });
      expect((err as ConfigError).code).toBe('CONFIG_INVALID');
    }
  });

  it('never echoes the value of a secret', () => {
    try {
      loadConfig(
        { INGEST_API_TOKEN: z.string().min(32, 'at least 32 characters') },
        { INGEST_API_TOKEN: 'hunter2' },
      );
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).message).toBe(
        'INGEST_API_TOKEN: expected at least 32 characters',
      );
      expect((err as ConfigError).message).not.toContain('hunter2');
    }
  });
});
