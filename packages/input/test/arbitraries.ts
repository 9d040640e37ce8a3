/** fast-check generators shared by the tests of @vigil/input. */
import * as fc from 'fast-check';

/** Any string of Unicode scalar values (no lone surrogates). */
export const unicodeString = (maxLength = 40) => fc.string({ unit: 'binary', maxLength });

/** Any string, lone surrogates included (what a JSON "\ud800" escape or a JS caller can pass). */
export const anyString = (maxLength = 40) =>
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength })
    .map((units) => String.fromCharCode(...units));

/** Characters that no identifier, resource or action may contain, one per class. */
export const FORBIDDEN_SAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['\u0000', 'CONTROL_CHARACTER'],
  ['\n', 'CONTROL_CHARACTER'],
  ['\r', 'CONTROL_CHARACTER'],
  ['\t', 'CONTROL_CHARACTER'],
  ['\u001b', 'CONTROL_CHARACTER'],
  ['\u007f', 'CONTROL_CHARACTER'],
  ['\u0085', 'CONTROL_CHARACTER'],
  ['\u009f', 'CONTROL_CHARACTER'],
  ['\u2028', 'CONTROL_CHARACTER'],
  ['\u2029', 'CONTROL_CHARACTER'],
  ['\u200b', 'INVISIBLE_CHARACTER'],
  ['\u200c', 'INVISIBLE_CHARACTER'],
  ['\u200d', 'INVISIBLE_CHARACTER'],
  ['\u2060', 'INVISIBLE_CHARACTER'],
  ['\ufeff', 'INVISIBLE_CHARACTER'],
  ['\u00ad', 'INVISIBLE_CHARACTER'],
  ['\u034f', 'INVISIBLE_CHARACTER'],
  ['\u115f', 'INVISIBLE_CHARACTER'],
  ['\u3164', 'INVISIBLE_CHARACTER'],
  ['\ufe0f', 'INVISIBLE_CHARACTER'],
  ['\u{e0041}', 'INVISIBLE_CHARACTER'],
  ['\u202a', 'BIDI_CONTROL'],
  ['\u202b', 'BIDI_CONTROL'],
  ['\u202c', 'BIDI_CONTROL'],
  ['\u202d', 'BIDI_CONTROL'],
  ['\u202e', 'BIDI_CONTROL'],
  ['\u2066', 'BIDI_CONTROL'],
  ['\u2067', 'BIDI_CONTROL'],
  ['\u2068', 'BIDI_CONTROL'],
  ['\u2069', 'BIDI_CONTROL'],
  ['\u200e', 'BIDI_CONTROL'],
  ['\u200f', 'BIDI_CONTROL'],
  ['\u061c', 'BIDI_CONTROL'],
  ['\u00a0', 'WHITESPACE'],
  ['\u2003', 'WHITESPACE'],
  ['\u3000', 'WHITESPACE'],
  ['\ufdd0', 'NONCHARACTER'],
  ['\uffff', 'NONCHARACTER'],
  ['\u{10fffe}', 'NONCHARACTER'],
  ['\ud800', 'NOT_WELL_FORMED'],
  ['\udfff', 'NOT_WELL_FORMED'],
];

export const forbiddenChar = fc.constantFrom(...FORBIDDEN_SAMPLES.map(([c]) => c));

/** `text` with `insert` placed at a position chosen by `at` (0..1). */
export function insertAt(text: string, insert: string, at: number): string {
  const chars = Array.from(text);
  const i = Math.floor(at * (chars.length + 1));
  return [...chars.slice(0, i), insert, ...chars.slice(i)].join('');
}

/** Plausible identifiers: letters of several scripts, digits and punctuation, single spaces. */
export const plausibleId = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'abcXYZ019._-@+'),
      fc.constantFrom(
        'é',
        'Ä',
        'ß',
        'ſ',
        'İ',
        'ı',
        'Σ',
        'ς',
        'K',
        'Ǆ',
        'ﬁ',
        'Ω',
        'ж',
        'Ж',
        '中',
        '😀',
      ),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((chars) => chars.join(''));
