import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Redis from 'ioredis';
import { AuthorizationClient, IngestClient, RiskAdminClient } from '@vigil/client';
import { testPort, waitFor } from './infra';
import {
  DEV_SOURCES_TEMPLATE,
  devSourceNames,
  renderSourcesFile,
} from '../../packages/cli/src/stack/sources';
import { PrivateKafka } from './private-kafka';
import { assertPortFree, freePort, startService, type ServiceProcess } from './processes';

export type ServiceName = 'ingest' | 'risk' | 'sealer';

export interface StackPorts {
  kafka: number;
  kafkaController: number;
  redis: number;
}

/**
 * The whole of Vigil as real processes against a Kafka broker and a Redis server of its own, so
 * that end-to-end and fault tests may restart the broker, flush Redis and kill services without
 * disturbing anything else. Each service instance gets ephemeral ports.
 */
export class E2EStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  readonly kafka: PrivateKafka;
  readonly redisUrl: string;
  /**
   * Each ingest source's token: the local stack's (idp, gateway: see deploy/local/sources.yaml)
   * and `loadgen`, which may send anything and establish everything, for suites that drive load
   * or hostile input rather than tell who may assert what.
   */
  readonly sourceTokens: Readonly<Record<string, string>> = Object.fromEntries(
    [...devSourceNames(), 'loadgen'].map((name) => [name, randomBytes(18).toString('base64url')]),
  );
  /** The token `ingestClient()` uses: loadgen's. */
  readonly ingestToken = this.sourceTokens.loadgen as string;
  readonly sourcesFile = path.join(this.dir, 'sources.yaml');
  readonly authzToken = randomBytes(18).toString('base64url');
  readonly adminToken = randomBytes(18).toString('base64url');
  readonly keyFile = path.join(this.dir, 'sealer-signing-key.pem');
  readonly keyringFile = path.join(this.dir, 'sealer-public-key.pem');
  readonly instances = new Map<string, ServiceProcess & { ports: Record<string, number> }>();
  private readonly specs = new Map<
    string,
    { service: ServiceName; env: Record<string, string>; ports: Record<string, number> }
  >();
  private redisProcess: ChildProcess | undefined;

  readonly ports: StackPorts;

  /**
   * `ports` are shifted by VIGIL_TEST_PORT_OFFSET (see `testPort`). `secure`: the broker runs in
   * secure mode (SASL_SSL, ACLs) and each service is its own principal; default
   * VIGIL_KAFKA_SECURE=1 in the environment.
   */
  constructor(ports: StackPorts, options: { secure?: boolean } = {}) {
    this.ports = {
      kafka: testPort(ports.kafka),
      kafkaController: testPort(ports.kafkaController),
      redis: testPort(ports.redis),
    };
    this.kafka = new PrivateKafka({
      port: this.ports.kafka,
      controllerPort: this.ports.kafkaController,
      secure: options.secure ?? process.env.VIGIL_KAFKA_SECURE === '1',
    });
    this.redisUrl = `redis://127.0.0.1:${this.ports.redis}`;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(this.keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
    });
    fs.writeFileSync(this.keyringFile, publicKey.export({ format: 'pem', type: 'spki' }));
    const template = `${fs.readFileSync(DEV_SOURCES_TEMPLATE, 'utf8')}
  loadgen:
    description: load and hostile-input suites
    tenants: ['*']
    actions: ['*']
    establishes: [known_attributes, failed_authentication]
`;
    fs.writeFileSync(this.sourcesFile, renderSourcesFile(template, this.sourceTokens));
  }

  get brokers(): string {
    return this.kafka.brokers.join(',');
  }

  /** Starts Kafka and Redis and creates the audit topics (and, secure, the ACLs) explicitly. */
  async startInfrastructure(
    partitions: { events: number; decisions: number; admin?: number; roots: number } = {
      events: 3,
      decisions: 2,
      roots: 1,
    },
  ): Promise<void> {
    await this.startRedis();
    await this.kafka.start();
    await this.kafka.createTopics([
      { topic: 'access-events', numPartitions: partitions.events },
      { topic: 'authz-decisions', numPartitions: partitions.decisions },
      { topic: 'risk-admin', numPartitions: partitions.admin ?? 1 },
      { topic: 'sealed-roots', numPartitions: partitions.roots },
    ]);
    if (this.kafka.secure) await this.kafka.applyAcls();
  }

  /** What the vigil CLI needs to read the log: the auditor's settings on a secure broker. */
  cliKafkaEnv(): Record<string, string> {
    return { KAFKA_BROKERS: this.brokers, ...this.kafka.clientEnv('auditor') };
  }

  async startRedis(): Promise<void> {
    await assertPortFree(this.ports.redis, 'private redis');
    const redisDir = path.join(this.dir, 'redis');
    fs.mkdirSync(redisDir, { recursive: true });
    this.redisProcess = spawn(
      'redis-server',
      [
        '--port',
        String(this.ports.redis),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        redisDir,
      ],
      { stdio: 'ignore' },
    );
    const probe = new Redis(this.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    await waitFor('private redis', async () => {
      await probe.connect().catch(() => undefined);
      return (await probe.ping().catch(() => '')) === 'PONG';
    });
    probe.disconnect();
  }

  redis(): Redis {
    return new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
  }

  private commonEnv(): Record<string, string> {
    return {
      KAFKA_BROKERS: this.brokers,
      REDIS_URL: this.redisUrl,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '15000',
    };
  }

  /** Starts one instance; `name` must be unique (e.g. "risk-2"). */
  async start(service: ServiceName, name: string = service, extraEnv: Record<string, string> = {}) {
    const { env, ports } = await this.instanceEnv(service, extraEnv);
    return this.launch(name, { service, env, ports });
  }

  /** Kills an instance (SIGKILL by default) and starts it again on the same ports. */
  async restart(name: string, signal: NodeJS.Signals = 'SIGKILL') {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`no instance ${name}`);
    await this.instance(name).kill(signal);
    return this.launch(name, spec);
  }

  private async launch(
    name: string,
    spec: { service: ServiceName; env: Record<string, string>; ports: Record<string, number> },
  ) {
    const instance = await startService({
      name,
      entry: `services/${spec.service}/dist/main.js`,
      env: spec.env,
      opsPort: spec.ports.ops,
      logDir: this.dir,
      readyTimeoutMs: 90_000,
    });
    const withPorts = Object.assign(instance, { ports: spec.ports });
    this.instances.set(name, withPorts);
    this.specs.set(name, spec);
    return withPorts;
  }

  private async instanceEnv(service: ServiceName, extraEnv: Record<string, string>) {
    const ops = await freePort();
    const ports: Record<string, number> = { ops };
    const env: Record<string, string> = {
      ...this.commonEnv(),
      // Each service is its own Kafka principal on a secure broker (deploy/kafka/acls.txt).
      ...this.kafka.clientEnv(service),
      OPS_PORT: String(ops),
    };
    const digest = (token: string) => createHash('sha256').update(token).digest('hex');
    if (service === 'ingest') {
      ports.grpc = await freePort();
      ports.http = await freePort();
      Object.assign(env, {
        INGEST_GRPC_PORT: String(ports.grpc),
        INGEST_HTTP_PORT: String(ports.http),
        INGEST_SOURCES_FILE: this.sourcesFile,
        INGEST_K8S_AUDIT_CLUSTERS: 'dev-cluster=dev',
      });
    } else if (service === 'risk') {
      ports.grpc = await freePort();
      Object.assign(env, {
        RISK_GRPC_PORT: String(ports.grpc),
        RISK_API_TOKENS: `e2e=sha256:${digest(this.authzToken)}`,
        RISK_ADMIN_TOKENS: `admin=sha256:${digest(this.adminToken)}`,
        RISK_SESSION_TIMEOUT_MS: '10000',
      });
    } else {
      Object.assign(env, {
        SEALER_SIGNING_KEY_FILE: this.keyFile,
        SEALER_SESSION_TIMEOUT_MS: '6000',
      });
    }
    return { env: { ...env, ...extraEnv }, ports };
  }

  instance(name: string) {
    const found = this.instances.get(name);
    if (!found) throw new Error(`no instance ${name}`);
    return found;
  }

  /** A client of ingest instance `name`, sending as `source`. */
  ingestClient(name = 'ingest', source = 'loadgen'): IngestClient {
    const token = this.sourceTokens[source];
    if (!token) throw new Error(`no source ${source}`);
    return new IngestClient({
      address: `127.0.0.1:${this.instance(name).ports.grpc}`,
      token,
      timeoutMs: 10_000,
    });
  }

  authzClient(name = 'risk'): AuthorizationClient {
    return new AuthorizationClient({
      address: `127.0.0.1:${this.instance(name).ports.grpc}`,
      token: this.authzToken,
      timeoutMs: 2_000,
    });
  }

  adminClient(name = 'risk'): RiskAdminClient {
    return new RiskAdminClient({
      address: `127.0.0.1:${this.instance(name).ports.grpc}`,
      token: this.adminToken,
      timeoutMs: 5_000,
    });
  }

  async stopAll(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await Promise.all([...this.instances.values()].map((i) => i.kill(signal)));
  }

  /** Kills every process and deletes all data. Logs are kept when `keepLogs`. */
  async destroy(keepLogs = false): Promise<void> {
    await this.stopAll('SIGKILL');
    await this.kafka.destroy();
    this.redisProcess?.kill('SIGKILL');
    if (!keepLogs) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
