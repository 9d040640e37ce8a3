import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Producer } from 'kafkajs';
import {
  freePort,
  runVigil,
  startService,
  type CliResult,
  type ServiceProcess,
} from '../../../test/support/processes';
import { brokers, sharedKafkaSecurityEnv, uniqueName } from '../../../test/support/infra';

/** An isolated sealing setup: its own topics, group, transactional ids and signing key. */
export interface SealerFixture {
  dir: string;
  eventsTopic: string;
  rootsTopic: string;
  groupId: string;
  keyFile: string;
  keyringFile: string;
  env(extra?: Record<string, string>): Record<string, string>;
}

export function sealerFixture(name: string): SealerFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vigil-${name}-`));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyFile = path.join(dir, 'signing-key.pem');
  const keyringFile = path.join(dir, 'keyring.pem');
  fs.writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  fs.writeFileSync(keyringFile, publicKey.export({ format: 'pem', type: 'spki' }));
  const eventsTopic = uniqueName(`${name}-events`);
  const rootsTopic = uniqueName(`${name}-roots`);
  const groupId = uniqueName(`${name}-sealer`);
  return {
    dir,
    eventsTopic,
    rootsTopic,
    groupId,
    keyFile,
    keyringFile,
    env: (extra = {}) => ({
      KAFKA_BROKERS: brokers().join(','),
      ...sharedKafkaSecurityEnv(),
      SEALER_TOPICS: eventsTopic,
      SEALER_ROOTS_TOPIC: rootsTopic,
      SEALER_GROUP_ID: groupId,
      SEALER_TRANSACTIONAL_ID_PREFIX: groupId,
      SEALER_SIGNING_KEY_FILE: keyFile,
      SEALER_MAX_BATCH_EVENTS: '100',
      SEALER_MAX_BATCH_MS: '300',
      SEALER_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'info',
      ...extra,
    }),
  };
}

export async function startSealer(
  fixture: SealerFixture,
  name = 'sealer',
): Promise<ServiceProcess & { opsPort: number }> {
  const opsPort = await freePort();
  const service = await startService({
    name,
    entry: 'services/sealer/dist/main.js',
    env: fixture.env({ OPS_PORT: String(opsPort) }),
    opsPort,
    logDir: fixture.dir,
  });
  return Object.assign(service, { opsPort });
}

/** An empty directory, so that no developer's .local/stack.env leaks into CLI runs. */
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-state-'));

/** Runs the built `vigil` CLI against the test broker; never throws on a non-zero exit. */
export const vigil = (args: string[]): Promise<CliResult> =>
  runVigil(args, { KAFKA_BROKERS: brokers().join(','), VIGIL_STATE_DIR: stateDir });

export function verifyArgs(fixture: SealerFixture, ...extra: string[]): string[] {
  return [
    'audit',
    'verify',
    '--keyring',
    fixture.keyringFile,
    '--roots-topic',
    fixture.rootsTopic,
    '--topics',
    fixture.eventsTopic,
    '--no-progress',
    ...extra,
  ];
}

/** Produces `count` small events spread over users (hence partitions); returns how many were acked. */
export async function produceEvents(
  producer: Producer,
  topic: string,
  count: number,
  tag = 'e',
): Promise<number> {
  const messages = Array.from({ length: count }, (_, i) => ({
    key: `user-${i % 17}`,
    value: Buffer.from(JSON.stringify({ tag, i, at: Date.now() })),
  }));
  const acks = await producer.send({ topic, acks: -1, messages });
  return acks.length > 0 ? count : 0;
}

/** Sum of a counter across label sets, read from a service's /metrics. */
export async function metricSum(opsPort: number, name: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${opsPort}/metrics`);
  const text = await res.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
