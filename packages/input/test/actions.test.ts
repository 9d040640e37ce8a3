import * as fc from 'fast-check';
import { parseAction } from '../src/actions';
import type { Parsed } from '../src/result';

const codeOf = (result: Parsed<unknown>) => (result.ok ? 'OK' : result.error.code);
const ACTION = /^[a-z0-9]+(?:[._:-][a-z0-9]+)*$/;

describe('parseAction', () => {
  it.each([
    ['auth.login', 'auth.login'],
    ['AUTH.Login', 'auth.login'],
    ['s3:GetObject', 's3:getobject'],
    ['db.read_only', 'db.read_only'],
    ['k8s.exec', 'k8s.exec'],
    ['risk.restriction.clear', 'risk.restriction.clear'],
    ['a', 'a'],
  ])('%j is the action %j', (action, canonical) => {
    expect(parseAction(action)).toEqual({ ok: true, value: canonical });
  });

  // Issue #11: Authorize accepted an empty action; ingest did not.
  it('is required at every door', () => {
    expect(parseAction('')).toMatchObject({ ok: false, error: { code: 'REQUIRED' } });
    expect(parseAction(undefined, { field: 'action' })).toMatchObject({
      ok: false,
      error: { code: 'REQUIRED', message: 'action is required' },
    });
  });

  it.each([
    'auth..login',
    '.auth',
    'auth.',
    'auth login',
    ' auth.login',
    'auth.login%n%s',
    'auth/login',
    'auth.lögin',
    'auth.login\u0000',
    'auth.login\u200b',
    'auth\u202e.login',
  ])('refuses %j', (action) => {
    expect(codeOf(parseAction(action))).toBe('INVALID_FORMAT');
  });

  it('is at most 128 bytes', () => {
    expect(codeOf(parseAction('a'.repeat(128)))).toBe('OK');
    expect(codeOf(parseAction('a'.repeat(129)))).toBe('TOO_LONG');
  });

  it('folds case so that no variant escapes a prefix match such as auth.*', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^auth\.[a-z0-9]{1,10}$/), fc.func(fc.boolean()), (a, up) => {
        const variant = Array.from(a)
          .map((c, i) => (up(c, i) ? c.toUpperCase() : c))
          .join('');
        const parsed = parseAction(variant);
        expect(parsed).toEqual({ ok: true, value: a });
        expect(parsed.ok && parsed.value.startsWith('auth.')).toBe(true);
      }),
    );
  });

  it('accepts exactly the pattern, case aside', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9]+(?:[._:-][A-Za-z0-9]+)*$/),
          fc.string({ unit: fc.constantFrom(...'aZ09._:-/ %\u00e9\u0000'), maxLength: 12 }),
        ),
        (text) => {
          const result = parseAction(text);
          const expected =
            text !== '' &&
            text.length <= 128 &&
            ACTION.test(text.toLowerCase()) &&
            /^[\x21-\x7e]+$/.test(text);
          expect(result.ok).toBe(expected);
          if (result.ok) {
            expect(result.value).toBe(text.toLowerCase());
            expect(parseAction(result.value)).toEqual(result);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
