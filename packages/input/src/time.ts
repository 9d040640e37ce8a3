/**
 * RFC 3339 timestamps: the one parser for the whole repository (ingest's HTTP JSON, proof
 * bundles, CLI flags).
 *
 * Accepted: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` exactly as RFC 3339 §5.6 writes
 * it, with `T`/`t` and `Z`/`z` in either case (§5.6: "T" and "Z" may alternatively be lower
 * case), a fraction of 1 to 9 digits, any offset up to ±23:59 (`-00:00` is UTC). The instant must
 * lie in 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z, the range of
 * google.protobuf.Timestamp.
 *
 * Refused, with a code: a space or anything else instead of `T`, a missing offset, impossible
 * dates (2025-02-29), hour 24, a leap second (`:60`: neither a protobuf Timestamp nor epoch
 * milliseconds can hold one, and a smeared clock never sends one), more than 9 fraction digits
 * (finer than the nanoseconds a Timestamp holds; rounding would change the instant).
 */
import { fail, ok, type Parsed } from './result';

/** Seconds since the Unix epoch (UTC) and nanoseconds within the second, as in a protobuf Timestamp. */
export interface Timestamp {
  readonly seconds: number;
  readonly nanos: number;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds. */
export const MIN_TIMESTAMP_SECONDS = -62_135_596_800;
export const MAX_TIMESTAMP_SECONDS = 253_402_300_799;

const FORMAT = 'must be an RFC 3339 timestamp such as 2026-03-01T12:00:00Z or ...+01:00';

export function parseRfc3339(value: unknown, options: { field?: string } = {}): Parsed<Timestamp> {
  const field = options.field ?? 'timestamp';
  if (typeof value !== 'string') return fail('INVALID_FORMAT', field, FORMAT);
  // The longest valid form is 35 characters; refuse long input before the regex sees it.
  const m = value.length <= 64 ? RFC3339.exec(value) : null;
  if (!m) return fail('INVALID_FORMAT', field, FORMAT);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ?? '';
  if (fraction.length > 9) {
    return fail('OUT_OF_RANGE', field, 'must have at most 9 fraction digits (nanoseconds)');
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('OUT_OF_RANGE', field, 'names a date that does not exist');
  }
  if (second === 60) {
    return fail('OUT_OF_RANGE', field, 'must not be a leap second (:60)');
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return fail('OUT_OF_RANGE', field, 'names a time of day that does not exist');
  }
  let offsetSeconds = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) {
      return fail('OUT_OF_RANGE', field, 'has an offset beyond ±23:59');
    }
    offsetSeconds = (m[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  const seconds =
    daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  if (year < 1 || seconds < MIN_TIMESTAMP_SECONDS || seconds > MAX_TIMESTAMP_SECONDS) {
    return fail('OUT_OF_RANGE', field, 'must lie in the years 0001..9999 (UTC)');
  }
  return ok({ seconds, nanos: fraction === '' ? 0 : Number(fraction.padEnd(9, '0')) });
}

/** Epoch milliseconds of a timestamp, or undefined when it is finer than a millisecond. */
export function exactMillis(t: Timestamp): number | undefined {
  return t.nanos % 1_000_000 === 0 ? t.seconds * 1000 + t.nanos / 1_000_000 : undefined;
}

/**
 * RFC 3339 in UTC with `T` and `Z`, and 0, 3, 6 or 9 fraction digits (the proto3 JSON form):
 * what Vigil writes. Throws RangeError outside the Timestamp range.
 */
export function formatRfc3339(t: Timestamp): string {
  const { seconds, nanos } = t;
  if (
    !Number.isSafeInteger(seconds) ||
    seconds < MIN_TIMESTAMP_SECONDS ||
    seconds > MAX_TIMESTAMP_SECONDS ||
    !Number.isInteger(nanos) ||
    nanos < 0 ||
    nanos > 999_999_999
  ) {
    throw new RangeError(`${seconds}s ${nanos}ns is not a Timestamp in 0001..9999`);
  }
  // Date handles the calendar of years 1..9999 exactly; its output has 3 fraction digits.
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  let fraction = '';
  if (nanos !== 0) {
    const digits = String(nanos).padStart(9, '0');
    fraction = `.${nanos % 1_000_000 === 0 ? digits.slice(0, 3) : nanos % 1000 === 0 ? digits.slice(0, 6) : digits}`;
  }
  return `${base}${fraction}Z`;
}

/** RFC 3339 in UTC with exactly 3 fraction digits (Date#toISOString), for epoch milliseconds. */
export function formatRfc3339Millis(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`${ms} is not an integer of milliseconds`);
  const seconds = Math.floor(ms / 1000);
  if (seconds < MIN_TIMESTAMP_SECONDS || seconds > MAX_TIMESTAMP_SECONDS) {
    throw new RangeError(`${ms} ms is outside the years 0001..9999`);
  }
  return new Date(ms).toISOString();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), in exact
 * integer arithmetic: Date.UTC maps the years 0-99 to 1900-1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
