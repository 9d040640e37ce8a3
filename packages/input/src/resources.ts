/**
 * Resources: `/`-separated names such as `db/prod-payments` or `k8s/prod/ns/pod`, whose
 * sensitivity the risk policy decides by glob.
 *
 * A resource that is not canonical must never get a lower sensitivity than the canonical one.
 * Two rules achieve it:
 *
 * - Structure is refused, not repaired: no empty segment (so no leading, trailing or doubled
 *   `/`), no `.` or `..` segment, no `\`, no percent-encoded `/`, `\` or `.`, no segment that
 *   begins or ends with a space. Vigil does not know the path semantics of the system that owns
 *   the resource (in a URL `a//b` is not `a/b`; in S3 it is another key), so it cannot repair
 *   such a name safely; refusing it means Authorize answers INVALID_ARGUMENT instead of a
 *   decision for a resource nobody meant.
 * - Case is kept but never matters for sensitivity: the stored resource is what the caller sent
 *   (resources may be case-sensitive: S3 keys, file names), and policy patterns match its
 *   case-folded match key (resourceMatchKey). `DB/prod-payments` and `Secrets/a` therefore get
 *   exactly the sensitivity of `db/prod-payments` and `secrets/a`.
 *
 * Resources must be NFC (refused otherwise), like the other exact identifiers.
 */
import { BYTE_LIMITS } from './limits';
import { fail, ok, type Parsed } from './result';
import { cleanText, type FieldOptions } from './text';
import { foldCase, isNfc } from './unicode';

/** %2F (/), %5C (\) and %2E (.) in either case: separators and dots in disguise. */
const ENCODED_STRUCTURE = /%(?:2f|5c|2e)/i;

/**
 * A resource, exactly as sent once valid. Optional by default (ingest events need not name one);
 * Authorize passes `required: true`.
 */
export function parseResource(value: unknown, options: FieldOptions = {}): Parsed<string> {
  const field = options.field ?? 'resource';
  const clean = cleanText(value, field, BYTE_LIMITS.resource, options.required ?? false);
  if (!clean.ok || clean.value === '') return clean;
  const resource = clean.value;
  if (!isNfc(resource)) {
    return fail('NOT_NFC', field, 'must be in Unicode Normalization Form C (NFC)');
  }
  const problem = structureProblem(resource);
  if (problem) return fail('NOT_CANONICAL', field, problem);
  return ok(resource);
}

function structureProblem(resource: string): string | undefined {
  if (resource.includes('\\')) return 'must separate segments with "/", not "\\"';
  if (ENCODED_STRUCTURE.test(resource)) {
    return 'must not contain a percent-encoded "/", "\\" or "." (%2F, %5C, %2E)';
  }
  const segments = resource.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (segment === '') {
      if (i === 0) return 'must not begin with "/"';
      if (i === segments.length - 1) return 'must not end with "/"';
      return 'must not contain an empty segment ("//")';
    }
    if (segment === '.' || segment === '..') {
      return `must not contain a "${segment}" segment`;
    }
    if (segment.startsWith(' ') || segment.endsWith(' ')) {
      return `must not have whitespace at the start or end of a segment (segment ${i + 1})`;
    }
  }
  return undefined;
}

/**
 * What sensitivity patterns are matched against: the resource case-folded. Every case variant
 * of a resource has the same key, so none can match fewer patterns than another. Policy
 * patterns must be folded the same way (foldCase) when compiled.
 */
export function resourceMatchKey(resource: string): string {
  return foldCase(resource);
}
