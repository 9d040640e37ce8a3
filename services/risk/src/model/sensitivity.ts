/** Resource sensitivity, ordered from least to most sensitive. */
export const SENSITIVITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

const RANK: Record<Sensitivity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** True when `level` is `threshold` or more sensitive. */
export function atLeast(level: Sensitivity, threshold: Sensitivity): boolean {
  return RANK[level] >= RANK[threshold];
}
