/**
 * The parent of one local-stack service: `vigil stack up` starts this (detached, output to the
 * service's log), and it starts the service and waits for it. It exists so that someone sees
 * how the service ends: `stack up` exits at once, and a detached process's exit status is lost
 * with no parent waiting. When the service exits without having been asked to stop, this writes
 * its exit code or signal to the exit file, and `stack status` reports it as crashed; a stop asked
 * for by `stack down` (SIGTERM or SIGINT to this process, passed on) writes nothing.
 *
 * What to run comes in VIGIL_SUPERVISE (JSON, see SuperviseSpec), not in argv, so that only the
 * service's own command line names its entry (runningPid matches on it).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export const SUPERVISE_VARIABLE = 'VIGIL_SUPERVISE';

export interface SuperviseSpec {
  /** The service's script, run with this Node. */
  entry: string;
  /** Where to write the service's pid once it runs. */
  pidFile: string;
  /** Where to write how it ended, when it ends unasked. */
  exitFile: string;
}

/** How a service ended, as the exit file holds it. */
export interface ExitRecord {
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  /** The signal that ended it (e.g. SIGKILL), or null. */
  signal: string | null;
  /** Why it could not start at all (e.g. ENOENT), or null. */
  error: string | null;
  exitedAt: string;
}

/** Writes atomically, so a reader never sees half a file. */
function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export function supervise(spec: SuperviseSpec): void {
  const env = { ...process.env };
  delete env[SUPERVISE_VARIABLE];
  const child = spawn(process.execPath, [spec.entry], { stdio: 'inherit', env });
  let stopRequested = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopRequested = true;
      child.kill(signal);
    });
  }
  const record = (ended: Omit<ExitRecord, 'exitedAt'>) => {
    if (stopRequested) return;
    writeFileAtomic(
      spec.exitFile,
      `${JSON.stringify({ ...ended, exitedAt: new Date().toISOString() })}\n`,
    );
  };
  child.once('spawn', () => writeFileAtomic(spec.pidFile, String(child.pid)));
  child.once('error', (err) => {
    record({ code: null, signal: null, error: err.message });
    process.exit(1);
  });
  child.once('exit', (code, signal) => {
    record({ code, signal, error: null });
    process.exit(0);
  });
}

if (require.main === module) {
  const text = process.env[SUPERVISE_VARIABLE];
  if (!text) {
    process.stderr.write(`supervisor: ${SUPERVISE_VARIABLE} is not set (vigil stack up sets it)\n`);
    process.exit(2);
  }
  supervise(JSON.parse(text) as SuperviseSpec);
}
