import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Verdict } from './model/decision';
import type { Sensitivity } from './model/sensitivity';

/**
 * The gauges that read the app's state (the Authorize Redis connection, the loaded policy). They
 * live here, not in app.ts, so that deploy/check.cjs can create every risk metric without
 * starting the app.
 */
export function createRiskStatusMetrics(
  registry: Registry,
  status: { redisReady: () => boolean; policyVersion: string },
): void {
  new Gauge({
    name: 'vigil_risk_redis_up',
    help: '1 while the Authorize Redis connection is ready',
    registers: [registry],
    collect() {
      this.set(status.redisReady() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'vigil_risk_policy_info',
    help: 'The loaded policy version (value is always 1)',
    labelNames: ['version'],
    registers: [registry],
  })
    .labels(status.policyVersion)
    .set(1);
}

/**
 * The risk service's Prometheus metrics. Label children used on the Authorize path are resolved
 * once and cached, so a decision costs a few increments, not label hashing.
 */
export class RiskMetrics {
  readonly decisions: Counter<'decision' | 'sensitivity' | 'degraded'>;
  readonly decisionReasons: Counter<'reason'>;
  readonly authorizeSeconds: Histogram;
  readonly authorizeErrors: Counter<'code'>;
  readonly decisionBufferDepth: Gauge;
  readonly decisionsPublished: Counter;
  readonly decisionPublishFailures: Counter;
  readonly eventsConsumed: Counter<'result'>;
  readonly signals: Counter<'signal'>;
  readonly restrictions: Counter<'source'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly applyLagSeconds: Histogram;
  readonly writeConflicts: Counter;
  readonly redisErrors: Counter<'op'>;
  readonly adminActions: Counter<'action' | 'result'>;

  private readonly decisionChildren = new Map<string, Counter.Internal>();
  private readonly reasonChildren = new Map<string, Counter.Internal>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.decisions = new Counter({
      name: 'vigil_risk_decisions_total',
      help: 'Authorize decisions by outcome, resource sensitivity and whether risk state was unavailable',
      labelNames: ['decision', 'sensitivity', 'degraded'],
      registers,
    });
    this.decisionReasons = new Counter({
      name: 'vigil_risk_decision_reasons_total',
      help: 'Reason codes given in Authorize decisions',
      labelNames: ['reason'],
      registers,
    });
    this.authorizeSeconds = new Histogram({
      name: 'vigil_risk_authorize_duration_seconds',
      help: 'Authorize handling time in the server, from request decoded to response ready',
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
      registers,
    });
    this.authorizeErrors = new Counter({
      name: 'vigil_risk_authorize_errors_total',
      help: 'Authorize calls answered with an error, by gRPC status name',
      labelNames: ['code'],
      registers,
    });
    this.decisionBufferDepth = new Gauge({
      name: 'vigil_risk_decision_buffer_depth',
      help: 'Decisions made but not yet acknowledged by Kafka',
      registers,
    });
    this.decisionsPublished = new Counter({
      name: 'vigil_risk_decisions_published_total',
      help: 'Decision records acknowledged by Kafka (acks=all)',
      registers,
    });
    this.decisionPublishFailures = new Counter({
      name: 'vigil_risk_decision_publish_failures_total',
      help: 'Failed attempts to publish a batch of decision records (they are retried, never dropped)',
      registers,
    });
    this.eventsConsumed = new Counter({
      name: 'vigil_risk_events_total',
      help: 'Access events consumed: applied, duplicate (already applied, re-delivered) or skipped_*',
      labelNames: ['result'],
      registers,
    });
    this.signals = new Counter({
      name: 'vigil_risk_signals_total',
      help: 'Signals raised by the stream processor',
      labelNames: ['signal'],
      registers,
    });
    this.restrictions = new Counter({
      name: 'vigil_risk_restrictions_total',
      help: 'Users restricted (or restrictions extended), by source (score, manual)',
      labelNames: ['source'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'vigil_risk_consumer_lag',
      help: 'Records behind the partition high watermark after the last processed batch',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.applyLagSeconds = new Histogram({
      name: 'vigil_risk_event_apply_lag_seconds',
      help: 'From the record timestamp (produce time) to its effect committed in Redis',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.writeConflicts = new Counter({
      name: 'vigil_risk_state_write_conflicts_total',
      help: 'User state writes retried because another writer changed the user first',
      registers,
    });
    this.redisErrors = new Counter({
      name: 'vigil_risk_redis_errors_total',
      help: 'Redis operations that failed or timed out',
      labelNames: ['op'],
      registers,
    });
    this.adminActions = new Counter({
      name: 'vigil_risk_admin_actions_total',
      help: 'Risk admin calls by action and result',
      labelNames: ['action', 'result'],
      registers,
    });
  }

  countDecision(
    verdict: Verdict,
    sensitivity: Sensitivity,
    degraded: boolean,
    reasons: readonly string[],
  ): void {
    const key = `${verdict}|${sensitivity}|${degraded ? 1 : 0}`;
    let child = this.decisionChildren.get(key);
    if (!child) {
      child = this.decisions.labels(verdict, sensitivity, degraded ? 'true' : 'false');
      this.decisionChildren.set(key, child);
    }
    child.inc();
    for (const reason of reasons) {
      let reasonChild = this.reasonChildren.get(reason);
      if (!reasonChild) {
        reasonChild = this.decisionReasons.labels(reason);
        this.reasonChildren.set(reason, reasonChild);
      }
      reasonChild.inc();
    }
  }
}
