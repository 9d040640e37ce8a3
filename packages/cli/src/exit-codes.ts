/** Exit codes mean the same thing in every command, so scripts can branch on them. */
export const EXIT = {
  OK: 0,
  /** The check ran and found a problem (verification failed, decision was DENY, ...). */
  FAILED: 1,
  /** Bad flags or arguments. */
  USAGE: 2,
  /** A dependency (Kafka, a service) could not be reached. */
  UNAVAILABLE: 3,
  /** The thing asked about does not exist (unknown topic or partition, unknown user, ...). */
  NOT_FOUND: 4,
  /**
   * Not yet: the thing exists but is not ready, so retrying later may succeed (the record is not
   * sealed yet). Distinct from NOT_FOUND so a script can retry on one and give up on the other.
   * (5 is `authz check`'s STEP_UP.)
   */
  PENDING: 6,
} as const;

/**
 * The error code of an error that names none: the exit code's meaning. Specific errors carry a
 * code of their own (USER_NOT_FOUND, UNKNOWN_OPTION, ...), in the SCREAMING_SNAKE style of the
 * services' `vigil-error-code`, so scripts need not parse messages.
 */
export function defaultErrorCode(exitCode: number): string {
  switch (exitCode) {
    case EXIT.USAGE:
      return 'USAGE';
    case EXIT.UNAVAILABLE:
      return 'UNAVAILABLE';
    case EXIT.NOT_FOUND:
      return 'NOT_FOUND';
    case EXIT.PENDING:
      return 'PENDING';
    default:
      return 'FAILED';
  }
}

/** An error that ends the command with a specific exit code and a one-line message. */
export class CliError extends Error {
  /** Stable, machine-readable: the `code` of the `--json` error object. */
  readonly code: string;

  constructor(
    message: string,
    readonly exitCode: number,
    /** What the user can do about it. */
    readonly hint?: string,
    code?: string,
  ) {
    super(message);
    this.code = code ?? defaultErrorCode(exitCode);
  }
}
