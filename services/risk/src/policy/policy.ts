import { foldCase, resourceMatchKey } from '@vigil/input';
import picomatch from 'picomatch';
import type { Sensitivity } from '../model/sensitivity';
import type { PolicyDocument } from './schema';

export type FallbackDecision = 'allow' | 'step_up' | 'deny';

/** The policy in the form the hot paths use: durations in ms, globs compiled once. */
export interface Policy {
  readonly version: string;
  readonly halfLifeMs: number;
  /** A reason is listed while its decayed contribution is at least this many points. */
  readonly reasonFloor: number;
  readonly signals: {
    readonly NEW_DEVICE: { readonly weight: number };
    readonly NEW_IP: { readonly weight: number };
    readonly NEW_COUNTRY: { readonly weight: number };
    readonly IMPOSSIBLE_TRAVEL: {
      readonly weight: number;
      readonly maxSpeedKmh: number;
      readonly minDistanceKm: number;
    };
    readonly FAILED_AUTH_BURST: BurstSignal;
    readonly DENIED_SENSITIVE_BURST: BurstSignal & { readonly minSensitivity: Sensitivity };
    readonly RATE_ANOMALY: {
      readonly weight: number;
      readonly bucketMs: number;
      readonly alpha: number;
      readonly factor: number;
      readonly minEvents: number;
      readonly minBaselineBuckets: number;
    };
    readonly PRIVILEGE_ESCALATION: {
      readonly weight: number;
      /** Raised at most once per window: one manifest of several RBAC objects is one change. */
      readonly windowMs: number;
      /** Whether an action is one that grants or changes privileges (the policy's `actions`). */
      readonly matches: (action: string) => boolean;
    };
    readonly MANUAL_RESTRICTION: { readonly weight: number };
  };
  readonly known: { readonly maxPerKind: number; readonly forgetAfterMs: number };
  readonly maxFutureSkewMs: number;
  /** Events older than this when ingest received them teach nothing (see model/apply.ts). */
  readonly learningHorizonMs: number;
  readonly decisions: Readonly<Record<Sensitivity, Thresholds>>;
  readonly requestSignalsStepUpFrom: Sensitivity;
  readonly restriction: {
    readonly triggerScore: number;
    readonly ttlMs: number;
    readonly denyFrom: Sensitivity;
  };
  readonly redisUnavailable: Readonly<Record<Sensitivity, FallbackDecision>>;
  /**
   * The sensitivity of a resource: the first pattern matching its match key (case-folded, see
   * @vigil/input resourceMatchKey) gives the level, else the default. Every case variant of a
   * resource therefore has one sensitivity. The resource must already be valid (parseResource):
   * non-canonical structure (`db//x`, `./db/x`) is refused at the door, never matched here.
   */
  sensitivityOf(resource: string): Sensitivity;
}

export interface BurstSignal {
  readonly weight: number;
  readonly threshold: number;
  readonly windowMs: number;
}

export interface Thresholds {
  readonly stepUpAt: number;
  readonly denyAt: number;
}

/** Resources repeat heavily; a bounded memo skips the glob scan for all but new ones. */
const SENSITIVITY_CACHE_MAX = 10_000;

