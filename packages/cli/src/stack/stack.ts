import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, stackEnvFile, stateDir } from '../paths';
import { fromStackEnv } from '../stack-env';
import { localKafkaClientEnv } from './kafka-principals';
import { ensureDevSecrets, tokenTableFor, type DevSecrets } from './secrets';
import { sourceTokenVariable } from './sources';
import { SUPERVISE_VARIABLE, type ExitRecord, type SuperviseSpec } from './supervisor';

/** One service of the local stack: a real process with its log in a file. */
export interface StackService {
  name: 'ingest' | 'risk' | 'sealer';
  entry: string;
  opsPort: number;
  endpoints: string[];
  env(secrets: DevSecrets): Record<string, string>;
}

/** The dev stack's Kubernetes cluster source (token VIGIL_K8S_AUDIT_TOKEN). */
export const DEV_CLUSTER_SOURCE = 'dev-cluster';

export const STACK_SERVICES: StackService[] = [
  {
    name: 'ingest',
    entry: 'services/ingest/dist/main.js',
    opsPort: 9101,
    endpoints: [
      'gRPC 127.0.0.1:7001',
      'HTTP http://127.0.0.1:7080/v1/events',
      'HTTP http://127.0.0.1:7080/v1/k8s/audit (Kubernetes audit webhook, cluster "dev")',
    ],
    env: (s) => ({
      INGEST_SOURCES_FILE: s.sourcesFile,
      INGEST_K8S_AUDIT_CLUSTERS: `${DEV_CLUSTER_SOURCE}=dev`,
    }),
  },
  {
    name: 'risk',
    entry: 'services/risk/dist/main.js',
    opsPort: 9102,
    endpoints: ['gRPC 127.0.0.1:7002 (Authorize, Envoy ext_authz Check, RiskAdmin)'],
    env: (s) => ({
      RISK_API_TOKENS: tokenTableFor('demo', s.authzToken),
      RISK_ADMIN_TOKENS: tokenTableFor('admin', s.adminToken),
      // Envoy's Check (same token as Authorize): /payments/ is db/prod-payments, the rest default.
      RISK_EXT_AUTHZ_MAPPING_FILE: path.join(REPO_ROOT, 'services/risk/policy/ext-authz-dev.yaml'),
    }),
  },
  {
    name: 'sealer',
    entry: 'services/sealer/dist/main.js',
    opsPort: 9103,
    endpoints: ['(no API: seals Kafka partitions into sealed-roots)'],
    env: (s) => ({ SEALER_SIGNING_KEY_FILE: s.signingKeyFile }),
  },
];

const runDir = () => path.join(stateDir(), 'run');
const logDir = () => path.join(stateDir(), 'logs');
const pidFile = (service: StackService) => path.join(runDir(), `${service.name}.pid`);
const supervisorPidFile = (service: StackService) =>
  path.join(runDir(), `${service.name}.supervisor.pid`);
/** How the service ended when it ended unasked; written by its supervisor (supervisor.ts). */
const exitFile = (service: StackService) => path.join(runDir(), `${service.name}.exit`);
export const logFile = (service: StackService) => path.join(logDir(), `${service.name}.log`);

/** The supervisor as built next to this file; tests running the sources pass their own. */
const DEFAULT_SUPERVISOR = [path.join(__dirname, 'supervisor.js')];
const SUPERVISOR_FILE = /[/\\]stack[/\\]supervisor\.[jt]s$/;

const readPid = (file: string): number | undefined => {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/** Signals `pid`; one that has exited meanwhile is not an error (it is what was wanted). */
const signal = (pid: number, name: NodeJS.Signals): void => {
  try {
    process.kill(pid, name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export function runningPid(service: StackService): number | undefined {
  const pid = readPid(pidFile(service));
  // After a reboot or a crash the pid in the file may belong to some other process by now;
  // `stack down` must never signal that one.
  return pid !== undefined && alive(pid) && runsScript(pid, (arg) => arg.endsWith(service.entry))
    ? pid
    : undefined;
}

/** The pid of the service's supervisor while it runs. */
function supervisorPid(service: StackService): number | undefined {
  const pid = readPid(supervisorPidFile(service));
  return pid !== undefined && alive(pid) && runsScript(pid, (arg) => SUPERVISOR_FILE.test(arg))
    ? pid
    : undefined;
}

/** Whether process `pid` runs a script matching `matches` (Linux: /proc; elsewhere trusted). */
function runsScript(pid: number, matches: (arg: string) => boolean): boolean {
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return process.platform !== 'linux';
  }
  return cmdline.split('\0').some(matches);
}

function readExitRecord(service: StackService): ExitRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(exitFile(service), 'utf8')) as ExitRecord;
  } catch {
    return undefined;
  }
}

