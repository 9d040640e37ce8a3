import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { AuthorizationClient, RiskAdminClient } from '@vigil/client';
import { vigil } from '@vigil/proto';
import Redis from 'ioredis';
import type { RiskApp } from '../src/app';
import { waitFor } from '../../../test/support/infra';
import { assertPortFree } from '../../../test/support/processes';
import {
  HOUR,
  clients,
  createRiskTestEnv,
  produceEvents,
  readTopic,
  startRiskApp,
  waitApplied,
  type RiskTestEnv,
} from './support/harness';

const { Decision } = vigil.v1;
/** Private Redis for this test only: the shared one on 6379 is never stopped. */
const PORT = 36379;
const T = Math.floor((Date.now() - 3 * HOUR) / 1000) * 1000;

function startRedis(): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(PORT), '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    {
      stdio: 'ignore',
    },
  );
}

async function stopRedis(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGCONT');
  server.kill('SIGKILL');
  await gone;
}

async function waitRedisUp(): Promise<void> {
  const probe = new Redis({
    port: PORT,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await waitFor('private redis to answer', async () => {
      try {
        if (probe.status !== 'ready') await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        probe.disconnect();
        return false;
      }
    });
  } finally {
    probe.disconnect();
  }
}

describe('Authorize when Redis is down or hung (private redis-server)', () => {
  let env: RiskTestEnv;
  let app: RiskApp;
  let authz: AuthorizationClient;
  let admin: RiskAdminClient;
  let redis: ChildProcess | undefined;
  const degradedIds: string[] = [];

  beforeAll(async () => {
    // A Redis left on this port by an aborted run would be used, and then killed, by this test.
    await assertPortFree(PORT, 'private redis');
    redis = startRedis();
    await waitRedisUp();
    env = await createRiskTestEnv({
      name: 'risk-redis-down',
      env: { REDIS_URL: `redis://127.0.0.1:${PORT}`, RISK_AUTHORIZE_DEADLINE_MS: '50' },
    });
    app = await startRiskApp(env.env, () => T + HOUR);
    ({ authz, admin } = clients(app.ports.grpc));
    await produceEvents(env.producer, env.eventsTopic, [
      { userId: 'steady', at: T, ip: '10.0.0.1' },
    ]);
    await waitApplied(admin, 'steady', 1);
  });

  afterAll(async () => {
    authz?.close();
    admin?.close();
    await app?.stop();
    await stopRedis(redis);
    await env?.cleanup();
  });

  /** Authorize and how long it took. */
  async function timed(resource: string) {
    const started = performance.now();
    const response = await authz.authorize({
      userId: 'steady',
      action: 'read',
      resource,
      context: { ip: '10.0.0.1' },
    });
    return { response, ms: performance.now() - started };
  }

  it('answers from state while Redis is up', async () => {
    const { response } = await timed('db/prod-orders');
    expect(response.decision).toBe(Decision.DECISION_ALLOW);
    expect(response.reasons).toEqual([]);
  });

  it('fails closed on high and critical, open on low, at once, when Redis is down', async () => {
    await stopRedis(redis);
    const cases: Array<[string, number]> = [
      ['docs/handbook', Decision.DECISION_ALLOW],
      ['db/staging-orders', Decision.DECISION_STEP_UP],
      ['db/prod-orders', Decision.DECISION_DENY],
      ['db/prod-payments', Decision.DECISION_DENY],
    ];
    for (const [resource, decision] of cases) {
      const { response, ms } = await timed(resource);
      expect(response.decision).toBe(decision);
      expect(response.reasons).toEqual(['RISK_STATE_UNAVAILABLE']);
      expect(response.riskScore).toBe(0);
      expect(ms).toBeLessThan(250);
    }
  });

  it('never hangs when Redis hangs: the deadline turns it into the fallback', async () => {
    redis = startRedis();
    await waitRedisUp();
    await waitFor('authorize to use redis again', async () => {
      const { response } = await timed('db/prod-orders');
      return !response.reasons.includes('RISK_STATE_UNAVAILABLE');
    });
    redis.kill('SIGSTOP');
    try {
      // Meanwhile an event arrives: the consumer must wait the outage out, not lose it.
      await produceEvents(env.producer, env.eventsTopic, [{ userId: 'late', at: T + 1_000 }]);
      for (const resource of ['db/prod-orders', 'docs/handbook']) {
        const { response, ms } = await timed(resource);
        expect(response.reasons).toEqual(['RISK_STATE_UNAVAILABLE']);
        expect(ms).toBeLessThan(500);
      }
    } finally {
      redis.kill('SIGCONT');
    }
    await waitApplied(admin, 'late', 1);
  });

  it('marks degraded decisions as such in the decision log', async () => {
    await app.decisionLog.flush();
    const records = await readTopic(
      env.kafka,
      env.decisionsTopic,
      (v) => vigil.v1.AuthzDecision.decode(v),
      (rs) => degradedIds.every((id) => rs.some((r) => r.value.decisionId === id)),
    );
    const degraded = records.filter((r) => r.value.degraded).map((r) => r.value.decisionId);
    expect(degraded.sort()).toEqual([...degradedIds].sort());
  });
});
