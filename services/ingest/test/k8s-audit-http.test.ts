/**
 * The HTTP side of POST /v1/k8s/audit on a local listener, with a stand-in for ingest's use
 * case: what is logged and counted for malformed items, and how failures of the whole request
 * reach the API server (a status it resends on, with Retry-After).
 */
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { createLogger, hashToken, tokenTable } from '@vigil/runtime';
import { IngestError } from '../src/errors';
import { startHttpIngest, type HttpIngestServer } from '../src/http-server';
import type { Ingestor, IngestRequest } from '../src/ingest';
import {
  K8S_AUDIT_PATH,
  authenticateCluster,
  createK8sAuditMetrics,
  k8sAuditRoute,
} from '../src/k8s-audit-http';
import { legacySourceRegistry } from '../src/sources';
import { createIngestMetrics } from '../src/metrics';
import { eventList, impersonatedItem, request } from './k8s-fixtures';

const TOKEN = 'cluster-token';

describe('POST /v1/k8s/audit (HTTP side)', () => {
  const lines: Record<string, unknown>[] = [];
  const requests: IngestRequest[] = [];
  let failure: IngestError | undefined;
  let server: HttpIngestServer;
  let registry: Registry;

  beforeAll(async () => {
    registry = new Registry();
    const logger = createLogger({
      service: 'test',
      level: 'info',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    });
    const ingestor: Pick<Ingestor, 'publish'> = {
      publish: async (req) => {
        requests.push(req);
        if (failure) throw failure;
        return req.events.map((e, i) => ({
          eventId: e.eventId ?? '',
          topic: 't',
          partition: 0,
          offset: i,
          duplicate: false,
        }));
      },
    };
    const metrics = createIngestMetrics(registry);
    const tokens = legacySourceRegistry(
      tokenTable([{ name: 'dev-cluster', sha256: hashToken(TOKEN) }]),
    );
    server = await startHttpIngest({
      host: '127.0.0.1',
      port: 0,
      ingestor: ingestor as Ingestor,
      sources: tokens,
      metrics,
      logger,
      maxBodyBytes: 1024 * 1024,
      ackTimeoutMs: 5_000,
      routes: {
        [K8S_AUDIT_PATH]: k8sAuditRoute({
          ingestor,
          authenticate: (req) =>
            authenticateCluster(
              req.headers.authorization,
              tokens,
              new Map([['dev-cluster', 'dev']]),
            ),
          keepReads: false,
          command: 'keep',
          maxBodyBytes: 1024 * 1024,
          maxBatchEvents: 1_000,
          maxBatchBytes: 1024 * 1024,
          ackTimeoutMs: 5_000,
          metrics,
          k8sMetrics: createK8sAuditMetrics(registry),
          logger,
        }),
      },
    });
  });

  afterAll(() => server.close(1_000));

  const post = (body: unknown) =>
    fetch(`http://127.0.0.1:${server.port}${K8S_AUDIT_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });

  it('stores as the authenticated source, and logs each malformed item with its auditID', async () => {
    failure = undefined;
    const bad = request();
    const response = await post(
      eventList([impersonatedItem(request()), { ...impersonatedItem(bad), user: 'alice' }]),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ cluster: 'dev', accepted: 1, malformed: 1 });
    expect(requests.at(-1)).toMatchObject({ source: 'dev-cluster', transport: 'http' });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'k8s audit item not stored',
        source: 'dev-cluster',
        cluster: 'dev',
        index: 1,
        kind: 'unreadable',
        auditID: bad.auditID,
        problem: expect.stringMatching(/^user: /),
      }),
    );
    const counted = await registry.getSingleMetricAsString('vigil_ingest_k8s_audit_items_total');
    expect(counted).toContain('result="accepted",reason="write"} 1');
    expect(counted).toContain('result="malformed",reason="unreadable"} 1');
  });

  it('answers a failure of the whole request with a status the API server resends on', async () => {
    failure = new IngestError('KAFKA_UNAVAILABLE', 'down', { retryAfterMs: 2_000 });
    const response = await post(eventList([impersonatedItem(request())]));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ error: { code: 'KAFKA_UNAVAILABLE' } });
    failure = undefined;
  });

  it('never logs the token', () => {
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});