/**
 * Whether the service runs, was stopped, or crashed. A clean `stack down` removes its pid file,
 * so a pid file whose process is gone means it ended unasked: crashed, with the exit code or
 * signal its supervisor recorded (unknown when the supervisor died with it, e.g. a reboot).
 */
export type ServiceState =
  | { state: 'running'; pid: number }
  | { state: 'stopped' }
  | { state: 'crashed'; exit: ExitRecord | null };

export function serviceState(service: StackService): ServiceState {
  const pid = runningPid(service);
  if (pid !== undefined) return { state: 'running', pid };
  if (!fs.existsSync(pidFile(service)) && !fs.existsSync(exitFile(service))) {
    return { state: 'stopped' };
  }
  return { state: 'crashed', exit: readExitRecord(service) ?? null };
}

/** "exit code 78", "SIGKILL", "could not start: ...", or "exit status unknown". */
export function describeExit(exit: ExitRecord | null): string {
  if (!exit) return 'exit status unknown';
  if (exit.error) return `could not start: ${exit.error}`;
  if (exit.signal) return exit.signal;
  return `exit code ${exit.code ?? '?'}`;
}

/**
 * Starts one service under its supervisor, detached, its output appended to its log. The
 * supervisor writes the service's pid file once it runs. `supervisor` is the Node arguments that
 * run supervisor.ts (default: the built one next to this file).
 */
export function launchService(
  service: StackService,
  env: NodeJS.ProcessEnv,
  supervisor: readonly string[] = DEFAULT_SUPERVISOR,
): void {
  fs.mkdirSync(runDir(), { recursive: true });
  fs.mkdirSync(logDir(), { recursive: true });
  // What an earlier run left: a crash record, a stale pid.
  for (const file of [pidFile(service), supervisorPidFile(service), exitFile(service)]) {
    fs.rmSync(file, { force: true });
  }
  const spec: SuperviseSpec = {
    entry: path.resolve(REPO_ROOT, service.entry),
    pidFile: pidFile(service),
    exitFile: exitFile(service),
  };
  const out = fs.openSync(logFile(service), 'a');
  const child = spawn(process.execPath, [...supervisor], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...env, [SUPERVISE_VARIABLE]: JSON.stringify(spec) },
  });
  fs.closeSync(out);
  child.unref();
  fs.writeFileSync(supervisorPidFile(service), String(child.pid));
}

/** Whether the service, or the supervisor about to start it, is still there. */
const starting = (service: StackService) =>
  runningPid(service) !== undefined ||
  (supervisorPid(service) !== undefined && !fs.existsSync(exitFile(service)));

export async function isReady(service: StackService): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${service.opsPort}/readyz`, {
      signal: AbortSignal.timeout(1_000),
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

export interface StackUpResult {
  secrets: DevSecrets;
  started: string[];
  alreadyRunning: string[];
}

/**
 * Starts every service that is not running yet, detached, and waits until each is ready. The
 * connection settings (addresses, dev tokens, keyring) go to .local/stack.env for the CLI.
 */
export async function stackUp(options: {
  kafkaBrokers: string;
  readyTimeoutMs?: number;
}): Promise<StackUpResult> {
  const secrets = ensureDevSecrets(path.join(stateDir(), 'secrets'));
  fs.mkdirSync(runDir(), { recursive: true });
  fs.mkdirSync(logDir(), { recursive: true });
  const started: string[] = [];
  const alreadyRunning: string[] = [];
  for (const service of STACK_SERVICES) {
    if (runningPid(service) !== undefined) {
      alreadyRunning.push(service.name);
      continue;
    }
    launchService(service, {
      ...serviceEnv(),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      KAFKA_BROKERS: options.kafkaBrokers,
      // Each service is its own Kafka principal in secure mode (ACLs: deploy/kafka/acls.txt).
      ...localKafkaClientEnv(service.name),
      OPS_PORT: String(service.opsPort),
      ...service.env(secrets),
    });
    started.push(service.name);
  }
  writeStackEnv(secrets);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (const service of STACK_SERVICES) {
    while (!(await isReady(service))) {
      if (!starting(service)) {
        const state = serviceState(service);
        const how = state.state === 'crashed' ? ` (${describeExit(state.exit)})` : '';
        throw new Error(`${service.name} exited during startup${how}; see ${logFile(service)}`);
      }
      if (Date.now() > deadline)
        throw new Error(`${service.name} did not become ready; see ${logFile(service)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { secrets, started, alreadyRunning };
}

