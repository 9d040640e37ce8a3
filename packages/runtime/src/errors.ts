/**
 * Base class for errors Vigil reports to operators and callers. `code` is stable and
 * machine-readable; messages may change between releases, codes may not.
 */
export class VigilError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One or more environment variables are missing or malformed. */
export class ConfigError extends VigilError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super('CONFIG_INVALID', problems.map(formatProblem).join('; '));
  }
}

export interface ConfigProblem {
  variable: string;
  expected: string;
  /** What was found; omitted for secrets. */
  received?: string;
}

function formatProblem(problem: ConfigProblem): string {
  const received = problem.received === undefined ? '' : ` (got ${problem.received})`;
  return `${problem.variable}: expected ${problem.expected}${received}`;
}
