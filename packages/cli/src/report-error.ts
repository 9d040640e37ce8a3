import type { CommanderError } from 'commander';
import { CliError, EXIT } from './exit-codes';

/** Commander's error ids, as the stable codes of the CLI's error objects. */
const USAGE_CODES: Readonly<Record<string, string>> = {
  'commander.unknownOption': 'UNKNOWN_OPTION',
  'commander.unknownCommand': 'UNKNOWN_COMMAND',
  'commander.missingMandatoryOptionValue': 'MISSING_REQUIRED_OPTION',
  'commander.missingArgument': 'MISSING_ARGUMENT',
  'commander.optionMissingArgument': 'MISSING_OPTION_VALUE',
  'commander.excessArguments': 'EXCESS_ARGUMENTS',
  'commander.conflictingOption': 'CONFLICTING_OPTION',
  'commander.invalidArgument': 'INVALID_ARGUMENT',
};

/**
 * A usage error commander found while parsing (unknown option or command, missing required
 * flag, ...) as a CliError, so it is reported like every other error: as one JSON object under
 * --json. Commander's message is `error: unknown option '--jsn'\n(Did you mean --json?)`; the
 * suggestion becomes the hint.
 */
export function usageError(err: CommanderError): CliError {
  const [first = '', ...rest] = err.message.split('\n');
  const suggestion = rest
    .join(' ')
    .trim()
    .replace(/^\((.*)\)$/, '$1');
  return new CliError(
    first.replace(/^error: /, ''),
    EXIT.USAGE,
    suggestion || 'run with --help for usage',
    USAGE_CODES[err.code] ?? 'USAGE',
  );
}

/** The `--json` form of an error: one object on stderr, the same shape for every error. */
export function errorObject(err: CliError): {
  error: { code: string; exitCode: number; message: string; hint: string | null };
} {
  return {
    error: { code: err.code, exitCode: err.exitCode, message: err.message, hint: err.hint ?? null },
  };
}

/** Writes an error to stderr: one JSON line under --json, else `vigil: ...` and a hint line. */
export function writeError(err: CliError, json: boolean): void {
  if (json) {
    process.stderr.write(`${JSON.stringify(errorObject(err))}\n`);
  } else {
    process.stderr.write(`vigil: ${err.message}\n`);
    if (err.hint) process.stderr.write(`  hint: ${err.hint}\n`);
  }
}
