import type { Policy } from '../policy/policy';
import type { RateState, Seen } from './state';

/**
 * Records that the user was seen with `value` at `t` and says whether that is NEW: not seen
 * within `forgetAfterMs` while the user does have history of this kind. A user's very first
 * value of a kind is not new (there is nothing to compare against, and flagging it would make
 * every brand-new user look risky); it becomes the baseline.
 *
 * Bounded: values unseen for `forgetAfterMs` are dropped, then the least recently seen ones until
 * at most `maxPerKind` remain (ties broken by value, so the outcome is deterministic).
 */
export function observeAttribute(
  known: Map<string, Seen>,
  value: string,
  t: number,
  limits: Policy['known'],
): boolean {
  const seen = known.get(value);
  const familiar = seen !== undefined && isFamiliar(seen, t, limits.forgetAfterMs);
  const isNew = !familiar && known.size > 0;
  known.set(
    value,
    familiar
      ? { first: Math.min(seen.first, t), last: Math.max(seen.last, t) }
      : { first: t, last: t },
  );
  for (const [key, entry] of known) {
    if (t - entry.last > limits.forgetAfterMs) known.delete(key);
  }
  while (known.size > limits.maxPerKind) known.delete(leastRecent(known));
  return isNew;
}

/**
 * Whether `value` would be new at `t` (what observeAttribute returns), without learning it: for
 * events that may be judged but not learned from.
 */
export function isNewAttribute(
  known: Map<string, Seen>,
  value: string,
  t: number,
  limits: Policy['known'],
): boolean {
  const seen = known.get(value);
  return !(seen !== undefined && isFamiliar(seen, t, limits.forgetAfterMs)) && known.size > 0;
}

/** Seen recently enough to still count as known at time `t`. */
export const isFamiliar = (seen: Seen, t: number, forgetAfterMs: number): boolean =>
  t - seen.last <= forgetAfterMs;

function leastRecent(known: Map<string, Seen>): string {
  let victim = '';
  let victimLast = Infinity;
  for (const [key, entry] of known) {
    if (entry.last < victimLast || (entry.last === victimLast && key < victim)) {
      victim = key;
      victimLast = entry.last;
    }
  }
  return victim;
}

/**
 * Adds `t` to a sliding window of event times (kept ascending, so late events land in place) and
 * drops times at least `windowMs` older than the newest. Returns how many remain.
 */
export function pushWindow(times: number[], t: number, windowMs: number): number {
  let i = times.length;
  while (i > 0 && (times[i - 1] as number) > t) i--;
  times.splice(i, 0, t);
  const horizon = (times[times.length - 1] as number) - windowMs;
  let drop = 0;
  while (drop < times.length && (times[drop] as number) <= horizon) drop++;
  if (drop > 0) times.splice(0, drop);
  return times.length;
}

/**
 * Counts the event into its bucket of event time and says whether the bucket is anomalous: more
 * than `factor` x the user's baseline and at least `minEvents`, once the baseline has seen
 * `minBaselineBuckets` buckets. The baseline is an EWMA over the user's ACTIVE buckets, i.e.
 * "events per minute while working", so idle nights do not make every session look like a burst.
 * Raised at most once per bucket. Late events count into the current bucket.
 */
export function observeRate(
  rate: RateState | undefined,
  t: number,
  cfg: Policy['signals']['RATE_ANOMALY'],
): { rate: RateState; anomalous: boolean } {
  const bucket = Math.floor(t / cfg.bucketMs);
  let next: RateState;
  if (rate === undefined) {
    next = { bucket, count: 0, ewma: 0, baselineBuckets: 0, fired: false };
  } else if (bucket > rate.bucket) {
    next = {
      bucket,
      count: 0,
      ewma:
        rate.baselineBuckets === 0
          ? rate.count
          : cfg.alpha * rate.count + (1 - cfg.alpha) * rate.ewma,
      baselineBuckets: rate.baselineBuckets + 1,
      fired: false,
    };
  } else {
    next = { ...rate };
  }
  next.count += 1;
  const anomalous =
    !next.fired &&
    next.baselineBuckets >= cfg.minBaselineBuckets &&
    next.count >= cfg.minEvents &&
    next.count > cfg.factor * next.ewma;
  if (anomalous) next.fired = true;
  return { rate: next, anomalous };
}
