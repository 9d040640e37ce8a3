import type { vigil } from '@vigil/proto';
import { CliError, EXIT } from '../exit-codes';

export interface GeoFlags {
  country?: string;
  lat?: string;
  lon?: string;
}

/** --country/--lat/--lon as a Geo message, or undefined when none is given. */
export function geoFromFlags(flags: GeoFlags): vigil.v1.IGeo | undefined {
  const hasPosition = flags.lat !== undefined || flags.lon !== undefined;
  if (!flags.country && !hasPosition) return undefined;
  const coordinate = (value: string | undefined, flag: string) => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n)) {
      throw new CliError(`${flag}: expected a number, got "${value}"`, EXIT.USAGE);
    }
    return n;
  };
  return {
    countryCode: flags.country ?? '',
    hasPosition,
    latitude: hasPosition ? coordinate(flags.lat, '--lat') : 0,
    longitude: hasPosition ? coordinate(flags.lon, '--lon') : 0,
  };
}