export function compilePolicy(doc: PolicyDocument): Policy {
  const s = doc.signals;
  const thresholds = (t: { step_up_at: number; deny_at: number }): Thresholds => ({
    stepUpAt: t.step_up_at,
    denyAt: t.deny_at,
  });
  return {
    version: doc.version,
    halfLifeMs: doc.scoring.half_life,
    reasonFloor: doc.scoring.reason_floor,
    signals: {
      NEW_DEVICE: { weight: s.NEW_DEVICE.weight },
      NEW_IP: { weight: s.NEW_IP.weight },
      NEW_COUNTRY: { weight: s.NEW_COUNTRY.weight },
      IMPOSSIBLE_TRAVEL: {
        weight: s.IMPOSSIBLE_TRAVEL.weight,
        maxSpeedKmh: s.IMPOSSIBLE_TRAVEL.max_speed_kmh,
        minDistanceKm: s.IMPOSSIBLE_TRAVEL.min_distance_km,
      },
      FAILED_AUTH_BURST: {
        weight: s.FAILED_AUTH_BURST.weight,
        threshold: s.FAILED_AUTH_BURST.threshold,
        windowMs: s.FAILED_AUTH_BURST.window,
      },
      DENIED_SENSITIVE_BURST: {
        weight: s.DENIED_SENSITIVE_BURST.weight,
        threshold: s.DENIED_SENSITIVE_BURST.threshold,
        windowMs: s.DENIED_SENSITIVE_BURST.window,
        minSensitivity: s.DENIED_SENSITIVE_BURST.min_sensitivity,
      },
      RATE_ANOMALY: {
        weight: s.RATE_ANOMALY.weight,
        bucketMs: s.RATE_ANOMALY.bucket,
        alpha: s.RATE_ANOMALY.baseline_alpha,
        factor: s.RATE_ANOMALY.factor,
        minEvents: s.RATE_ANOMALY.min_events,
        minBaselineBuckets: s.RATE_ANOMALY.min_baseline_buckets,
      },
      PRIVILEGE_ESCALATION: {
        weight: s.PRIVILEGE_ESCALATION.weight,
        windowMs: s.PRIVILEGE_ESCALATION.window,
        matches: actionMatcher(s.PRIVILEGE_ESCALATION.actions),
      },
      MANUAL_RESTRICTION: { weight: s.MANUAL_RESTRICTION.weight },
    },
    known: {
      maxPerKind: doc.known_attributes.max_per_kind,
      forgetAfterMs: doc.known_attributes.forget_after,
    },
    maxFutureSkewMs: doc.events.max_future_skew,
    learningHorizonMs: doc.events.learning_horizon,
    decisions: {
      low: thresholds(doc.decisions.low),
      medium: thresholds(doc.decisions.medium),
      high: thresholds(doc.decisions.high),
      critical: thresholds(doc.decisions.critical),
    },
    requestSignalsStepUpFrom: doc.request_signals.step_up_from,
    restriction: {
      triggerScore: doc.restriction.trigger_score,
      ttlMs: doc.restriction.ttl,
      denyFrom: doc.restriction.deny_from,
    },
    redisUnavailable: { ...doc.redis_unavailable },
    sensitivityOf: sensitivityMatcher(doc.sensitivity.resources, doc.sensitivity.default),
  };
}

/**
 * Action globs (picomatch; actions have no `/`, so `*` spans dots: `k8s.rbac.*`). Actions are
 * lower case once parsed (@vigil/input parseAction), so the patterns are lower-cased to match.
 */
function actionMatcher(patterns: readonly string[]): (action: string) => boolean {
  if (patterns.length === 0) return () => false;
  const test = picomatch(
    patterns.map((p) => p.toLowerCase()),
    { dot: true },
  );
  return (action) => test(action);
}

function sensitivityMatcher(
  rules: ReadonlyArray<{ pattern: string; level: Sensitivity }>,
  fallback: Sensitivity,
): (resource: string) => Sensitivity {
  // Patterns are folded like the match key, so `Secrets/**` and `secrets/**` mean the same.
  const compiled = rules.map((rule) => ({
    test: picomatch(foldCase(rule.pattern), { dot: true }),
    level: rule.level,
  }));
  const cache = new Map<string, Sensitivity>();
  return (resource) => {
    const key = resourceMatchKey(resource);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let level = fallback;
    for (const rule of compiled) {
      if (rule.test(key)) {
        level = rule.level;
        break;
      }
    }
    if (cache.size >= SENSITIVITY_CACHE_MAX) cache.clear();
    cache.set(key, level);
    return level;
  };
}
