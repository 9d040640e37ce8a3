/**
 * Registers the C2SP log commands (checkpoint, consistency, vkeys, watch) in the `audit` group.
 * Kept apart from program.ts so that the log commands live in one place.
 */
import { type Command, Option } from 'commander';
import { createOutput, type Output } from '../output';
import { auditCheckpoint, auditConsistency, auditVkeys } from './log-commands';
import { auditWatch } from './watch-command';

type Run = <A extends unknown[]>(
  action: (...args: A) => Promise<number> | number,
) => (...args: A) => Promise<void>;

export function registerLogCommands(
  audit: Command,
  run: Run,
  globals: (command: Command) => { brokers: string; json?: boolean },
): void {
  const output = (command: Command): Output => createOutput(Boolean(globals(command).json));
  const keyring = (what: string) =>
    new Option('--keyring <file>', `PEM public keys ${what}`).env('VIGIL_KEYRING');
  const rootsTopic = (command: Command) =>
    command.option('--roots-topic <topic>', 'topic holding the sealed roots', 'sealed-roots');

  rootsTopic(
    audit
      .command('checkpoint')
      .description(
        "print a partition log's signed checkpoint (c2sp.org/tlog-checkpoint): the newest, or the one of tree size --size",
      )
      .requiredOption('--topic <topic>', 'sealed topic')
      .requiredOption('--partition <n>', 'partition')
      .option('--size <n>', 'tree size of the checkpoint (one exists after every batch)')
      .addOption(keyring('trusted to sign roots (only their checkpoints are printed)')),
  ).action(
    run(async (flags: Parameters<typeof auditCheckpoint>[0], command: Command) =>
      auditCheckpoint({ ...flags, brokers: globals(command).brokers }, output(command)),
    ),
  );

  rootsTopic(
    audit
      .command('consistency')
      .description(
        'print the consistency proof between two tree sizes of a partition log, one base64 hash per line (c2sp.org/tlog-witness)',
      )
      .requiredOption('--topic <topic>', 'sealed topic')
      .requiredOption('--partition <n>', 'partition')
      .requiredOption('--old <n>', 'the older tree size')
      .option('--new <n>', 'the newer tree size (default: the newest checkpoint)')
      .addOption(keyring('trusted to sign roots (only their roots are used)')),
  ).action(
    run(async (flags: Parameters<typeof auditConsistency>[0], command: Command) =>
      auditConsistency({ ...flags, brokers: globals(command).brokers }, output(command)),
    ),
  );

  rootsTopic(
    audit
      .command('vkeys')
      .description(
        'print the verifier key (name+hexid+base64, c2sp.org/signed-note) of every partition log, for each trusted key',
      )
      .addOption(keyring('trusted to sign roots'))
      .option('--topics <list>', 'only these sealed topics'),
  ).action(
    run(async (flags: Parameters<typeof auditVkeys>[0], command: Command) =>
      auditVkeys({ ...flags, brokers: globals(command).brokers }, output(command)),
    ),
  );

  rootsTopic(
    audit
      .command('watch')
      .description(
        'monitor: verify new checkpoints of every partition log against the newest ones verified before (kept in --state), and fail loudly on any fork or rewritten history',
      )
      .requiredOption('--state <file>', 'JSON file with the newest verified checkpoint per log')
      .addOption(keyring('trusted to sign checkpoints'))
      .option('--follow', 'keep watching instead of checking once')
      .option('--interval <ms>', 'with --follow: time between checks', '5000'),
  ).action(
    run(async (flags: Parameters<typeof auditWatch>[0], command: Command) =>
      auditWatch({ ...flags, brokers: globals(command).brokers }, output(command)),
    ),
  );
}
