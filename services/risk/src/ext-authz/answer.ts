import { envoyAuth, vigil } from '@vigil/proto';
import type { StepUpChallenge } from './mapping';

/** gRPC status codes used inside CheckResponse.status (google.rpc.Code). */
const OK = 0;
const INVALID_ARGUMENT = 3;
const PERMISSION_DENIED = 7;
const UNAUTHENTICATED = 16;

export const DECISION_ID_HEADER = 'x-vigil-decision-id';
export const RISK_SCORE_HEADER = 'x-vigil-risk-score';

const VERDICT: Record<number, 'ALLOW' | 'STEP_UP' | 'DENY'> = {
  [vigil.v1.Decision.DECISION_ALLOW]: 'ALLOW',
  [vigil.v1.Decision.DECISION_STEP_UP]: 'STEP_UP',
  [vigil.v1.Decision.DECISION_DENY]: 'DENY',
};

const header = (key: string, value: string): envoyAuth.HeaderValueOption => ({
  header: { key, value },
  // Replace, never append: a client must not be able to pre-set x-vigil-* for the upstream.
  appendAction: envoyAuth.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD,
});

/**
 * The CheckResponse for one decision:
 * - ALLOW: status OK; the upstream request gets x-vigil-decision-id and x-vigil-risk-score.
 * - STEP_UP: HTTP 401 with an RFC 9470 challenge (`Bearer error="insufficient_user_authentication"`,
 *   acr_values, max_age), and a JSON body with the decision id and reasons.
 * - DENY: HTTP 403, same body. Without a user (reason NO_USER): HTTP 401 with a bare `Bearer`
 *   challenge, as RFC 6750 section 3.1 asks when a request carries no credentials at all.
 * Every answer puts the decision in dynamic metadata (namespace envoy.filters.http.ext_authz),
 * where later filters and access logs (%DYNAMIC_METADATA(...)%) can read it.
 */
export function decisionResponse(
  decision: vigil.v1.IAuthorizeResponse,
  options: { hadUser: boolean; stepUp: StepUpChallenge; errorDescription: string },
): envoyAuth.CheckResponse {
  const verdict = VERDICT[decision.decision ?? 0] ?? 'DENY';
  const decisionId = decision.decisionId ?? '';
  const reasons = decision.reasons ?? [];
  const score = decision.riskScore ?? 0;
  const dynamicMetadata: envoyAuth.Struct = {
    fields: {
      decision_id: { stringValue: decisionId },
      decision: { stringValue: verdict },
      risk_score: { numberValue: score },
      reasons: { stringValue: reasons.join(',') },
    },
  };

  if (verdict === 'ALLOW') {
    return {
      status: { code: OK },
      okResponse: {
        headers: [header(DECISION_ID_HEADER, decisionId), header(RISK_SCORE_HEADER, String(score))],
      },
      dynamicMetadata,
    };
  }

  const body = `${JSON.stringify({ decision: verdict, decision_id: decisionId, reasons })}\n`;
  const common = [
    header('content-type', 'application/json'),
    header('cache-control', 'no-store'),
    header(DECISION_ID_HEADER, decisionId),
  ];
  if (verdict === 'STEP_UP') {
    return {
      status: { code: UNAUTHENTICATED, message: 'step-up authentication required' },
      deniedResponse: {
        status: { code: 401 },
        headers: [
          header('www-authenticate', stepUpChallenge(options.stepUp, options.errorDescription)),
          ...common,
        ],
        body,
      },
      dynamicMetadata,
    };
  }
  if (!options.hadUser) {
    return {
      status: { code: UNAUTHENTICATED, message: 'no user in the request' },
      deniedResponse: {
        status: { code: 401 },
        headers: [header('www-authenticate', 'Bearer'), ...common],
        body,
      },
      dynamicMetadata,
    };
  }
  return {
    status: { code: PERMISSION_DENIED, message: 'denied' },
    deniedResponse: { status: { code: 403 }, headers: common, body },
    dynamicMetadata,
  };
}

/**
 * The RFC 9470 section 3 challenge, on one line:
 * `Bearer error="insufficient_user_authentication", error_description="...", acr_values="a b"`
 * plus `, max_age="300"` when configured. The mapping schema keeps `"` and `\` out of every
 * value, so they are valid quoted-strings (RFC 9110 11.2, RFC 6750 3).
 */
export function stepUpChallenge(stepUp: StepUpChallenge, errorDescription: string): string {
  const params = [
    'error="insufficient_user_authentication"',
    `error_description="${errorDescription}"`,
    `acr_values="${stepUp.acrValues.join(' ')}"`,
  ];
  if (stepUp.maxAgeSeconds !== undefined) params.push(`max_age="${stepUp.maxAgeSeconds}"`);
  return `Bearer ${params.join(', ')}`;
}

/** A request that cannot be decided as sent (e.g. an over-long header): HTTP 400, no decision. */
export function invalidResponse(message: string): envoyAuth.CheckResponse {
  return {
    status: { code: INVALID_ARGUMENT, message },
    deniedResponse: {
      status: { code: 400 },
      headers: [header('content-type', 'application/json'), header('cache-control', 'no-store')],
      body: `${JSON.stringify({ error: { code: 'INVALID_REQUEST', message } })}\n`,
    },
  };
}
