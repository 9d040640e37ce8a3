/**
 * The checks every text kind starts with: presence, type, byte length, forbidden characters and
 * surrounding whitespace. Kinds add their own syntax and canonical form on top (identifiers.ts,
 * resources.ts, actions.ts).
 */
import { fail, ok, type Parsed } from './result';
import { exceedsBytes, findForbidden, hasSurroundingSpace, isWellFormed } from './unicode';

export interface FieldOptions {
  /** The field as the caller names it in errors, e.g. `actor.user_id`, `context.ip`, `--user`. */
  field?: string;
  /** Whether an empty or absent value is an error (REQUIRED) or parses to ''. */
  required?: boolean;
}

/**
 * The value as a string, '' when absent (undefined, null or ''), or an error: REQUIRED when
 * absent but required, INVALID_FORMAT when not a string, TOO_LONG beyond `maxBytes`.
 */
export function presentText(
  value: unknown,
  field: string,
  maxBytes: number,
  required: boolean,
): Parsed<string> {
  if (value === undefined || value === null || value === '') {
    return required ? fail('REQUIRED', field, 'is required') : ok('');
  }
  if (typeof value !== 'string') return fail('INVALID_FORMAT', field, 'must be a string');
  if (exceedsBytes(value, maxBytes)) {
    return fail('TOO_LONG', field, `must be at most ${maxBytes} bytes (UTF-8)`);
  }
  return ok(value);
}

/**
 * presentText plus the character rules of identifiers, resources and actions: no control,
 * bidi, zero-width or invisible characters, no whitespace but the ASCII space, and no leading
 * or trailing space.
 */
export function cleanText(
  value: unknown,
  field: string,
  maxBytes: number,
  required: boolean,
): Parsed<string> {
  const present = presentText(value, field, maxBytes, required);
  if (!present.ok || present.value === '') return present;
  const text = present.value;
  const forbidden = findForbidden(text);
  if (forbidden) return fail(forbidden.code, field, forbidden.problem);
  if (hasSurroundingSpace(text)) {
    return fail('SURROUNDING_WHITESPACE', field, 'must not begin or end with whitespace');
  }
  return ok(text);
}

/**
 * Free text (a user agent, an attribute value, an admin's reason): any characters, including
 * controls, as long as the string is well-formed Unicode and within `maxBytes`. Such text is
 * data, never an identifier or a match key; whoever prints it must escape it.
 */
export function parseFreeText(
  value: unknown,
  options: { field: string; maxBytes: number; required?: boolean },
): Parsed<string> {
  const present = presentText(value, options.field, options.maxBytes, options.required ?? false);
  if (!present.ok || present.value === '') return present;
  if (!isWellFormed(present.value)) {
    return fail(
      'NOT_WELL_FORMED',
      options.field,
      'must be well-formed Unicode (no lone surrogates)',
    );
  }
  if (options.required && present.value.trim() === '') {
    return fail('REQUIRED', options.field, 'must not be blank');
  }
  return ok(present.value);
}
