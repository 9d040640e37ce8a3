import type { RiskApp } from '../src/app';
import { waitFor } from '../../../test/support/infra';
import {
  HOUR,
  createRiskTestEnv,
  produceEvents,
  startRiskApp,
  type RiskTestEnv,
} from './support/harness';

const PARTITIONS = 4;
const LAG_METRIC = 'vigil_risk_consumer_lag';

/** The partitions an instance reports a consumer lag for, from its own /metrics. */
async function lagPartitions(app: RiskApp): Promise<string[]> {
  const text = await (await fetch(`http://127.0.0.1:${app.ports.ops}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${LAG_METRIC}{`))
    .map((line) => /partition="(\d+)"/.exec(line)?.[1] ?? '?')
    .sort();
}

describe('scaling the risk consumers out', () => {
  let env: RiskTestEnv;
  const apps: RiskApp[] = [];

  beforeAll(async () => {
    env = await createRiskTestEnv({
      name: 'risk-scale',
      eventPartitions: PARTITIONS,
      env: { RISK_SESSION_TIMEOUT_MS: '6000' },
    });
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await env?.cleanup();
  });

  it('stops reporting the lag of partitions that moved to the new instance', async () => {
    const at = Date.now() - HOUR;
    const users = Array.from({ length: 40 }, (_, i) => ({ userId: `scale-${i}`, at: at + i }));
    await produceEvents(env.producer, env.eventsTopic, users);

    const first = await startRiskApp(env.env);
    apps.push(first);
    await waitFor(
      'the first instance to report every partition',
      async () => (await lagPartitions(first)).length === PARTITIONS,
      30_000,
    );

    const second = await startRiskApp(env.env);
    apps.push(second);
    // A partition's lag is its owner's to report: a stale series would alert on a partition
    // this instance no longer reads.
    await waitFor(
      'the first instance to drop the partitions it gave up',
      async () => {
        const reported = await lagPartitions(first);
        return reported.length > 0 && reported.length < PARTITIONS;
      },
      30_000,
    );
  }, 90_000);
});
