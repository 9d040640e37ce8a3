export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** A position at a time (epoch ms). */
export interface GeoFix extends LatLon {
  readonly at: number;
}

/** IUGG mean Earth radius. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine; accurate to ~0.5% since the Earth is not a sphere). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TravelLimits {
  readonly maxSpeedKmh: number;
  readonly minDistanceKm: number;
}

/**
 * True when nobody could have been at both fixes: the jump is long enough to be more than
 * geolocation noise and faster than the limit. Zero elapsed time over such a distance is
 * impossible. Order does not matter (late events compare the same way).
 */
export function isImpossibleTravel(from: GeoFix, to: GeoFix, limits: TravelLimits): boolean {
  const km = haversineKm(from, to);
  if (km < limits.minDistanceKm || km === 0) return false;
  const hours = Math.abs(to.at - from.at) / 3_600_000;
  return hours === 0 || km / hours > limits.maxSpeedKmh;
}

export function isValidPosition(lat: number, lon: number): boolean {
  return (
    Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
  );
}
