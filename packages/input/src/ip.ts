/**
 * IP addresses: IPv4 dotted decimal or IPv6 text, canonicalized so that one address has one
 * spelling (risk remembers known IPs by string, so `2001:DB8::1` and `2001:db8:0:0::1` must not
 * look like two addresses):
 *
 * - IPv4: four decimal octets, no leading zeros (`01.2.3.4` is refused: some parsers read it as
 *   octal).
 * - IPv6: the RFC 5952 form: lower-case hex, no leading zeros, the longest run of two or more
 *   zero groups (the first of equals) written `::`.
 * - IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is the IPv4 address it maps, `192.0.2.1`: a dual-stack
 *   socket reports IPv4 clients that way.
 * - Zone ids (`fe80::1%eth0`) are refused: they name an interface of one host, not an address.
 */
import { BYTE_LIMITS } from './limits';
import { fail, ok, type Parsed } from './result';
import { presentText, type FieldOptions } from './text';

const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const PROBLEM = 'must be an IPv4 or IPv6 address';

/** An IP address in its canonical spelling; '' when absent and not required. */
export function parseIp(value: unknown, options: FieldOptions = {}): Parsed<string> {
  const field = options.field ?? 'ip';
  const present = presentText(value, field, BYTE_LIMITS.ip, options.required ?? false);
  if (!present.ok) {
    // An over-long string is no address at all: say so rather than "too long".
    return present.error.code === 'TOO_LONG' ? fail('INVALID_FORMAT', field, PROBLEM) : present;
  }
  const text = present.value;
  if (text === '') return present;
  if (text.includes('%')) {
    return fail('INVALID_FORMAT', field, `${PROBLEM} without a zone id (%...)`);
  }
  // The IPv4 pattern admits no leading zeros, so a valid dotted quad is already canonical.
  if (parseIpv4(text)) return ok(text);
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  if (v6) return ok(formatIpv6(v6));
  return fail('INVALID_FORMAT', field, PROBLEM);
}

function parseIpv4(text: string): number[] | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const octets = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** Eight 16-bit groups, or undefined. */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseSide = (side: string, last: boolean): number[] | undefined => {
    if (side === '') return [];
    const parts = side.split(':');
    const groups: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (last && i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return undefined;
        groups.push(((v4[0] as number) << 8) | (v4[1] as number));
        groups.push(((v4[2] as number) << 8) | (v4[3] as number));
      } else if (HEX_GROUP.test(part)) {
        groups.push(parseInt(part, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  if (halves.length === 1) {
    const groups = parseSide(text, true);
    return groups && groups.length === 8 ? groups : undefined;
  }
  const head = parseSide(halves[0] as string, false);
  const tail = parseSide(halves[1] as string, true);
  // "::" stands for at least one zero group.
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** RFC 5952 text of eight groups; an IPv4-mapped address as its IPv4 dotted quad. */
export function formatIpv6(groups: readonly number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6] as number, groups[7] as number];
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  let bestStart = -1;
  let bestLength = 1; // a single zero group is never compressed
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}
