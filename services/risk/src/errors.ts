import type { Parsed } from '@vigil/input';
import { VigilError } from '@vigil/runtime';

/** The policy file is missing, is not YAML, or has invalid fields (each named by its path). */
export class PolicyError extends VigilError {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super('POLICY_INVALID', `${source}: ${problems.join('; ')}`);
  }
}

/** A request that can never succeed as sent (maps to INVALID_ARGUMENT). */
export class InvalidRequestError extends VigilError {
  constructor(
    message: string,
    /** The offending field, when one is to blame (e.g. `context.geo.latitude`). */
    readonly field?: string,
  ) {
    super('INVALID_REQUEST', message);
  }
}

/**
 * The value of a shared validator (@vigil/input), or an InvalidRequestError naming the field:
 * how every risk door (Authorize, Check, RiskAdmin) applies the one definition of each input.
 */
export function validInput<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new InvalidRequestError(parsed.error.message, parsed.error.field);
  return parsed.value;
}

/** The decision log cannot take more decisions (Kafka down long enough to fill the buffer). */
export class DecisionLogFullError extends VigilError {
  constructor(depth: number) {
    super(
      'DECISION_LOG_FULL',
      `the decision log holds ${depth} unpublished decisions; refusing to decide unaudited`,
    );
  }
}

/** Risk state (Redis) could not be read or written in time. */
export class RiskStateUnavailableError extends VigilError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('RISK_STATE_UNAVAILABLE', message, options);
  }
}

/** An admin action's audit event could not be published, so the action was not taken. */
export class AuditPublishError extends VigilError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('AUDIT_PUBLISH_FAILED', message, options);
  }
}
