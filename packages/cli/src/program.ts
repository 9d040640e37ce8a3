import { Command, CommanderError, Option } from 'commander';
import { auditKeygen, auditProve, auditVerify, auditVerifyBundle } from './audit/commands';
import { authzCheck, type CheckFlags } from './commands/authz';
import { eventsSend, type SendFlags } from './commands/events';
import { riskClear, riskShow } from './commands/risk';
import { stackDownCommand, stackStatusCommand, stackUpCommand } from './commands/stack';
import type { ServiceFlags } from './commands/clients';
import { runDemo } from './demo/demo';
import { loadStackEnv } from './stack-env';
import { sourceTokenVariable } from './stack/sources';
import { CliError, EXIT } from './exit-codes';
import { createOutput } from './output';
import { KAFKA_SECURITY_FLAGS } from './kafka-connection';
import { usageError, writeError } from './report-error';

interface GlobalFlags {
  brokers: string;
  json?: boolean;
}

/**
 * Builds the `vigil` command tree. Every action returns an exit code; errors are CliErrors with
 * a one-line message and, where it helps, what to do about it.
 */
export function buildProgram(
  setExitCode: (code: number) => void,
  options: { json?: boolean } = {},
): Command {
  const program = new Command('vigil')
    .description('Vigil: immutable audit logs that drive risk-based access')
    .addOption(
      new Option('--brokers <list>', 'Kafka bootstrap servers')
        .env('KAFKA_BROKERS')
        .default('127.0.0.1:9092'),
    )
    .option('--json', 'print machine-readable JSON (errors too, on stderr)')
    .addHelpText(
      'after',
      '\nKafka TLS/SASL: --kafka-security-protocol, --kafka-sasl-mechanism, --kafka-sasl-username,\n' +
        '--kafka-sasl-password-file, --kafka-tls-ca-file, --kafka-tls-cert-file, --kafka-tls-key-file,\n' +
        '--kafka-tls-servername, or the KAFKA_* variable of the same name (README: "Secure mode").',
    )
    // Subcommand help lists --brokers and --json too: they work after any command.
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  if (options.json) {
    // Usage errors are reported by runCli as one JSON object, like every other error: commander
    // must print nothing. Set before the subcommands are added, which copy these settings.
    program.configureOutput({ outputError: () => undefined, writeErr: () => undefined });
  } else {
    program.showHelpAfterError('(run with --help for usage)');
  }
  for (const { flag, env } of KAFKA_SECURITY_FLAGS) {
    // Hidden from each command's help (listed once above): most commands never touch Kafka.
    program.addOption(new Option(flag).env(env).hideHelp());
  }
  // Flags win over the environment; the Kafka client reads the settings from one place.
  program.hook('preAction', (command) => {
    const opts = command.opts<Record<string, string | undefined>>();
    for (const { flag, env } of KAFKA_SECURITY_FLAGS) {
      const key = new Option(flag).attributeName();
      if (opts[key] !== undefined) process.env[env] = opts[key];
    }
  });

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

  const serviceOptions = (command: Command, addrEnv: string, tokenEnv: string) =>
    command
      .addOption(new Option('--addr <host:port>', 'service address').env(addrEnv))
      .addOption(new Option('--token <token>', 'bearer token').env(tokenEnv))
      .option('--ca <file>', 'CA certificate for TLS (plaintext when absent)')
      .option('--timeout <ms>', 'deadline per call in milliseconds', '5000');
  const collect = (value: string, previous: string[]) => [...previous, value];
  const eventFlags = (command: Command) =>
    command
      .option('--ip <ip>', 'client IP address')
      .option('--device <id>', 'device id')
      .option('--session <id>', 'session id')
      .option('--country <code>', 'ISO 3166 country code')
      .option('--lat <degrees>', 'latitude')
      .option('--lon <degrees>', 'longitude');

  const events = program.command('events').description('send access events to ingest');
  eventFlags(
    serviceOptions(
      events
        .command('send')
        .description('send one event from flags, or NDJSON events from stdin (--stdin)')
        .option('--user <id>', 'who (required without --stdin)')
        .option('--action <action>', 'what, e.g. auth.login, db.query (required without --stdin)')
        .option('--resource <resource>', 'on what, e.g. db/prod-payments')
        .option('--outcome <outcome>', 'success, failure or denied', 'success')
        .option('--user-agent <ua>', 'user agent')
        .option('--attr <key=value>', 'attribute (repeatable)', collect, [])
        .option('--event-id <id>', 'idempotency key (ingest generates one when absent)')
        .option('--tenant <id>', 'tenant id')
        .option('--occurred-at <time>', 'RFC 3339 time (default: now)')
        .option('--stdin', 'read NDJSON AccessEvents from stdin, sent in batches of 100')
        .option(
          '--source <name>',
          "send as this source: its token from VIGIL_SOURCE_TOKEN_<NAME> (the local stack's are idp and gateway)",
        ),
      'VIGIL_INGEST_ADDR',
      'VIGIL_INGEST_TOKEN',
    ),
  ).action(
    run(async (flags: SendFlags & { source?: string }, command: Command) => {
      // An explicit --token wins; otherwise --source picks that source's token.
      if (flags.source && command.getOptionValueSource('token') !== 'cli') {
        const variable = sourceTokenVariable(flags.source);
        const token = process.env[variable];
        if (!token) {
          throw new CliError(
            `--source ${flags.source}: ${variable} is not set`,
            EXIT.USAGE,
            'pass --token, or set that variable (./dev up writes one per source to .local/stack.env)',
          );
        }
        flags.token = token;
      }
      return eventsSend(flags, createOutput(Boolean(globals(command).json)));
    }),
  );

  const authz = program.command('authz').description('ask the risk service for decisions');
  eventFlags(
    serviceOptions(
      authz
        .command('check')
        .description('ask for a decision; exits 0 for ALLOW, 5 for STEP_UP, 1 for DENY')
        .requiredOption('--user <id>', 'who')
        .requiredOption('--action <action>', 'what')
        .requiredOption('--resource <resource>', 'on what'),
      'VIGIL_AUTHZ_ADDR',
      'VIGIL_AUTHZ_TOKEN',
    ),
  ).action(
    run(async (flags: CheckFlags, command: Command) =>
      authzCheck(flags, createOutput(Boolean(globals(command).json))),
    ),
  );

  const risk = program.command('risk').description("inspect and review users' risk (admin token)");
  serviceOptions(
    risk
      .command('show')
      .description("a user's score, reasons, known devices and IPs, restriction")
      .argument('<user>', 'user id'),
    'VIGIL_AUTHZ_ADDR',
    'VIGIL_ADMIN_TOKEN',
  ).action(
    run(async (user: string, flags: ServiceFlags, command: Command) =>
      riskShow(user, flags, createOutput(Boolean(globals(command).json))),
    ),
  );
  serviceOptions(
    risk
      .command('clear')
      .description("lift a user's restriction after review (audited)")
      .argument('<user>', 'user id')
      .option('--reason <text>', 'why the restriction is lifted (required)')
      .addOption(
        new Option('--reviewer <name>', 'who reviewed (default: the OS user name)').env(
          'VIGIL_REVIEWER',
        ),
      ),
    'VIGIL_AUTHZ_ADDR',
    'VIGIL_ADMIN_TOKEN',
  ).action(
    run(
      async (
        user: string,
        flags: ServiceFlags & { reason?: string; reviewer?: string },
        command: Command,
      ) => {
        const source = command.getOptionValueSource('reviewer');
        return riskClear(
          user,
          {
            ...flags,
            reviewerSource: source === 'env' ? 'env' : source === 'cli' ? 'cli' : undefined,
          },
          createOutput(Boolean(globals(command).json)),
        );
      },
    ),
  );

  const stack = program
    .command('stack')
    .description('the local development stack (services as processes)');
  stack
    .command('up')
    .description('start ingest, risk and sealer against Kafka and Redis (./dev up starts those)')
    .action(
      run(async (_flags: object, command: Command) =>
        stackUpCommand(globals(command), createOutput(Boolean(globals(command).json))),
      ),
    );
  stack
    .command('down')
    .description('stop the services gracefully (Kafka and Redis: ./dev down)')
    .action(
      run(async (_flags: object, command: Command) =>
        stackDownCommand(createOutput(Boolean(globals(command).json))),
      ),
    );
  stack
    .command('status')
    .description('what runs and whether it is ready; exits 3 when something is not')
    .action(
      run(async (_flags: object, command: Command) =>
        stackStatusCommand(createOutput(Boolean(globals(command).json))),
      ),
    );

  program
    .command('demo')
    .description(
      'narrated walkthrough against the running stack (what ./dev up shows); exits 1 when a decision, the audit log or the proof is not as told',
    )
    .action(
      run(async (_flags: object, command: Command) =>
        runDemo({ brokers: globals(command).brokers, json: globals(command).json }),
      ),
    );

  return program;
}

/** Runs the CLI and resolves with the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  loadStackEnv();
  const json = argv.includes('--json');
  let exitCode: number = EXIT.OK;
  const program = buildProgram((code) => (exitCode = code), { json });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      if (json && err.code === 'commander.help' && err.exitCode !== 0) {
        // `vigil --json audit`: commander would print the help to stderr instead of an error.
        writeError(
          new CliError(
            'a command is required',
            EXIT.USAGE,
            'run with --help for the commands',
            'MISSING_COMMAND',
          ),
          true,
        );
        return EXIT.USAGE;
      }
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.help' ||
        err.code === 'commander.version'
      ) {
        return EXIT.OK;
      }
      // Plain mode: commander printed the error and the usage hint already.
      if (json) writeError(usageError(err), true);
      return EXIT.USAGE;
    }
    if (err instanceof CliError) {
      writeError(err, json);
      return err.exitCode;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    if (json) {
      writeError(
        new CliError(
          `unexpected error: ${err instanceof Error ? err.message : String(err)}`,
          EXIT.FAILED,
          undefined,
          'INTERNAL',
        ),
        true,
      );
    } else {
      process.stderr.write(`vigil: unexpected error: ${detail}\n`);
    }
    return EXIT.FAILED;
  }
}
