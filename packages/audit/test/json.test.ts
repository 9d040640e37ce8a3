import {
  formatRfc3339,
  parseSealedAt,
  sealedRootFromJson,
  sealedRootToJson,
  signRoot,
} from '../src';
import { expectCode, newKey, unsignedRoot } from './fixtures';

describe('sealed root JSON', () => {
  it('round-trips strictly', () => {
    const root = signRoot(
      unsignedRoot({ firstOffset: 2 ** 50, lastOffset: 2 ** 50 + 3 }),
      newKey().privateKey,
    );
    const json = sealedRootToJson(root);
    expect(json.firstOffset).toBe(String(2 ** 50));
    expect(json.signature).toMatch(/^[0-9a-f]{128}$/);
    expect(sealedRootFromJson(JSON.parse(JSON.stringify(json)))).toEqual(root);
    expectCode(
      () => sealedRootFromJson({ ...json, leafCount: '9007199254740993' }),
      'MALFORMED_ROOT',
    );
    expect(() => sealedRootFromJson({ ...json, topic: 7 })).toThrow(
      /^sealedRoot.topic: must be a string$/,
    );
  });
});

describe('RFC 3339 timestamps', () => {
  it('formats UTC with milliseconds', () => {
    expect(formatRfc3339(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatRfc3339(Date.UTC(2026, 2, 1, 12, 0, 0, 250))).toBe('2026-03-01T12:00:00.250Z');
    expectCode(() => formatRfc3339(-1), 'MALFORMED_ROOT');
    expectCode(() => formatRfc3339(Date.UTC(10000, 0, 1)), 'MALFORMED_ROOT');
  });

  it('parses offsets and fractions exactly, and refuses what it cannot represent', () => {
    const ms = Date.UTC(2026, 2, 1, 12, 0, 0, 250);
    expect(parseSealedAt('2026-03-01T12:00:00.250Z')).toBe(ms);
    expect(parseSealedAt('2026-03-01T12:00:00.25Z')).toBe(ms);
    expect(parseSealedAt('2026-03-01T12:00:00.250000000Z')).toBe(ms);
    expect(parseSealedAt('2026-03-01T07:00:00.250-05:00')).toBe(ms);
    expect(parseSealedAt('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    // RFC 3339 §5.6: "T" and "Z" may be lower case.
    expect(parseSealedAt('2026-03-01t12:00:00.250z')).toBe(ms);
    for (const bad of [
      '2026-03-01T12:00:00.2501Z',
      '2025-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-03-01T24:00:00Z',
      '2026-03-01T23:59:60Z',
      '2026-03-01T12:00:00',
      '2026-03-01 12:00:00Z',
      '1969-12-31T23:59:59.999Z',
      '0070-01-01T00:00:00Z',
      '2026-03-01T12:00:00+24:00',
      ' 2026-03-01T12:00:00Z',
    ]) {
      expect({ bad, ms: parseSealedAt(bad) }).toEqual({ bad, ms: undefined });
    }
  });
});
