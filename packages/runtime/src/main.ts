import { ConfigError, VigilError } from './errors';

/** sysexits(3) EX_CONFIG: the operator must fix the configuration. */
export const EXIT_CONFIG = 78;

/**
 * Runs a process entry point. Configuration errors print one line naming the variable (no stack
 * trace: it is the operator's input that is wrong, not the code); anything else is logged with
 * its stack because it is a bug or an outage.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${name}: invalid configuration: ${err.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    if (err instanceof VigilError) {
      process.stderr.write(`${name}: ${err.code}: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(
      `${name}: fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
