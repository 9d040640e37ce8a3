import * as fc from 'fast-check';
import {
  exactMillis,
  formatRfc3339,
  formatRfc3339Millis,
  MAX_TIMESTAMP_SECONDS,
  MIN_TIMESTAMP_SECONDS,
  parseRfc3339,
  type Timestamp,
} from '../src/time';

const parsed = (text: string) => {
  const result = parseRfc3339(text);
  return result.ok ? result.value : result.error.code;
};

const timestamp: fc.Arbitrary<Timestamp> = fc.record({
  seconds: fc.integer({ min: MIN_TIMESTAMP_SECONDS, max: MAX_TIMESTAMP_SECONDS }),
  nanos: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 999 }).map((ms) => ms * 1_000_000),
    fc.integer({ min: 0, max: 999_999 }).map((us) => us * 1000),
    fc.integer({ min: 0, max: 999_999_999 }),
  ),
});

describe('parseRfc3339', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0, 0],
    ['2026-01-15T12:00:00.5Z', 1_768_478_400, 500_000_000],
    ['2026-01-15t12:00:00.000000001z', 1_768_478_400, 1],
    ['2026-01-15T14:30:00+02:30', 1_768_478_400, 0],
    ['2026-01-15T07:00:00-05:00', 1_768_478_400, 0],
    ['2026-01-15T12:00:00-00:00', 1_768_478_400, 0],
    ['2024-02-29T00:00:00Z', 1_709_164_800, 0],
    ['2026-03-01T12:00:00.250Z', 1_772_366_400, 250_000_000],
    ['0001-01-01T00:00:00Z', MIN_TIMESTAMP_SECONDS, 0],
    ['0050-01-01T00:00:00Z', -60_589_296_000, 0],
    ['9999-12-31T23:59:59.999999999Z', MAX_TIMESTAMP_SECONDS, 999_999_999],
  ])('%s', (text, seconds, nanos) => {
    expect(parsed(text)).toEqual({ seconds, nanos });
  });

  // T/t and Z/z: RFC 3339 §5.6 allows either case; the bundle parser used to refuse "t".
  it('accepts T and Z in either case, as RFC 3339 allows', () => {
    const upper = parsed('2026-03-01T12:00:00Z');
    for (const text of ['2026-03-01t12:00:00Z', '2026-03-01T12:00:00z', '2026-03-01t12:00:00z']) {
      expect(parsed(text)).toEqual(upper);
    }
  });

  it.each([
    ['2026-01-15', 'INVALID_FORMAT'],
    ['2026-01-15T12:00:00', 'INVALID_FORMAT'],
    ['2026-01-15 12:00:00Z', 'INVALID_FORMAT'],
    [' 2026-01-15T12:00:00Z', 'INVALID_FORMAT'],
    ['2026-01-15T12:00Z', 'INVALID_FORMAT'],
    ['2026-01-15T12:00:00.Z', 'INVALID_FORMAT'],
    ['2026-01-15T12:00:00+0100', 'INVALID_FORMAT'],
    ['+02026-01-15T12:00:00Z', 'INVALID_FORMAT'],
    ['2026-13-01T00:00:00Z', 'OUT_OF_RANGE'],
    ['2026-00-01T00:00:00Z', 'OUT_OF_RANGE'],
    ['2025-02-29T00:00:00Z', 'OUT_OF_RANGE'],
    ['1900-02-29T00:00:00Z', 'OUT_OF_RANGE'],
    ['2026-04-31T00:00:00Z', 'OUT_OF_RANGE'],
    ['2026-01-15T24:00:00Z', 'OUT_OF_RANGE'],
    ['2026-01-15T12:60:00Z', 'OUT_OF_RANGE'],
    ['2016-12-31T23:59:60Z', 'OUT_OF_RANGE'],
    ['2026-01-15T12:00:00.1234567890Z', 'OUT_OF_RANGE'],
    ['2026-01-15T12:00:00+24:00', 'OUT_OF_RANGE'],
    ['2026-01-15T12:00:00+01:60', 'OUT_OF_RANGE'],
    ['0000-01-01T00:00:00Z', 'OUT_OF_RANGE'],
    ['0001-01-01T00:00:00+00:01', 'OUT_OF_RANGE'],
    ['9999-12-31T23:59:59-00:01', 'OUT_OF_RANGE'],
  ])('refuses %s (%s)', (text, code) => {
    expect(parsed(text)).toBe(code);
  });

  it('names the field and refuses non-strings', () => {
    expect(parseRfc3339(12, { field: 'occurred_at' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_FORMAT', field: 'occurred_at' },
    });
    expect(parsed('2'.repeat(10_000))).toBe('INVALID_FORMAT');
  });

  it('reads back what formatRfc3339 writes, for every Timestamp', () => {
    fc.assert(
      fc.property(timestamp, (t) => {
        expect(parsed(formatRfc3339(t))).toEqual(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.parse on millisecond timestamps with any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: -62_135_596_800_000 + 86_400_000,
          max: 253_402_300_799_000 - 86_400_000,
        }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.constantFrom('T', 't'),
        (ms, offsetMinutes, t) => {
          // The same instant written in local time at the offset.
          const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${local.slice(0, 10)}${t}${local.slice(11)}${offset}`;
          const result = parseRfc3339(text);
          expect(result.ok).toBe(true);
          if (result.ok) {
            expect(exactMillis(result.value)).toBe(ms);
            expect(exactMillis(result.value)).toBe(Date.parse(text.replace('t', 'T')));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws, and agrees with Date.parse whenever it accepts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789-:T.Zz+ t'), maxLength: 40 }),
        (text) => {
          const result = parseRfc3339(text);
          if (result.ok) {
            expect(Date.parse(text.toUpperCase())).toBe(
              result.value.seconds * 1000 + Math.floor(result.value.nanos / 1e6),
            );
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('exactMillis and the formatters', () => {
  it('gives milliseconds only when nothing finer is lost', () => {
    expect(exactMillis({ seconds: 1, nanos: 250_000_000 })).toBe(1250);
    expect(exactMillis({ seconds: -1, nanos: 0 })).toBe(-1000);
    expect(exactMillis({ seconds: 1, nanos: 250_000_001 })).toBeUndefined();
  });

  it('write Z and T upper case with 0, 3, 6 or 9 fraction digits', () => {
    expect(formatRfc3339({ seconds: 0, nanos: 0 })).toBe('1970-01-01T00:00:00Z');
    expect(formatRfc3339({ seconds: 0, nanos: 250_000_000 })).toBe('1970-01-01T00:00:00.250Z');
    expect(formatRfc3339({ seconds: 0, nanos: 250_000 })).toBe('1970-01-01T00:00:00.000250Z');
    expect(formatRfc3339({ seconds: 0, nanos: 1 })).toBe('1970-01-01T00:00:00.000000001Z');
    expect(formatRfc3339Millis(Date.UTC(2026, 2, 1, 12, 0, 0, 250))).toBe(
      '2026-03-01T12:00:00.250Z',
    );
    expect(() => formatRfc3339({ seconds: MAX_TIMESTAMP_SECONDS + 1, nanos: 0 })).toThrow(
      RangeError,
    );
    expect(() => formatRfc3339Millis(Date.UTC(10000, 0, 1))).toThrow(RangeError);
    expect(() => formatRfc3339Millis(0.5)).toThrow(RangeError);
  });
});
