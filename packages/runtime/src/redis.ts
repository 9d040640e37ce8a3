import Redis, { type RedisOptions } from 'ioredis';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { Logger } from './logger';

/**
 * Reconnect delays (the one backoff of Vigil, backoff.ts): ioredis counts attempts from 1, so
 * 100 ms, doubling to 2 s.
 */
const RECONNECT_BACKOFF: BackoffOptions = { initialMs: 50, maxMs: 2_000 };

export interface RedisFactoryOptions {
  url: string;
  logger: Logger;
  /** Per-command deadline. A hung Redis must not hang callers. */
  commandTimeoutMs?: number;
  overrides?: RedisOptions;
}

/**
 * A Redis client that reconnects forever with capped exponential backoff, but never queues
 * commands while disconnected: callers get an error at once and decide how to degrade.
 */
export function createRedis(options: RedisFactoryOptions): Redis {
  const log = options.logger.child({ component: 'redis' });
  const client = new Redis(options.url, {
    connectTimeout: 2_000,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => backoffDelay(attempt, RECONNECT_BACKOFF),
    ...options.overrides,
  });
  let announcedDown = false;
  client.on('ready', () => {
    if (announcedDown) log.info('redis connection restored');
    announcedDown = false;
  });
  client.on('error', (err: Error) => {
    // ioredis emits an error per failed reconnect; one line per outage is enough.
    if (!announcedDown) log.warn({ err: err.message }, 'redis unavailable, reconnecting');
    announcedDown = true;
  });
  return client;
}

export function isRedisReady(client: Redis): boolean {
  return client.status === 'ready';
}
