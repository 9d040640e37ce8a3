/**
 * The one exponential backoff of Vigil: every retry loop (consumer restarts, Redis outages, the
 * decision log, polls) waits `backoffDelay(attempt)` so that the curves are the same everywhere
 * and tuned in one place.
 */
export interface BackoffOptions {
  /** The delay before the first retry (attempt 0). */
  initialMs: number;
  /** The longest delay, however many attempts failed. */
  maxMs: number;
  /** Growth per attempt; 2 unless told. */
  factor?: number;
}

/** The delay before retry number `attempt` (0-based): initialMs × factor^attempt, capped. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const { initialMs, maxMs, factor = 2 } = options;
  if (!(initialMs >= 0) || !(maxMs >= initialMs) || !(factor >= 1)) {
    throw new RangeError(
      `backoff needs 0 <= initialMs <= maxMs and factor >= 1 (got ${initialMs}, ${maxMs}, ${factor})`,
    );
  }
  const exponent = Math.max(0, Math.floor(attempt));
  // Past the cap the power only grows; stop before it overflows to Infinity.
  const delay = initialMs * factor ** Math.min(exponent, 64);
  return Math.min(maxMs, delay);
}

/**
 * Resolves after `ms`. The timer keeps the process alive: whoever waits (a buffered decision
 * log, say) must not be cut short by an exit.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
