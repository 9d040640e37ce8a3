/**
 * One kill run: two sealer instances share the partitions while events stream in, and one of
 * them is SIGKILLed again and again, then restarted. Afterwards the sealed log is judged twice:
 * by `vigil audit verify`, and by Kafka's own read_committed Java consumer, a reader Vigil did
 * not write. Used by the crash test (CI) and the kill soak (many runs, outside CI).
 */
import * as fs from 'node:fs';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { ServiceProcess } from '../../../test/support/processes';
import { brokers, createTestTopics, testKafka, waitFor } from '../../../test/support/infra';
import { judgeChain, readSealedRootsOutside } from '../../../test/support/outside-reader';
import { sealerFixture, startSealer, verifyArgs, vigil } from './support';

export interface KillRunOptions {
  name: string;
  kills: number;
  /** Time between kills, drawn evenly from this range (ms). */
  killEveryMs: [number, number];
  /** Time before a killed instance is started again, drawn evenly from this range (ms). */
  restartAfterMs: [number, number];
  partitions?: { events: number; roots: number };
}

export interface KillRunResult {
  acked: number;
  /** `vigil audit verify` passed with every acknowledged event sealed. */
  verified: boolean;
  verifySummary: string;
  /** Chains where the outside reader and verify disagree (batches or head), or that one lacks. */
  disagreements: string[];
  /** What the outside reader found wrong in any chain. */
  outsideProblems: string[];
  /** Acknowledged events that the outside reader finds in no, or more than one, committed batch. */
  outsideUnsealed: number;
  /** Aborted roots that verify named (left behind by the kills; harmless unless extended). */
  abortedRoots: number;
  logs: string;
}

interface VerifyJson {
  ok: boolean;
  totals: { records: number; batches: number; partitions: number; abortedRoots: number };
  partitions: {
    topic: string;
    partition: number;
    batches: number;
    head?: { batchSequence: number; rootHash: string };
  }[];
}

const between = ([low, high]: [number, number]) => low + Math.floor(Math.random() * (high - low));

export async function killRun(options: KillRunOptions): Promise<KillRunResult> {
  const fixture = sealerFixture(options.name);
  const partitions = options.partitions ?? { events: 4, roots: 2 };
  const kafka: Kafka = testKafka();
  const admin: Admin = kafka.admin();
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const running: ServiceProcess[] = [];
  let keepLogs = true;
  await admin.connect();
  try {
    await createTestTopics(admin, [
      { topic: fixture.eventsTopic, numPartitions: partitions.events },
      { topic: fixture.rootsTopic, numPartitions: partitions.roots },
    ]);
    await producer.connect();
    const instances = [
      await startSealer(fixture, 'sealer-a'),
      await startSealer(fixture, 'sealer-b'),
    ];
    running.push(...instances);

    let acked = 0;
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        await producer.send({
          topic: fixture.eventsTopic,
          acks: -1,
          messages: Array.from({ length: 20 }, (_, i) => ({
            key: `user-${(acked + i) % 17}`,
            value: Buffer.from(JSON.stringify({ i: acked + i, at: Date.now() })),
          })),
        });
        acked += 20;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    for (let kill = 0; kill < options.kills; kill++) {
      await new Promise((resolve) => setTimeout(resolve, between(options.killEveryMs)));
      const victim = Math.floor(Math.random() * instances.length);
      await (instances[victim] as ServiceProcess).kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, between(options.restartAfterMs)));
      const replacement = await startSealer(fixture, `sealer-${victim === 0 ? 'a' : 'b'}-${kill}`);
      instances[victim] = replacement;
      running.push(replacement);
    }
    streaming = false;
    await stream;

    let report: VerifyJson | undefined;
    await waitFor(
      `all ${acked} events sealed`,
      async () => {
        const result = await vigil(['--json', ...verifyArgs(fixture)]);
        report = JSON.parse(result.stdout || 'null') as VerifyJson | undefined;
        return result.code === 0 && report?.totals.records === acked;
      },
      120_000,
      1_000,
    ).catch(() => undefined);
    for (const instance of instances) await instance.kill('SIGTERM');

    const high = await admin.fetchTopicOffsets(fixture.eventsTopic);
    const outside = await readSealedRootsOutside(brokers(), fixture.rootsTopic);
    const judged = new Map([...outside].map(([chain, roots]) => [chain, judgeChain(roots)]));
    let outsideUnsealed = 0;
    for (const end of high) {
      const verdict = judged.get(`${fixture.eventsTopic}/${end.partition}`);
      // Non-transactional writes: the partition's offsets 0..high-1 are exactly the records.
      for (let offset = Number(end.low); offset < Number(end.high); offset++) {
        if (verdict?.coverage(offset) !== 1) outsideUnsealed++;
      }
    }
    const outsideView = new Map(
      [...judged].map(([chain, v]) => [
        chain,
        JSON.stringify({ batches: v.batches, head: v.head }),
      ]),
    );
    const verifyView = new Map(
      (report?.partitions ?? [])
        .filter((p) => p.batches > 0)
        .map((p) => [
          `${p.topic}/${p.partition}`,
          JSON.stringify({ batches: p.batches, head: p.head }),
        ]),
    );
    const chains = new Set([...outsideView.keys(), ...verifyView.keys()]);
    const disagreements = [...chains].filter((c) => outsideView.get(c) !== verifyView.get(c));
    const result: KillRunResult = {
      acked,
      verified: report?.ok === true && report.totals.records === acked,
      verifySummary: report
        ? `${report.ok ? 'OK' : 'FAILED'}: ${report.totals.records} records in ${report.totals.batches} batches`
        : 'no report',
      disagreements,
      outsideProblems: [...judged].flatMap(([chain, v]) => v.problems.map((p) => `${chain}: ${p}`)),
      outsideUnsealed,
      abortedRoots: report?.totals.abortedRoots ?? 0,
      logs: fixture.dir,
    };
    keepLogs =
      !result.verified ||
      result.disagreements.length > 0 ||
      result.outsideProblems.length > 0 ||
      result.outsideUnsealed > 0;
    return result;
  } finally {
    await Promise.all(running.map((s) => s.kill('SIGKILL')));
    await producer.disconnect().catch(() => undefined);
    await admin.deleteGroups([fixture.groupId]).catch(() => undefined);
    await admin
      .deleteTopics({ topics: [fixture.eventsTopic, fixture.rootsTopic] })
      .catch(() => undefined);
    await admin.disconnect();
    if (!keepLogs) fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
}
