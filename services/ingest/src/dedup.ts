import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from '@vigil/runtime';
import { mergeShares, TurnBatcher, type ScriptShare } from './dedup-batch';
import {
  decodeState,
  dedupKey,
  encodeDone,
  encodePendingPrefix,
  type DedupState,
} from './dedup-state';
import { IngestError } from './errors';
import type { IngestMetrics } from './metrics';
import type { Placement } from './publisher';

export interface DedupOptions {
  prefix: string;
  /** Lease of a claim; its owner renews it every third of this while the event is in flight. */
  pendingTtlMs: number;
}

export interface DedupItem {
  eventId: string;
  fingerprint: string;
  /**
   * How long from now the id must be remembered: until a retry of the event can no longer be
   * accepted (see Ingestor: its occurred_at has become too old).
   */
  retainMs: number;
}

/** The outcome of claiming one event id. */
export type Claim =
  | { kind: 'claimed'; token: string }
  | { kind: 'done'; placement: Placement }
  | { kind: 'pending' }
  | { kind: 'conflict' }
  /**
   * Claimed by an instance whose lease ran out: it died, maybe after Kafka stored the event.
   * Whoever finds this looks for the event in Kafka before taking the claim over.
   */
  | { kind: 'orphaned'; value: string; claimedAtMs: number };

/**
 * The most event ids one claim or receipt call carries when it merges concurrent requests: the
 * script holds Redis for about 2 µs per id. A request with more ids than this goes alone.
 */
const MAX_KEYS_PER_CALL = 1_000;

/** A Lua script and its SHA-1, for EVALSHA. */
interface Script {
  lua: string;
  sha: string;
}
const script = (lua: string): Script => ({
  lua,
  sha: createHash('sha1').update(lua).digest('hex'),
});

/** Redis server time in ms: every lease is set and judged by this one clock. */
const NOW_MS = `local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`;

/**
 * Claims every key that is free (a claim kept as long as the id must be remembered, with a
 * lease); returns, per key, "" when it is now ours, the value that is there, or "O" and the value
 * for a claim whose lease ran out. ARGV: one claim prefix per key, one TTL (ms) per key, then
 * the lease in ms.
 */
const CLAIM = script(`${NOW_MS}
local lease = tonumber(ARGV[2 * #KEYS + 1])
local out = {}
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if not current then
    redis.call('SET', key, ARGV[i] .. '|' .. now .. '|' .. (now + lease), 'PX', ARGV[#KEYS + i])
    out[i] = ''
  else
    local leaseUntil = tonumber(string.match(current, '^P|[^|]*|[^|]*|%d+|(%d+)$'))
    if leaseUntil and leaseUntil < now then out[i] = 'O' .. current else out[i] = current end
  end
end
return out`);

/** SET with its own TTL for every key (receipts overwrite claims). ARGV: values, then TTLs. */
const COMPLETE = script(`
for i, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[i], 'PX', ARGV[#KEYS + i])
end
return #KEYS`);

/** A claim held by this token: its value contains "|token|" (tokens and fingerprints hold no "|"). */
const OWNED = `local current = redis.call('GET', KEYS[1])
local owned = current and string.sub(current, 1, 2) == 'P|'
  and string.find(current, '|' .. ARGV[1] .. '|', 1, true)`;

/** Deletes a claim only if this token still holds it. */
const RELEASE_IF_OWNER = script(`${OWNED}
if owned then return redis.call('DEL', KEYS[1]) end
return 0`);

/** Renews the lease of a claim only if this token still holds it. ARGV: token, lease ms. */
const RENEW_IF_OWNER = script(`${OWNED}
if not owned then return 0 end
${NOW_MS}
local claimed = string.match(current, '^(P|[^|]*|[^|]*|%d+)|%d+$')
if not claimed then return 0 end
redis.call('SET', KEYS[1], claimed .. '|' .. (now + tonumber(ARGV[2])), 'KEEPTTL')
return 1`);

/**
 * Replaces an orphaned claim with a new one, only if it is still exactly that orphan (two
 * requests may find the same orphan; one takes it over). ARGV: the orphan's value, the new
 * claim prefix, the lease ms. Returns "" when taken over, else the value now there.
 */
