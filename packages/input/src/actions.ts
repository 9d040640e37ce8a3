/**
 * Actions: what was done, e.g. `auth.login`, `db.query`, `s3:getobject`. A small vocabulary
 * chosen by integrators and matched by the risk model (`auth.*` failures count towards
 * FAILED_AUTH_BURST), so it is ASCII, case-insensitive and canonically lower case: `AUTH.Login`
 * is stored as `auth.login` and counts as one. Anything outside the pattern is refused.
 */
import { BYTE_LIMITS } from './limits';
import { fail, ok, type Parsed } from './result';
import { presentText, type FieldOptions } from './text';
import { codePointLabel } from './unicode';

const ALLOWED = /[^A-Za-z0-9._:-]/u;
/** Words of [a-z0-9] joined by single separators; no leading, trailing or doubled separator. */
const ACTION = /^[a-z0-9]+(?:[._:-][a-z0-9]+)*$/;
const PATTERN_PROBLEM =
  'must be words of letters and digits joined by single ".", "_", ":" or "-" (e.g. auth.login)';

/** An action, lower-cased. Required by default (every event and request names one). */
export function parseAction(value: unknown, options: FieldOptions = {}): Parsed<string> {
  const field = options.field ?? 'action';
  const present = presentText(value, field, BYTE_LIMITS.action, options.required ?? true);
  if (!present.ok || present.value === '') return present;
  const bad = ALLOWED.exec(present.value);
  if (bad) {
    const label = codePointLabel(bad[0].codePointAt(0) as number);
    return fail(
      'INVALID_FORMAT',
      field,
      `${PATTERN_PROBLEM}; found ${label} at index ${bad.index}`,
    );
  }
  const action = present.value.toLowerCase();
  if (!ACTION.test(action)) return fail('INVALID_FORMAT', field, PATTERN_PROBLEM);
  return ok(action);
}
