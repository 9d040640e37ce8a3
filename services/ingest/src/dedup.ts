import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from '@vigil/runtime';
import { decodeState, dedupKey, encodeDone, encodePending, type DedupState } from './dedup-state';
import { IngestError } from './errors';
import type { IngestMetrics } from './metrics';
import type { Placement } from './publisher';

export interface DedupOptions {
  prefix: string;
  /** How long a receipt is remembered. */
  windowMs: number;
  /** TTL of a claim; its owner extends it every third of this while the event is in flight. */
  pendingTtlMs: number;
}

export interface DedupItem {
  eventId: string;
  fingerprint: string;
}

/** The outcome of claiming one event id. */
export type Claim =
  | { kind: 'claimed'; token: string }
  | { kind: 'done'; placement: Placement }
  | { kind: 'pending' }
  | { kind: 'conflict' };

/** A Lua script and its SHA-1, for EVALSHA. */
interface Script {
  lua: string;
  sha: string;
}
const script = (lua: string): Script => ({
  lua,
  sha: createHash('sha1').update(lua).digest('hex'),
});

/**
 * SET NX for every key; returns, per key, the value that was already there or "" when the key is
 * now claimed. ARGV holds one value per key, then the TTL.
 */
const CLAIM = script(`
local ttl = ARGV[#KEYS + 1]
local out = {}
for i, key in ipairs(KEYS) do
  local previous = redis.call('SET', key, ARGV[i], 'NX', 'GET', 'PX', ttl)
  out[i] = previous or ''
end
return out`);

/** SET with TTL for every key (receipts overwrite claims). */
const COMPLETE = script(`
local ttl = ARGV[#KEYS + 1]
for i, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[i], 'PX', ttl)
end
return #KEYS`);

/** Deletes or extends a claim only if it still holds this request's token. */
const RELEASE_IF_OWNER =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
const EXTEND_IF_OWNER =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

/**
 * The idempotency store in Redis, scoped per source so that one source can neither see nor
 * collide with another's event ids.
 *
 *   claim     SET key P|... NX PX pendingTtl GET   one round trip: either we own the id now, or we
 *                                                 learn who does (a receipt or another claim)
 *   complete  SET key R|... PX window              after Kafka acknowledged
 *   release   delete-if-owner                      when the publish failed, so a retry may claim
 *
 * Claims of events still in flight are extended in the background: an accepted event keeps being
 * retried by the producer for as long as Kafka is down, and its claim must outlive that, or a
 * client retry would publish the event a second time.
 */
export class DedupStore {
  /** key -> pending value, for every claim this process holds. */
  private readonly held = new Map<string, string>();
  private keeper: NodeJS.Timeout | undefined;
  /** Claim tokens only need to be unique: a random process prefix and a counter. */
  private readonly tokenPrefix = randomBytes(6).toString('base64url');
  private tokenCounter = 0;

  constructor(
    private readonly redis: Redis,
    private readonly options: DedupOptions,
    private readonly metrics: IngestMetrics,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.keeper = setInterval(
      () => void this.extendHeldClaims(),
      Math.max(100, Math.floor(this.options.pendingTtlMs / 3)),
    );
    this.keeper.unref();
  }

  stop(): void {
    clearInterval(this.keeper);
  }

  /** Claims every id at once. Throws DEDUP_UNAVAILABLE when Redis does not answer. */
  async claim(source: string, items: readonly DedupItem[]): Promise<Claim[]> {
    const tokens = items.map(() => this.nextToken());
    const keys = items.map((item) => this.key(source, item.eventId));
    const values = items.map((item, i) => encodePending(item.fingerprint, tokens[i] as string));
    let previous: string[];
    try {
      // One script call per request, not one command per event: the Redis work is the same, the
      // client work (and garbage) a fraction. Single-event requests arriving in one event loop
      // turn still share a round trip through auto-pipelining.
      previous = (await this.runScript(CLAIM, keys, [
        ...values,
        this.options.pendingTtlMs,
      ])) as string[];
    } catch (err) {
      throw this.unavailable('claim', err);
    }
    const claims = items.map((item, i): Claim => {
      const state = decodeState(previous[i]);
      if (state !== undefined) return this.classify(state, item.fingerprint);
      this.held.set(keys[i] as string, values[i] as string);
      return { kind: 'claimed', token: tokens[i] as string };
    });
    return claims;
  }

