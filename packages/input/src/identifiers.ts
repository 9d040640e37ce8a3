/**
 * Identifiers. Two families (README.md, "Identifiers", says why):
 *
 * - Identities (user ids, reviewers) are case-insensitive. Their canonical form is NFC and case
 *   folded, and only that form is stored, keyed and compared: `Alice`, `ALICE` and `alice` are
 *   one user everywhere, so a case variant can never evade that user's restriction.
 * - Opaque ids (tenant, device, session, attribute keys) are exact: case-sensitive, and refused
 *   unless already in NFC, because no mapping is part of their meaning.
 *
 * Both refuse control, bidi, zero-width and other invisible characters, whitespace other than
 * the ASCII space, and leading or trailing space: no identity provider treats `alice\u200b` as
 * `alice`, so such a value is a mistake or an evasion, never a name. Event ids are a printable
 * ASCII alphabet, exact.
 */
import { BYTE_LIMITS } from './limits';
import { fail, ok, type Parsed } from './result';
import { cleanText, presentText, type FieldOptions } from './text';
import { exceedsBytes, foldCase, isNfc } from './unicode';

function identity(
  value: unknown,
  field: string,
  maxBytes: number,
  required: boolean,
): Parsed<string> {
  const clean = cleanText(value, field, maxBytes, required);
  if (!clean.ok || clean.value === '') return clean;
  const folded = foldCase(clean.value);
  // Folding can lengthen a string (U+00DF -> "ss"); the stored form must fit too.
  if (exceedsBytes(folded, maxBytes)) {
    return fail('TOO_LONG', field, `must be at most ${maxBytes} bytes (UTF-8) once case-folded`);
  }
  return ok(folded);
}

function opaque(
  value: unknown,
  field: string,
  maxBytes: number,
  required: boolean,
): Parsed<string> {
  const clean = cleanText(value, field, maxBytes, required);
  if (!clean.ok || clean.value === '') return clean;
  if (!isNfc(clean.value)) {
    return fail('NOT_NFC', field, 'must be in Unicode Normalization Form C (NFC)');
  }
  return clean;
}

/**
 * A user id, case-folded: `Alice` -> `alice`. Required unless `required: false`. At most
 * BYTE_LIMITS.userId bytes as sent and once folded.
 */
export function parseUserId(value: unknown, options: FieldOptions = {}): Parsed<string> {
  return identity(value, options.field ?? 'user_id', BYTE_LIMITS.userId, options.required ?? true);
}

/** The reviewer of an admin action: a user id (it becomes the audit event's actor). Required. */
export function parseReviewer(value: unknown, options: FieldOptions = {}): Parsed<string> {
  return identity(
    value,
    options.field ?? 'reviewer',
    BYTE_LIMITS.reviewer,
    options.required ?? true,
  );
}

/** A tenant id: exact, optional by default. */
export function parseTenantId(value: unknown, options: FieldOptions = {}): Parsed<string> {
  return opaque(
    value,
    options.field ?? 'tenant_id',
    BYTE_LIMITS.tenantId,
    options.required ?? false,
  );
}

/** A device id: exact, optional by default. */
export function parseDeviceId(value: unknown, options: FieldOptions = {}): Parsed<string> {
  return opaque(
    value,
    options.field ?? 'device_id',
    BYTE_LIMITS.deviceId,
    options.required ?? false,
  );
}

/** A session id: exact, optional by default. */
export function parseSessionId(value: unknown, options: FieldOptions = {}): Parsed<string> {
  return opaque(
    value,
    options.field ?? 'session_id',
    BYTE_LIMITS.sessionId,
    options.required ?? false,
  );
}

/** An attribute key: exact, required by default (a map entry needs a key). */
export function parseAttributeKey(value: unknown, options: FieldOptions = {}): Parsed<string> {
  return opaque(
    value,
    options.field ?? 'attribute key',
    BYTE_LIMITS.attributeKey,
    options.required ?? true,
  );
}

/** Event ids become Redis keys and Kafka headers: a conservative, printable ASCII alphabet. */
const EVENT_ID = /^[A-Za-z0-9._:~-]+$/;

/** A client-chosen event id (idempotency key): exact, optional (the server then makes one). */
export function parseEventId(value: unknown, options: FieldOptions = {}): Parsed<string> {
  const field = options.field ?? 'event_id';
  const present = presentText(value, field, BYTE_LIMITS.eventId, options.required ?? false);
  if (!present.ok || present.value === '') return present;
  if (!EVENT_ID.test(present.value)) {
    return fail('INVALID_FORMAT', field, 'may contain only letters, digits and . _ : ~ -');
  }
  return present;
}
