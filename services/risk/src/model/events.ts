import { millisFromTimestamp, vigil } from '@vigil/proto';
import type { Policy } from '../policy/policy';
import { isValidPosition, type LatLon } from './geo';
import type { Sensitivity } from './sensitivity';

/**
 * Admin actions are published to their own topic, the admin log (`risk-admin`), which only the
 * risk service writes (Kafka ACLs enforce it in a secure deployment). They are audited and sealed
 * like access events, and the risk state (a function of both topics) replays them on a rebuild.
 * A record on the access-events topic that claims to be an admin action is ignored and counted:
 * any sender could have written it.
 *
 * They are keyed by the SUBJECT user, not by the reviewer who acted, so each lands under the
 * subject's watermark of its admin-log partition. The stream processor applies them to the
 * subject only; they never count as the reviewer's activity.
 */
export const ADMIN_SOURCE = 'risk-admin';
export const ADMIN_ACTIONS = {
  clearRestriction: 'risk.restriction.clear',
  restrictUser: 'risk.restriction.set',
} as const;
export const ADMIN_ATTRIBUTES = {
  subject: 'subject_user',
  reason: 'reason',
  ttlSeconds: 'ttl_seconds',
  caller: 'admin_caller',
} as const;
export const subjectResource = (userId: string): string => `user/${userId}`;

/** Longest accepted user id; longer ones are rejected (they would bloat every key). */
export const MAX_USER_ID_LENGTH = 512;

export type Outcome = 'success' | 'failure' | 'denied' | 'unspecified';

/** Something the user did, as far as risk is concerned. */
export interface ActivityEvent {
  /**
   * Its source was granted known_attributes: the event may be judged for new devices, IPs,
   * countries and impossible travel. Other sources' events are scored for what they are
   * (sensitivity, denials, rate), never for where they come from.
   */
  vouches: boolean;
  /**
   * May teach known devices, IPs, countries and the last position: its source was granted
   * known_attributes, and it is not late (see `late`).
   */
  teaches: boolean;
  /** An auth.* failure counts toward the failed-authentication burst (source grant). */
  countsAuthFailure: boolean;
  /**
   * More than the learning horizon older than when ingest received it: history, not evidence.
   * It is scored, but teaches nothing (not even the rate baseline), so it never lowers risk.
   */
  late: boolean;
  kind: 'activity';
  userId: string;
  /** Event time (epoch ms): all time-dependent logic uses it, never the wall clock. */
  at: number;
  action: string;
  outcome: Outcome;
  sensitivity: Sensitivity;
  ip: string;
  deviceId: string;
  country: string;
  position: LatLon | undefined;
}

/** A reviewer cleared the user's restriction (and the risk behind it). */
export interface ReviewEvent {
  kind: 'review';
  userId: string;
  at: number;
}

/** A reviewer restricted the user by hand. */
export interface ManualRestrictionEvent {
  kind: 'manual_restriction';
  userId: string;
  at: number;
  /** Undefined: the policy's restriction TTL. */
  ttlMs: number | undefined;
}

export type RiskEvent = ActivityEvent | ReviewEvent | ManualRestrictionEvent;

export type SkipReason =
  | 'missing_user'
  | 'user_too_long'
  | 'bad_admin_event'
  /** An admin action on the access-events topic: only the admin log may carry one. */
  | 'forged_admin_action'
  /** A record on the admin log that is not an admin action. */
  | 'not_an_admin_event';

export interface RecordMeta {
  key: string | undefined;
  /** The Kafka record timestamp (CreateTime), epoch ms. */
  timestampMs: number;
  /** The record comes from the admin log, not from access-events. */
  fromAdminLog?: boolean;
}

/**
 * What the source's grant lets the event establish. Records written before sources existed carry
 * no grant; they keep the meaning they had when they were accepted (see services/risk/README.md).
 */
function grantOf(event: vigil.v1.IAccessEvent): { knownAttributes: boolean; failedAuth: boolean } {
  const establishes = event.establishes;
  if (!establishes) return { knownAttributes: true, failedAuth: true };
  return {
    knownAttributes: establishes.knownAttributes === true,
    failedAuth: establishes.failedAuthentication === true,
  };
}

