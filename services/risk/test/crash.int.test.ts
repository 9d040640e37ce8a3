import { vigil } from '@vigil/proto';
import type { RiskApp } from '../src/app';
import { waitFor } from '../../../test/support/infra';
import { spawnRisk, type RiskProcess } from './support/child';
import {
  HOUR,
  createRiskTestEnv,
  dumpState,
  metricValue,
  produceEvents,
  startRiskApp,
  type EventInput,
  type RiskTestEnv,
} from './support/harness';

const T = Math.floor((Date.now() - 4 * HOUR) / 1000) * 1000;
const USERS = 24;
const EVENTS_PER_USER = 120;

/** Per user: logins from a few places, with failure bursts that double counting would show. */
function events(): EventInput[] {
  const out: EventInput[] = [];
  for (let i = 0; i < EVENTS_PER_USER; i++) {
    for (let u = 0; u < USERS; u++) {
      const failure = i % 6 < 3;
      out.push({
        userId: `crash-${u}`,
        at: T + i * 5_000 + u,
        action: failure ? 'auth.password' : 'auth.login',
        outcome: failure ? vigil.v1.Outcome.OUTCOME_FAILURE : vigil.v1.Outcome.OUTCOME_SUCCESS,
        ip: `10.1.${u}.${i % 4}`,
        deviceId: `dev-${(u + Math.floor(i / 10)) % 5}`,
      });
    }
  }
  return out;
}

describe('a risk consumer killed mid-stream (real process, SIGKILL)', () => {
  let env: RiskTestEnv;
  let victim: RiskProcess | undefined;
  let survivor: RiskProcess | undefined;
  let reference: RiskApp | undefined;

  beforeAll(async () => {
    env = await createRiskTestEnv({ name: 'risk-crash', env: { RISK_SESSION_TIMEOUT_MS: '6000' } });
  });
  afterAll(async () => {
    for (const p of [victim, survivor]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await reference?.stop();
    await env?.cleanup();
  });

  /** Sum of events applied over all users, read straight from Redis. */
  async function appliedInRedis(prefix: string): Promise<number> {
    const pipeline = env.redis.pipeline();
    for (let u = 0; u < USERS; u++) pipeline.hget(`${prefix}:{crash-${u}}:s`, 'n');
    const results = (await pipeline.exec()) ?? [];
    return results.reduce((sum, [, value]) => sum + Number(value ?? 0), 0);
  }

  it('never counts an event twice after a restart', async () => {
    const all = events();
    const firstHalf = all.slice(0, all.length / 2);
    const secondHalf = all.slice(all.length / 2);
    await produceEvents(env.producer, env.eventsTopic, firstHalf);

    // The victim never commits, so everything it applied will be delivered again.
    victim = await spawnRisk({ ...env.env, RISK_COMMIT_INTERVAL_MS: '3600000' });
    const producing = (async () => {
      for (let i = 0; i < secondHalf.length; i += 240) {
        await produceEvents(env.producer, env.eventsTopic, secondHalf.slice(i, i + 240));
      }
    })();
    await waitFor(
      'the victim to apply some events',
      async () => (await appliedInRedis(env.prefix)) >= 200,
      30_000,
      5,
    );
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    await producing;
    const appliedByVictim = await appliedInRedis(env.prefix);
    expect(appliedByVictim).toBeGreaterThan(0);
    expect(appliedByVictim).toBeLessThan(all.length);

    survivor = await spawnRisk(env.env);
    await waitFor(
      'all events applied',
      async () => (await appliedInRedis(env.prefix)) >= all.length,
      60_000,
    );
    expect(await appliedInRedis(env.prefix)).toBe(all.length);
    for (let u = 0; u < USERS; u++) {
      expect(await env.redis.hget(`${env.prefix}:{crash-${u}}:s`, 'n')).toBe(
        String(EVENTS_PER_USER),
      );
    }
    // Everything the victim had applied came again, and was recognised as a duplicate.
    expect(
      await metricValue(survivor.opsPort, 'vigil_risk_events_total', 'result="duplicate"'),
    ).toBe(appliedByVictim);
    expect(await metricValue(survivor.opsPort, 'vigil_risk_events_total', 'result="applied"')).toBe(
      all.length - appliedByVictim,
    );

    // Graceful drain: SIGTERM -> commit, disconnect, exit 0.
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);

    // The state equals what one clean, uninterrupted consumer builds.
    const refPrefix = `${env.prefix}-ref`;
    reference = await startRiskApp({
      ...env.env,
      RISK_REDIS_PREFIX: refPrefix,
      RISK_GROUP_ID: `${env.groupId}-ref`,
    });
    await waitFor(
      'reference caught up',
      async () => (await appliedInRedis(refPrefix)) >= all.length,
      60_000,
    );
    await reference.stop();
    const [crashed, clean] = [
      await dumpState(env.redis, env.prefix),
      await dumpState(env.redis, refPrefix),
    ];
    expect(crashed).toEqual(clean);
    await env.redis.unlink(...Object.keys(clean).map((k) => refPrefix + k));
    await env.admin.deleteGroups([`${env.groupId}-ref`]).catch(() => undefined);
  }, 150_000);
});
