import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, stackEnvFile, stateDir } from '../paths';
import { fromStackEnv } from '../stack-env';
import { localKafkaClientEnv } from './kafka-principals';
import { ensureDevSecrets, tokenTableFor, type DevSecrets } from './secrets';
import { sourceTokenVariable } from './sources';

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
export const logFile = (service: StackService) => path.join(logDir(), `${service.name}.log`);

export function runningPid(service: StackService): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(service), 'utf8').trim());
    process.kill(pid, 0);
    // After a reboot or a crash the pid in the file may belong to some other process by now;
    // `stack down` must never signal that one.
    return runsEntry(pid, service.entry) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether process `pid` runs `entry` (Linux: /proc; elsewhere the pid file is trusted). */
function runsEntry(pid: number, entry: string): boolean {
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return process.platform !== 'linux';
  }
  return cmdline.split('\0').some((arg) => arg.endsWith(entry));
}

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
    const out = fs.openSync(logFile(service), 'a');
    const child = spawn(process.execPath, [path.join(REPO_ROOT, service.entry)], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...serviceEnv(),
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        KAFKA_BROKERS: options.kafkaBrokers,
        // Each service is its own Kafka principal in secure mode (ACLs: deploy/kafka/acls.txt).
        ...localKafkaClientEnv(service.name),
        OPS_PORT: String(service.opsPort),
        ...service.env(secrets),
      },
    });
    fs.closeSync(out);
    child.unref();
    fs.writeFileSync(pidFile(service), String(child.pid));
    started.push(service.name);
  }
  writeStackEnv(secrets);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (const service of STACK_SERVICES) {
    while (!(await isReady(service))) {
      if (runningPid(service) === undefined) {
        throw new Error(`${service.name} exited during startup; see ${logFile(service)}`);
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

/** SIGTERM (graceful drain) each service, SIGKILL after `graceMs`. Idempotent. */
export async function stackDown(
  graceMs = 20_000,
): Promise<{ stopped: string[]; notRunning: string[] }> {
  const stopped: string[] = [];
  const notRunning: string[] = [];
  // Ingest first (stop taking events), the sealer last (it seals what the others wrote).
  for (const name of ['ingest', 'risk', 'sealer'] as const) {
    const service = STACK_SERVICES.find((s) => s.name === name) as StackService;
    const pid = runningPid(service);
    if (pid === undefined) {
      notRunning.push(name);
      fs.rmSync(pidFile(service), { force: true });
      continue;
    }
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (runningPid(service) !== undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (runningPid(service) !== undefined) process.kill(pid, 'SIGKILL');
    fs.rmSync(pidFile(service), { force: true });
    stopped.push(name);
  }
  return { stopped, notRunning };
}

export interface ServiceStatus {
  name: string;
  pid: number | null;
  ready: boolean;
  opsPort: number;
  endpoints: string[];
  log: string;
}

export async function stackStatus(): Promise<ServiceStatus[]> {
  return Promise.all(
    STACK_SERVICES.map(async (service) => ({
      name: service.name,
      pid: runningPid(service) ?? null,
      ready: await isReady(service),
      opsPort: service.opsPort,
      endpoints: service.endpoints,
      log: path.relative(process.cwd(), logFile(service)),
    })),
  );
}