const TAKE_OVER = script(`${NOW_MS}
local current = redis.call('GET', KEYS[1])
if current ~= ARGV[1] then return current or false end
redis.call('SET', KEYS[1], ARGV[2] .. '|' .. now .. '|' .. (now + tonumber(ARGV[3])), 'KEEPTTL')
return ''`);

/**
 * The idempotency store in Redis, scoped per source so that one source can neither see nor
 * collide with another's event ids.
 *
 *   claim      P|... with a lease, kept as long as  one round trip: either we own the id now, or
 *              the event's retries are accepted
 *                                                  we learn who does (a receipt, a live claim,
 *                                                  or an orphaned claim)
 *   complete   SET key R|... PX (same)             after Kafka acknowledged
 *   release    delete-if-owner                     when the publish failed, so a retry may claim
 *   takeOver   replace-if-unchanged                an orphan whose event is not in Kafka
 *
 * Leases of events still in flight are renewed in the background: an accepted event keeps being
 * retried by the producer for as long as Kafka is down, and its claim must stay live for that
 * long, or a client retry would publish the event a second time.
 */
export class DedupStore {
  /** key -> claim token, for every claim this process holds. */
  private readonly held = new Map<string, string>();
  private keeper: NodeJS.Timeout | undefined;
  /** Claim tokens only need to be unique: a random process prefix and a counter. */
  private readonly tokenPrefix = randomBytes(6).toString('base64url');
  private tokenCounter = 0;

  /**
   * Claims, and receipts, of requests that arrive in one turn of the event loop leave as one
   * script call per source: a single-event request no longer pays a script call of its own
   * (ioredis's work per call, and a Lua call in Redis).
   */
  private readonly claims: TurnBatcher<ScriptShare, unknown[]>;
  private readonly receipts: TurnBatcher<ScriptShare, unknown[]>;

  constructor(
    private readonly redis: Redis,
    private readonly options: DedupOptions,
    private readonly metrics: IngestMetrics,
    private readonly logger: Logger,
  ) {
    const batcher = (script: Script, operation: string, trailing: (string | number)[]) =>
      new TurnBatcher<ScriptShare, unknown[]>(MAX_KEYS_PER_CALL, (shares) =>
        this.runMerged(script, operation, shares, trailing),
      );
    this.claims = batcher(CLAIM, 'claim', [options.pendingTtlMs]);
    this.receipts = batcher(COMPLETE, 'complete', []);
  }

  start(): void {
    this.keeper = setInterval(
      () => void this.renewHeldClaims(),
      Math.max(100, Math.floor(this.options.pendingTtlMs / 3)),
    );
    this.keeper.unref();
  }

  stop(): void {
    clearInterval(this.keeper);
  }

  /** Claims every id at once. Throws DEDUP_UNAVAILABLE when Redis does not answer. */
  async claim(source: string, items: readonly DedupItem[]): Promise<Claim[]> {
    if (items.length === 0) return [];
    const tokens = items.map(() => this.nextToken());
    const keys = items.map((item) => this.key(source, item.eventId));
    const prefixes = items.map((item, i) =>
      encodePendingPrefix(item.fingerprint, tokens[i] as string),
    );
    let previous: unknown[];
    try {
      // One script call for every event of this request and of the requests that came with it,
      // not one command per event: the Redis work is the same, the client work (and garbage) a
      // fraction.
      previous = await this.claims.submit(
        { source, keys, columns: [prefixes, items.map(retainMs)] },
        keys.length,
      );
    } catch (err) {
      throw this.unavailable('claim', err);
    }
    // A value missing from the reply must never read as "free": that would publish twice.
    if (previous.length !== items.length) {
      throw this.unavailable(
        'claim',
        new Error(`the claim script answered ${previous.length} values for ${items.length} ids`),
      );
    }
    return items.map((item, i): Claim => {
      const value = (previous[i] as string | undefined) ?? '';
      if (value === '') {
        this.held.set(keys[i] as string, tokens[i] as string);
        return { kind: 'claimed', token: tokens[i] as string };
      }
      return this.classifyValue(value, item.fingerprint);
    });
  }

