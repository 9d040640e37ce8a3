import { Command, CommanderError, Option } from 'commander';
import { auditKeygen, auditProve, auditVerify, auditVerifyBundle } from './audit/commands';
import { CliError, EXIT } from './exit-codes';
import { createOutput } from './output';

interface GlobalFlags {
  brokers: string;
  json?: boolean;
}

/**
 * Builds the `vigil` command tree. Every action returns an exit code; errors are CliErrors with
 * a one-line message and, where it helps, what to do about it.
 */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('vigil')
    .description('Vigil: immutable audit logs that drive risk-based access')
    .addOption(
      new Option('--brokers <list>', 'Kafka bootstrap servers')
        .env('KAFKA_BROKERS')
        .default('127.0.0.1:9092'),
    )
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const run =
    <A extends unknown[]>(action: (...args: A) => Promise<number> | number) =>
    async (...args: A) => {
      setExitCode(await action(...args));
    };
  const globals = (command: Command) => command.optsWithGlobals<GlobalFlags>();

  const audit = program
    .command('audit')
    .description('verify the sealed log and prove single events');
  audit
    .command('verify')
    .description('check every signature, chain and batch root against the records in Kafka')
    .addOption(
      new Option('--keyring <file>', 'PEM public keys trusted to sign roots').env('VIGIL_KEYRING'),
    )
    .option('--roots-topic <topic>', 'topic holding the sealed roots', 'sealed-roots')
    .option(
      '--topics <list>',
      'sealed topics to check (default: access-events, authz-decisions and every topic with roots)',
    )
    .option('--allow-pending', 'do not fail on records newer than the last sealed batch')
    .option('--no-progress', 'no progress bar')
    .action(
      run(
        async (
          flags: {
            keyring?: string;
            rootsTopic: string;
            topics?: string;
            allowPending?: boolean;
            progress: boolean;
          },
          command: Command,
        ) => {
          const g = globals(command);
          return auditVerify({ ...flags, brokers: g.brokers }, createOutput(Boolean(g.json)));
        },
      ),
    );
  audit
    .command('prove')
    .description('write a self-contained proof bundle (JSON) for one record')
    .requiredOption('--topic <topic>', 'topic of the record')
    .requiredOption('--partition <n>', 'partition of the record')
    .requiredOption('--offset <n>', 'offset of the record')
    .option('--out <file>', 'write the bundle here instead of stdout')
    .option('--roots-topic <topic>', 'topic holding the sealed roots', 'sealed-roots')
    .addOption(
      new Option('--keyring <file>', 'only use roots signed by these keys').env('VIGIL_KEYRING'),
    )
    .action(
      run(
        async (
          flags: {
            topic: string;
            partition: string;
            offset: string;
            out?: string;
            rootsTopic: string;
            keyring?: string;
          },
          command: Command,
        ) => {
          const g = globals(command);
          return auditProve({ ...flags, brokers: g.brokers }, createOutput(Boolean(g.json)));
        },
      ),
    );
  audit
    .command('verify-bundle')
    .description('verify a proof bundle fully offline')
    .argument('<file>', 'bundle written by `vigil audit prove`')
    .addOption(
      new Option('--keyring <file>', 'PEM public keys trusted to sign roots').env('VIGIL_KEYRING'),
    )
    .action(
      run(async (file: string, flags: { keyring?: string }, command: Command) =>
        auditVerifyBundle(file, flags, createOutput(Boolean(globals(command).json))),
      ),
    );
  audit
    .command('keygen')
    .description('create an Ed25519 signing key for the sealer and its public key for verifiers')
    .requiredOption('--out <dir>', 'directory for sealer-signing-key.pem and sealer-public-key.pem')
    .action(
      run((flags: { out: string }, command: Command) =>
        auditKeygen(flags, createOutput(Boolean(globals(command).json))),
      ),
    );

  return program;
}

/** Runs the CLI and resolves with the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      return err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.help' ||
        err.code === 'commander.version'
        ? EXIT.OK
        : EXIT.USAGE;
    }
    if (err instanceof CliError) {
      process.stderr.write(`vigil: ${err.message}\n`);
      if (err.hint) process.stderr.write(`  hint: ${err.hint}\n`);
      return err.exitCode;
    }
    process.stderr.write(
      `vigil: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT.FAILED;
  }
}
