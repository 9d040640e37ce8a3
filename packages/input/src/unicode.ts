/**
 * The Unicode rules shared by every text kind: what a character may be, how long a string is in
 * bytes, and how case is folded. See README.md for why each class is refused.
 */
import type { InputErrorCode } from './result';

/** UTF-8 length of a well-formed string, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * True when `text` is longer than `maxBytes` in UTF-8. Short strings are decided from their
 * UTF-16 length alone (UTF-8 needs at most 3 bytes per UTF-16 unit), and a string whose UTF-16
 * length already exceeds the limit is never scanned, so a 10 MB value costs nothing.
 */
export function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Length(text) > maxBytes;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * True when every character is printable ASCII (U+0020..U+007E). No such character is refused
 * by any rule here, and such a string is well-formed and NFC: most input is like this, and a
 * loop over char codes answers for it several times faster than the Unicode property classes.
 */
function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** True when the string has no lone surrogate, i.e. it has a UTF-8 encoding. */
export function isWellFormed(text: string): boolean {
  return isPrintableAscii(text) || !LONE_SURROGATE.test(text);
}

/**
 * Candidates for refusal in one pass: controls (Cc), format characters (Cf, which holds the
 * bidi controls and most zero-width characters), line and paragraph separators, lone
 * surrogates, default-ignorable code points (invisible fillers and variation selectors that are
 * not Cf, e.g. U+115F, U+3164, U+FE0F), noncharacters, and every White_Space character except
 * U+0020 (the White_Space characters that are not Cc or Zl/Zp are listed: the property is
 * stable, and the test suite checks the list against \p{White_Space}).
 */
const FORBIDDEN =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Surrogate}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

const BIDI_CONTROLS = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);
const OTHER_WHITESPACE = /^[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/u;
const CONTROL = /^[\p{Cc}\p{Zl}\p{Zp}]$/u;
const NONCHARACTER = /^\p{Noncharacter_Code_Point}$/u;
const SURROGATE = /^\p{Surrogate}$/u;

export interface ForbiddenCharacter {
  code: InputErrorCode;
  /** Index (UTF-16) of the character in the string. */
  index: number;
  /** The code point, as U+XXXX: messages name it instead of echoing it. */
  label: string;
  problem: string;
}

/** U+XXXX for a code point. */
export const codePointLabel = (cp: number): string =>
  `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character that no identifier, resource or action may contain, classified, or
 * undefined when there is none. Surrounding spaces are checked separately (surroundingSpace).
 */
export function findForbidden(text: string): ForbiddenCharacter | undefined {
  if (isPrintableAscii(text)) return undefined;
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const char = match[0];
  const cp = char.codePointAt(0) as number;
  const label = codePointLabel(cp);
  const at = (code: InputErrorCode, problem: string): ForbiddenCharacter => ({
    code,
    index: match.index,
    label,
    problem: `${problem} (${label} at index ${match.index})`,
  });
  if (SURROGATE.test(char)) {
    return at('NOT_WELL_FORMED', 'must be well-formed Unicode (no lone surrogates)');
  }
  if (CONTROL.test(char)) return at('CONTROL_CHARACTER', 'must not contain control characters');
  if (BIDI_CONTROLS.has(cp)) {
    return at('BIDI_CONTROL', 'must not contain bidirectional control characters');
  }
  if (OTHER_WHITESPACE.test(char)) {
    return at('WHITESPACE', 'must not contain whitespace other than the ASCII space');
  }
  if (NONCHARACTER.test(char)) return at('NONCHARACTER', 'must not contain noncharacters');
  return at('INVISIBLE_CHARACTER', 'must not contain zero-width or invisible characters');
}

/** True when the string starts or ends with a space (the only whitespace findForbidden allows). */
export const hasSurroundingSpace = (text: string): boolean =>
  text.startsWith(' ') || text.endsWith(' ');

/** True when the string is in Unicode Normalization Form C. */
export function isNfc(text: string): boolean {
  // ASCII is always NFC; most inputs are ASCII, so skip the normalizer for them.
  return isAscii(text) || text.normalize('NFC') === text;
}

/** True when every character is ASCII; a loop over char codes, like isPrintableAscii. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const foldOnce = (text: string): string =>
  text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');

/**
 * Case folding for identifiers that are case-insensitive: NFC, then upper case, then lower case,
 * repeated until nothing changes (at most three rounds; U+1E9E needs two). Going through upper
 * case folds what lower-casing alone keeps apart: long s (U+017F) and s, sharp s and "ss", final
 * and medial sigma, the Kelvin sign and k. Locale-independent, unlike toLocaleLowerCase.
 */
export function foldCase(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  let current = foldOnce(text);
  for (let round = 0; round < 3; round++) {
    const next = foldOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}
