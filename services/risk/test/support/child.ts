import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { waitFor } from '../../../../test/support/infra';

const ROOT = path.resolve(__dirname, '../../../..');
const REGISTER = path.join(ROOT, 'test/support/ts-register.cjs');
const MAIN = path.join(ROOT, 'services/risk/src/main.ts');

export interface RiskProcess {
  readonly child: ChildProcess;
  readonly grpcPort: number;
  readonly opsPort: number;
  /** Exit code (or signal name) once the process is gone. */
  readonly exited: Promise<number | string>;
  /** Everything it logged, for failure messages. */
  readonly output: string[];
}

/**
 * Runs the risk service as a real process (`main.ts` through the swc require hook, so the test
 * exercises the sources, not a possibly stale dist/). Resolves once both ports are listening,
 * or (`until: 'ops'`) once the ops port is, which comes first.
 */
export async function spawnRisk(
  env: Record<string, string>,
  options: { until?: 'serving' | 'ops' } = {},
): Promise<RiskProcess> {
  const child = spawn(process.execPath, ['-r', REGISTER, MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info', KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let grpcPort = 0;
  let opsPort = 0;
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > 500) output.shift();
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'gRPC listening') grpcPort = entry.port ?? 0;
        if (entry.msg === 'ops endpoints listening') opsPort = entry.port ?? 0;
      } catch {
        // Not a log line (e.g. a fatal error on stderr); kept in `output`.
      }
    });
  }
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor('the risk process to listen', () => {
    if (gone) throw new Error(`risk process exited early:\n${output.join('\n')}`);
    return opsPort > 0 && (options.until === 'ops' || grpcPort > 0);
  });
  return { child, grpcPort, opsPort, exited, output };
}
