import { millisFromTimestamp, vigil } from '@vigil/proto';
import {
  parseAction,
  parseCountryCode,
  parseDeviceId,
  parseIp,
  parsePosition,
  parseResource,
  parseUserId,
  type Parsed,
} from '@vigil/input';
import type { Policy } from '../policy/policy';
import type { LatLon } from './geo';
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
  /**
   * A field breaks the shared input rules (@vigil/input), e.g. a user id with U+200B or a
   * resource `db//x`: ingest refuses such events now, so only records written before it did
   * carry one. Applying it would key a user nobody is, or score a resource at the wrong level.
   */
  | 'invalid_field'
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

/** Actions are case-insensitive (@vigil/input), so `RISK.restriction.set` is one too. */
const isAdminAction = (event: vigil.v1.IAccessEvent): boolean =>
  event.source === ADMIN_SOURCE || (event.action ?? '').toLowerCase().startsWith('risk.');

/** The event's fields under the shared input rules, or the field that breaks them. */
type EventFields = Pick<
  ActivityEvent,
  'userId' | 'action' | 'ip' | 'deviceId' | 'country' | 'position'
> & { resource: string };

/** A rejected field: which one and why, for the skip counter and its log line. */
export interface InvalidField {
  skip: SkipReason;
  field?: string;
  code?: string;
}

/**
 * Reads an event's fields the way ingest does (@vigil/input), canonical: `Alice` and `alice`
 * are one user, `AUTH.Login` is `auth.login`, `2001:DB8::1` is `2001:db8::1`. Pure.
 */
export function eventFields(event: vigil.v1.IAccessEvent): EventFields | InvalidField {
  const actor = event.actor ?? {};
  const geo = actor.geo ?? undefined;
  const user = parseUserId(actor.userId, { field: 'actor.user_id' });
  if (!user.ok) {
    const skip =
      user.error.code === 'REQUIRED'
        ? 'missing_user'
        : user.error.code === 'TOO_LONG'
          ? 'user_too_long'
          : 'invalid_field';
    return { skip, field: user.error.field, code: user.error.code };
  }
  const parsed = {
    action: parseAction(event.action),
    resource: parseResource(event.resource),
    ip: parseIp(actor.ip, { field: 'actor.ip' }),
    deviceId: parseDeviceId(actor.deviceId, { field: 'actor.device_id' }),
    country: parseCountryCode(geo?.countryCode, { field: 'actor.geo.country_code' }),
    position: parsePosition(geo, { field: 'actor.geo' }),
  };
  for (const result of Object.values(parsed)) {
    if (!result.ok) {
      return { skip: 'invalid_field', field: result.error.field, code: result.error.code };
    }
  }
  const value = <T>(result: Parsed<T>): T => (result as { value: T }).value;
  return {
    userId: user.value,
    action: value(parsed.action),
    resource: value(parsed.resource),
    ip: value(parsed.ip),
    deviceId: value(parsed.deviceId),
    country: value(parsed.country),
    position: value(parsed.position),
  };
}

/** Turns a decoded AccessEvent into what the risk model consumes, or says why it is skipped. */
export function toRiskEvent(
  event: vigil.v1.IAccessEvent,
  record: RecordMeta,
  policy: Policy,
): RiskEvent | InvalidField {
  const at = eventTime(event, record, policy.maxFutureSkewMs);
  const action = event.action ?? '';
  if (record.fromAdminLog) {
    if (event.source === ADMIN_SOURCE && action.startsWith('risk.')) {
      return adminEvent(event, action, at, record);
    }
    return { skip: 'not_an_admin_event' };
  }
  if (isAdminAction(event)) return { skip: 'forged_admin_action' };
  const fields = eventFields(event);
  if ('skip' in fields) return fields;
  const grant = grantOf(event);
  const receivedAt = millisFromTimestamp(event.receivedAt) ?? record.timestampMs;
  const late = receivedAt - at > policy.learningHorizonMs;
  return {
    kind: 'activity',
    vouches: grant.knownAttributes,
    teaches: grant.knownAttributes && !late,
    countsAuthFailure: grant.failedAuth,
    late,
    userId: fields.userId,
    at,
    action: fields.action,
    outcome: outcomeOf(event.outcome),
    sensitivity: policy.sensitivityOf(fields.resource),
    ip: fields.ip,
    deviceId: fields.deviceId,
    country: fields.country,
    position: fields.position,
  };
}

function adminEvent(
  event: vigil.v1.IAccessEvent,
  action: string,
  at: number,
  record: RecordMeta,
): RiskEvent | { skip: SkipReason } {
  const raw = event.attributes?.[ADMIN_ATTRIBUTES.subject] ?? '';
  // The key check keeps a malformed admin event from touching a user whose partition it is not in.
  if (raw === '' || raw !== record.key) return { skip: 'bad_admin_event' };
  // RiskAdmin publishes the canonical id; records from before it did are folded the same way, so
  // a restriction of `Alice` is alice's.
  const parsed = parseUserId(raw, { field: ADMIN_ATTRIBUTES.subject });
  if (!parsed.ok) return { skip: 'bad_admin_event' };
  const subject = parsed.value;
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
