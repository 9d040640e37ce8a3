import { performance } from 'node:perf_hooks';
import { timestampFromMillis, vigil } from '@vigil/proto';
import type { Logger } from '@vigil/runtime';
import { DecisionLogFullError, InvalidRequestError } from '../errors';
import type { RiskMetrics } from '../metrics';
import { assess, type Assessment, type RequestFacts } from '../model/assess';
import { fallbackVerdict, type Verdict } from '../model/decision';
import { MAX_USER_ID_LENGTH, normalizeCountry, normalizeIp } from '../model/events';
import { isValidPosition } from '../model/geo';
import { RISK_STATE_UNAVAILABLE } from '../model/signals';
import type { Policy } from '../policy/policy';
import type { RiskStore } from '../store/store';
import type { DecisionLog } from './decision-log';

export interface AuthorizerOptions {
  policy: Policy;
  /** The Redis client behind it has Authorize's short command timeout. */
  store: RiskStore;
  /** False while the Redis connection is down: degrade at once instead of waiting to fail. */
  isStateAvailable: () => boolean;
  decisionLog: DecisionLog;
  metrics: RiskMetrics;
  logger: Logger;
  /** Epoch ms; injected so tests can move time. */
  clock: () => number;
  /** ULID source; monotonic, seeded with the clock. */
  nextDecisionId: (now: number) => string;
}

const DECISION_CODE: Record<Verdict, vigil.v1.Decision> = {
  ALLOW: vigil.v1.Decision.DECISION_ALLOW,
  STEP_UP: vigil.v1.Decision.DECISION_STEP_UP,
  DENY: vigil.v1.Decision.DECISION_DENY,
};

const MAX_RESOURCE_LENGTH = 1_024;
const DEGRADED_LOG_INTERVAL_MS = 10_000;

/**
 * Authorize: one Redis read (a single EVALSHA with the command timeout as deadline), pure
 * assessment, and a decision record handed to the decision log before the answer goes out.
 */
export class Authorizer {
  private lastDegradedLog = 0;

  constructor(private readonly options: AuthorizerOptions) {}

  async authorize(
    request: vigil.v1.AuthorizeRequest,
    caller: string,
  ): Promise<vigil.v1.IAuthorizeResponse> {
    const started = performance.now();
    const { policy, metrics } = this.options;
    validate(request);
    const sensitivity = policy.sensitivityOf(request.resource);
    const facts = requestFacts(request.context);
    const now = this.options.clock();

    let assessment: Assessment | undefined;
    if (this.options.isStateAvailable()) {
      try {
        const snapshot = await this.options.store.readSnapshot(request.userId, facts);
        assessment = assess(snapshot, facts, sensitivity, now, policy);
      } catch (err) {
        metrics.redisErrors.labels('authorize').inc();
        this.logDegraded(err);
      }
    } else {
      this.logDegraded(undefined);
    }
    const degraded = assessment === undefined;
    if (assessment === undefined) {
      assessment = {
        verdict: fallbackVerdict(policy, sensitivity),
        score: 0,
        reasons: [RISK_STATE_UNAVAILABLE],
      };
    }

    const decisionId = this.options.nextDecisionId(now);
    const decision = DECISION_CODE[assessment.verdict];
    const accepted = this.options.decisionLog.offer(request.userId, now, {
      decisionId,
      decidedAt: timestampFromMillis(now),
      request,
      decision,
      riskScore: assessment.score,
      reasons: assessment.reasons,
      policyVersion: policy.version,
      caller,
      degraded,
    });
    if (!accepted) throw new DecisionLogFullError(this.options.decisionLog.depth);

    metrics.countDecision(assessment.verdict, sensitivity, degraded, assessment.reasons);
    metrics.authorizeSeconds.observe((performance.now() - started) / 1000);
    return {
      decision,
      riskScore: assessment.score,
      reasons: assessment.reasons,
      decisionId,
      policyVersion: policy.version,
    };
  }

  /** One line per outage window, not one per call. */
  private logDegraded(err: unknown): void {
    const now = Date.now();
    if (now - this.lastDegradedLog < DEGRADED_LOG_INTERVAL_MS) return;
    this.lastDegradedLog = now;
    this.options.logger.warn(
      { err: err instanceof Error ? err.message : 'redis not connected' },
      'risk state unavailable; answering with the policy fallback (redis_unavailable)',
    );
  }
}

/**
 * Every string of the request is bounded: the request is copied into its AuthzDecision record,
 * and a record Kafka refuses as too large could never be logged, which would block the decision
 * log behind it. The bounds keep a decision record far below Kafka's 1 MiB default.
 */
const MAX_FIELD_LENGTHS: ReadonlyArray<
  readonly [string, (r: vigil.v1.AuthorizeRequest) => string | null | undefined, number]
> = [
  ['user_id', (r) => r.userId, MAX_USER_ID_LENGTH],
  ['action', (r) => r.action, 256],
  ['resource', (r) => r.resource, MAX_RESOURCE_LENGTH],
  ['tenant_id', (r) => r.tenantId, 256],
  ['context.ip', (r) => r.context?.ip, 64],
  ['context.device_id', (r) => r.context?.deviceId, 256],
  ['context.session_id', (r) => r.context?.sessionId, 256],
  ['context.user_agent', (r) => r.context?.userAgent, 1_024],
  ['context.geo.country_code', (r) => r.context?.geo?.countryCode, 8],
];

function validate(request: vigil.v1.AuthorizeRequest): void {
  if (!request.userId) throw new InvalidRequestError('user_id is required');
  if (!request.resource) throw new InvalidRequestError('resource is required');
  for (const [field, read, max] of MAX_FIELD_LENGTHS) {
    const value = read(request);
    if (value && value.length > max) {
      throw new InvalidRequestError(`${field} is longer than ${max} characters`);
    }
  }
}

const NO_CONTEXT: RequestFacts = { ip: '', deviceId: '', country: '', position: undefined };

function requestFacts(context: vigil.v1.IRequestContext | null | undefined): RequestFacts {
  if (!context) return NO_CONTEXT;
  const geo = context.geo;
  return {
    ip: context.ip ? normalizeIp(context.ip) : '',
    deviceId: context.deviceId ? context.deviceId.trim() : '',
    country: geo?.countryCode ? normalizeCountry(geo.countryCode) : '',
    position:
      geo?.hasPosition && isValidPosition(geo.latitude ?? 0, geo.longitude ?? 0)
        ? { lat: geo.latitude ?? 0, lon: geo.longitude ?? 0 }
        : undefined,
  };
}
