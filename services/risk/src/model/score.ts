/**
 * Exponential decay: the score halves every half-life. Time never runs backwards here: a score
 * asked for before its own timestamp (a late event, a skewed clock) is returned undecayed rather
 * than amplified.
 */
export function decayed(value: number, at: number, now: number, halfLifeMs: number): number {
  if (value <= 0) return 0;
  if (now <= at) return value;
  return value * Math.pow(0.5, (now - at) / halfLifeMs);
}

/** When a contribution of `weight` points raised at `raisedAt` decays below `floor` points. */
export function expiresAt(
  weight: number,
  raisedAt: number,
  halfLifeMs: number,
  floor: number,
): number {
  if (weight < floor) return raisedAt;
  return raisedAt + Math.ceil(halfLifeMs * Math.log2(weight / floor));
}

/** Scores are reported with two decimals; the state keeps full precision. */
export const roundScore = (score: number): number => Math.round(score * 100) / 100;

export const MAX_SCORE = 100;
