/**
 * POST /v1/k8s/audit through the real ingest service, Kafka and Redis: EventLists as
 * kube-apiserver's webhook backend sends them land in the events topic as the mapping table in
 * the README says, malformed items are named without costing the others, and a resent batch is
 * stored once.
 */
import type { Admin, Kafka } from 'kafkajs';
import type Redis from 'ioredis';
import { vigil } from '@vigil/proto';
import { hashToken } from '@vigil/runtime';
import { createTestTopics, testKafka, testRedis, uniqueName } from '../../../test/support/infra';
import {
  eventList,
  execItem,
  forbiddenExecItem,
  impersonatedItem,
  podListItem,
  rbacChangeItem,
  request,
  secretReadItem,
  type Json,
} from './k8s-fixtures';
import {
  TOKENS,
  countRecords,
  readTopic,
  startIngest,
  testEnv,
  type RunningIngest,
} from './support';

const CLUSTER_TOKEN = 'dev-cluster-audit-token';
const { OUTCOME_SUCCESS, OUTCOME_DENIED } = vigil.v1.Outcome;

describe('Kubernetes audit webhook (real ingest, Kafka and Redis)', () => {
  const topic = uniqueName('k8s-audit');
  let kafka: Kafka;
  let admin: Admin;
  let redis: Redis;
  let ingest: RunningIngest;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 3 }]);
    redis = testRedis();
    ingest = await startIngest(
      testEnv(topic, {
        INGEST_API_TOKENS: [
          `gateway=sha256:${hashToken(TOKENS.gateway)}`,
          `dev-cluster=sha256:${hashToken(CLUSTER_TOKEN)}`,
        ].join(','),
        INGEST_K8S_AUDIT_CLUSTERS: 'dev-cluster=dev',
        // Small publish calls, so a full list is stored in several of them.
        INGEST_MAX_BATCH_EVENTS: '150',
      }),
    );
  });

  afterAll(async () => {
    await ingest?.stop();
    const keys = await redis.keys(`${ingest.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  function post(
    body: unknown,
    init: { token?: string | null; contentType?: string } = {},
  ): Promise<Response> {
    const token = init.token === undefined ? CLUSTER_TOKEN : init.token;
    return fetch(`http://127.0.0.1:${ingest.app.ports.http}/v1/k8s/audit`, {
      method: 'POST',
      headers: {
        'content-type': init.contentType ?? 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function deliver(items: Json[]): Promise<Json> {
    const response = await post(eventList(items));
    const body = (await response.json()) as Json;
    expect({ status: response.status, body }).toMatchObject({ status: 200 });
    return body;
  }

  /**
   * The stored events of requests, by `[auditID, stage]` (event id `k8s:<auditID>:<stage>`),
   * decoded from one read of the topic; each must be there exactly once, keyed by its user.
   */
  const storedEventIds = async () => (await readTopic(kafka, admin, topic)).map((r) => r.eventId);

  async function storedEvents(...requests: [auditID: string, stage: string][]) {
    const records = await readTopic(kafka, admin, topic);
    return requests.map(([auditID, stage]) => {
      const matches = records.filter((r) => r.eventId === `k8s:${auditID}:${stage}`);
      expect(matches).toHaveLength(1);
      const event = vigil.v1.AccessEvent.decode(matches[0]!.value);
      expect(matches[0]!.key).toBe(event.actor?.userId);
      return event;
    });
  }

  it('stores kubectl exec over SPDY once, when the session starts', async () => {
    const req = request();
    const answer = await deliver([
      execItem(req, 'RequestReceived', { namespace: 'prod' }),
      execItem(req, 'ResponseStarted', { namespace: 'prod', command: ['sh', '-c', 'env'] }),
    ]);
    expect(answer).toMatchObject({
      cluster: 'dev',
      items: 2,
      accepted: 1,
      dropped: 1,
      droppedByReason: { request_received: 1 },
      malformed: 0,
    });
    // Its ResponseComplete arrives when the session closes, in a later batch.
    expect(await deliver([execItem(req, 'ResponseComplete', { namespace: 'prod' })])).toMatchObject(
      {
        accepted: 0,
        droppedByReason: { response_complete_long_running: 1 },
      },
    );
    const event = (await storedEvents([req.auditID, 'started']))[0]!;
    expect(event).toMatchObject({
      action: 'k8s.exec',
      resource: 'k8s/dev/prod/pods/web-7d4b9c/exec',
      outcome: OUTCOME_SUCCESS,
      source: 'dev-cluster',
      actor: { userId: 'alice@example.com', sessionId: req.auditID, ip: '198.51.100.23' },
    });
    expect(event.attributes).toMatchObject({
      'k8s.verb': 'create',
      'k8s.command': '["sh","-c","env"]',
      'k8s.response_code': '101',
      'k8s.tty': 'true',
    });
    expect(Math.abs(Number(event.occurredAt?.seconds) * 1000 - req.at)).toBeLessThan(1_000);
  });

  it('stores kubectl exec over WebSocket (verb get) the same way', async () => {
    const req = request();
    await deliver([
      execItem(req, 'RequestReceived', { transport: 'websocket' }),
      execItem(req, 'ResponseStarted', { transport: 'websocket' }),
      execItem(req, 'ResponseComplete', { transport: 'websocket' }),
    ]);
    const event = (await storedEvents([req.auditID, 'started']))[0]!;
    expect(event).toMatchObject({
      action: 'k8s.exec',
      resource: 'k8s/dev/payments/pods/web-7d4b9c/exec',
      outcome: OUTCOME_SUCCESS,
    });
    expect(event.attributes?.['k8s.verb']).toBe('get');
  });

  it('stores a secret read, an RBAC change and an impersonated request', async () => {
    const secret = request();
    const rbac = request();
    const impersonated = request();
    const answer = await deliver([
      secretReadItem(secret, { stage: 'RequestReceived' }),
      secretReadItem(secret),
      rbacChangeItem(rbac),
      impersonatedItem(impersonated),
    ]);
    expect(answer).toMatchObject({ accepted: 3, dropped: 1 });

    const [read, change, deletion] = await storedEvents(
      [secret.auditID, 'complete'],
      [rbac.auditID, 'complete'],
      [impersonated.auditID, 'complete'],
    );
    expect(read).toMatchObject({
      action: 'k8s.secret.read',
      resource: 'k8s/dev/payments/secrets/db-password',
      outcome: OUTCOME_SUCCESS,
      actor: { userId: 'system:serviceaccount:ci:deployer', ip: '10.244.1.17' },
    });
    expect(change).toMatchObject({
      action: 'k8s.rbac.change',
      resource: 'k8s/dev/payments/rolebindings.rbac.authorization.k8s.io/edit-alice',
      outcome: OUTCOME_SUCCESS,
    });
    // The objects a Request-level policy records are never stored.
    expect(Buffer.from(vigil.v1.AccessEvent.encode(change!).finish()).toString()).not.toContain(
      'roleRef',
    );
    expect(deletion!).toMatchObject({
      action: 'k8s.delete',
      actor: { userId: 'alice@example.com', ip: '198.51.100.7' },
      resource: 'k8s/dev/payments/deployments.apps/checkout',
    });
    expect(deletion!.attributes?.['k8s.impersonated_by']).toBe('oncall-admin@example.com');
  });

  it('stores a forbidden exec as DENIED', async () => {
    const req = request();
    await deliver([
      forbiddenExecItem(req, 'RequestReceived'),
      forbiddenExecItem(req, 'ResponseStarted'),
      forbiddenExecItem(req, 'ResponseComplete'),
    ]);
    const event = (await storedEvents([req.auditID, 'started']))[0]!;
    expect(event).toMatchObject({
      action: 'k8s.exec',
      outcome: OUTCOME_DENIED,
      resource: 'k8s/dev/prod/pods/web-7d4b9c/exec',
      actor: { userId: 'mallory@example.com' },
    });
    expect(event.attributes).toMatchObject({
      'k8s.decision': 'forbid',
      'k8s.response_code': '403',
    });
  });

  it('stores the valid items of a batch with one malformed item and names that one', async () => {
    const good = [request(), request()];
    const bad = request();
    const answer = await deliver([
      secretReadItem(good[0]!),
      { ...impersonatedItem(bad), verb: 42 },
      impersonatedItem(good[1]!),
    ]);
    expect(answer).toMatchObject({
      accepted: 2,
      malformed: 1,
      malformedItems: [
        { index: 1, auditID: bad.auditID, problem: expect.stringMatching(/^verb: /) },
      ],
    });
    await storedEvents([good[0]!.auditID, 'complete'], [good[1]!.auditID, 'complete']);
    expect(await storedEventIds()).not.toContain(`k8s:${bad.auditID}:complete`);
  });

  it('stores a resent batch once and answers it from what is stored', async () => {
    const body = eventList([
      execItem(request(), 'ResponseStarted'),
      secretReadItem(request()),
      rbacChangeItem(request(), { clusterScoped: true }),
      podListItem(request()),
    ]);
    const first = (await (await post(body)).json()) as Json;
    const before = await countRecords(admin, topic);
    const resent = (await (await post(body)).json()) as Json;
    expect(first).toMatchObject({ accepted: 3, duplicates: 0, dropped: 1 });
    expect(resent).toMatchObject({ accepted: 0, duplicates: 3, dropped: 1 });
    expect(await countRecords(admin, topic)).toBe(before);
  });

  it('answers a full batch of 400 events well within the API server timeout (30 s)', async () => {
    const items = Array.from({ length: 400 }, (_, i) =>
      i % 2 === 0 ? impersonatedItem(request()) : execItem(request(), 'ResponseStarted'),
    );
    const started = Date.now();
    const answer = await deliver(items);
    const elapsed = Date.now() - started;
    expect(answer).toMatchObject({ items: 400, accepted: 400, malformed: 0 });
    expect(elapsed).toBeLessThan(10_000);
  });

  it('counts items by result in /metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${ingest.app.ports.ops}/metrics`)).text();
    const count = (labels: string) => {
      const line = text
        .split('\n')
        .find((l) => l.startsWith(`vigil_ingest_k8s_audit_items_total{${labels},`));
      return line === undefined ? undefined : Number(line.split(' ').pop());
    };
    expect(count('result="accepted",reason="exec"')).toBeGreaterThanOrEqual(4);
    expect(count('result="accepted",reason="rbac_change"')).toBe(2);
    expect(count('result="duplicate",reason="secret_read"')).toBe(1);
    expect(count('result="dropped",reason="request_received"')).toBeGreaterThanOrEqual(4);
    expect(count('result="dropped",reason="read"')).toBe(2);
    expect(count('result="malformed",reason="unreadable"')).toBe(1);
    expect(text).toMatch(
      /vigil_ingest_requests_total\{transport="http",method="POST \/v1\/k8s\/audit",code="OK"[^}]*\} \d+/,
    );
  });

  it('refuses unknown senders, sources that are not clusters, and bodies that are not EventLists', async () => {
    const list = eventList([impersonatedItem(request())]);
    const expectError = async (response: Promise<Response>, status: number, code: string) => {
      const r = await response;
      expect({ status: r.status, body: await r.json() }).toMatchObject({
        status,
        body: { error: { code } },
      });
    };
    await expectError(post(list, { token: null }), 401, 'UNAUTHENTICATED');
    await expectError(post(list, { token: 'wrong' }), 401, 'UNAUTHENTICATED');
    await expectError(post(list, { token: TOKENS.gateway }), 403, 'PERMISSION_DENIED');
    await expectError(post(list, { contentType: 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(post('{"kind":'), 400, 'MALFORMED_REQUEST');
    await expectError(post({ ...list, kind: 'Event' }), 400, 'MALFORMED_REQUEST');
    await expectError(post('x'.repeat(10 * 1024 * 1024 + 1)), 413, 'BATCH_TOO_LARGE');
    const get = await fetch(`http://127.0.0.1:${ingest.app.ports.http}/v1/k8s/audit`);
    expect(get.status).toBe(405);
    // The JSON events endpoint is unchanged beside it.
    expect((await ingest.post({})).status).toBe(400);
  });
});
