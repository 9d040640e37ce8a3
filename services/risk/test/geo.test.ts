import { haversineKm, isImpossibleTravel, isValidPosition } from '../src/model/geo';

const BERLIN = { lat: 52.52, lon: 13.405 };
const PARIS = { lat: 48.8566, lon: 2.3522 };
const SYDNEY = { lat: -33.8688, lon: 151.2093 };
const HOUR = 3_600_000;
const limits = { maxSpeedKmh: 900, minDistanceKm: 100 };

describe('haversine distance', () => {
  it('matches known great-circle distances', () => {
    expect(haversineKm(BERLIN, PARIS)).toBeCloseTo(878, -1);
    expect(haversineKm(BERLIN, SYDNEY)).toBeCloseTo(16_090, -2);
  });

  it('is zero for the same point and symmetric', () => {
    expect(haversineKm(BERLIN, BERLIN)).toBe(0);
    expect(haversineKm(PARIS, BERLIN)).toBeCloseTo(haversineKm(BERLIN, PARIS), 9);
  });

  it('handles antipodes and the date line', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(
      Math.PI * 6371.0088,
      6,
    );
    expect(haversineKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.2, 0);
  });
});

describe('impossible travel', () => {
  it('flags a journey faster than the limit', () => {
    // Berlin -> Sydney in 2 hours is ~8,000 km/h.
    expect(isImpossibleTravel({ ...BERLIN, at: 0 }, { ...SYDNEY, at: 2 * HOUR }, limits)).toBe(
      true,
    );
  });

  it('accepts a journey a plane can make', () => {
    // Berlin -> Paris in 2 hours is ~440 km/h.
    expect(isImpossibleTravel({ ...BERLIN, at: 0 }, { ...PARIS, at: 2 * HOUR }, limits)).toBe(
      false,
    );
  });

  it('ignores jumps shorter than min_distance_km (geolocation noise)', () => {
    const nearby = { lat: 52.6, lon: 13.5, at: 1 };
    expect(isImpossibleTravel({ ...BERLIN, at: 0 }, nearby, limits)).toBe(false);
  });

  it('treats zero elapsed time over a long distance as impossible, in either order', () => {
    expect(isImpossibleTravel({ ...BERLIN, at: 5 }, { ...PARIS, at: 5 }, limits)).toBe(true);
    expect(isImpossibleTravel({ ...PARIS, at: 2 * HOUR }, { ...BERLIN, at: HOUR }, limits)).toBe(
      false,
    );
    expect(isImpossibleTravel({ ...SYDNEY, at: HOUR }, { ...BERLIN, at: 0 }, limits)).toBe(true);
  });

  it('validates positions', () => {
    expect(isValidPosition(52.5, 13.4)).toBe(true);
    expect(isValidPosition(91, 0)).toBe(false);
    expect(isValidPosition(0, -181)).toBe(false);
    expect(isValidPosition(Number.NaN, 0)).toBe(false);
  });
});
