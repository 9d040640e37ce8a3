import {
  BYTE_LIMITS,
  errorClass,
  MAX_TIMESTAMP_SECONDS,
  MIN_TIMESTAMP_SECONDS,
  parseAction,
  parseAttributeKey,
  parseCountryCode,
  parseDeviceId,
  parseEventId,
  parseFreeText,
  parseIp,
  parsePosition,
  parseResource,
  parseSessionId,
  parseTenantId,
  parseUserId,
  type Parsed,
} from '@vigil/input';
import { vigil } from '@vigil/proto';
import type { Violation, ViolationReason } from './errors';
import { attributeField, isWellFormed } from './text';

type AccessEventInput = vigil.v1.AccessEvent.$Properties;
type TimestampInput = { seconds?: number | null; nanos?: number | null } | null | undefined;

export interface ValidationLimits {
  maxAttributes: number;
  /** How far in the past and future of the server clock occurred_at may be. */
  clockSkewPastMs: number;
  clockSkewFutureMs: number;
}

/**
 * Bounds on string fields, in UTF-8 bytes: the shared ones of @vigil/input (BYTE_LIMITS), so
 * ingest, Authorize, RiskAdmin and the CLI agree on every length.
 */
export const FIELD_LIMITS = {
  eventId: BYTE_LIMITS.eventId,
  tenantId: BYTE_LIMITS.tenantId,
  userId: BYTE_LIMITS.userId,
  sessionId: BYTE_LIMITS.sessionId,
  deviceId: BYTE_LIMITS.deviceId,
  userAgent: BYTE_LIMITS.userAgent,
  action: BYTE_LIMITS.action,
  resource: BYTE_LIMITS.resource,
  attributeKey: BYTE_LIMITS.attributeKey,
  attributeValue: BYTE_LIMITS.attributeValue,
} as const;

const OUTCOMES = new Set<number>(
  Object.values(vigil.v1.Outcome).filter((v) => typeof v === 'number'),
);
const NOT_WELL_FORMED = 'must be well-formed Unicode (no unpaired surrogates)';
/** Options of the attribute checks; the field path is made only for a refused attribute. */
const ATTRIBUTE_FIELD = { field: 'attributes' };
const ATTRIBUTE_VALUE = { field: 'attributes', maxBytes: BYTE_LIMITS.attributeValue };

/** One event checked: its violations, and the event in canonical form (valid fields only). */
export interface CheckedEvent {
  violations: Violation[];
  /**
   * The event with every field in its canonical form (@vigil/input): user id NFC and
   * case-folded, action lower case, IP in its one spelling, country code upper case, -0 as 0.
   * Only this form is stored and keyed. A field that failed keeps the value as sent.
   */
  event: AccessEventInput;
}

/**
 * Checks one event as received from a client, before enrichment, with the shared validators of
 * @vigil/input (one rule per input kind on every door; their README has the table). Returns
 * every violation (not just the first), each naming the proto field path, so a source can fix
 * all of them at once; the reason is the validator's code reduced to ingest's vocabulary
 * (errorClass), the message says what is wrong and never echoes the value. Fields the server
 * overwrites (source, received_at) are not checked, except that every string must be
 * well-formed Unicode (no lone surrogates): such a string has no UTF-8 encoding, so the stored
 * record would not decode.
 */
