import type { Policy } from '../policy/policy';
import { isNewAttribute, observeAttribute, observeRate, pushWindow } from './detectors';
import type { ActivityEvent, ManualRestrictionEvent, RiskEvent } from './events';
import { isImpossibleTravel } from './geo';
import { decayed, MAX_SCORE } from './score';
import { atLeast } from './sensitivity';
import type { SignalCode } from './signals';
import type { Seen, UserRiskState } from './state';

/** Where an event sits in Kafka; the watermark that makes re-delivery harmless. */
export interface EventPosition {
  topic: string;
  partition: number;
  offset: number;
}

export const watermarkKey = (topic: string, partition: number): string => `${topic}/${partition}`;

export type ApplyResult =
  { status: 'applied'; signals: SignalCode[]; restricted: boolean } | { status: 'duplicate' };

const DUPLICATE: ApplyResult = { status: 'duplicate' };

/**
 * Applies one event to a user's state, in place, exactly once: an event at or below the
 * watermark of its partition was applied before (Kafka re-delivered it) and changes nothing.
 *
 * Watermarks are kept per topic-partition. A user's events all sit in one partition while the
 * partition count is stable, so one offset comparison decides; after partitions are added the
 * user's new events land in another partition, whose offsets are unrelated, and get their own
 * watermark instead of being compared with the old partition's offsets.
 */
export function applyEvent(
  state: UserRiskState,
  event: RiskEvent,
  position: EventPosition,
  policy: Policy,
): ApplyResult {
  const mark = watermarkKey(position.topic, position.partition);
  const last = state.watermarks.get(mark);
  if (last !== undefined && position.offset <= last) return DUPLICATE;
  state.watermarks.set(mark, position.offset);
  state.lastApplied = `${mark}@${position.offset}`;
  state.applied += 1;

  switch (event.kind) {
    case 'activity':
      return applyActivity(state, event, policy);
    case 'review':
      review(state, event.at);
      return { status: 'applied', signals: [], restricted: false };
    case 'manual_restriction':
      return applyManualRestriction(state, event, policy);
  }
}

/**
 * NEW_* and IMPOSSIBLE_TRAVEL are judged only from events in which the actor proved who they are
 * (everything except a failed authentication), sent by a source trusted to speak about devices,
 * IPs and places (ActivityEvent.vouches). Otherwise an attacker's failed attempts would teach the
 * model their IP and their location would fake a journey, and a holder of any token could pile
 * NEW_IP on somebody else until they are restricted. Only a failure from a source granted
 * failed_authentication counts toward the burst.
 */
const isAuthFailure = (event: ActivityEvent): boolean =>
  event.outcome === 'failure' && event.action.startsWith('auth.');

/**
 * Known attributes are learned only from events that may teach (see ActivityEvent.teaches): a
 * source granted known_attributes, and on time. A late one is judged against what is known and
 * changes nothing: it can raise risk, never lower it.
 */
function judgeAttribute(
  known: Map<string, Seen>,
  value: string,
  t: number,
  limits: Policy['known'],
  teaches: boolean,
): boolean {
  if (teaches) return observeAttribute(known, value, t, limits);
  return isNewAttribute(known, value, t, limits);
}

function applyActivity(state: UserRiskState, event: ActivityEvent, policy: Policy): ApplyResult {
  const t = event.at;
  const signals: SignalCode[] = [];
  const limits = policy.known;

  const teaches = event.teaches;
  if (event.vouches && !isAuthFailure(event)) {
    if (event.deviceId && judgeAttribute(state.devices, event.deviceId, t, limits, teaches)) {
      signals.push('NEW_DEVICE');
    }
    if (event.ip && judgeAttribute(state.ips, event.ip, t, limits, teaches)) {
      signals.push('NEW_IP');
    }
    if (event.country && judgeAttribute(state.countries, event.country, t, limits, teaches)) {
      signals.push('NEW_COUNTRY');
    }
    if (event.position) {
      const fix = { lat: event.position.lat, lon: event.position.lon, at: t };
      if (
        state.lastGeo &&
        isImpossibleTravel(state.lastGeo, fix, policy.signals.IMPOSSIBLE_TRAVEL)
      ) {
        signals.push('IMPOSSIBLE_TRAVEL');
      }
      if (teaches && (!state.lastGeo || t >= state.lastGeo.at)) state.lastGeo = fix;
    }
  }

  // A late event would teach the rate baseline history as if it were today's activity.
  const rate = event.late
    ? { rate: state.rate, anomalous: false }
    : observeRate(state.rate, t, policy.signals.RATE_ANOMALY);
  state.rate = rate.rate;

  // Events dated at or before the latest review have been judged by a person: they still teach
  // the model (attributes, position, rate) but raise nothing, and they do not feed the bursts.
  if (isReviewed(state, t)) return { status: 'applied', signals: [], restricted: false };

  if (rate.anomalous) signals.push('RATE_ANOMALY');
  if (isAuthFailure(event) && event.countsAuthFailure) {
    const burst = policy.signals.FAILED_AUTH_BURST;
    if (pushWindow(state.failures, t, burst.windowMs) >= burst.threshold) {
      signals.push('FAILED_AUTH_BURST');
      // Each full burst counts once; the next one needs `threshold` new failures.
      state.failures = [];
    }
  }
  const denied = policy.signals.DENIED_SENSITIVE_BURST;
  if (event.outcome === 'denied' && atLeast(event.sensitivity, denied.minSensitivity)) {
    if (pushWindow(state.denials, t, denied.windowMs) >= denied.threshold) {
      signals.push('DENIED_SENSITIVE_BURST');
      state.denials = [];
    }
  }

  if (isPrivilegeChange(state, event, policy)) signals.push('PRIVILEGE_ESCALATION');

  for (const code of signals) raise(state, code, policy.signals[code].weight, t, policy);
  let restricted = false;
  if (signals.length > 0 && currentScore(state, t, policy) >= policy.restriction.triggerScore) {
    restrict(state, t, t + policy.restriction.ttlMs, activeCodes(state, t, policy));
    restricted = true;
  }
  return { status: 'applied', signals, restricted };
}

