import { vigil } from '@vigil/proto';
import type { RiskApp } from '../src/app';
import { rebuildRiskState } from '../src/rebuild-state';
import { waitFor } from '../../../test/support/infra';
import {
  HOUR,
  clients,
  createRiskTestEnv,
  dumpState,
  metricValue,
  produceEvents,
  startRiskApp,
  waitApplied,
  type EventInput,
  type RiskTestEnv,
} from './support/harness';

const T = Math.floor((Date.now() - 5 * HOUR) / 1000) * 1000;
const { Outcome } = vigil.v1;

/** A varied history: new IPs and devices, travel, bursts of failures and denials. */
function history(users: number): EventInput[] {
  const events: EventInput[] = [];
  const cities = [
    { lat: 52.52, lon: 13.405 },
    { lat: 48.8566, lon: 2.3522 },
    { lat: 40.7128, lon: -74.006 },
  ];
  for (let u = 0; u < users; u++) {
    const userId = `user-${u}`;
    for (let i = 0; i < 20; i++) {
      const at = T + i * 20_000 + u * 1_000;
      const kind = (u + i) % 5;
      events.push({
        userId,
        at,
        action: kind === 0 ? 'auth.password' : kind === 1 ? 'db.query' : 'auth.login',
        resource: kind === 1 ? 'db/prod-orders' : 'app/portal',
        outcome:
          kind === 0
            ? Outcome.OUTCOME_FAILURE
            : kind === 1 && u % 2 === 0
              ? Outcome.OUTCOME_DENIED
              : Outcome.OUTCOME_SUCCESS,
        ip: `10.0.${u}.${i % 3}`,
        deviceId: `device-${(i + u) % 4}`,
        country: ['DE', 'FR', 'US'][(i + u) % 3] as string,
        position: cities[(i * (u + 1)) % 3] as { lat: number; lon: number },
      });
    }
  }
  return events;
}

/**
 * The state as far as it is a function of the two logs' contents (see the rebuild step): without
 * each user's last-applied position, with the restriction's reasons as a set, and, for users with
 * an admin action, without the per-reason decay bookkeeping ("rs"), which depends on whether the
 * admin action was applied before or after the user's events.
 */
function orderFree(
  dump: Record<string, Record<string, string>>,
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(dump).map(([key, fields]) => {
      const { la: _lastApplied, rs, x, ...rest } = fields;
      const adminTouched = Object.keys(fields).some(
        (f) => f.startsWith('w:') && f.endsWith('-admin/0'),
      );
      const out: Record<string, string> = { ...rest };
      if (rs !== undefined && !adminTouched) out.rs = rs;
      if (x !== undefined) {
        const [start, end, reasons = ''] = x.split(',');
        out.x = `${start},${end},${reasons.split('|').sort().join('|')}`;
      }
      return [key, out];
    }),
  );
}

/** Waits until the group has committed up to the end of every partition of both logs. */
async function caughtUp(env: RiskTestEnv): Promise<void> {
  const topics = [env.eventsTopic, env.adminTopic];
  await waitFor('risk consumer caught up', async () => {
    const committed = await env.admin.fetchOffsets({ groupId: env.groupId, topics });
    for (const topic of topics) {
      const ends = await env.admin.fetchTopicOffsets(topic);
      const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
      const behind = ends.some((end) => {
        if (end.high === '0') return false;
        return done.find((p) => p.partition === end.partition)?.offset !== end.high;
      });
      if (behind) return false;
    }
    return true;
  });
}