export function checkEvent(
  event: AccessEventInput,
  index: number,
  limits: ValidationLimits,
  nowMs: number,
): CheckedEvent {
  const out: Violation[] = [];
  const add = (field: string, reason: ViolationReason, message: string) =>
    out.push({ index, field, reason, message });
  /** The canonical value, or the value as sent (and a violation) when it is refused. */
  const take = <T>(parsed: Parsed<T>, field: string, sent: T): T => {
    if (parsed.ok) return parsed.value;
    add(field, errorClass(parsed.error.code), parsed.error.problem);
    return sent;
  };
  // Canonical values are gathered first and the objects built last, each with one fixed shape:
  // copying the received message and then overwriting fields gave every event its own hidden
  // class and made this function a tenth of ingest's CPU.
  const eventId = event.eventId
    ? take(parseEventId(event.eventId, { field: 'event_id' }), 'event_id', event.eventId)
    : event.eventId;
  checkTimestamp(event.occurredAt, 'occurred_at', add, limits, nowMs);
  const tenantId = take(
    parseTenantId(event.tenantId, { field: 'tenant_id' }),
    'tenant_id',
    event.tenantId ?? '',
  );
  const action = take(parseAction(event.action, { field: 'action' }), 'action', event.action ?? '');
  const resource = take(
    parseResource(event.resource, { field: 'resource' }),
    'resource',
    event.resource ?? '',
  );

  const outcome = event.outcome ?? 0;
  if (!OUTCOMES.has(outcome)) add('outcome', 'OUT_OF_RANGE', `unknown outcome ${String(outcome)}`);

  const actor = event.actor;
  let canonicalActor: vigil.v1.Actor.$Properties | null | undefined = actor;
  if (!actor) {
    add('actor.user_id', 'REQUIRED', 'is required');
  } else {
    const userId = take(
      parseUserId(actor.userId, { field: 'actor.user_id' }),
      'actor.user_id',
      actor.userId ?? '',
    );
    const sessionId = take(
      parseSessionId(actor.sessionId, { field: 'actor.session_id' }),
      'actor.session_id',
      actor.sessionId ?? '',
    );
    const deviceId = take(
      parseDeviceId(actor.deviceId, { field: 'actor.device_id' }),
      'actor.device_id',
      actor.deviceId ?? '',
    );
    const userAgent = take(
      parseFreeText(actor.userAgent, {
        field: 'actor.user_agent',
        maxBytes: BYTE_LIMITS.userAgent,
      }),
      'actor.user_agent',
      actor.userAgent ?? '',
    );
    const ip = take(parseIp(actor.ip, { field: 'actor.ip' }), 'actor.ip', actor.ip ?? '');
    const geo = actor.geo;
    let canonicalGeo: vigil.v1.Geo.$Properties | null | undefined = geo;
    if (geo) {
      const countryCode = take(
        parseCountryCode(geo.countryCode, { field: 'actor.geo.country_code' }),
        'actor.geo.country_code',
        geo.countryCode ?? '',
      );
      const position = parsePosition(geo, { field: 'actor.geo' });
      if (!position.ok) {
        add(position.error.field, errorClass(position.error.code), position.error.problem);
      }
      canonicalGeo = position.ok
        ? {
            countryCode,
            latitude: position.value?.lat ?? 0,
            longitude: position.value?.lon ?? 0,
            hasPosition: position.value !== undefined,
          }
        : {
            countryCode,
            latitude: geo.latitude,
            longitude: geo.longitude,
            hasPosition: geo.hasPosition,
          };
    }
    canonicalActor = { userId, sessionId, deviceId, ip, userAgent, geo: canonicalGeo };
  }
  const canonical: AccessEventInput = {
    eventId,
    occurredAt: event.occurredAt,
    receivedAt: event.receivedAt,
    tenantId,
    actor: canonicalActor,
    action,
    resource,
    outcome: event.outcome,
    source: event.source,
    attributes: event.attributes,
    establishes: event.establishes,
  };

  const attributes = event.attributes ?? {};
  const keys = Object.keys(attributes);
  if (keys.length > limits.maxAttributes) {
    add('attributes', 'TOO_MANY', `at most ${limits.maxAttributes} attributes`);
  } else {
    for (const key of keys) {
      // The key is client input of any length: the field path repeats a bounded part of it. It
      // is only spelled out for a refused attribute (quoting every key cost as much as checking).
      const parsedKey = parseAttributeKey(key, ATTRIBUTE_FIELD);
      if (!parsedKey.ok) {
        add(attributeField(key), errorClass(parsedKey.error.code), parsedKey.error.problem);
      }
      const value = parseFreeText(attributes[key], ATTRIBUTE_VALUE);
      if (!value.ok) add(attributeField(key), errorClass(value.error.code), value.error.problem);
    }
  }
  const source = event.source ?? '';
  if (!isWellFormed(source)) add('source', 'INVALID_FORMAT', NOT_WELL_FORMED);
  return { violations: out, event: canonical };
}

/** The violations of one event (checkEvent without the canonical form). */
export function validateEvent(
  event: AccessEventInput,
  index: number,
  limits: ValidationLimits,
  nowMs: number,
): Violation[] {
  return checkEvent(event, index, limits, nowMs).violations;
}

/**
 * Checks a whole request. Event ids must also be unique within it: two events with one id
 * would make the second a silent duplicate of the first.
 */
export function checkEvents(
  events: readonly AccessEventInput[],
  limits: ValidationLimits,
  nowMs: number,
): { violations: Violation[]; events: AccessEventInput[] } {
  const violations: Violation[] = [];
  const canonical: AccessEventInput[] = [];
  const firstIndexOf = new Map<string, number>();
  events.forEach((event, index) => {
    const checked = checkEvent(event, index, limits, nowMs);
    violations.push(...checked.violations);
    canonical.push(checked.event);
    const id = event.eventId ?? '';
    if (id === '') return;
    const first = firstIndexOf.get(id);
    if (first === undefined) firstIndexOf.set(id, index);
    else {
      violations.push({
        index,
        field: 'event_id',
        reason: 'DUPLICATE_IN_BATCH',
        message: `repeats the event id of event ${first}`,
      });
    }
  });
  return { violations, events: canonical };
}

/** The violations of a whole request (checkEvents without the canonical forms). */
export function validateEvents(
  events: readonly AccessEventInput[],
  limits: ValidationLimits,
  nowMs: number,
): Violation[] {
  return checkEvents(events, limits, nowMs).violations;
}

type Add = (field: string, reason: ViolationReason, message: string) => void;

/**
 * occurred_at arrives as a protobuf Timestamp (over HTTP, RFC 3339 read by @vigil/input's
 * parseRfc3339): it must lie in the Timestamp range (0001-01-01..9999-12-31, as in
 * @vigil/input) and within the clock skew of the server.
 */
function checkTimestamp(
  ts: TimestampInput,
  field: string,
  add: Add,
  limits: ValidationLimits,
  nowMs: number,
): void {
  if (!ts) {
    add(field, 'REQUIRED', 'is required');
    return;
  }
  const seconds = Number(ts.seconds ?? 0);
  const nanos = ts.nanos ?? 0;
  if (
    !Number.isSafeInteger(seconds) ||
    seconds < MIN_TIMESTAMP_SECONDS ||
    seconds > MAX_TIMESTAMP_SECONDS
  ) {
    add(field, 'OUT_OF_RANGE', 'seconds is outside 0001-01-01..9999-12-31');
    return;
  }
  if (!Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999) {
    add(field, 'OUT_OF_RANGE', 'nanos must be in 0..999999999');
    return;
  }
  const ms = seconds * 1000 + Math.floor(nanos / 1e6);
  if (ms < nowMs - limits.clockSkewPastMs) {
    add(field, 'TOO_FAR_IN_PAST', `is more than ${limits.clockSkewPastMs} ms before server time`);
  } else if (ms > nowMs + limits.clockSkewFutureMs) {
    add(
      field,
      'TOO_FAR_IN_FUTURE',
      `is more than ${limits.clockSkewFutureMs} ms after server time`,
    );
  }
}
