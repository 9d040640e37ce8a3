import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { RiskCallError, type AuthorizationClient } from '@vigil/client';
import { vigil } from '@vigil/proto';
import { Kafka, logLevel } from 'kafkajs';
import { completeKafkaSecurityEnv } from '@vigil/runtime';
import type { RiskApp } from '../src/app';
import {
  clients,
  createRiskTestEnv,
  readTopic,
  startRiskApp,
  type RiskTestEnv,
} from './support/harness';
import { waitFor } from '../../../test/support/infra';

const run = promisify(execFile);
const KAFKA_SH = path.resolve(__dirname, '../../../deploy/local/kafka.sh');
/** A private broker: the shared one on 9092 is never stopped. */
const PORT = 39092;
const BUFFER = 20;

describe('Authorize when Kafka is down (private broker)', () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-risk-kafka-'));
  const brokerEnv = {
    ...process.env,
    KAFKA_PORT: String(PORT),
    KAFKA_CONTROLLER_PORT: '39093',
    VIGIL_STATE_DIR: stateDir,
    KAFKA_HEAP: '512m',
    // A plain broker, even when the suites run against a secure one (VIGIL_KAFKA_SECURE=1).
    VIGIL_KAFKA_SECURE: '0',
  };
  const broker = (command: 'start' | 'stop') =>
    run(KAFKA_SH, [command], { env: brokerEnv, timeout: 120_000 });
  const kafka = new Kafka({
    clientId: 'risk-kafka-down-test',
    brokers: [`127.0.0.1:${PORT}`],
    logLevel: logLevel.NOTHING,
  });
  let env: RiskTestEnv;
  let app: RiskApp | undefined;
  let authz: AuthorizationClient;
  const accepted: string[] = [];

  beforeAll(async () => {
    await broker('start');
    // Topics, group and keys live on the private broker and a unique Redis prefix.
    env = await createRiskTestEnv({ name: 'risk-kafka-down' });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: env.eventsTopic, numPartitions: 1 },
        { topic: env.decisionsTopic, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    app = await startRiskApp({
      ...env.env,
      KAFKA_BROKERS: `127.0.0.1:${PORT}`,
      ...completeKafkaSecurityEnv({ KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT' }),
      RISK_DECISION_BUFFER_MAX: String(BUFFER),
      RISK_CONSUMER_ENABLED: 'false',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    ({ authz } = clients(app.ports.grpc));
  }, 180_000);

  afterAll(async () => {
    authz?.close();
    await app?.stop();
    await broker('stop').catch(() => undefined);
    fs.rmSync(stateDir, { recursive: true, force: true });
    await env?.cleanup();
  }, 120_000);

  const authorize = () =>
    authz.authorize(
      { userId: 'kim', action: 'read', resource: 'docs/handbook' },
      { timeoutMs: 2_000 },
    );

  it('refuses to decide (UNAVAILABLE) once the buffer of unpublished decisions is full, and loses none', async () => {
    for (let i = 0; i < 5; i++) accepted.push((await authorize()).decisionId);
    await app?.decisionLog.flush();

    await broker('stop');
    let refused: unknown;
    for (let i = 0; i < BUFFER + 5 && !refused; i++) {
      const started = Date.now();
      try {
        accepted.push((await authorize()).decisionId);
      } catch (err) {
        refused = err;
      }
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    expect(refused).toBeInstanceOf(RiskCallError);
    expect(refused).toMatchObject({ code: grpc.status.UNAVAILABLE, reason: 'DECISION_LOG_FULL' });
    expect(accepted).toHaveLength(5 + BUFFER);
    const ready = await fetch(`http://127.0.0.1:${app?.ports.ops}/readyz`);
    expect(ready.status).toBe(503);

    // The broker returns: the buffered decisions are published, and Authorize works again.
    await broker('start');
    await waitFor('the decision buffer to drain', () => app?.decisionLog.depth === 0, 60_000);
    accepted.push((await authorize()).decisionId);
    await app?.decisionLog.flush();
    const records = await readTopic(
      kafka,
      env.decisionsTopic,
      (v) => vigil.v1.AuthzDecision.decode(v),
      (rs) => rs.length >= accepted.length,
    );
    expect(records.map((r) => r.value.decisionId).sort()).toEqual([...accepted].sort());
  }, 180_000);
});
