/** A real Redis round trip through a Lua script registered with ioredis defineCommand. */
import type Redis from 'ioredis';
import { testRedis, uniqueName } from '../support/infra';

interface CounterRedis extends Redis {
  incrIfBelow(key: string, limit: number): Promise<number>;
}

describe('Redis Lua scripts', () => {
  let redis: CounterRedis;
  const key = `vigil:${uniqueName('lua')}`;

  beforeAll(() => {
    redis = testRedis() as CounterRedis;
    // Atomic check-and-increment: the read and the write cannot interleave with another client.
    redis.defineCommand('incrIfBelow', {
      numberOfKeys: 1,
      lua: `
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        if current >= tonumber(ARGV[1]) then return -1 end
        return redis.call('INCR', KEYS[1])
      `,
    });
  });

  afterAll(async () => {
    await redis.del(key);
    redis.disconnect();
  });

  it('executes atomically even under concurrent callers', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => redis.incrIfBelow(key, 20)));
    expect(results.filter((r) => r > 0).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(results.filter((r) => r === -1)).toHaveLength(30);
    expect(await redis.get(key)).toBe('20');
  });
});
