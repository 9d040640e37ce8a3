/**
 * Crash test: two sealer instances share the partitions while events stream in, and one of them
 * is SIGKILLed at random moments (then restarted) again and again. Whatever instant the kill
 * lands on (mid-batch, mid-transaction, mid-rebalance), the log must verify at the end: every
 * event in exactly one batch, no fork, no duplicate root.
 */
import * as fs from 'node:fs';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { ServiceProcess } from '../../../test/support/processes';
import { createTestTopics, testKafka, waitFor } from '../../../test/support/infra';
import { produceEvents, sealerFixture, startSealer, verifyArgs, vigil } from './support';

const KILLS = 10;

describe('sealer crash safety', () => {
  const fixture = sealerFixture('crash');
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [
      { topic: fixture.eventsTopic, numPartitions: 4 },
      { topic: fixture.rootsTopic, numPartitions: 2 },
    ]);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(running.map((s) => s.kill('SIGKILL')));
    await producer.disconnect();
    await admin.deleteGroups([fixture.groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [fixture.eventsTopic, fixture.rootsTopic] });
    await admin.disconnect();
    if (!failed) fs.rmSync(fixture.dir, { recursive: true, force: true });
  });
  let failed = true;

  it(`survives ${KILLS} SIGKILLs of one of two instances with no gap, duplicate or fork`, async () => {
    const instances = [
      await startSealer(fixture, 'sealer-a'),
      await startSealer(fixture, 'sealer-b'),
    ];
    running.push(...instances);

    let acked = 0;
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        acked += await produceEvents(producer, fixture.eventsTopic, 20, `batch-${acked}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    for (let kill = 0; kill < KILLS; kill++) {
      // A random moment: sometimes mid-batch, sometimes right after a restart's rebalance.
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.floor(Math.random() * 1500)));
      const victim = Math.floor(Math.random() * instances.length);
      const old = instances[victim] as ServiceProcess;
      expect(await old.kill('SIGKILL')).toBe('SIGKILL');
      const replacement = await startSealer(fixture, `sealer-${victim === 0 ? 'a' : 'b'}-${kill}`);
      instances[victim] = replacement;
      running.push(replacement);
    }
    streaming = false;
    await stream;

    // Both instances keep running until everything acknowledged is sealed.
    let last = '';
    await waitFor(
      `all ${acked} events sealed`,
      async () => {
        const result = await vigil(verifyArgs(fixture));
        last = result.stdout.split('\n').slice(-15).join('\n');
        return result.code === 0;
      },
      90_000,
      1_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\nlast verify:\n${last}\nlogs: ${fixture.dir}`);
    });
    const final = await vigil(verifyArgs(fixture));
    expect(final.code).toBe(0);
    expect(final.stdout).toMatch(
      new RegExp(`^OK: ${acked} records in \\d+ batches across 4 partitions`, 'm'),
    );
    for (const instance of instances) expect(await instance.kill('SIGTERM')).toBe(0);
    failed = false;
  }, 240_000);
});
