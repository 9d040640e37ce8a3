/**
 * Geo positions and country codes.
 *
 * A position is both coordinates or neither. proto3 cannot tell 0.0 from unset, so the wire
 * carries an explicit `has_position`; with it, both coordinates must be finite and in range
 * (latitude -90..90, longitude -180..180). Without it, coordinates must be absent or 0: a
 * non-zero (or NaN) coordinate without the flag is refused as INCOMPLETE, because silently
 * ignoring it is how an impossible-travel check gets skipped.
 */
import { BYTE_LIMITS } from './limits';
import { fail, ok, type Parsed } from './result';
import { presentText, type FieldOptions } from './text';

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export interface PositionInput {
  latitude?: number | null;
  longitude?: number | null;
  hasPosition?: boolean | null;
}

/**
 * The position of a Geo message (or its JSON), or undefined when it has none. `field` is the
 * Geo's own path (`actor.geo`, `context.geo`); errors name `<field>.latitude` and so on.
 */
export function parsePosition(
  geo: PositionInput | null | undefined,
  options: { field?: string } = {},
): Parsed<LatLon | undefined> {
  const field = options.field ?? 'geo';
  if (!geo) return ok(undefined);
  const { latitude, longitude, hasPosition } = geo;
  const absent = (v: unknown) => v === undefined || v === null;
  if (hasPosition !== undefined && hasPosition !== null && typeof hasPosition !== 'boolean') {
    return fail('INVALID_FORMAT', `${field}.has_position`, 'must be true or false');
  }
  if (!hasPosition) {
    const given = [latitude, longitude].some((v) => !absent(v) && v !== 0);
    if (given) {
      return fail(
        'INCOMPLETE',
        `${field}.has_position`,
        'must be true when latitude or longitude is given',
      );
    }
    return ok(undefined);
  }
  if (absent(latitude) || absent(longitude)) {
    const missing = absent(latitude) ? 'latitude' : 'longitude';
    return fail('INCOMPLETE', `${field}.${missing}`, 'is required when has_position is true');
  }
  const lat = degrees(latitude, `${field}.latitude`, 90);
  if (!lat.ok) return lat;
  const lon = degrees(longitude, `${field}.longitude`, 180);
  if (!lon.ok) return lon;
  return ok({ lat: lat.value, lon: lon.value });
}

function degrees(value: unknown, field: string, bound: number): Parsed<number> {
  if (typeof value !== 'number') return fail('INVALID_FORMAT', field, 'must be a number');
  if (!Number.isFinite(value) || value < -bound || value > bound) {
    return fail('OUT_OF_RANGE', field, `must be a finite number of degrees in -${bound}..${bound}`);
  }
  // -0 and 0 are one position; keep one spelling.
  return ok(value === 0 ? 0 : value);
}

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * An ISO 3166-1 alpha-2 country code, upper-cased (`de` -> `DE`); '' when absent and not
 * required. Whether the code is assigned is not checked: user-assigned codes (XX, ZZ) are used
 * for unknown or private locations.
 */
export function parseCountryCode(value: unknown, options: FieldOptions = {}): Parsed<string> {
  const field = options.field ?? 'country_code';
  const present = presentText(value, field, BYTE_LIMITS.countryCode, options.required ?? false);
  const problem = 'must be 2 letters (ISO 3166-1 alpha-2)';
  if (!present.ok) {
    return present.error.code === 'TOO_LONG' ? fail('INVALID_FORMAT', field, problem) : present;
  }
  if (present.value === '') return present;
  if (!COUNTRY.test(present.value)) return fail('INVALID_FORMAT', field, problem);
  return ok(present.value.toUpperCase());
}
