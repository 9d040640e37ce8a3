import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import {
  applyAcls,
  completeKafkaSecurityEnv,
  kafkaConnectionFromEnv,
  loadAcls,
  readEnvFile,
} from '@vigil/runtime';
import { testPort, waitFor } from './infra';

const run = promisify(execFile);
const KAFKA_SH = path.resolve(__dirname, '../../deploy/local/kafka.sh');

export interface PrivateKafkaOptions {
  /** Defaults 29092/29093: the ports reserved for ingest's broker-down tests. */
  port?: number;
  controllerPort?: number;
  heap?: string;
  /** Secure mode (deploy/local/kafka-secure.sh): SASL_SSL, a SCRAM user per principal, ACLs. */
  secure?: boolean;
}

/** The principals of a secure broker that tests act as; `admin` is a super user. */
export type KafkaPrincipal = 'admin' | 'ingest' | 'risk' | 'sealer' | 'auditor';

/**
 * A single-node KRaft broker of this test's own, for tests that stop and restart Kafka. The
 * shared broker on 9092 is never touched. Data lives in a temporary directory that `destroy()`
 * deletes; a restart keeps it, as a real broker restart would.
 */
export class PrivateKafka {
  readonly port: number;
  readonly brokers: string[];
  readonly secure: boolean;
  private readonly stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-private-kafka-'));
  private readonly env: NodeJS.ProcessEnv;

  constructor(options: PrivateKafkaOptions = {}) {
    this.port = options.port ?? testPort(29092);
    this.brokers = [`127.0.0.1:${this.port}`];
    this.secure = options.secure ?? false;
    this.env = {
      ...process.env,
      VIGIL_KAFKA_SECURE: this.secure ? '1' : '0',
      KAFKA_PORT: String(this.port),
      KAFKA_CONTROLLER_PORT: String(options.controllerPort ?? testPort(29093)),
      VIGIL_STATE_DIR: this.stateDir,
      KAFKA_HEAP: options.heap ?? '512m',
    };
  }

  /** Starts the broker and waits until it serves metadata. */
  async start(): Promise<void> {
    await run(KAFKA_SH, ['start'], { env: this.env, timeout: 120_000 });
    const admin = this.kafka().admin();
    await waitFor('private broker metadata', async () => {
      await admin.connect();
      await admin.describeCluster();
      return true;
    });
    await admin.disconnect();
  }

  /** Stops the broker (SIGTERM, clean shutdown); its data stays for the next start. */
  async stop(): Promise<void> {
    await run(KAFKA_SH, ['stop'], { env: this.env, timeout: 60_000 });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /**
   * The complete Kafka security settings of `principal` (every variable set, so nothing is
   * inherited from the test's own environment): PLAINTEXT on a plain broker.
   */
  clientEnv(principal: KafkaPrincipal): Record<string, string> {
    if (!this.secure) return completeKafkaSecurityEnv({ KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT' });
    return completeKafkaSecurityEnv(
      readEnvFile(path.join(this.stateDir, 'secrets', 'kafka', `${principal}.env`)),
    );
  }

  /** Creates the ACLs of deploy/kafka/acls.txt, as topics.cjs does for the local stack. */
  async applyAcls(): Promise<void> {
    const admin = this.kafka().admin();
    await admin.connect();
    try {
      await applyAcls(admin, loadAcls());
    } finally {
      await admin.disconnect();
    }
  }

  /** The broker's logs (server.log holds the authorizer's and authenticator's decisions). */
  get logDir(): string {
    return path.join(this.stateDir, 'kafka', 'logs');
  }

  /** The broker's own record of what its authorizer refused (kafka.authorizer.logger). */
  denials(): string[] {
    const logs = this.logDir;
    return fs
      .readdirSync(logs)
      .filter((name) => name.startsWith('server.log'))
      .flatMap((name) => fs.readFileSync(path.join(logs, name), 'utf8').split('\n'))
      .filter((line) => line.includes(' is Denied operation '));
  }

  async createTopics(topics: { topic: string; numPartitions?: number }[]): Promise<void> {
    const admin = this.kafka().admin();
    await admin.connect();
    try {
      await admin.createTopics({
        topics: topics.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions ?? 1 })),
        waitForLeaders: true,
      });
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * A kafkajs client for this broker, quiet and quick to give up (the broker may be down); on a
   * secure broker it acts as `principal` (default: the admin, a super user).
   */
  kafka(principal: KafkaPrincipal = 'admin'): Kafka {
    return new Kafka({
      clientId: 'private-kafka-test',
      ...kafkaConnectionFromEnv({
        ...this.clientEnv(principal),
        KAFKA_BROKERS: this.brokers.join(','),
      }),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2_000,
      retry: { retries: 3, initialRetryTime: 200 },
    });
  }

  /** Stops the broker if it runs and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    fs.rmSync(this.stateDir, { recursive: true, force: true });
  }
}
