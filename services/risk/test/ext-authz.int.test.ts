import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import {
  Keyring,
  decodeSealedRoot,
  verifyBatch,
  verifyRootSignature,
  type SealedRootRecord,
} from '@vigil/audit';
import type { RiskAdminClient } from '@vigil/client';
import { vigil } from '@vigil/proto';
import type { Kafka } from 'kafkajs';
import { createTestTopics, uniqueName, waitFor } from '../../../test/support/infra';
import { freePort } from '../../../test/support/processes';
import { DEV_MAPPING_FILE } from '../src/ext-authz/load';
import { spawnRisk, type RiskProcess } from './support/child';
import {
  API_TOKEN,
  MINUTE,
  clients,
  createRiskTestEnv,
  produceEvents,
  waitApplied,
  type EventInput,
  type RiskTestEnv,
} from './support/harness';

/**
 * Envoy's ext_authz Check against the real risk process, with a client built from Envoy's own
 * protos (proto/third_party, loaded by @grpc/proto-loader with proto field names): nothing of
 * Vigil's generated types is on the Check path of this test. The risk process runs the dev
 * mapping (services/risk/policy/ext-authz-dev.yaml): /payments/ on any host is db/prod-payments
 * (critical in the default policy), every other path http/unmatched at medium.
 *
 * Then a sealer process seals the decisions topic, and every decision id the answers carried is
 * found in a batch whose signature verifies and whose Merkle root recomputes from the records.
 */

const ROOT = path.resolve(__dirname, '../../..');
const REGISTER = path.join(ROOT, 'test/support/ts-register.cjs');
const THIRD_PARTY = path.join(ROOT, 'proto/third_party');
/** Envoy's default ext_authz timeout: every answer must come well within it. */
const ENVOY_TIMEOUT_MS = 200;

const HOME = { ip: '198.51.100.7', device: 'laptop-1' };
const OVERWRITE_IF_EXISTS_OR_ADD = 'OVERWRITE_IF_EXISTS_OR_ADD';

// The shapes below are Envoy's proto field names as @grpc/proto-loader (keepCase) hands them out.
// google.protobuf.Struct is the exception: protobufjs builds the well-known types in with their
// JSON names (structValue, stringValue, ...), whatever keepCase says.
interface HeaderValueOption {
  header: { key: string; value: string };
  append_action: string;
}
interface CheckResponse {
  status: { code: number };
  http_response?: 'ok_response' | 'denied_response' | 'error_response';
  ok_response?: { headers: HeaderValueOption[] };
  denied_response?: { status: { code: string }; headers: HeaderValueOption[]; body: string };
  dynamic_metadata?: { fields: Record<string, { stringValue?: string; numberValue?: number }> };
}
type CheckClient = grpc.Client & {
  Check(
    request: unknown,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: (err: grpc.ServiceError | null, response?: CheckResponse) => void,
  ): void;
};

function envoyCheckClient(address: string): CheckClient {
  const definition = protoLoader.loadSync('envoy/service/auth/v3/external_auth.proto', {
    includeDirs: [THIRD_PARTY],
    keepCase: true,
    enums: String,
    // Like a proto3 reader: unset scalars read as their defaults (status.code 0 is OK).
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    envoy: { service: { auth: { v3: { Authorization: grpc.ServiceClientConstructor } } } };
  };
  const Authorization = loaded.envoy.service.auth.v3.Authorization;
  return new Authorization(address, grpc.credentials.createInsecure()) as unknown as CheckClient;
}

/** A CheckRequest as Envoy's ext_authz filter builds it (HTTP, one peer, lower-cased headers). */
function checkRequest(args: {
  path: string;
  headers?: Record<string, string>;
  ip?: string;
  jwtSub?: string;
  host?: string;
}) {
  return {
    attributes: {
      source: { address: { socket_address: { address: args.ip ?? HOME.ip, port_value: 51234 } } },
      destination: { address: { socket_address: { address: '10.0.0.2', port_value: 8080 } } },
      request: {
        http: {
          id: uniqueName('req'),
          method: 'GET',
          host: args.host ?? 'shop.example.com',
          path: args.path,
          scheme: 'https',
          protocol: 'HTTP/1.1',
          headers: { ':path': args.path, ...(args.headers ?? {}) },
        },
      },
      ...(args.jwtSub
        ? {
            metadata_context: {
              filter_metadata: {
                'envoy.filters.http.jwt_authn': {
                  fields: {
                    jwt_payload: {
                      structValue: {
                        fields: {
                          iss: { stringValue: 'https://idp.example.com' },
                          sub: { stringValue: args.jwtSub },
                        },
                      },
                    },
                  },
                },
              },
            },
          }
        : {}),
    },
  };
}

const headerOf = (headers: HeaderValueOption[] | undefined, key: string) =>
  headers?.find((h) => h.header.key === key)?.header.value;

interface DecisionRecord {
  partition: number;
  offset: string;
  value: Buffer;
  decision: vigil.v1.AuthzDecision;
}

/** Reads the decisions topic until `done` holds, keeping partition, offset and raw bytes. */
async function readDecisions(
  kafka: Kafka,
  topic: string,
  done: (records: DecisionRecord[]) => boolean,
): Promise<DecisionRecord[]> {
  const groupId = uniqueName('ext-authz-reader');
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const records: DecisionRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const value = message.value as Buffer;
        records.push({
          partition,
          offset: message.offset,
          value,
          decision: vigil.v1.AuthzDecision.decode(value),
        });
      },
    });
    await waitFor(`decisions in ${topic}`, () => done(records), 30_000);
    return records;
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

