import { isIP } from 'node:net';
import * as fc from 'fast-check';
import { formatIpv6, parseIp } from '../src/ip';

const valueOf = (text: string) => {
  const result = parseIp(text);
  return result.ok ? result.value : result.error.code;
};

const group = fc.integer({ min: 0, max: 0xffff });
const groups = fc.array(group, { minLength: 8, maxLength: 8 });
/** Groups with long zero runs, which exercise "::" placement. */
const sparseGroups = fc.array(fc.oneof(fc.constant(0), fc.constant(0), group), {
  minLength: 8,
  maxLength: 8,
});

/** Any valid spelling of eight groups: random case, leading zeros, and optional "::". */
function spellings(g: readonly number[]) {
  return fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 1, max: 8 }),
    )
    .map(([pads, upper, start, length]) => {
      const hex = g.map((v, i) => {
        const h = v.toString(16);
        const padded = h.padStart(Math.min(4, h.length + (pads[i] as number)), '0');
        return upper ? padded.toUpperCase() : padded;
      });
      // Compress g[start..start+length) when those groups are all zero.
      const end = Math.min(8, start + length);
      const zeros = g.slice(start, end).every((v) => v === 0) && end > start;
      if (!zeros) return hex.join(':');
      return `${hex.slice(0, start).join(':')}::${hex.slice(end).join(':')}`;
    });
}

describe('parseIp', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:c000:0201', '192.0.2.1'],
    ['64:ff9b::192.0.2.1', '64:ff9b::c000:201'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
  ])('%s is %s', (text, canonical) => {
    expect(valueOf(text)).toBe(canonical);
  });

  it.each([
    '256.0.0.1',
    '192.0.2',
    '01.2.3.4',
    '1.2.3.04',
    'example.com',
    '192.0.2.1 ',
    ' ::1',
    '[::1]',
    '1.2.3.4/24',
    'fe80::1%eth0',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':1::2',
    '1::2:',
    '12345::',
    '::1.2.3',
    '1.2.3.4::',
    'x'.repeat(100),
  ])('refuses %j', (text) => {
    expect(valueOf(text)).toBe('INVALID_FORMAT');
  });

  it('is optional', () => {
    expect(parseIp('')).toEqual({ ok: true, value: '' });
    expect(parseIp('', { required: true, field: 'context.ip' })).toMatchObject({
      ok: false,
      error: { code: 'REQUIRED', message: 'context.ip is required' },
    });
  });

  it('gives every spelling of an address one canonical form', () => {
    fc.assert(
      fc.property(
        fc.oneof(groups, sparseGroups).chain((g) => fc.tuple(fc.constant(g), spellings(g))),
        ([g, spelling]) => {
          const canonical = formatIpv6(g);
          expect(valueOf(spelling)).toBe(canonical);
          expect(valueOf(canonical)).toBe(canonical);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes IPv6 as RFC 5952 does (checked against the WHATWG URL serializer)', () => {
    fc.assert(
      fc.property(fc.oneof(groups, sparseGroups), (g) => {
        fc.pre(!(g.slice(0, 5).every((v) => v === 0) && g[5] === 0xffff));
        const full = g.map((v) => v.toString(16)).join(':');
        expect(valueOf(full)).toBe(new URL(`http://[${full}]/`).hostname.slice(1, -1));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts what node:net accepts, except zone ids', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.'), maxLength: 24 }),
        (text) => {
          expect(parseIp(text).ok || text === '').toBe(isIP(text) !== 0 || text === '');
        },
      ),
      { numRuns: 5000 },
    );
  });
});
