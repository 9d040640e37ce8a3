/**
 * What every validator returns: the canonical value, or one error with a stable code. Validators
 * never throw on bad input; callers turn an error into their transport's answer (an ingest
 * violation, INVALID_ARGUMENT, a CLI usage error) without parsing messages.
 */
export type InputErrorCode =
  /** Empty (or absent) where a value is required. */
  | 'REQUIRED'
  /** Longer than the kind's limit, in UTF-8 bytes. */
  | 'TOO_LONG'
  /** Has a lone surrogate, so no UTF-8 encoding: the stored bytes could not hold it. */
  | 'NOT_WELL_FORMED'
  /** A control character (C0, DEL, C1, U+2028, U+2029), e.g. NUL, tab or newline. */
  | 'CONTROL_CHARACTER'
  /** A bidirectional control (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069). */
  | 'BIDI_CONTROL'
  /** An invisible character: zero-width, format or default-ignorable (U+200B, U+FEFF, ...). */
  | 'INVISIBLE_CHARACTER'
  /** A Unicode noncharacter (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF). */
  | 'NONCHARACTER'
  /** Whitespace other than the ASCII space (no-break space, ideographic space, ...). */
  | 'WHITESPACE'
  /** Leading or trailing whitespace. */
  | 'SURROUNDING_WHITESPACE'
  /** Not in Unicode Normalization Form C. */
  | 'NOT_NFC'
  /** Not of the kind's syntax (pattern, address, date). */
  | 'INVALID_FORMAT'
  /** A number or date outside the kind's range. */
  | 'OUT_OF_RANGE'
  /** A resource path that is not canonical: empty, `.` or `..` segment, `\`, encoded separator. */
  | 'NOT_CANONICAL'
  /** A geo position that is half given, or given without has_position. */
  | 'INCOMPLETE';

export interface InputError {
  readonly code: InputErrorCode;
  /** The field as the caller named it, e.g. `actor.user_id` or `--user`. */
  readonly field: string;
  /** What is wrong, without the field: "must be at most 256 bytes (UTF-8)". */
  readonly problem: string;
  /** `${field} ${problem}`: ready for an error answer. Never echoes the raw value. */
  readonly message: string;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: InputError };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

export function fail<T = never>(code: InputErrorCode, field: string, problem: string): Parsed<T> {
  return { ok: false, error: { code, field, problem, message: `${field} ${problem}` } };
}

/**
 * The coarse class of a code, for callers whose own error vocabulary is smaller (ingest's
 * violation reasons): everything that is not missing, too long or out of range is a format error.
 */
export function errorClass(
  code: InputErrorCode,
): 'REQUIRED' | 'TOO_LONG' | 'OUT_OF_RANGE' | 'INVALID_FORMAT' {
  switch (code) {
    case 'REQUIRED':
    case 'TOO_LONG':
    case 'OUT_OF_RANGE':
      return code;
    default:
      return 'INVALID_FORMAT';
  }
}
