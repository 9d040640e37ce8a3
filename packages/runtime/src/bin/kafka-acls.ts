/**
 * Prints deploy/kafka/acls.txt as kafka-acls commands for a real cluster:
 *
 *   node packages/runtime/dist/bin/kafka-acls.js [--principal ingest=User:CN=vigil-ingest ...]
 *     [--bootstrap-server HOST:PORT] [--command-config FILE] [--file ACLS]
 *
 * Principals default to User:<name>, the SCRAM users of the local secure broker.
 */
import { ACLS_FILE, kafkaAclsCommands, loadAcls, localPrincipal } from '../kafka-acls';

function main(argv: string[]): number {
  const principals = new Map<string, string>();
  let bootstrapServer: string | undefined;
  let commandConfig: string | undefined;
  let file = ACLS_FILE;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: kafka-acls.js [--principal NAME=PRINCIPAL ...] [--bootstrap-server HOST:PORT] ' +
          '[--command-config FILE] [--file ACLS]\n',
      );
      return 0;
    }
    if (value === undefined || !arg?.startsWith('--')) {
      process.stderr.write(`kafka-acls: unexpected argument ${JSON.stringify(arg)} (see --help)\n`);
      return 2;
    }
    i++;
    if (arg === '--principal') {
      const match = /^([a-z][a-z0-9_-]*)=(\S+:\S+)$/.exec(value);
      if (!match) {
        process.stderr.write(
          `kafka-acls: --principal: expected NAME=Type:name (got ${JSON.stringify(value)})\n`,
        );
        return 2;
      }
      principals.set(match[1] as string, match[2] as string);
    } else if (arg === '--bootstrap-server') bootstrapServer = value;
    else if (arg === '--command-config') commandConfig = value;
    else if (arg === '--file') file = value;
    else {
      process.stderr.write(`kafka-acls: unknown option ${arg} (see --help)\n`);
      return 2;
    }
  }
  const grants = loadAcls(file);
  const unknown = [...principals.keys()].filter((p) => !grants.some((g) => g.principal === p));
  if (unknown.length > 0) {
    process.stderr.write(`kafka-acls: --principal: ${unknown.join(', ')} not in ${file}\n`);
    return 2;
  }
  const lines = kafkaAclsCommands(grants, {
    principalOf: (name) => principals.get(name) ?? localPrincipal(name),
    ...(bootstrapServer ? { bootstrapServer } : {}),
    ...(commandConfig ? { commandConfig } : {}),
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
