/** Exit codes mean the same thing in every command, so scripts can branch on them. */
export const EXIT = {
  OK: 0,
  /** The check ran and found a problem (verification failed, decision was DENY, ...). */
  FAILED: 1,
  /** Bad flags or arguments. */
  USAGE: 2,
  /** A dependency (Kafka, a service) could not be reached. */
  UNAVAILABLE: 3,
  /** The thing asked about does not exist (offset not sealed, unknown user, ...). */
  NOT_FOUND: 4,
} as const;

/** An error that ends the command with a specific exit code and a one-line message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
