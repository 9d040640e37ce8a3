import type { Policy } from '../policy/policy';
import { atLeast, type Sensitivity } from './sensitivity';

export type Verdict = 'ALLOW' | 'STEP_UP' | 'DENY';

/**
 * The decision table, in order:
 * 1. restricted and the resource is at least `restriction.deny_from` -> DENY (whatever the score);
 * 2. score >= deny_at of the resource's sensitivity -> DENY;
 * 3. score >= step_up_at -> STEP_UP;
 * 4. a request-time signal (unknown IP/device/country, impossible position) and the resource is
 *    at least `request_signals.step_up_from` -> STEP_UP;
 * 5. otherwise ALLOW.
 */
export function decide(
  policy: Policy,
  sensitivity: Sensitivity,
  score: number,
  restricted: boolean,
  requestSignal: boolean,
): Verdict {
  if (restricted && atLeast(sensitivity, policy.restriction.denyFrom)) return 'DENY';
  const thresholds = policy.decisions[sensitivity];
  if (score >= thresholds.denyAt) return 'DENY';
  if (score >= thresholds.stepUpAt) return 'STEP_UP';
  if (requestSignal && atLeast(sensitivity, policy.requestSignalsStepUpFrom)) return 'STEP_UP';
  return 'ALLOW';
}

/** The decision when the risk state cannot be read: the policy's per-sensitivity fallback. */
export function fallbackVerdict(policy: Policy, sensitivity: Sensitivity): Verdict {
  switch (policy.redisUnavailable[sensitivity]) {
    case 'allow':
      return 'ALLOW';
    case 'step_up':
      return 'STEP_UP';
    case 'deny':
      return 'DENY';
  }
}
