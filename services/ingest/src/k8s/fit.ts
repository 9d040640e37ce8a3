import { createHash } from 'node:crypto';
import { capText, toWellFormed } from '../text';

/**
 * Audit items are produced by the API server but carry client input (names in the URL, the
 * Audit-ID header, the user agent): any length, control characters, lone surrogates. These
 * helpers make each mapped field fit ingest's validation (validation.ts) deterministically, so
 * a valid audit item never becomes an invalid event and a retried item maps to the same bytes.
 */

/** A short, stable digest of `text`: 22 base64url characters (132 bits). */
export const shortHash = (text: string, length = 22): string =>
  createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, length);

/** Control characters (C0, DEL, C1), which identifiers must not contain. */
const isControl = (c: number): boolean => c < 0x20 || (c >= 0x7f && c <= 0x9f);

/** `text` with every UTF-16 unit for which `encode` holds percent-encoded (as UTF-8). */
function percentEncodeWhere(text: string, encode: (unit: number) => boolean): string {
  let out = '';
  for (const char of text) {
    out += encode(char.charCodeAt(0)) ? percentEncode(char) : char;
  }
  return out;
}

/**
 * An identifier (user id, session id, resource) of at most `maxBytes` UTF-8 bytes without
 * control characters: those are percent-encoded, and an over-long value is cut and given a
 * digest of the whole, so two long values that share a prefix stay distinct.
 */
export function fitIdentifier(text: string, maxBytes: number): string {
  const clean = percentEncodeWhere(toWellFormed(text), isControl);
  if (Buffer.byteLength(clean, 'utf8') <= maxBytes) return clean;
  const suffix = `~${shortHash(text)}`;
  return `${cutBytes(clean, maxBytes - suffix.length)}${suffix}`;
}

/** A free-text value (attribute value, user agent): well-formed, at most `maxBytes` bytes. */
export const fitValue = (text: string, maxBytes: number): string => capText(text, maxBytes);

/**
 * One segment of a resource path. Kubernetes names cannot contain "/", but names in audit items
 * come from request URLs and are not validated when the request fails. "%", spaces and control
 * characters are percent-encoded; "/" and "\\" become "_", because ingest refuses a resource with
 * an encoded separator (%2F, %5C: @vigil/input, parseResource). "_" is not allowed in Kubernetes
 * names, so the result cannot collide with a real name.
 */
export function pathSegment(text: string): string {
  return percentEncodeWhere(
    toWellFormed(text),
    (c) => isControl(c) || c === 0x25 /* % */ || c === 0x20 /* space */,
  ).replace(/[/\\]/g, '_');
}

/**
 * A JSON array of strings in at most `maxBytes` bytes: each entry is capped at `maxEntryBytes`,
 * and entries that do not fit are replaced by one final "…(+N)" entry, so the value stays valid
 * JSON however long the input.
 */
export function jsonList(items: readonly string[], maxBytes: number, maxEntryBytes = 256): string {
  const entries = items.map((item) => capText(item, maxEntryBytes));
  let json = JSON.stringify(entries);
  if (Buffer.byteLength(json, 'utf8') <= maxBytes) return json;
  for (let keep = entries.length - 1; keep >= 0; keep--) {
    json = JSON.stringify([...entries.slice(0, keep), `…(+${entries.length - keep})`]);
    if (Buffer.byteLength(json, 'utf8') <= maxBytes) return json;
  }
  return '[]';
}

function percentEncode(char: string): string {
  return [...Buffer.from(char, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a code point. */
function cutBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let units = 0;
  while (units < text.length) {
    const cp = text.codePointAt(units) as number;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    units += cp > 0xffff ? 2 : 1;
  }
  return text.slice(0, units);
}