/**
 * A change of privileges that went through (an action of `PRIVILEGE_ESCALATION.actions`, e.g. an
 * RBAC binding created), at most once per window: applying one manifest of several RBAC objects
 * is one change, not several. The window is judged by the signal's own reason entry, so it needs
 * no state of its own. Refused attempts count toward DENIED_SENSITIVE_BURST instead.
 */
function isPrivilegeChange(state: UserRiskState, event: ActivityEvent, policy: Policy): boolean {
  const escalation = policy.signals.PRIVILEGE_ESCALATION;
  if (event.outcome === 'denied' || event.outcome === 'failure') return false;
  if (!escalation.matches(event.action)) return false;
  const last = state.reasons.find((r) => r.code === 'PRIVILEGE_ESCALATION');
  return last === undefined || event.at >= last.raisedAt + escalation.windowMs;
}

function applyManualRestriction(
  state: UserRiskState,
  event: ManualRestrictionEvent,
  policy: Policy,
): ApplyResult {
  if (isReviewed(state, event.at)) return { status: 'applied', signals: [], restricted: false };
  raise(state, 'MANUAL_RESTRICTION', policy.signals.MANUAL_RESTRICTION.weight, event.at, policy);
  const ttl = event.ttlMs ?? policy.restriction.ttlMs;
  restrict(state, event.at, event.at + ttl, activeCodes(state, event.at, policy));
  return { status: 'applied', signals: ['MANUAL_RESTRICTION'], restricted: true };
}

const isReviewed = (state: UserRiskState, t: number): boolean =>
  state.reviewedAt !== undefined && t <= state.reviewedAt;

/**
 * Adds a signal's weight to the decayed score (saturating at 100) and to the signal's own reason
 * entry. A late event is counted at the score's time rather than rewinding it.
 */
export function raise(
  state: UserRiskState,
  code: SignalCode,
  weight: number,
  t: number,
  policy: Policy,
): void {
  const at = Math.max(t, state.scoreAt);
  const half = policy.halfLifeMs;
  state.score = Math.min(MAX_SCORE, decayed(state.score, state.scoreAt, at, half) + weight);
  state.scoreAt = at;
  const kept = state.reasons.filter(
    (r) => r.code !== code && decayed(r.weight, r.raisedAt, at, half) >= policy.reasonFloor,
  );
  const previous = state.reasons.find((r) => r.code === code);
  const carried = previous ? decayed(previous.weight, previous.raisedAt, at, half) : 0;
  kept.push({ code, raisedAt: at, weight: Math.min(MAX_SCORE, carried + weight) });
  state.reasons = kept;
}

/** Restricts until `until`, extending (never shortening) a restriction still active at `since`. */
export function restrict(
  state: UserRiskState,
  since: number,
  until: number,
  reasons: SignalCode[],
): void {
  const current = state.restriction;
  if (current && current.until > since) {
    state.restriction = {
      since: Math.min(current.since, since),
      until: Math.max(current.until, until),
      reasons: [...current.reasons, ...reasons.filter((r) => !current.reasons.includes(r))],
    };
  } else {
    state.restriction = { since, until, reasons: [...reasons] };
  }
}

/**
 * A review lifts the restriction and clears the risk that led to it: score, reasons and the burst
 * windows. Known devices, IPs, countries, position and rate baseline stay (they describe the
 * user, not the incident).
 */
export function review(state: UserRiskState, at: number): void {
  state.reviewedAt = Math.max(state.reviewedAt ?? at, at);
  state.score = 0;
  state.scoreAt = Math.max(state.scoreAt, at);
  state.reasons = [];
  state.failures = [];
  state.denials = [];
  state.restriction = undefined;
}

export const currentScore = (state: UserRiskState, now: number, policy: Policy): number =>
  decayed(state.score, state.scoreAt, now, policy.halfLifeMs);

/** Reason codes still above the floor at `now`, strongest first. */
export function activeCodes(state: UserRiskState, now: number, policy: Policy): SignalCode[] {
  return state.reasons
    .map((r) => ({ code: r.code, left: decayed(r.weight, r.raisedAt, now, policy.halfLifeMs) }))
    .filter((r) => r.left >= policy.reasonFloor)
    .sort((a, b) => b.left - a.left || (a.code < b.code ? -1 : 1))
    .map((r) => r.code);
}
