import { Writable } from 'node:stream';
import { Counter } from 'prom-client';
import { createLogger, createMetricsRegistry, startOpsServer, type OpsServer } from '../src';

const logger = createLogger({
  service: 'test',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

describe('ops server', () => {
  let server: OpsServer;
  let kafkaUp = true;
  const registry = createMetricsRegistry('test-service');
  const accepted = new Counter({ name: 'vigil_test_total', help: 'test', registers: [registry] });

  beforeAll(async () => {
    server = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      registry,
      logger,
      checks: [
        { name: 'kafka', isReady: () => kafkaUp },
        { name: 'redis', isReady: () => true },
      ],
    });
  });
  afterAll(() => server.close());

  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  it('answers /healthz while alive', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
  });

  it('is ready only when every dependency is connected', async () => {
    kafkaUp = true;
    expect((await get('/readyz')).status).toBe(200);
    kafkaUp = false;
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      ready: false,
      draining: false,
      checks: { kafka: false, redis: true },
    });
    kafkaUp = true;
  });

  it('serves Prometheus text with the service label', async () => {
    accepted.inc(2);
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(body).toContain('vigil_test_total{service="test-service"} 2');
    expect(body).toContain('process_cpu_seconds_total');
  });

  it('answers unknown paths and other methods with a JSON error', async () => {
    const missing = await get('/metricz');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('/healthz') as unknown },
    });
    const posted = await fetch(`http://127.0.0.1:${server.port}/metrics`, {
      method: 'POST',
      body: 'x'.repeat(64 * 1024),
    });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect(((await posted.json()) as { error: { code: string } }).error.code).toBe(
      'METHOD_NOT_ALLOWED',
    );
  });

  it('turns unready while draining', async () => {
    server.markDraining();
    expect((await get('/readyz')).status).toBe(503);
    expect((await get('/healthz')).status).toBe(200);
  });
});
