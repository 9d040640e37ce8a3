import { backoffDelay } from '../src/backoff';

describe('backoffDelay', () => {
  const curve = { initialMs: 100, maxMs: 2_000 };

  it('doubles from the initial delay and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, curve))).toEqual([
      100, 200, 400, 800, 1_600, 2_000, 2_000,
    ]);
  });

  it('grows by the given factor', () => {
    expect(backoffDelay(2, { initialMs: 10, maxMs: 1_000, factor: 3 })).toBe(90);
  });

  it('stays finite and capped for any attempt count, and treats odd counts as 0 or whole', () => {
    expect(backoffDelay(1e9, curve)).toBe(2_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, curve)).toBe(2_000);
    expect(backoffDelay(-3, curve)).toBe(100);
    expect(backoffDelay(1.7, curve)).toBe(200);
  });

  it('refuses a curve that cannot be right', () => {
    expect(() => backoffDelay(0, { initialMs: 10, maxMs: 5 })).toThrow(RangeError);
    expect(() => backoffDelay(0, { initialMs: -1, maxMs: 5 })).toThrow(RangeError);
    expect(() => backoffDelay(0, { initialMs: 1, maxMs: 5, factor: 0.5 })).toThrow(RangeError);
  });
});