/**
 * The environment the services inherit: this process's, without what came from stack.env (the
 * CLI's own tokens and, in secure mode, the auditor's Kafka settings of an earlier run).
 */
function serviceEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !fromStackEnv.has(name)),
  );
}

function writeStackEnv(secrets: DevSecrets): void {
  // In secure mode the CLI reads the audit log as the auditor, which may only read.
  const kafka = Object.entries(localKafkaClientEnv('auditor'))
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`);
  const lines = [
    '# Written by `vigil stack up`: how the CLI reaches the local stack. Dev secrets; never commit.',
    'VIGIL_INGEST_ADDR=127.0.0.1:7001',
    `VIGIL_INGEST_TOKEN=${secrets.ingestToken}`,
    ...Object.entries(secrets.sourceTokens).map(
      ([name, token]) => `${sourceTokenVariable(name)}=${token}`,
    ),
    'VIGIL_AUTHZ_ADDR=127.0.0.1:7002',
    `VIGIL_AUTHZ_TOKEN=${secrets.authzToken}`,
    `VIGIL_ADMIN_TOKEN=${secrets.adminToken}`,
    'VIGIL_K8S_AUDIT_URL=http://127.0.0.1:7080/v1/k8s/audit',
    `VIGIL_K8S_AUDIT_TOKEN=${secrets.k8sAuditToken}`,
    `VIGIL_KEYRING=${secrets.publicKeyFile}`,
    ...kafka,
  ];
  fs.writeFileSync(stackEnvFile(), `${lines.join('\n')}\n`, { mode: 0o600 });
}

/**
 * Stops one service: SIGTERM to its supervisor, which passes it on and so knows the stop was
 * asked for (graceful drain), SIGKILL after `graceMs`. Then its run files go, so it reads as
 * stopped. A service that had crashed is "not running", and its crash record goes too.
 */
export async function stopService(
  service: StackService,
  graceMs = 20_000,
): Promise<'stopped' | 'not running'> {
  const pid = runningPid(service);
  const supervisor = supervisorPid(service);
  const clean = () => {
    for (const file of [pidFile(service), supervisorPidFile(service), exitFile(service)]) {
      fs.rmSync(file, { force: true });
    }
  };
  if (pid === undefined) {
    if (supervisor !== undefined) signal(supervisor, 'SIGTERM');
    clean();
    return 'not running';
  }
  // Without a supervisor (it was killed, or an older vigil started the service): signal the
  // service itself.
  signal(supervisor ?? pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (runningPid(service) !== undefined && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (runningPid(service) !== undefined) signal(pid, 'SIGKILL');
  // The supervisor exits right after the service; its files are removed once it has.
  const supervisorDeadline = Date.now() + 5_000;
  while (supervisorPid(service) !== undefined && Date.now() < supervisorDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  clean();
  return 'stopped';
}

/** Stops every service (see stopService). Idempotent. */
export async function stackDown(
  graceMs = 20_000,
): Promise<{ stopped: string[]; notRunning: string[] }> {
  const stopped: string[] = [];
  const notRunning: string[] = [];
  // Ingest first (stop taking events), the sealer last (it seals what the others wrote).
  for (const name of ['ingest', 'risk', 'sealer'] as const) {
    const service = STACK_SERVICES.find((s) => s.name === name) as StackService;
    if ((await stopService(service, graceMs)) === 'stopped') stopped.push(name);
    else notRunning.push(name);
  }
  return { stopped, notRunning };
}

export interface ServiceStatus {
  name: string;
  /** `crashed`: it ended without `stack down` (see `exit`). */
  state: 'ready' | 'not ready' | 'stopped' | 'crashed';
  pid: number | null;
  ready: boolean;
  /** How a crashed service ended (null when unknown, or when it did not crash). */
  exit: ExitRecord | null;
  opsPort: number;
  endpoints: string[];
  log: string;
}

export async function serviceStatus(service: StackService): Promise<ServiceStatus> {
  const state = serviceState(service);
  const ready = state.state === 'running' && (await isReady(service));
  return {
    name: service.name,
    state: state.state === 'running' ? (ready ? 'ready' : 'not ready') : state.state,
    pid: state.state === 'running' ? state.pid : null,
    ready,
    exit: state.state === 'crashed' ? state.exit : null,
    opsPort: service.opsPort,
    endpoints: service.endpoints,
    log: path.relative(process.cwd(), logFile(service)),
  };
}

export async function stackStatus(): Promise<ServiceStatus[]> {
  return Promise.all(STACK_SERVICES.map(serviceStatus));
}