describe('Envoy ext_authz Check (real risk process, Envoy protos)', () => {
  let env: RiskTestEnv;
  let risk: RiskProcess | undefined;
  let sealer: ChildProcess | undefined;
  let check: CheckClient;
  let admin: RiskAdminClient;
  const rootsTopic = uniqueName('ext-authz-roots');
  const sealerGroup = uniqueName('ext-authz-sealer');
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-ext-authz-'));
  /** Decision id -> what the test expects the decision record to say. */
  const answered = new Map<
    string,
    { userId: string; decision: vigil.v1.Decision; route: string }
  >();

  const call = (request: unknown, token = API_TOKEN, timeoutMs = ENVOY_TIMEOUT_MS) =>
    new Promise<CheckResponse>((resolve, reject) => {
      const metadata = new grpc.Metadata();
      // What Envoy sends with grpc_service.initial_metadata.
      metadata.set('authorization', `Bearer ${token}`);
      check.Check(request, metadata, { deadline: Date.now() + timeoutMs }, (err, response) =>
        err ? reject(err) : resolve(response as CheckResponse),
      );
    });

  async function send(events: EventInput[]): Promise<void> {
    await produceEvents(env.producer, env.eventsTopic, events);
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.userId, (counts.get(e.userId) ?? 0) + 1);
    for (const [userId, count] of counts) await waitApplied(admin, userId, count);
  }

  beforeAll(async () => {
    env = await createRiskTestEnv({ name: 'ext-authz' });
    await createTestTopics(env.admin, [{ topic: rootsTopic, numPartitions: 1 }]);
    risk = await spawnRisk({ ...env.env, RISK_EXT_AUTHZ_MAPPING_FILE: DEV_MAPPING_FILE });
    const address = `127.0.0.1:${risk.grpcPort}`;
    check = envoyCheckClient(address);
    // Connected before the first Check, as Envoy's long-lived connection to the cluster is.
    await new Promise<void>((resolve, reject) =>
      check.waitForReady(Date.now() + 10_000, (err) => (err ? reject(err) : resolve())),
    );
    ({ admin } = clients(risk.grpcPort));

    // Event time close to now: the process decides on its own clock.
    const t0 = Date.now() - 10 * MINUTE;
    const login = (userId: string, at: number, device = HOME.device): EventInput => ({
      userId,
      at,
      action: 'auth.login',
      ip: HOME.ip,
      deviceId: device,
    });
    const failures = (userId: string, from: number): EventInput[] =>
      Array.from({ length: 5 }, (_, i) => ({
        userId,
        at: from + i * 1_000,
        action: 'auth.password',
        outcome: vigil.v1.Outcome.OUTCOME_FAILURE,
        ip: '203.0.113.66',
      }));
    await send([
      ...['alice', 'bob', 'dave'].flatMap((u) => [login(u, t0), login(u, t0 + MINUTE)]),
      login('carol', t0),
      // Two bursts of failed logins: FAILED_AUTH_BURST twice, which restricts carol.
      ...failures('carol', t0 + 2 * MINUTE),
      ...failures('carol', t0 + 2 * MINUTE + 7_000),
    ]);
  }, 120_000);

  afterAll(async () => {
    check?.close();
    admin?.close();
    for (const child of [risk?.child, sealer]) {
      if (child && child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await gone;
      }
    }
    await env?.admin.deleteGroups([sealerGroup]).catch(() => undefined);
    await env?.admin.deleteTopics({ topics: [rootsTopic] }).catch(() => undefined);
    await env?.cleanup();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('answers 401 with a bare Bearer challenge when the request names no user', async () => {
    // Generous deadline for the very first call (connection set-up); the others get Envoy's 200 ms.
    const response = await call(checkRequest({ path: '/payments/1' }), API_TOKEN, 5_000);
    expect(response.status.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(response.http_response).toBe('denied_response');
    expect(response.denied_response?.status.code).toBe('Unauthorized');
    expect(headerOf(response.denied_response?.headers, 'www-authenticate')).toBe('Bearer');
    const body = JSON.parse(response.denied_response?.body ?? '{}');
    expect(body).toMatchObject({ decision: 'DENY', reasons: ['NO_USER'] });
    answered.set(body.decision_id, {
      userId: '',
      decision: vigil.v1.Decision.DECISION_DENY,
      route: 'payments',
    });
  });

  it('ALLOW: OK, and the upstream request gets the decision id and risk score', async () => {
    const response = await call(
      checkRequest({
        path: '/payments/42?card=4111',
        headers: { 'x-user-id': 'alice', 'x-device-id': HOME.device },
      }),
    );
    expect(response.status.code).toBe(grpc.status.OK);
    expect(response.http_response).toBe('ok_response');
    const headers = response.ok_response?.headers;
    const decisionId = headerOf(headers, 'x-vigil-decision-id') ?? '';
    expect(decisionId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(headerOf(headers, 'x-vigil-risk-score')).toBe('0');
    expect(headers?.every((h) => h.append_action === OVERWRITE_IF_EXISTS_OR_ADD)).toBe(true);
    expect(response.dynamic_metadata?.fields.decision_id?.stringValue).toBe(decisionId);
    answered.set(decisionId, {
      userId: 'alice',
      decision: vigil.v1.Decision.DECISION_ALLOW,
      route: 'payments',
    });
  });

  it('STEP_UP: 401 with the RFC 9470 challenge and the reasons in the body', async () => {
    // bob is known from 198.51.100.7; a new IP on a critical resource asks for step-up.
    const response = await call(
      checkRequest({
        path: '/payments/7',
        ip: '192.0.2.200',
        headers: { 'x-user-id': 'bob', 'x-device-id': HOME.device },
      }),
    );
    expect(response.status.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(response.denied_response?.status.code).toBe('Unauthorized');
    expect(headerOf(response.denied_response?.headers, 'www-authenticate')).toBe(
      'Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:vigil:acr:mfa"',
    );
    expect(headerOf(response.denied_response?.headers, 'content-type')).toBe('application/json');
    const body = JSON.parse(response.denied_response?.body ?? '{}');
    expect(body).toMatchObject({ decision: 'STEP_UP', reasons: ['NEW_IP'] });
    expect(headerOf(response.denied_response?.headers, 'x-vigil-decision-id')).toBe(
      body.decision_id,
    );
    answered.set(body.decision_id, {
      userId: 'bob',
      decision: vigil.v1.Decision.DECISION_STEP_UP,
      route: 'payments',
    });
  });

  it('DENY: 403 with the same JSON body', async () => {
    const response = await call(
      checkRequest({
        path: '/payments/7',
        headers: { 'x-user-id': 'carol', 'x-device-id': HOME.device },
      }),
    );
    expect(response.status.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(response.denied_response?.status.code).toBe('Forbidden');
    expect(headerOf(response.denied_response?.headers, 'www-authenticate')).toBeUndefined();
    const body = JSON.parse(response.denied_response?.body ?? '{}');
    expect(body.decision).toBe('DENY');
    expect(body.reasons).toEqual(expect.arrayContaining(['RESTRICTED', 'FAILED_AUTH_BURST']));
    answered.set(body.decision_id, {
      userId: 'carol',
      decision: vigil.v1.Decision.DECISION_DENY,
      route: 'payments',
    });
  });

  it("takes the user from jwt_authn's metadata before the header", async () => {
    const response = await call(
      checkRequest({
        path: '/payments/9',
        jwtSub: 'dave',
        headers: { 'x-user-id': 'mallory', 'x-device-id': HOME.device },
      }),
    );
    expect(response.status.code).toBe(grpc.status.OK);
    const decisionId = headerOf(response.ok_response?.headers, 'x-vigil-decision-id') ?? '';
    answered.set(decisionId, {
      userId: 'dave',
      decision: vigil.v1.Decision.DECISION_ALLOW,
      route: 'payments',
    });
  });

  it('decides a request no route matches at the default sensitivity', async () => {
    // A new IP: on a critical resource that is STEP_UP (above); at the default, medium, it is not.
    const response = await call(
      checkRequest({
        host: 'api.example.com',
        path: '/orders/7',
        ip: '192.0.2.200',
        headers: { 'x-user-id': 'bob', 'x-device-id': HOME.device },
      }),
    );
    expect(response.status.code).toBe(grpc.status.OK);
    const decisionId = headerOf(response.ok_response?.headers, 'x-vigil-decision-id') ?? '';
    expect(response.dynamic_metadata?.fields.reasons?.stringValue).toBe('NEW_IP');
    answered.set(decisionId, {
      userId: 'bob',
      decision: vigil.v1.Decision.DECISION_ALLOW,
      route: '',
    });
  });

  it('refuses a caller without the API token at the RPC level', async () => {
    await expect(
      call(checkRequest({ path: '/payments/1' }), 'not-the-token'),
    ).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
  });

  it('logs every answer as an ext_authz decision, and the sealer seals them', async () => {
    expect(answered.size).toBe(6);
    const records = await readDecisions(env.kafka, env.decisionsTopic, (rs) =>
      [...answered.keys()].every((id) => rs.some((r) => r.decision.decisionId === id)),
    );
    for (const [id, expected] of answered) {
      const record = records.find((r) => r.decision.decisionId === id)?.decision;
      expect({ id, ...record?.toJSON() }).toMatchObject({
        id,
        decision: vigil.v1.Decision[expected.decision],
        source: 'DECISION_SOURCE_EXT_AUTHZ',
        caller: 'platform',
        ...(expected.userId ? { request: { userId: expected.userId } } : {}),
        extAuthz: expected.route ? { route: expected.route } : {},
      });
    }
    const unmatched = records.find((r) => r.decision.extAuthz && !r.decision.extAuthz.route);
    expect(unmatched?.decision.request?.resource).toBe('http/unmatched');
    expect(unmatched?.decision.extAuthz?.sensitivity).toBe('medium');
    const fromJwt = records.find((r) => r.decision.request?.userId === 'dave');
    expect(fromJwt?.decision.extAuthz).toMatchObject({ userSource: 'jwt', path: '/payments/9' });

    // Seal the decisions topic with a sealer process of its own.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyFile = path.join(keyDir, 'signing.pem');
    fs.writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    const opsPort = await freePort();
    sealer = spawn(
      process.execPath,
      ['-r', REGISTER, path.join(ROOT, 'services/sealer/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          KAFKA_BROKERS: env.env.KAFKA_BROKERS,
          LOG_LEVEL: 'warn',
          OPS_PORT: String(opsPort),
          SEALER_TOPICS: env.decisionsTopic,
          SEALER_ROOTS_TOPIC: rootsTopic,
          SEALER_GROUP_ID: sealerGroup,
          SEALER_TRANSACTIONAL_ID_PREFIX: sealerGroup,
          SEALER_SIGNING_KEY_FILE: keyFile,
          SEALER_MAX_BATCH_MS: '200',
          SEALER_SESSION_TIMEOUT_MS: '6000',
          KAFKAJS_NO_PARTITIONER_WARNING: '1',
        },
        stdio: 'ignore',
      },
    );

    const keyring = Keyring.fromPublicKeys([publicKey]);
    const wanted = records.filter((r) => answered.has(r.decision.decisionId));
    const roots = await readRoots(env.kafka, rootsTopic, (rs) =>
      wanted.every((r) => rs.some((root) => covers(root, env.decisionsTopic, r))),
    );
    for (const record of wanted) {
      const root = roots.find((r) => covers(r, env.decisionsTopic, record)) as SealedRootRecord;
      expect(verifyRootSignature(root, keyring).ok).toBe(true);
      const batch = records
        .filter((r) => r.partition === root.partition && covers(root, env.decisionsTopic, r))
        .sort((a, b) => Number(a.offset) - Number(b.offset))
        .map((r) => ({ offset: r.offset, value: r.value }));
      expect(verifyBatch(root, batch)).toEqual([]);
    }
  }, 120_000);
});

function covers(
  root: SealedRootRecord,
  topic: string,
  record: { partition: number; offset: string },
) {
  const offset = Number(record.offset);
  return (
    root.topic === topic &&
    root.partition === record.partition &&
    Number(root.firstOffset) <= offset &&
    offset <= Number(root.lastOffset)
  );
}

async function readRoots(
  kafka: Kafka,
  topic: string,
  done: (roots: SealedRootRecord[]) => boolean,
): Promise<SealedRootRecord[]> {
  const groupId = uniqueName('ext-authz-roots-reader');
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const roots: SealedRootRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        roots.push(decodeSealedRoot(message.value as Buffer));
      },
    });
    await waitFor(`sealed roots in ${topic}`, () => done(roots), 90_000, 200);
    return roots;
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