describe('replay and rebuild (real Kafka and Redis)', () => {
  let env: RiskTestEnv;
  let app: RiskApp | undefined;
  const now = T + 2 * HOUR;
  const counts = new Map<string, number>();

  beforeAll(async () => {
    env = await createRiskTestEnv({ name: 'risk-replay' });
  });
  afterAll(async () => {
    await app?.stop();
    await env?.cleanup();
  });

  async function waitAllApplied(running: RiskApp): Promise<void> {
    const { admin } = clients(running.ports.grpc);
    try {
      for (const [userId, count] of counts) await waitApplied(admin, userId, count);
    } finally {
      admin.close();
    }
  }

  it('re-delivering every event from the start changes nothing; a rebuild reproduces the state', async () => {
    app = await startRiskApp(env.env, () => now);
    const events = history(12);
    for (let i = 0; i < events.length; i += 50) {
      await produceEvents(env.producer, env.eventsTopic, events.slice(i, i + 50));
    }
    for (const e of events) counts.set(e.userId, (counts.get(e.userId) ?? 0) + 1);
    // Admin actions are part of the log too.
    const { admin } = clients(app.ports.grpc);
    await waitAllApplied(app);
    await admin.restrictUser({
      userId: 'user-3',
      reviewer: 'rev',
      reason: 'test',
      ttlSeconds: 3_600,
    });
    await admin.clearRestriction({ userId: 'user-0', reviewer: 'rev', reason: 'test' });
    admin.close();
    counts.set('user-3', (counts.get('user-3') ?? 0) + 1);
    counts.set('user-0', (counts.get('user-0') ?? 0) + 1);
    await waitAllApplied(app);
    await caughtUp(env);

    const original = await dumpState(env.redis, env.prefix);
    expect(Object.keys(original)).toHaveLength(12 * 4);
    expect(original[':{user-0}:s']?.cl).toBe(String(now));
    expect(original[':{user-3}:s']?.x).toBeDefined();

    // 1. Replay: stop, reset the group to the beginning, consume everything again.
    await app.stop();
    // Both logs risk consumes: the events, and the admin actions on their own topic.
    for (const topic of [env.eventsTopic, env.adminTopic]) {
      await env.admin.resetOffsets({ groupId: env.groupId, topic, earliest: true });
    }
    app = await startRiskApp(env.env, () => now);
    await caughtUp(env);
    const total = events.length + 2;
    await waitFor('all records seen again', async () =>
      (await metricValue(app?.ports.ops ?? 0, 'vigil_risk_events_total', 'result="duplicate"')) ===
      total
        ? true
        : undefined,
    );
    expect(await metricValue(app.ports.ops, 'vigil_risk_events_total', 'result="applied"')).toBe(0);
    expect(await dumpState(env.redis, env.prefix)).toEqual(original);

    // 2. Rebuild: refused while consumers run; then from empty state, identical to the last byte.
    await expect(
      rebuildRiskState({
        admin: env.admin,
        redis: env.redis,
        groupId: env.groupId,
        topics: [env.eventsTopic, env.adminTopic],
        redisPrefix: env.prefix,
      }),
    ).rejects.toMatchObject({ code: 'CONSUMERS_RUNNING' });
    await app.stop();
    const summary = await rebuildRiskState({
      admin: env.admin,
      redis: env.redis,
      groupId: env.groupId,
      topics: [env.eventsTopic, env.adminTopic],
      redisPrefix: env.prefix,
    });
    expect(summary).toEqual({ deletedKeys: 12 * 4, partitions: 3 + 1 });
    expect(await dumpState(env.redis, env.prefix)).toEqual({});

    app = await startRiskApp(env.env, () => now + 10 * HOUR);
    await waitAllApplied(app);
    await caughtUp(env);
    // The events and the admin actions are two logs with no order between them, and a rebuild
    // reads both from the start at once: an admin action may now come before the user's events
    // instead of after them. Scores, restrictions, counters and watermarks must be identical;
    // which record came last ("la") and the decay bookkeeping of admin-touched users may differ
    // (a known limit: README "Rebuilding state"). "la" must name one of the user's positions.
    const rebuilt = await dumpState(env.redis, env.prefix);
    expect(orderFree(rebuilt)).toEqual(orderFree(original));
    for (const [key, fields] of Object.entries(rebuilt)) {
      if (fields.la === undefined) continue;
      const [mark, offset] = fields.la.split('@') as [string, string];
      expect({ key, offset: fields[`w:${mark}`] }).toEqual({ key, offset });
    }
  }, 120_000);

  it('keeps a user on one hash slot and a watermark per partition', async () => {
    const dump = await dumpState(env.redis, env.prefix);
    const core = dump[':{user-5}:s'] ?? {};
    const marks = Object.keys(core).filter((f) => f.startsWith('w:'));
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatch(new RegExp(`^w:${env.eventsTopic}/[0-2]$`));
    expect(core.la).toBe(`${marks[0]?.slice(2)}@${core[marks[0] as string]}`);
    expect(Number(core.n)).toBe(20);
  });
});
