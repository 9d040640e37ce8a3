import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { sharedKafkaSecurityEnv, waitFor } from './infra';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `vigil` CLI with only `env` (plus PATH, NO_COLOR and the shared test broker's
 * Kafka security settings), so nothing else of the caller's environment or of a developer's
 * .local/stack.env decides the outcome; pass a VIGIL_STATE_DIR. Never throws on a non-zero exit:
 * the code is the result.
 */
export async function runVigil(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(REPO_ROOT, 'packages/cli/dist/bin/vigil.js'), ...args],
      {
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...sharedKafkaSecurityEnv(), ...env },
        timeout: 150_000,
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts a built Vigil service (`node <entry>`) as a real child process, its output in a log
 * file, and waits until its /readyz says ready when `opsPort` is given. It connects to Kafka as
 * the tests do (the shared broker's security settings) unless `env` says otherwise.
 */
export async function startService(args: {
  name: string;
  entry: string;
  env: Record<string, string>;
  opsPort?: number;
  logDir?: string;
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  const logDir = args.logDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-logs-'));
  const logFile = path.join(logDir, `${args.name}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.resolve(REPO_ROOT, args.entry)], {
    env: {
      PATH: process.env.PATH ?? '',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...sharedKafkaSecurityEnv(),
      ...args.env,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const service: ServiceProcess = {
    name: args.name,
    child,
    logFile,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (args.opsPort !== undefined) {
    const port = args.opsPort;
    let gone: number | string | undefined;
    void exited.then((code) => (gone = code));
    try {
      await waitFor(
        `${args.name} to become ready (log: ${logFile})`,
        async () => {
          if (gone !== undefined)
            throw new Error(`${args.name} exited with ${gone}: ${tail(logFile)}`);
          const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
          return res?.status === 200;
        },
        args.readyTimeoutMs ?? 60_000,
        100,
      );
    } catch (err) {
      // The caller never gets a handle to stop it: a process that never became ready would
      // outlive the test run (seen: a risk instance the ACLs kept from its consumer group).
      await service.kill('SIGKILL');
      throw err;
    }
  }
  return service;
}

/**
 * Fails when something already listens on `port`. A private Redis or broker left behind by an
 * earlier, aborted run would otherwise be used silently, with that run's data in it.
 */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const net = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `${what}: port ${port} is already in use, probably by a process an earlier, aborted test run left behind; stop it first`,
            )
          : err,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** Ports this test process has handed out: the kernel may offer a just-closed one again. */
const portsHandedOut = new Set<number>();

/**
 * A port nothing listens on now, never one handed out before in this process. A service given
 * two ports that happen to be equal (seen in CI: ops and HTTP both on one) dies at start.
 */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (!portsHandedOut.has(port)) {
      portsHandedOut.add(port);
      return port;
    }
  }
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
