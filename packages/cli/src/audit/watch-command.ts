/**
 * `vigil audit watch --state FILE [--follow]`: a monitor of every partition log. Each round reads
 * sealed-roots and the partitions' records, checks every checkpoint shown against the newest one
 * verified before (watchLog, in @vigil/audit), and stores the newest verified checkpoint per log
 * in FILE. Any fork, rollback or rewritten history fails the command loudly, naming the log and
 * sizes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  emptyWatchState,
  parseVigilOrigin,
  parseWatchState,
  rootOrigin,
  watchLog,
  type Keyring,
  type WatchFinding,
  type WatchState,
} from '@vigil/audit';
import { CliError, EXIT } from '../exit-codes';
import type { Output } from '../output';
import { readKeyring } from './commands';
import { parseCount, withSealedRoots } from './log-commands';
import { partitionLog, readLeafHashes } from './partition-log';

export interface WatchFlags {
  brokers: string;
  rootsTopic: string;
  state: string;
  keyring?: string;
  follow?: boolean;
  interval: string;
}

function readState(file: string): WatchState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyWatchState();
    throw new CliError(`--state: cannot read ${file}`, EXIT.USAGE);
  }
  try {
    return parseWatchState(text);
  } catch (err) {
    throw new CliError(`--state: ${file}: ${(err as Error).message}`, EXIT.USAGE);
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a state. */
function writeState(file: string, state: WatchState): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

async function watchRound(
  flags: WatchFlags,
  keyring: Keyring,
): Promise<{ findings: WatchFinding[]; checked: { origin: string; size: number }[] }> {
  const state = readState(flags.state);
  const findings: WatchFinding[] = [];
  const checked: { origin: string; size: number }[] = [];
  await withSealedRoots(flags, async (kafka, admin, roots) => {
    const notes = new Map<string, string[]>();
    for (const { root } of roots) {
      const origin = rootOrigin(root);
      if (origin === undefined || !root.log) continue;
      const list = notes.get(origin) ?? [];
      list.push(root.log.checkpoint);
      notes.set(origin, list);
    }
    for (const [origin, shown] of [...notes].sort(([a], [b]) => a.localeCompare(b))) {
      const { topic, partition } = parseVigilOrigin(origin);
      const log = partitionLog(roots, topic, partition, keyring).filter(
        (r) => rootOrigin(r) === origin,
      );
      const newest = log[log.length - 1];
      const leaves = newest
        ? await readLeafHashes({ kafka, admin, log, after: -1, to: newest.log.treeSize })
        : [];
      const result = watchLog({ origin, notes: shown, leaves }, state.logs[origin], keyring);
      findings.push(...result.findings);
      if (result.newest) {
        state.logs[origin] = result.newest;
        checked.push({ origin, size: result.newest.size });
      }
    }
  });
  writeState(flags.state, state);
  return { findings, checked };
}

export async function auditWatch(flags: WatchFlags, out: Output): Promise<number> {
  const keyring = readKeyring(flags.keyring);
  const interval = parseCount(flags.interval, '--interval') as number;
  for (;;) {
    const { findings, checked } = await watchRound(flags, keyring);
    if (findings.length > 0) {
      for (const f of findings) out.error(`${out.style.bad(f.code)} ${f.message}`);
      if (out.json) out.printJson({ ok: false, findings });
      else out.line(out.style.bad(`FAILED: ${findings.length} problem(s) with the sealed logs`));
      return EXIT.FAILED;
    }
    if (out.json) out.printJson({ ok: true, logs: checked });
    else
      for (const c of checked)
        out.line(`${out.style.ok('✔')} ${c.origin} consistent up to size ${c.size}`);
    if (!flags.follow) return EXIT.OK;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
