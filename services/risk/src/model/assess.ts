import type { Policy } from '../policy/policy';
import { decide, type Verdict } from './decision';
import { isFamiliar } from './detectors';
import { isImpossibleTravel, type GeoFix, type LatLon } from './geo';
import { decayed, MAX_SCORE, roundScore } from './score';
import type { Sensitivity } from './sensitivity';
import { RESTRICTED, type ReasonCode } from './signals';
import { isRestrictedAt, type ActiveReason, type Restriction, type Seen } from './state';

/** Whether the user has been seen with one request attribute, and how many such values they have. */
export interface KnownLookup {
  seen: Seen | undefined;
  /** How many values of this kind the user is known with (0: no baseline to compare against). */
  history: number;
}

/** The slice of a user's state that Authorize reads, in one Redis round trip. */
export interface RiskSnapshot {
  score: number;
  scoreAt: number;
  reasons: readonly ActiveReason[];
  lastGeo: GeoFix | undefined;
  restriction: Restriction | undefined;
  ip: KnownLookup;
  device: KnownLookup;
  country: KnownLookup;
}

/** What the request says about where it comes from. Empty strings: not provided. */
export interface RequestFacts {
  ip: string;
  deviceId: string;
  country: string;
  position: LatLon | undefined;
}

export interface Assessment {
  verdict: Verdict;
  /** 0..100, two decimals. */
  score: number;
  /** RESTRICTED first, then stored reasons strongest first, then request-time signals. */
  reasons: ReasonCode[];
}

/**
 * Combines the stored (decayed) score with request-time signals. The stored score only knows the
 * event stream; the request may come from somewhere the stream has never shown. Request-time
 * signals add their weight to the score for this decision only (nothing is written), and force
 * at least STEP_UP on sensitive resources.
 */
export function assess(
  snapshot: RiskSnapshot,
  request: RequestFacts,
  sensitivity: Sensitivity,
  now: number,
  policy: Policy,
): Assessment {
  const half = policy.halfLifeMs;
  let score = decayed(snapshot.score, snapshot.scoreAt, now, half);
  const reasons: ReasonCode[] = [];
  const restricted = isRestrictedAt(snapshot.restriction, now);
  if (restricted) reasons.push(RESTRICTED);
  if (snapshot.reasons.length > 0) reasons.push(...storedReasons(snapshot.reasons, now, policy));

  let requestSignal = false;
  const raise = (code: ReasonCode, weight: number) => {
    requestSignal = true;
    score += weight;
    if (!reasons.includes(code)) reasons.push(code);
  };
  const signals = policy.signals;
  if (request.ip && isNewAt(snapshot.ip, now, policy)) raise('NEW_IP', signals.NEW_IP.weight);
  if (request.deviceId && isNewAt(snapshot.device, now, policy)) {
    raise('NEW_DEVICE', signals.NEW_DEVICE.weight);
  }
  if (request.country && isNewAt(snapshot.country, now, policy)) {
    raise('NEW_COUNTRY', signals.NEW_COUNTRY.weight);
  }
  if (
    request.position &&
    snapshot.lastGeo &&
    isImpossibleTravel(
      snapshot.lastGeo,
      { lat: request.position.lat, lon: request.position.lon, at: now },
      signals.IMPOSSIBLE_TRAVEL,
    )
  ) {
    raise('IMPOSSIBLE_TRAVEL', signals.IMPOSSIBLE_TRAVEL.weight);
  }

  score = roundScore(Math.min(MAX_SCORE, score));
  return { verdict: decide(policy, sensitivity, score, restricted, requestSignal), score, reasons };
}

/** Same rule as the stream: new only against a baseline, and forgotten values are new again. */
function isNewAt(lookup: KnownLookup, now: number, policy: Policy): boolean {
  if (lookup.history === 0) return false;
  return lookup.seen === undefined || !isFamiliar(lookup.seen, now, policy.known.forgetAfterMs);
}

function storedReasons(
  reasons: readonly ActiveReason[],
  now: number,
  policy: Policy,
): ReasonCode[] {
  if (reasons.length === 1) {
    const only = reasons[0] as ActiveReason;
    return decayed(only.weight, only.raisedAt, now, policy.halfLifeMs) >= policy.reasonFloor
      ? [only.code]
      : [];
  }
  return reasons
    .map((r) => ({ code: r.code, left: decayed(r.weight, r.raisedAt, now, policy.halfLifeMs) }))
    .filter((r) => r.left >= policy.reasonFloor)
    .sort((a, b) => b.left - a.left || (a.code < b.code ? -1 : 1))
    .map((r) => r.code);
}
