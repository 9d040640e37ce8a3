import * as fc from 'fast-check';
import { BYTE_LIMITS } from '../src/limits';
import { errorClass } from '../src/result';
import { cleanText, parseFreeText, presentText } from '../src/text';
import { anyString } from './arbitraries';

describe('parseFreeText', () => {
  const userAgent = { field: 'actor.user_agent', maxBytes: BYTE_LIMITS.userAgent };

  it('keeps any well-formed text, controls included: it is data, not an identifier', () => {
    for (const text of ['curl/8.0\r\nX-Injected: 1', 'a\u0000b', '\u001b[2J', ' padded ', '😀']) {
      expect(parseFreeText(text, userAgent)).toEqual({ ok: true, value: text });
    }
  });

  it('refuses lone surrogates and text beyond the limit', () => {
    expect(parseFreeText('ua\ud800', userAgent)).toMatchObject({
      ok: false,
      error: { code: 'NOT_WELL_FORMED', message: expect.stringMatching(/^actor\.user_agent /) },
    });
    expect(parseFreeText('u'.repeat(1025), userAgent)).toMatchObject({
      ok: false,
      error: { code: 'TOO_LONG' },
    });
  });

  it('when required, refuses absent and blank text (an admin reason)', () => {
    const reason = { field: 'reason', maxBytes: BYTE_LIMITS.reason, required: true };
    expect(parseFreeText('', reason)).toMatchObject({ ok: false, error: { code: 'REQUIRED' } });
    expect(parseFreeText(' \n ', reason)).toMatchObject({ ok: false, error: { code: 'REQUIRED' } });
    expect(parseFreeText('false positive', reason)).toEqual({ ok: true, value: 'false positive' });
  });

  it('accepts exactly the well-formed strings within the limit', () => {
    fc.assert(
      fc.property(anyString(30), (text) => {
        const result = parseFreeText(text, { field: 'f', maxBytes: 40 });
        const wellFormed = !/\p{Surrogate}/u.test(text);
        expect(result.ok).toBe(text === '' || (wellFormed && Buffer.byteLength(text) <= 40));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('presentText and cleanText', () => {
  it('tell absent from present and check the type', () => {
    expect(presentText(undefined, 'f', 10, false)).toEqual({ ok: true, value: '' });
    expect(presentText(null, 'f', 10, true)).toMatchObject({
      ok: false,
      error: { code: 'REQUIRED' },
    });
    expect(presentText({}, 'f', 10, true)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_FORMAT', message: 'f must be a string' },
    });
    expect(cleanText('a\u200bb', 'f', 10, true)).toMatchObject({
      ok: false,
      error: { code: 'INVISIBLE_CHARACTER' },
    });
  });
});

describe('errorClass', () => {
  it('maps every code onto the four coarse classes', () => {
    expect(errorClass('REQUIRED')).toBe('REQUIRED');
    expect(errorClass('TOO_LONG')).toBe('TOO_LONG');
    expect(errorClass('OUT_OF_RANGE')).toBe('OUT_OF_RANGE');
    expect(errorClass('BIDI_CONTROL')).toBe('INVALID_FORMAT');
    expect(errorClass('NOT_CANONICAL')).toBe('INVALID_FORMAT');
  });
});
