import { decayed, expiresAt, roundScore } from '../src/model/score';

const HALF = 3_600_000;

describe('score decay', () => {
  it('halves every half-life', () => {
    expect(decayed(80, 0, HALF, HALF)).toBeCloseTo(40, 10);
    expect(decayed(80, 0, 3 * HALF, HALF)).toBeCloseTo(10, 10);
    expect(decayed(80, 1_000, 1_000 + HALF / 2, HALF)).toBeCloseTo(80 / Math.SQRT2, 10);
  });

  it('never amplifies: a time before the score is read as no decay', () => {
    expect(decayed(50, 10_000, 5_000, HALF)).toBe(50);
    expect(decayed(50, 10_000, 10_000, HALF)).toBe(50);
  });

  it('keeps zero at zero', () => {
    expect(decayed(0, 0, HALF, HALF)).toBe(0);
  });

  it('says when a contribution drops below the reason floor', () => {
    // 40 points fall to 5 after three half-lives.
    expect(expiresAt(40, 1_000, HALF, 5)).toBe(1_000 + 3 * HALF);
    expect(decayed(40, 1_000, expiresAt(40, 1_000, HALF, 5), HALF)).toBeCloseTo(5, 9);
    expect(expiresAt(4, 1_000, HALF, 5)).toBe(1_000);
  });

  it('reports two decimals', () => {
    expect(roundScore(44.99999)).toBe(45);
    expect(roundScore(12.3456)).toBe(12.35);
  });
});