const isAdminAction = (event: vigil.v1.IAccessEvent): boolean =>
  event.source === ADMIN_SOURCE || (event.action ?? '').startsWith('risk.');

/** Turns a decoded AccessEvent into what the risk model consumes, or says why it is skipped. */
export function toRiskEvent(
  event: vigil.v1.IAccessEvent,
  record: RecordMeta,
  policy: Policy,
): RiskEvent | { skip: SkipReason } {
  const at = eventTime(event, record, policy.maxFutureSkewMs);
  const action = event.action ?? '';
  if (record.fromAdminLog) {
    if (event.source === ADMIN_SOURCE && action.startsWith('risk.')) {
      return adminEvent(event, action, at, record);
    }
    return { skip: 'not_an_admin_event' };
  }
  if (isAdminAction(event)) return { skip: 'forged_admin_action' };
  const grant = grantOf(event);
  const receivedAt = millisFromTimestamp(event.receivedAt) ?? record.timestampMs;
  const late = receivedAt - at > policy.learningHorizonMs;
  const userId = event.actor?.userId ?? '';
  if (userId === '') return { skip: 'missing_user' };
  if (userId.length > MAX_USER_ID_LENGTH) return { skip: 'user_too_long' };
  const actor = event.actor;
  const geo = actor?.geo;
  return {
    kind: 'activity',
    vouches: grant.knownAttributes,
    teaches: grant.knownAttributes && !late,
    countsAuthFailure: grant.failedAuth,
    late,
    userId,
    at,
    action,
    outcome: outcomeOf(event.outcome),
    sensitivity: policy.sensitivityOf(event.resource ?? ''),
    ip: normalizeIp(actor?.ip ?? ''),
    deviceId: (actor?.deviceId ?? '').trim(),
    country: normalizeCountry(geo?.countryCode ?? ''),
    position:
      geo?.hasPosition && isValidPosition(geo.latitude ?? 0, geo.longitude ?? 0)
        ? { lat: geo.latitude ?? 0, lon: geo.longitude ?? 0 }
        : undefined,
  };
}

function adminEvent(
  event: vigil.v1.IAccessEvent,
  action: string,
  at: number,
  record: RecordMeta,
): RiskEvent | { skip: SkipReason } {
  const subject = event.attributes?.[ADMIN_ATTRIBUTES.subject] ?? '';
  // The key check keeps a malformed admin event from touching a user whose partition it is not in.
  if (subject === '' || subject !== record.key) return { skip: 'bad_admin_event' };
  if (action === ADMIN_ACTIONS.clearRestriction) return { kind: 'review', userId: subject, at };
  if (action === ADMIN_ACTIONS.restrictUser) {
    const ttlSeconds = Number(event.attributes?.[ADMIN_ATTRIBUTES.ttlSeconds] ?? '0');
    return {
      kind: 'manual_restriction',
      userId: subject,
      at,
      ttlMs: Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds * 1000 : undefined,
    };
  }
  return { skip: 'bad_admin_event' };
}

/**
 * The event's own time, so a replay computes exactly what the live run did. A time further ahead
 * of the record's CreateTime than the allowed skew comes from a broken or hostile clock and would
 * freeze decay; the record time replaces it.
 */
export function eventTime(
  event: vigil.v1.IAccessEvent,
  record: RecordMeta,
  maxFutureSkewMs: number,
): number {
  const occurred = millisFromTimestamp(event.occurredAt);
  if (occurred === undefined || occurred > record.timestampMs + maxFutureSkewMs) {
    return record.timestampMs;
  }
  return occurred;
}

function outcomeOf(outcome: vigil.v1.Outcome | null | undefined): Outcome {
  switch (outcome) {
    case vigil.v1.Outcome.OUTCOME_SUCCESS:
      return 'success';
    case vigil.v1.Outcome.OUTCOME_FAILURE:
      return 'failure';
    case vigil.v1.Outcome.OUTCOME_DENIED:
      return 'denied';
    default:
      return 'unspecified';
  }
}

/** IPv6 literals are case-insensitive; compare them in one spelling. */
export const normalizeIp = (ip: string): string => ip.trim().toLowerCase();
export const normalizeCountry = (code: string): string => code.trim().toUpperCase();
