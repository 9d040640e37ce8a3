import * as fc from 'fast-check';
import { parseCountryCode, parsePosition } from '../src/geo';

describe('parsePosition', () => {
  it('reads a position when has_position is set', () => {
    expect(parsePosition({ latitude: 52.5, longitude: 13.4, hasPosition: true })).toEqual({
      ok: true,
      value: { lat: 52.5, lon: 13.4 },
    });
    expect(parsePosition({ latitude: -90, longitude: 180, hasPosition: true })).toEqual({
      ok: true,
      value: { lat: -90, lon: 180 },
    });
    expect(parsePosition({ latitude: -0, longitude: 0, hasPosition: true })).toEqual({
      ok: true,
      value: { lat: 0, lon: 0 },
    });
  });

  // Issue #11: Authorize accepted these and silently skipped the impossible-travel check.
  it.each([
    [NaN, 0, 'context.geo.latitude'],
    [Infinity, 0, 'context.geo.latitude'],
    [1000, 0, 'context.geo.latitude'],
    [-2000, 0, 'context.geo.latitude'],
    [0, NaN, 'context.geo.longitude'],
    [0, -Infinity, 'context.geo.longitude'],
    [0, 180.5, 'context.geo.longitude'],
    [90.0001, 0, 'context.geo.latitude'],
  ])('refuses latitude %p, longitude %p', (latitude, longitude, field) => {
    expect(
      parsePosition({ latitude, longitude, hasPosition: true }, { field: 'context.geo' }),
    ).toMatchObject({ ok: false, error: { code: 'OUT_OF_RANGE', field } });
  });

  it('is both coordinates or neither', () => {
    expect(parsePosition(undefined)).toEqual({ ok: true, value: undefined });
    expect(parsePosition({})).toEqual({ ok: true, value: undefined });
    expect(parsePosition({ latitude: 0, longitude: 0 })).toEqual({ ok: true, value: undefined });
    expect(parsePosition({ latitude: 52.5, hasPosition: true }, { field: 'g' })).toMatchObject({
      ok: false,
      error: { code: 'INCOMPLETE', field: 'g.longitude' },
    });
    expect(parsePosition({ latitude: 52.5, longitude: 13.4 }, { field: 'g' })).toMatchObject({
      ok: false,
      error: { code: 'INCOMPLETE', field: 'g.has_position' },
    });
    expect(parsePosition({ latitude: NaN, hasPosition: false })).toMatchObject({
      ok: false,
      error: { code: 'INCOMPLETE' },
    });
  });

  it('accepts exactly finite coordinates within range', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (latitude, longitude) => {
        const result = parsePosition({ latitude, longitude, hasPosition: true });
        const valid =
          Number.isFinite(latitude) &&
          Number.isFinite(longitude) &&
          Math.abs(latitude) <= 90 &&
          Math.abs(longitude) <= 180;
        expect(result.ok).toBe(valid);
        if (result.ok) {
          expect(result.value?.lat).toBe(latitude === 0 ? 0 : latitude);
          expect(result.value?.lon).toBe(longitude === 0 ? 0 : longitude);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseCountryCode', () => {
  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    ['Us', 'US'],
    ['', ''],
  ])('%j is %j', (text, code) => {
    expect(parseCountryCode(text)).toEqual({ ok: true, value: code });
  });

  it.each(['DEU', 'D', '1A', '<s>', 'D\u0000', 'ÄÖ', 'XX ', ' DE', 'D\u200bE'])(
    'refuses %j',
    (text) => {
      expect(parseCountryCode(text, { field: 'actor.geo.country_code' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_FORMAT', field: 'actor.geo.country_code' },
      });
    },
  );

  it('accepts exactly two ASCII letters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (text) => {
        const result = parseCountryCode(text);
        if (text === '') return;
        expect(result.ok).toBe(/^[A-Za-z]{2}$/.test(text));
        if (result.ok) expect(result.value).toBe(text.toUpperCase());
      }),
      { numRuns: 1000 },
    );
  });
});
