import { z } from 'zod';
import { SENSITIVITIES } from '../model/sensitivity';
import { parseDuration } from './duration';

/**
 * The policy file's schema. Every field is required and unknown fields are rejected, so a typo
 * ("max_sped_kmh") fails at startup instead of silently running with a default.
 *
 * Messages are written as "expected ..." so that the loader can print
 * `policy.<path>: expected ...` for any field.
 */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `expected ${what} (it is required)` : `expected ${what}`,
});

const positiveNumber = () =>
  z.number(expected('a positive number')).positive(expected('a positive number'));
const points = () =>
  z
    .number(expected('a number of points from 0 to 100'))
    .min(0, expected('a number of points from 0 to 100'))
    .max(100, expected('a number of points from 0 to 100'));
const positiveInt = () =>
  z
    .number(expected('a positive integer'))
    .int(expected('a positive integer'))
    .positive(expected('a positive integer'));
const fraction = () =>
  z
    .number(expected('a number greater than 0 and at most 1'))
    .gt(0, expected('a number greater than 0 and at most 1'))
    .lte(1, expected('a number greater than 0 and at most 1'));
const duration = () =>
  z
    .string(expected('a duration such as 500ms, 90s, 5m, 1h or 7d'))
    .refine(
      (text) => parseDuration(text) !== undefined,
      expected('a duration such as 500ms, 90s, 5m, 1h or 7d'),
    )
    .transform((text) => parseDuration(text) as number);
const level = () => z.enum(SENSITIVITIES, expected('one of low, medium, high, critical'));
const fallback = () =>
  z.enum(['allow', 'step_up', 'deny'], expected('one of allow, step_up, deny'));
const section = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, expected('a mapping of fields'));

const weightOnly = () => section({ weight: points() });

const thresholds = () =>
  section({ step_up_at: points(), deny_at: points() }).superRefine((value, ctx) => {
    if (value.step_up_at > value.deny_at) {
      ctx.addIssue({
        code: 'custom',
        path: ['step_up_at'],
        message: `expected at most deny_at (${value.deny_at})`,
      });
    }
  });

export const policySchema = section({
  version: z.string(expected('a non-empty string')).trim().min(1, expected('a non-empty string')),
  scoring: section({ half_life: duration(), reason_floor: positiveNumber() }),
  signals: section({
    NEW_DEVICE: weightOnly(),
    NEW_IP: weightOnly(),
    NEW_COUNTRY: weightOnly(),
    IMPOSSIBLE_TRAVEL: section({
      weight: points(),
      max_speed_kmh: positiveNumber(),
      min_distance_km: z
        .number(expected('a number of kilometres, 0 or more'))
        .min(0, expected('a number of kilometres, 0 or more')),
    }),
    FAILED_AUTH_BURST: section({ weight: points(), threshold: positiveInt(), window: duration() }),
    DENIED_SENSITIVE_BURST: section({
      weight: points(),
      threshold: positiveInt(),
      window: duration(),
      min_sensitivity: level(),
    }),
    RATE_ANOMALY: section({
      weight: points(),
      bucket: duration(),
      baseline_alpha: fraction(),
      factor: positiveNumber(),
      min_events: positiveInt(),
      min_baseline_buckets: positiveInt(),
    }),
    PRIVILEGE_ESCALATION: section({
      weight: points(),
      window: duration(),
      actions: z.array(
        z.string(expected('an action pattern')).min(1, expected('an action pattern')),
        expected('a list of action patterns'),
      ),
    }),
    MANUAL_RESTRICTION: weightOnly(),
  }),
  known_attributes: section({ max_per_kind: positiveInt(), forget_after: duration() }),
  events: section({ max_future_skew: duration(), learning_horizon: duration() }),
  sensitivity: section({
    default: level(),
    resources: z.array(
      section({
        pattern: z.string(expected('a glob pattern')).min(1, expected('a glob pattern')),
        level: level(),
      }),
      expected('a list of { pattern, level }'),
    ),
  }),
  decisions: section({
    low: thresholds(),
    medium: thresholds(),
    high: thresholds(),
    critical: thresholds(),
  }),
  request_signals: section({ step_up_from: level() }),
  restriction: section({
    trigger_score: z
      .number(expected('a number of points greater than 0 and at most 100'))
      .gt(0, expected('a number of points greater than 0 and at most 100'))
      .max(100, expected('a number of points greater than 0 and at most 100')),
    ttl: duration(),
    deny_from: level(),
  }),
  redis_unavailable: section({
    low: fallback(),
    medium: fallback(),
    high: fallback(),
    critical: fallback(),
  }),
});

export type PolicyDocument = z.output<typeof policySchema>;
