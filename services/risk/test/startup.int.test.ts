import { freePort } from '../../../test/support/processes';
import { waitFor } from '../../../test/support/infra';
import { spawnRisk, type RiskProcess } from './support/child';
import { createRiskTestEnv, type RiskTestEnv } from './support/harness';

describe('risk start-up while Kafka is unreachable (real process)', () => {
  let env: RiskTestEnv;
  let risk: RiskProcess | undefined;

  beforeAll(async () => {
    env = await createRiskTestEnv({ name: 'risk-startup' });
  });
  afterAll(async () => {
    if (risk && risk.child.exitCode === null) {
      risk.child.kill('SIGKILL');
      await risk.exited;
    }
    await env?.cleanup();
  });

  it('is alive but not ready while it waits for Kafka', async () => {
    // Nothing listens there: the producer keeps retrying its first connection.
    const nowhere = `127.0.0.1:${await freePort()}`;
    risk = await spawnRisk({ ...env.env, KAFKA_BROKERS: nowhere }, { until: 'ops' });
    const ops = `http://127.0.0.1:${risk.opsPort}`;
    // An orchestrator's liveness probe must not restart a process that is only waiting...
    expect((await fetch(`${ops}/healthz`)).status).toBe(200);
    // ...and its readiness probe must keep traffic away until everything is up.
    const ready = await waitFor('a readiness answer', async () => {
      const res = await fetch(`${ops}/readyz`);
      return {
        status: res.status,
        body: (await res.json()) as { checks: Record<string, boolean> },
      };
    });
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ grpc: false, 'decision-log': false });
    expect(risk.grpcPort).toBe(0);
  }, 60_000);
});
