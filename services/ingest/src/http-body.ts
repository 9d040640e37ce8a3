/**
 * What an HTTP request body may be, and reading it: `application/json` in UTF-8, sent as is or
 * gzip-compressed. Everything else is refused with 415 before the body is read, instead of being
 * ignored (a gzip body used to be read as text and refused as "not valid UTF-8"; `br` and
 * `charset=utf-16` used to be accepted and read as UTF-8 JSON).
 */
import type * as http from 'node:http';
import * as zlib from 'node:zlib';
import { IngestError } from './errors';
import { capText } from './text';

/** How a body is encoded, once its headers are accepted. */
export interface BodyEncoding {
  gzip: boolean;
}

/** A header value named in an error, bounded: it is client input. */
const MAX_ECHOED_HEADER_CHARS = 64;

const unsupported = (message: string) => new IngestError('UNSUPPORTED_MEDIA_TYPE', message);

/**
 * Checks Content-Type (application/json; a charset parameter, if any, must be utf-8) and
 * Content-Encoding (identity or gzip, once). Throws UNSUPPORTED_MEDIA_TYPE (415) otherwise.
 * Pure: headers in, verdict out.
 */
export function bodyEncoding(headers: http.IncomingHttpHeaders): BodyEncoding {
  checkContentType(headers['content-type']);
  return { gzip: contentCodings(headers['content-encoding']) };
}

function checkContentType(header: string | undefined): void {
  const [type = '', ...parameters] = (header ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') {
    throw unsupported('the body must be application/json');
  }
  for (const parameter of parameters) {
    const at = parameter.indexOf('=');
    const name = (at < 0 ? parameter : parameter.slice(0, at)).trim().toLowerCase();
    if (name !== 'charset') continue;
    const value = unquote(parameter.slice(at + 1).trim()).toLowerCase();
    if (value !== 'utf-8') {
      throw unsupported(
        `charset ${JSON.stringify(capText(value, MAX_ECHOED_HEADER_CHARS))} is not supported; send UTF-8 (charset=utf-8, or no charset)`,
      );
    }
  }
}

const unquote = (value: string) =>
  value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;

/**
 * True for gzip, false for none. Node joins repeated Content-Encoding headers with ", ", so a
 * list is what arrives; `identity` is no coding. Only one gzip layer is taken: nested layers
 * multiply the decompression work for no benefit to an honest client.
 */
function contentCodings(header: string | string[] | undefined): boolean {
  const codings = [header ?? '']
    .flat()
    .join(',')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return false;
  if (codings.length === 1 && (codings[0] === 'gzip' || codings[0] === 'x-gzip')) return true;
  const named = capText(codings.join(', '), MAX_ECHOED_HEADER_CHARS);
  throw unsupported(
    `content-encoding ${JSON.stringify(named)} is not supported; send identity or gzip (once)`,
  );
}

/**
 * The decoded body: as read, or gunzipped. The decompressed size has the same limit as the body
 * itself (a gzip bomb of a few KiB would otherwise expand to gigabytes); beyond it,
 * BATCH_TOO_LARGE (413), and zlib stops at the limit instead of inflating the rest.
 */
export async function decodeBody(
  body: Buffer,
  encoding: BodyEncoding,
  limit: number,
): Promise<Buffer> {
  if (!encoding.gzip) return body;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      zlib.gunzip(body, { maxOutputLength: limit }, (err, out) =>
        err ? reject(err) : resolve(out),
      ),
    );
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('BATCH_TOO_LARGE', `the body exceeds ${limit} bytes once decompressed`);
    }
    throw new IngestError('MALFORMED_REQUEST', 'the body is not valid gzip', { cause: err });
  }
}
