/**
 * Pure helpers for client-supplied text that ends up in error messages, field paths and logs.
 * Anything echoed back is bounded: a 100k-character attribute key must not become a 100k
 * status message (an HTTP/2 trailer that peers refuse, stalling the connection).
 */

/** How many characters (code points) of a client-supplied key a field path repeats. */
export const MAX_ECHOED_KEY_CHARS = 64;

/** Upper bound of an error message, in UTF-8 bytes, on every transport and in logs. */
export const MAX_ERROR_MESSAGE_BYTES = 1024;

const LONE_SURROGATE = /\p{Surrogate}/u;
const LONE_SURROGATES = /\p{Surrogate}/gu;

type MaybeWellFormed = { isWellFormed?: () => boolean };

/**
 * True when the string has no lone surrogate, i.e. it is a sequence of Unicode scalar values
 * and so has a UTF-8 encoding. `String.prototype.isWellFormed` (Node 20) is used when present;
 * TS's ES2022 lib does not declare it.
 */
export function isWellFormed(text: string): boolean {
  const native = (text as unknown as MaybeWellFormed).isWellFormed;
  return typeof native === 'function' ? native.call(text) : !LONE_SURROGATE.test(text);
}

/** Replaces lone surrogates with U+FFFD (what `String.prototype.toWellFormed` does). */
export function toWellFormed(text: string): string {
  return isWellFormed(text) ? text : text.replace(LONE_SURROGATES, '\ufffd');
}

/** The first `maxChars` code points of `text` (never splits a surrogate pair). */
export function takeCodePoints(text: string, maxChars: number): string {
  let units = 0;
  for (let chars = 0; chars < maxChars && units < text.length; chars++) {
    const cp = text.codePointAt(units) as number;
    units += cp > 0xffff ? 2 : 1;
  }
  return text.slice(0, units);
}

/**
 * A client-supplied key as it appears in a field path: JSON-quoted (so control characters and
 * lone surrogates are escaped) and, when longer than MAX_ECHOED_KEY_CHARS, cut with an ellipsis
 * and its full length: `"kkkk…"(100000 chars)`.
 */
export function quoteKey(key: string): string {
  const head = takeCodePoints(key, MAX_ECHOED_KEY_CHARS);
  if (head.length === key.length) return JSON.stringify(key);
  return `${JSON.stringify(`${head}…`)}(${key.length} chars)`;
}

/** The field path of one attribute, e.g. `attributes["mfa"]`, bounded in length. */
export function attributeField(key: string): string {
  return `attributes[${quoteKey(key)}]`;
}

const PLAIN_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;

/** An unknown JSON member name in a field path: plain when it looks like one, else quoted. */
export function memberName(name: string): string {
  return PLAIN_NAME.test(name) ? name : quoteKey(name);
}

/**
 * `text` cut to at most `maxBytes` UTF-8 bytes (with an ellipsis when cut), on a code point
 * boundary, with lone surrogates replaced: safe for any transport and log line.
 */
export function capText(text: string, maxBytes = MAX_ERROR_MESSAGE_BYTES): string {
  const safe = toWellFormed(text);
  // UTF-8 needs at most 3 bytes per UTF-16 unit.
  if (safe.length * 3 <= maxBytes || Buffer.byteLength(safe, 'utf8') <= maxBytes) return safe;
  const budget = maxBytes - 3; // "…" is 3 bytes
  let bytes = 0;
  let units = 0;
  while (units < safe.length) {
    const cp = safe.codePointAt(units) as number;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > budget) break;
    bytes += size;
    units += cp > 0xffff ? 2 : 1;
  }
  return `${safe.slice(0, units)}…`;
}

/**
 * `text` cut so that its percent-encoded form (`encodeURI`, as grpc-js sends `grpc-message`)
 * is at most `maxEncoded` characters: non-ASCII text triples in size on the wire.
 */
export function capEncoded(text: string, maxEncoded = MAX_ERROR_MESSAGE_BYTES): string {
  const safe = toWellFormed(text);
  if (safe.length * 9 <= maxEncoded || encodeURI(safe).length <= maxEncoded) return safe;
  const budget = maxEncoded - encodeURI('…').length;
  let size = 0;
  let units = 0;
  while (units < safe.length) {
    const cp = safe.codePointAt(units) as number;
    const step = cp > 0xffff ? 2 : 1;
    const cost = encodeURI(safe.slice(units, units + step)).length;
    if (size + cost > budget) break;
    size += cost;
    units += step;
  }
  return `${safe.slice(0, units)}…`;
}
