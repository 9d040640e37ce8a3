#!/usr/bin/env node
import { runCli } from '../program';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
// `vigil ... | head`: the reader went away; stop quietly, as other Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