  /** Records receipts after Kafka acknowledged. Failures are logged, never thrown: the events
   * are stored, and the caller is owed their receipts. */
  async complete(
    source: string,
    items: readonly (DedupItem & { placement: Placement })[],
  ): Promise<void> {
    const keys = items.map((item) => this.key(source, item.eventId));
    const values = items.map((item) => encodeDone(item.fingerprint, item.placement));
    for (const key of keys) this.held.delete(key);
    try {
      await this.runScript(COMPLETE, keys, [...values, this.options.windowMs]);
    } catch (err) {
      this.metrics.dedupErrors.inc({ operation: 'complete' });
      // The claims lapse after pendingTtl; a retry after that would publish again.
      this.logger.error(
        { err, source, events: items.length },
        'storing receipts failed; retries of these events may be published twice',
      );
    }
  }

  /** Gives up claims (the publish failed), so that a retry can claim the ids again. */
  async release(source: string, eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const eventId of eventIds) {
      const key = this.key(source, eventId);
      const value = this.held.get(key);
      this.held.delete(key);
      if (value) pipeline.eval(RELEASE_IF_OWNER, 1, key, value);
    }
    try {
      await this.exec(pipeline, 'release');
    } catch (err) {
      this.logger.warn({ err, source }, 'releasing claims failed; they lapse on their own');
    }
  }

  /**
   * Waits for another request's claim to turn into a receipt. Returns the receipt, 'gone' when
   * the claim was released or lapsed, or throws DUPLICATE_IN_FLIGHT at the deadline.
   */
  async awaitReceipt(
    source: string,
    item: DedupItem,
    deadlineMs: number,
    pollMs = 20,
  ): Promise<Placement | 'gone'> {
    const key = this.key(source, item.eventId);
    for (;;) {
      let value: string | null;
      try {
        value = await this.redis.get(key);
      } catch (err) {
        throw this.unavailable('read', err);
      }
      const state = decodeState(value);
      if (!state) return 'gone';
      const claim = this.classify(state, item.fingerprint);
      if (claim.kind === 'done') return claim.placement;
      if (claim.kind === 'conflict') {
        throw new IngestError('EVENT_ID_CONFLICT', `event id ${item.eventId} is in use`);
      }
      if (Date.now() + pollMs > deadlineMs) {
        throw new IngestError(
          'DUPLICATE_IN_FLIGHT',
          `event id ${item.eventId} is being published by another request; retry to get its receipt`,
          { retryAfterMs: 1_000 },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private nextToken(): string {
    this.tokenCounter += 1;
    return `${this.tokenPrefix}.${this.tokenCounter.toString(36)}`;
  }

  /** EVALSHA, falling back to EVAL once when Redis does not know the script yet. */
  private async runScript(
    script: Script,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    try {
      return await this.redis.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String(err).includes('NOSCRIPT')) throw err;
      return this.redis.eval(script.lua, keys.length, ...keys, ...args);
    }
  }

  private classify(state: DedupState, fingerprint: string): Claim {
    if (state.fingerprint !== fingerprint) return { kind: 'conflict' };
    if (state.kind === 'pending') return { kind: 'pending' };
    const { topic, partition, offset } = state;
    return { kind: 'done', placement: { topic, partition, offset } };
  }

  private async extendHeldClaims(): Promise<void> {
    if (this.held.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, value] of this.held) {
      pipeline.eval(EXTEND_IF_OWNER, 1, key, value, this.options.pendingTtlMs);
    }
    try {
      await this.exec(pipeline, 'extend');
    } catch (err) {
      this.logger.warn({ err, claims: this.held.size }, 'extending claims failed');
    }
  }

  private key(source: string, eventId: string): string {
    // All keys of one request share the source, hence (with the hash tag) one cluster slot.
    return dedupKey(this.options.prefix, source, eventId);
  }

  private async exec(
    pipeline: ReturnType<Redis['pipeline']>,
    operation: string,
  ): Promise<[Error | null, unknown][]> {
    try {
      const results = await pipeline.exec();
      if (!results) throw new Error('pipeline discarded');
      return results;
    } catch (err) {
      throw this.unavailable(operation, err);
    }
  }

  private unavailable(operation: string, err: unknown): IngestError {
    this.metrics.dedupErrors.inc({ operation });
    return new IngestError(
      'DEDUP_UNAVAILABLE',
      'the dedup store is unavailable; nothing was accepted, retry later',
      { retryAfterMs: 1_000, cause: err },
    );
  }
}

/** The ids this request claimed. */
export function claimedIds(items: readonly DedupItem[], claims: readonly Claim[]): string[] {
  return items.filter((_, i) => claims[i]?.kind === 'claimed').map((item) => item.eventId);
}
