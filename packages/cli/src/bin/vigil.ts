#!/usr/bin/env node
import { runCli } from '../program';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
