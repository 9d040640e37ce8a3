import type { GeoFix } from './geo';
import type { SignalCode } from './signals';

/** When a user was first and last seen with a value (epoch ms, event time). */
export interface Seen {
  first: number;
  last: number;
}

/** A signal's share of the score: `weight` points at `raisedAt`, decaying like the score. */
export interface ActiveReason {
  code: SignalCode;
  raisedAt: number;
  weight: number;
}

export interface Restriction {
  since: number;
  until: number;
  /** The signals active when the user was restricted. */
  reasons: SignalCode[];
}

/** Events per bucket of event time, against an EWMA baseline of the user's active buckets. */
export interface RateState {
  bucket: number;
  count: number;
  ewma: number;
  /** Active buckets folded into the baseline so far. */
  baselineBuckets: number;
  /** RATE_ANOMALY already raised in this bucket (once per bucket is enough). */
  fired: boolean;
}

/**
 * Everything the risk service knows about one user. It is a pure function of the user's events
 * (in partition order) and the policy, which is what makes replay and rebuild exact.
 */
export interface UserRiskState {
  /** Events applied, each exactly once. Also the optimistic-concurrency token for writes. */
  applied: number;
  /** "topic/partition" -> offset of the last applied event from that partition. */
  watermarks: Map<string, number>;
  /** "topic/partition@offset" of the last applied event. */
  lastApplied: string | undefined;
  /** The score as of `scoreAt`; read it through `decayed()`. */
  score: number;
  scoreAt: number;
  reasons: ActiveReason[];
  lastGeo: GeoFix | undefined;
  /** Event times of recent authentication failures, ascending. */
  failures: number[];
  /** Event times of recent DENIED outcomes on sensitive resources, ascending. */
  denials: number[];
  rate: RateState | undefined;
  restriction: Restriction | undefined;
  /** Event time of the latest review; nothing at or before it can raise risk again. */
  reviewedAt: number | undefined;
  ips: Map<string, Seen>;
  devices: Map<string, Seen>;
  countries: Map<string, Seen>;
}

export function emptyState(): UserRiskState {
  return {
    applied: 0,
    watermarks: new Map(),
    lastApplied: undefined,
    score: 0,
    scoreAt: 0,
    reasons: [],
    lastGeo: undefined,
    failures: [],
    denials: [],
    rate: undefined,
    restriction: undefined,
    reviewedAt: undefined,
    ips: new Map(),
    devices: new Map(),
    countries: new Map(),
  };
}

export const isRestrictedAt = (restriction: Restriction | undefined, now: number): boolean =>
  restriction !== undefined && now < restriction.until;
