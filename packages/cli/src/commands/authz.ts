import { vigil } from '@vigil/proto';
import { EXIT } from '../exit-codes';
import { geoFromFlags } from './geo';
import type { Output } from '../output';
import { authzClient, callFailure, type ServiceFlags } from './clients';

export interface CheckFlags extends ServiceFlags {
  user: string;
  action: string;
  resource: string;
  ip?: string;
  device?: string;
  session?: string;
  country?: string;
  lat?: string;
  lon?: string;
}

/** `vigil authz check` exits 0 on ALLOW, 5 on STEP_UP and 1 on DENY, for scripts. */
export const DECISION_EXIT = { ALLOW: EXIT.OK, STEP_UP: 5, DENY: EXIT.FAILED } as const;

export function decisionName(
  decision: vigil.v1.Decision | null | undefined,
): 'ALLOW' | 'STEP_UP' | 'DENY' | 'UNSPECIFIED' {
  switch (decision) {
    case vigil.v1.Decision.DECISION_ALLOW:
      return 'ALLOW';
    case vigil.v1.Decision.DECISION_STEP_UP:
      return 'STEP_UP';
    case vigil.v1.Decision.DECISION_DENY:
      return 'DENY';
    default:
      return 'UNSPECIFIED';
  }
}

export async function authzCheck(flags: CheckFlags, out: Output): Promise<number> {
  const geo = geoFromFlags(flags);
  const client = authzClient(flags);
  try {
    const response = await client
      .authorize({
        userId: flags.user,
        action: flags.action,
        resource: flags.resource,
        context: {
          ip: flags.ip ?? '',
          deviceId: flags.device ?? '',
          sessionId: flags.session ?? '',
          geo,
        },
      })
      .catch((err: unknown) => callFailure(err, 'risk'));
    const decision = decisionName(response.decision);
    if (out.json) {
      out.printJson({
        decision,
        riskScore: response.riskScore,
        reasons: response.reasons,
        decisionId: response.decisionId,
        policyVersion: response.policyVersion,
      });
    } else {
      out.line(formatDecision(out, decision, response.riskScore, response.reasons));
      out.line(out.style.dim(`decision ${response.decisionId}, policy ${response.policyVersion}`));
    }
    return decision === 'UNSPECIFIED' ? EXIT.FAILED : DECISION_EXIT[decision];
  } finally {
    client.close();
  }
}

export function formatDecision(
  out: Output,
  decision: string,
  score: number,
  reasons: readonly string[],
): string {
  const paint =
    decision === 'ALLOW' ? out.style.ok : decision === 'STEP_UP' ? out.style.warn : out.style.bad;
  const why = reasons.length > 0 ? ` [${reasons.join(', ')}]` : '';
  return `${paint(decision.padEnd(7))} score ${score.toFixed(1).padStart(5)}${why}`;
}
