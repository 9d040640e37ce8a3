import { performance } from 'node:perf_hooks';
import { timestampFromMillis, vigil } from '@vigil/proto';
import type { Logger } from '@vigil/runtime';
import { DecisionLogFullError } from '../errors';
import type { RiskMetrics } from '../metrics';
import { assess, type Assessment, type RequestFacts, type RiskSnapshot } from '../model/assess';
import { fallbackVerdict, type Verdict } from '../model/decision';
import type { Sensitivity } from '../model/sensitivity';
import { NO_USER, RISK_STATE_UNAVAILABLE } from '../model/signals';
import type { Policy } from '../policy/policy';
import { canonicalRequest } from './request';

/** What Authorize reads from the risk state (RiskStore, over Redis): one user's snapshot. */
export interface RiskSnapshotReader {
  /** Throws when the store cannot answer in time; the decision then falls back. */
  readSnapshot(userId: string, request: RequestFacts): Promise<RiskSnapshot>;
}

/**
 * Where every decision goes before its answer does (DecisionLog, to Kafka). `offer` must not
 * wait: it takes the record (true) or refuses it (false, e.g. full), and then nobody is answered.
 */
export interface DecisionSink {
  offer(key: string, decidedAt: number, record: vigil.v1.IAuthzDecision): boolean;
  /** Records taken but not yet stored, for the refusal's message. */
  readonly depth: number;
}

export interface AuthorizerOptions {
  policy: Policy;
  /** The Redis client behind it has Authorize's short command timeout. */
  store: RiskSnapshotReader;
  /** False while the Redis connection is down: degrade at once instead of waiting to fail. */
  isStateAvailable: () => boolean;
  decisionLog: DecisionSink;
  metrics: RiskMetrics;
  logger: Logger;
  /** Epoch ms; injected so tests can move time. */
  clock: () => number;
  /** ULID source; monotonic, seeded with the clock. */
  nextDecisionId: (now: number) => string;
}

/** The API a decision was asked through; recorded in AuthzDecision.source. */
export type DecisionSource = 'authorize' | 'ext_authz';

const SOURCE_CODE: Record<DecisionSource, vigil.v1.DecisionSource> = {
  authorize: vigil.v1.DecisionSource.DECISION_SOURCE_AUTHORIZE,
  ext_authz: vigil.v1.DecisionSource.DECISION_SOURCE_EXT_AUTHZ,
};

/** What a decision is made from: Authorize's request, or the facts another API derived. */
export interface DecisionFacts {
  request: vigil.v1.AuthorizeRequest;
  /** The authenticated caller that asked. */
  caller: string;
  /** Overrides the policy's sensitivity for the resource (ext_authz: unmatched requests). */
  sensitivity?: Sensitivity;
  /** Recorded with the decision (ext_authz). */
  extAuthz?: vigil.v1.IExtAuthzRequest;
  /**
   * When the request names no user (empty user_id): the verdict to record, with reason NO_USER,
   * without reading risk state. Unset: a missing user_id is an invalid request, as for Authorize.
   */
  withoutUser?: Verdict;
}

const DECISION_CODE: Record<Verdict, vigil.v1.Decision> = {
  ALLOW: vigil.v1.Decision.DECISION_ALLOW,
  STEP_UP: vigil.v1.Decision.DECISION_STEP_UP,
  DENY: vigil.v1.Decision.DECISION_DENY,
};

const DEGRADED_LOG_INTERVAL_MS = 10_000;

/**
 * Authorize: one Redis read (a single EVALSHA with the command timeout as deadline), pure
 * assessment, and a decision record handed to the decision log before the answer goes out.
 */
export class Authorizer {
  private lastDegradedLog = 0;

  constructor(private readonly options: AuthorizerOptions) {}

  authorize(
    request: vigil.v1.AuthorizeRequest,
    caller: string,
  ): Promise<vigil.v1.IAuthorizeResponse> {
    return this.decide({ request, caller }, 'authorize');
  }

  /** One decision, logged with the API it came through; the answer has Authorize's shape. */
  async decide(input: DecisionFacts, source: DecisionSource): Promise<vigil.v1.IAuthorizeResponse> {
    const started = performance.now();
    const { policy, metrics } = this.options;
    const { caller } = input;
    // One definition per input (@vigil/input): refused here, or canonical from here on.
    const { request, facts } = canonicalRequest(input.request, input.withoutUser !== undefined);
    const anonymous = !request.userId;
    const sensitivity = input.sensitivity ?? policy.sensitivityOf(request.resource);
    const now = this.options.clock();

    let assessment: Assessment | undefined;
    if (anonymous) {
      // No user, no risk state to read: the caller's rule decides, and says so.
      assessment = { verdict: input.withoutUser as Verdict, score: 0, reasons: [NO_USER] };
    } else if (this.options.isStateAvailable()) {
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
    // Decisions without a user are keyed by their id, so they spread over the partitions.
    const key = request.userId || decisionId;
    const accepted = this.options.decisionLog.offer(key, now, {
      decisionId,
      decidedAt: timestampFromMillis(now),
      request,
      decision,
      riskScore: assessment.score,
      reasons: assessment.reasons,
      policyVersion: policy.version,
      caller,
      degraded,
      source: SOURCE_CODE[source],
      ...(input.extAuthz ? { extAuthz: input.extAuthz } : {}),
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
