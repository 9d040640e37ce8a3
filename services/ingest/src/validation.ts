import { isIP } from 'node:net';
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
 * Bounds on string fields, in UTF-8 bytes. They keep one event well below a Kafka record, keep
 * Redis keys short, and stop a source from turning a label into a payload.
 */
export const FIELD_LIMITS = {
  eventId: 128,
  tenantId: 128,
  userId: 256,
  sessionId: 256,
  deviceId: 256,
  userAgent: 1024,
  action: 128,
  resource: 1024,
  attributeKey: 128,
  attributeValue: 1024,
} as const;

/** Event ids become Redis keys and Kafka headers: a conservative, printable alphabet. */
const EVENT_ID = /^[A-Za-z0-9._:~-]+$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const OUTCOMES = new Set<number>(
  Object.values(vigil.v1.Outcome).filter((v) => typeof v === 'number'),
);
const NOT_WELL_FORMED = 'must be well-formed Unicode (no unpaired surrogates)';
/** Timestamps must round-trip through epoch milliseconds in a JS number. */
const MAX_SAFE_SECONDS = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/**
 * Checks one event as received from a client, before enrichment. Returns every violation (not
 * just the first), each naming the proto field path, so a source can fix all of them at once.
 * Fields the server overwrites (source, received_at) are not checked, except that every string
 * must be well-formed Unicode (no lone surrogates): such a string has no UTF-8 encoding, so the
 * stored record would not decode.
 */
export function validateEvent(
  event: AccessEventInput,
  index: number,
  limits: ValidationLimits,
  nowMs: number,
): Violation[] {
  const out: Violation[] = [];
  const add = (field: string, reason: ViolationReason, message: string) =>
    out.push({ index, field, reason, message });

  const eventId = event.eventId ?? '';
  if (eventId !== '') {
    if (!isWellFormed(eventId)) {
      add('event_id', 'INVALID_FORMAT', NOT_WELL_FORMED);
    } else if (eventId.length > FIELD_LIMITS.eventId) {
      add('event_id', 'TOO_LONG', `must be at most ${FIELD_LIMITS.eventId} characters`);
    } else if (!EVENT_ID.test(eventId)) {
      add('event_id', 'INVALID_FORMAT', 'may contain only letters, digits and . _ : ~ -');
    }
  }

  checkTimestamp(event.occurredAt, 'occurred_at', add, limits, nowMs);
  checkText(event.tenantId, 'tenant_id', FIELD_LIMITS.tenantId, add, { identifier: true });
  checkText(event.action, 'action', FIELD_LIMITS.action, add, { required: true, identifier: true });
  checkText(event.resource, 'resource', FIELD_LIMITS.resource, add, { identifier: true });

  const outcome = event.outcome ?? 0;
  if (!OUTCOMES.has(outcome)) add('outcome', 'OUT_OF_RANGE', `unknown outcome ${String(outcome)}`);

  const actor = event.actor;
  if (!actor) {
    add('actor.user_id', 'REQUIRED', 'is required');
  } else {
    checkText(actor.userId, 'actor.user_id', FIELD_LIMITS.userId, add, {
      required: true,
      identifier: true,
    });
    checkText(actor.sessionId, 'actor.session_id', FIELD_LIMITS.sessionId, add, {
      identifier: true,
    });
    checkText(actor.deviceId, 'actor.device_id', FIELD_LIMITS.deviceId, add, { identifier: true });
    checkText(actor.userAgent, 'actor.user_agent', FIELD_LIMITS.userAgent, add, {});
    const ip = actor.ip ?? '';
    if (!isWellFormed(ip)) {
      add('actor.ip', 'INVALID_FORMAT', NOT_WELL_FORMED);
    } else if (ip !== '' && isIP(ip) === 0) {
      add('actor.ip', 'INVALID_FORMAT', 'must be an IPv4 or IPv6 address');
    }
    const geo = actor.geo;
    if (geo) {
      const country = geo.countryCode ?? '';
      if (!isWellFormed(country)) {
        add('actor.geo.country_code', 'INVALID_FORMAT', NOT_WELL_FORMED);
      } else if (country !== '' && !COUNTRY_CODE.test(country)) {
        add('actor.geo.country_code', 'INVALID_FORMAT', 'must be 2 uppercase letters (ISO 3166-1)');
      }
      checkDegrees(geo.latitude, 'actor.geo.latitude', 90, add);
      checkDegrees(geo.longitude, 'actor.geo.longitude', 180, add);
    }
  }

  const attributes = event.attributes ?? {};
  const keys = Object.keys(attributes);
  if (keys.length > limits.maxAttributes) {
    add('attributes', 'TOO_MANY', `at most ${limits.maxAttributes} attributes`);
  } else {
    for (const key of keys) {
      // The key is client input of any length: the field path repeats a bounded part of it.
      const field = attributeField(key);
      if (key === '') add(field, 'REQUIRED', 'attribute keys must not be empty');
      else checkText(key, field, FIELD_LIMITS.attributeKey, add, { identifier: true });
      checkText(attributes[key], field, FIELD_LIMITS.attributeValue, add, {});
    }
  }
  const source = event.source ?? '';
  if (!isWellFormed(source)) add('source', 'INVALID_FORMAT', NOT_WELL_FORMED);
  return out;
}

/**
 * Validates a whole request. Event ids must also be unique within it: two events with one id
 * would make the second a silent duplicate of the first.
 */
export function validateEvents(
  events: readonly AccessEventInput[],
  limits: ValidationLimits,
  nowMs: number,
): Violation[] {
  const violations: Violation[] = [];
  const firstIndexOf = new Map<string, number>();
  events.forEach((event, index) => {
    violations.push(...validateEvent(event, index, limits, nowMs));
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
  return violations;
}

type Add = (field: string, reason: ViolationReason, message: string) => void;

function checkText(
  value: string | null | undefined,
  field: string,
  maxBytes: number,
  add: Add,
  rules: { required?: boolean; identifier?: boolean },
): void {
  const text = value ?? '';
  if (text === '') {
    if (rules.required) add(field, 'REQUIRED', 'is required');
    return;
  }
  if (!isWellFormed(text)) {
    add(field, 'INVALID_FORMAT', NOT_WELL_FORMED);
    return;
  }
  // UTF-8 needs at most 3 bytes per UTF-16 unit, so short strings skip the byte count.
  if (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes) {
    add(field, 'TOO_LONG', `must be at most ${maxBytes} bytes (UTF-8)`);
    return;
  }
  if (rules.identifier && hasControlCharacter(text)) {
    add(field, 'INVALID_FORMAT', 'must not contain control characters');
  }
}

/** Control characters (C0, DEL, C1) have no place in identifiers, names or log lines. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

function checkDegrees(value: number | null | undefined, field: string, bound: number, add: Add) {
  const degrees = value ?? 0;
  if (!Number.isFinite(degrees) || degrees < -bound || degrees > bound) {
    add(field, 'OUT_OF_RANGE', `must be a finite number of degrees in -${bound}..${bound}`);
  }
}

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
  if (!Number.isSafeInteger(seconds) || Math.abs(seconds) > MAX_SAFE_SECONDS) {
    add(field, 'OUT_OF_RANGE', 'seconds is outside the representable range');
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
