import * as zlib from 'node:zlib';
import { bodyEncoding, decodeBody } from '../src/http-body';
import { IngestError } from '../src/errors';

/**
 * Issue #11, "HTTP": Content-Encoding and charset were ignored. A gzip body got 400 "not valid
 * UTF-8", `content-encoding: br` on a plain body got 200, `charset=utf-16` got 200.
 */
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return (err as IngestError).code;
  }
  return 'accepted';
};

describe('bodyEncoding', () => {
  const json = { 'content-type': 'application/json' };

  it.each([
    [{ ...json }, false],
    [{ 'content-type': 'Application/JSON; charset=UTF-8' }, false],
    [{ 'content-type': 'application/json;charset="utf-8"' }, false],
    [{ ...json, 'content-encoding': 'identity' }, false],
    [{ ...json, 'content-encoding': 'gzip' }, true],
    [{ ...json, 'content-encoding': 'GZIP' }, true],
    [{ ...json, 'content-encoding': 'x-gzip' }, true],
    [{ ...json, 'content-encoding': 'identity, gzip' }, true],
  ])('accepts %j (gzip: %s)', (headers, gzip) => {
    expect(bodyEncoding(headers)).toEqual({ gzip });
  });

  it.each([
    [{ 'content-type': 'application/json; charset=utf-16' }],
    [{ 'content-type': 'application/json; charset=iso-8859-1' }],
    [{ 'content-type': 'application/json; charset=utf8' }],
    [{ 'content-type': 'application/json; charset=utf-8; charset=utf-16' }],
    [{ ...json, 'content-encoding': 'br' }],
    [{ ...json, 'content-encoding': 'deflate' }],
    [{ ...json, 'content-encoding': 'compress' }],
    [{ ...json, 'content-encoding': 'zstd' }],
    [{ ...json, 'content-encoding': 'gzip, gzip' }],
    [{ ...json, 'content-encoding': 'gzip, br' }],
    [{ 'content-type': 'text/plain' }],
    [{}],
  ])('refuses %j with 415', (headers) => {
    expect(codeOf(() => bodyEncoding(headers))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('bounds what it repeats of a header', () => {
    try {
      bodyEncoding({ ...json, 'content-encoding': 'x'.repeat(10_000) });
    } catch (err) {
      expect((err as Error).message.length).toBeLessThan(200);
    }
  });
});

describe('decodeBody', () => {
  const plain = Buffer.from('{"a":1}');

  it('passes a body without coding through', async () => {
    expect(await decodeBody(plain, { gzip: false }, 10)).toBe(plain);
  });

  it('gunzips a gzip body', async () => {
    expect((await decodeBody(zlib.gzipSync(plain), { gzip: true }, 100)).toString()).toBe(
      '{"a":1}',
    );
  });

  it('refuses a gzip bomb beyond the body limit with BATCH_TOO_LARGE (413)', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(128 * 1024);
    await expect(decodeBody(bomb, { gzip: true }, 1024 * 1024)).rejects.toMatchObject({
      code: 'BATCH_TOO_LARGE',
    });
    // Exactly at the limit is fine.
    const exact = zlib.gzipSync(Buffer.alloc(1000, 0x20));
    expect(await decodeBody(exact, { gzip: true }, 1000)).toHaveLength(1000);
  });

  it('refuses bytes that are not gzip as MALFORMED_REQUEST', async () => {
    await expect(decodeBody(plain, { gzip: true }, 100)).rejects.toMatchObject({
      code: 'MALFORMED_REQUEST',
    });
    const truncated = zlib.gzipSync(plain).subarray(0, 10);
    await expect(decodeBody(truncated, { gzip: true }, 100)).rejects.toMatchObject({
      code: 'MALFORMED_REQUEST',
    });
  });
});