  /**
   * Takes over an orphaned claim whose event is not in Kafka. Returns `claimed`, or what the id
   * turned into meanwhile (another request took it over, or completed it).
   */
  async takeOver(source: string, item: DedupItem, orphan: string): Promise<Claim> {
    const key = this.key(source, item.eventId);
    const token = this.nextToken();
    let current: string | null;
    try {
      current = (await this.runScript(
        TAKE_OVER,
        [key],
        [orphan, encodePendingPrefix(item.fingerprint, token), this.options.pendingTtlMs],
      )) as string | null;
    } catch (err) {
      throw this.unavailable('claim', err);
    }
    if (current === '') {
      this.held.set(key, token);
      return { kind: 'claimed', token };
    }
    // Gone entirely (the window ended): claim afresh.
    if (current === null) return (await this.claim(source, [item]))[0] as Claim;
    return this.classifyValue(current, item.fingerprint);
  }

  /** Records receipts after Kafka acknowledged. Failures are logged, never thrown: the events
   * are stored, and the caller is owed their receipts. */
  async complete(
    source: string,
    items: readonly (DedupItem & { placement: Placement })[],
  ): Promise<void> {
    if (items.length === 0) return;
    const keys = items.map((item) => this.key(source, item.eventId));
    const values = items.map((item) => encodeDone(item.fingerprint, item.placement));
    for (const key of keys) this.held.delete(key);
    try {
      await this.receipts.submit(
        { source, keys, columns: [values, items.map(retainMs)] },
        keys.length,
      );
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
      const token = this.held.get(key);
      this.held.delete(key);
      if (token) pipeline.eval(RELEASE_IF_OWNER.lua, 1, key, token);
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
      // Its owner died: the caller's retry will look in Kafka and settle it.
      if (isLapsed(state, Date.now())) return 'gone';
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

  /**
   * Runs one script call per source for the shares of a flush, all at once (they are pipelined),
   * and hands each share its slice of the reply: the script's values for its keys, in order.
   */
  private async runMerged(
    script: Script,
    operation: string,
    shares: readonly ScriptShare[],
    trailing: readonly (string | number)[],
  ): Promise<unknown[][]> {
    const replies: unknown[][] = shares.map(() => []);
    await Promise.all(
      mergeShares(shares).map(async (call) => {
        this.metrics.dedupCallKeys.observe({ operation }, call.keys.length);
        const reply = await this.runScript(script, call.keys, [...call.args, ...trailing]);
        if (!Array.isArray(reply)) return;
        for (const { share, offset, count } of call.members) {
          replies[share] = reply.slice(offset, offset + count);
        }
      }),
    );
    return replies;
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

  /** A value read by a script: "O" marks a claim whose lease ran out. */
  private classifyValue(value: string, fingerprint: string): Claim {
    const orphaned = value.startsWith('O');
    const state = decodeState(orphaned ? value.slice(1) : value);
    // Unreadable (written by a newer version): treat as a live claim, never as free.
    if (!state) return { kind: 'pending' };
    const claim = this.classify(state, fingerprint);
    if (orphaned && claim.kind === 'pending' && state.kind === 'pending') {
      return { kind: 'orphaned', value: value.slice(1), claimedAtMs: state.claimedAtMs ?? 0 };
    }
    return claim;
  }

  private classify(state: DedupState, fingerprint: string): Claim {
    if (state.fingerprint !== fingerprint) return { kind: 'conflict' };
    if (state.kind === 'pending') return { kind: 'pending' };
    const { topic, partition, offset } = state;
    return { kind: 'done', placement: { topic, partition, offset } };
  }

  private async renewHeldClaims(): Promise<void> {
    if (this.held.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, token] of this.held) {
      pipeline.eval(RENEW_IF_OWNER.lua, 1, key, token, this.options.pendingTtlMs);
    }
    try {
      await this.exec(pipeline, 'extend');
    } catch (err) {
      this.logger.warn({ err, claims: this.held.size }, 'renewing claim leases failed');
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

/**
 * Whether a claim's lease has run out, by the caller's clock. Only used to stop waiting for a
 * dead owner; the decision to look in Kafka is made by the claim script, on the Redis clock.
 */
function isLapsed(state: DedupState, nowMs: number): boolean {
  return state.kind === 'pending' && state.leaseUntilMs !== undefined && state.leaseUntilMs < nowMs;
}

/** A TTL Redis accepts: a positive whole number of ms. */
const retainMs = (item: DedupItem): number => Math.max(1, Math.ceil(item.retainMs));

/** The ids this request claimed. */
export function claimedIds(items: readonly DedupItem[], claims: readonly Claim[]): string[] {
  return items.filter((_, i) => claims[i]?.kind === 'claimed').map((item) => item.eventId);
}
