import { vigil } from '@vigil/proto';
import { decisionResponse, invalidResponse, stepUpChallenge } from '../../src/ext-authz/answer';

const { Decision } = vigil.v1;
const stepUp = { acrValues: ['urn:vigil:acr:mfa', 'phr'], maxAgeSeconds: undefined };
const options = {
  hadUser: true,
  stepUp,
  errorDescription: 'A different authentication level is required',
};
const decision = (d: vigil.v1.Decision, reasons: string[] = []) => ({
  decision: d,
  decisionId: '01JXYZ0000000000000000000A',
  riskScore: 42.5,
  reasons,
  policyVersion: 'p1',
});
const OVERWRITE = 2;

describe('Check answers', () => {
  it('ALLOW: status OK, the decision id and risk score for the upstream', () => {
    expect(decisionResponse(decision(Decision.DECISION_ALLOW), options)).toEqual({
      status: { code: 0 },
      okResponse: {
        headers: [
          {
            header: { key: 'x-vigil-decision-id', value: '01JXYZ0000000000000000000A' },
            appendAction: OVERWRITE,
          },
          { header: { key: 'x-vigil-risk-score', value: '42.5' }, appendAction: OVERWRITE },
        ],
      },
      dynamicMetadata: {
        fields: {
          decision_id: { stringValue: '01JXYZ0000000000000000000A' },
          decision: { stringValue: 'ALLOW' },
          risk_score: { numberValue: 42.5 },
          reasons: { stringValue: '' },
        },
      },
    });
  });

  it('STEP_UP: 401 with the RFC 9470 challenge and a JSON body with reasons and decision id', () => {
    const answer = decisionResponse(decision(Decision.DECISION_STEP_UP, ['NEW_IP']), options);
    expect(answer.status).toEqual({ code: 16, message: 'step-up authentication required' });
    expect(answer.okResponse).toBeUndefined();
    expect(answer.deniedResponse?.status).toEqual({ code: 401 });
    expect(answer.deniedResponse?.headers?.map((h) => [h.header.key, h.header.value])).toEqual([
      [
        'www-authenticate',
        'Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:vigil:acr:mfa phr"',
      ],
      ['content-type', 'application/json'],
      ['cache-control', 'no-store'],
      ['x-vigil-decision-id', '01JXYZ0000000000000000000A'],
    ]);
    expect(JSON.parse(answer.deniedResponse?.body ?? '')).toEqual({
      decision: 'STEP_UP',
      decision_id: '01JXYZ0000000000000000000A',
      reasons: ['NEW_IP'],
    });
  });

  it('adds max_age to the challenge when configured', () => {
    expect(stepUpChallenge({ acrValues: ['mfa'], maxAgeSeconds: 300 }, 'again please')).toBe(
      'Bearer error="insufficient_user_authentication", error_description="again please", acr_values="mfa", max_age="300"',
    );
  });

  it('DENY: 403 with the same body, no challenge', () => {
    const answer = decisionResponse(
      decision(Decision.DECISION_DENY, ['RESTRICTED', 'FAILED_AUTH_BURST']),
      options,
    );
    expect(answer.status?.code).toBe(7);
    expect(answer.deniedResponse?.status).toEqual({ code: 403 });
    expect(answer.deniedResponse?.headers?.map((h) => h.header.key)).toEqual([
      'content-type',
      'cache-control',
      'x-vigil-decision-id',
    ]);
    expect(JSON.parse(answer.deniedResponse?.body ?? '')).toEqual({
      decision: 'DENY',
      decision_id: '01JXYZ0000000000000000000A',
      reasons: ['RESTRICTED', 'FAILED_AUTH_BURST'],
    });
  });

  it('no user: 401 with a bare Bearer challenge (RFC 6750 3.1: no error code)', () => {
    const answer = decisionResponse(decision(Decision.DECISION_DENY, ['NO_USER']), {
      ...options,
      hadUser: false,
    });
    expect(answer.status?.code).toBe(16);
    expect(answer.deniedResponse?.status).toEqual({ code: 401 });
    expect(answer.deniedResponse?.headers?.[0]?.header).toEqual({
      key: 'www-authenticate',
      value: 'Bearer',
    });
    expect(JSON.parse(answer.deniedResponse?.body ?? '').reasons).toEqual(['NO_USER']);
  });

  it('an undecidable request: 400 naming the problem', () => {
    const answer = invalidResponse('header x-user-id must be at most 256 bytes (UTF-8)');
    expect(answer.status?.code).toBe(3);
    expect(answer.deniedResponse?.status).toEqual({ code: 400 });
    expect(JSON.parse(answer.deniedResponse?.body ?? '')).toEqual({
      error: {
        code: 'INVALID_REQUEST',
        message: 'header x-user-id must be at most 256 bytes (UTF-8)',
      },
    });
  });
});
