/**
 * A sealer dies with a root in an open transaction, another chain's transaction that opened
 * after it aborts first, and a new owner takes the partition over (issue #17). Kafka aborts the
 * dead sealer's root when the new owner fences it, so that root is not part of the log: the new
 * owner must extend the last committed root, and Vigil's verifier must see the log that Kafka's
 * own read_committed consumer sees.
 *
 * With kafkajs's unpatched aborted-transaction filter, the aborted root (opened first, aborted
 * last) came through the chain scan: the new owner extended it, and the records only it covered
 * were in no committed batch.
 */
import * as fs from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { encodeSealedRoot, sealedRootHash } from '@vigil/audit';
import { readTopicToEnd } from '@vigil/runtime';
import { buildRoot } from '../src/build-root';
import type { ServiceProcess } from '../../../test/support/processes';
import { brokers, createTestTopics, testKafka, waitFor } from '../../../test/support/infra';
import { judgeChain, readSealedRootsOutside } from '../../../test/support/outside-reader';
import { produceEvents, sealerFixture, startSealer, verifyArgs, vigil as runCli } from './support';

describe('an aborted root followed by a takeover', () => {
  const fixture = sealerFixture('aborted-root');
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const transactional: Producer[] = [];
  const running: ServiceProcess[] = [];
  let failed = true;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [
      { topic: fixture.eventsTopic, numPartitions: 1 },
      { topic: fixture.rootsTopic, numPartitions: 1 },
    ]);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(running.map((s) => s.kill('SIGKILL')));
    await Promise.all(transactional.map((p) => p.disconnect().catch(() => undefined)));
    await producer.disconnect();
    await admin.deleteGroups([fixture.groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [fixture.eventsTopic, fixture.rootsTopic] });
    await admin.disconnect();
    if (!failed) fs.rmSync(fixture.dir, { recursive: true, force: true });
  });

  const chain = `${fixture.eventsTopic}/0`;
  const outsideChain = async () =>
    judgeChain((await readSealedRootsOutside(brokers(), fixture.rootsTopic)).get(chain) ?? []);

  /** A transactional producer that the test controls, as a sealer of its own would hold. */
  const transactionalProducer = async (transactionalId: string) => {
    // A short transaction timeout, as the sealer's own: an open transaction of a dead owner ends
    // when it times out (fencing alone does not end it on Kafka 4.4, see partition-sealer.ts).
    const p = kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: 5_000,
    });
    await p.connect();
    transactional.push(p);
    return p;
  };

  const recordsOf = async (from: number, to: number) => {
    const records: { offset: number; value: Uint8Array; timestampMs: number }[] = [];
    await readTopicToEnd({
      kafka,
      admin,
      topic: fixture.eventsTopic,
      startOffsets: new Map([[0, from]]),
      endOffsets: new Map([[0, to + 1]]),
      onBatch: (batch) => {
        for (const m of batch.messages) {
          records.push({
            offset: Number(m.offset),
            value: m.value ?? Buffer.alloc(0),
            timestampMs: Number(m.timestamp),
          });
        }
      },
    });
    return records;
  };

  it('extends the last committed root, and verify agrees with a read_committed Java consumer', async () => {
    // Batch 0 is sealed and committed by a first sealer, which then stops.
    await produceEvents(producer, fixture.eventsTopic, 10, 'first');
    const first = await startSealer(fixture, 'sealer-a');
    running.push(first);
    await waitFor(
      'batch 0 to be committed',
      async () => (await outsideChain()).coverage(9) === 1,
      60_000,
      500,
    );
    expect(await first.kill('SIGTERM')).toBe(0);
    const [batch0] = (await readSealedRootsOutside(brokers(), fixture.rootsTopic)).get(chain)!;
    expect(batch0?.root.batchSequence).toBe(0);

    // More events arrive; "the dead sealer" had sealed them as batch 1 in a transaction it never
    // committed: it holds the partition's transactional id and wrote its root first.
    await produceEvents(producer, fixture.eventsTopic, 10, 'second');
    const key = createPrivateKey(fs.readFileSync(fixture.keyFile));
    const root0 = batch0!.root;
    const doomed = buildRoot({
      topic: fixture.eventsTopic,
      partition: 0,
      logName: 'vigil.local/audit',
      records: await recordsOf(10, 19),
      previous: {
        batchSequence: root0.batchSequence,
        lastOffset: root0.lastOffset,
        rootHash: sealedRootHash(root0),
        ...(root0.log && { log: root0.log }),
      },
      privateKey: key,
      nowMs: Date.now(),
    }).root;
    const dead = await transactionalProducer(`${fixture.groupId}-${fixture.eventsTopic}-0`);
    const deadTransaction = await dead.transaction();
    await deadTransaction.send({
      topic: fixture.rootsTopic,
      messages: [{ key: chain, value: encodeSealedRoot(doomed) }],
    });

    // Another chain's sealer opens a transaction after it, and aborts first.
    const other = await transactionalProducer(`${fixture.groupId}-other-chain`);
    const otherTransaction = await other.transaction();
    await otherTransaction.send({
      topic: fixture.rootsTopic,
      messages: [
        { key: `${fixture.eventsTopic}/7`, value: encodeSealedRoot({ ...doomed, partition: 7 }) },
      ],
    });
    await otherTransaction.abort();

    // The new owner fences the dead sealer, waits for its open root to be aborted (it times
    // out), and only then settles the chain head.
    const successor = await startSealer(fixture, 'sealer-b');
    running.push(successor);
    await produceEvents(producer, fixture.eventsTopic, 10, 'third');

    await waitFor(
      'every record to be in a committed batch',
      async () => (await outsideChain()).coverage(29) === 1,
      60_000,
      500,
    );
    const outside = await outsideChain();
    expect(outside.problems).toEqual([]);
    for (let offset = 0; offset < 30; offset++) expect(outside.coverage(offset)).toBe(1);
    // The dead sealer's root is not among them.
    const committed = (await readSealedRootsOutside(brokers(), fixture.rootsTopic)).get(chain)!;
    expect(committed.map((r) => r.root.signature)).not.toContainEqual(doomed.signature);

    // Vigil's verifier sees the same chain, and names the aborted root it skipped.
    const result = await runCli(['--json', ...verifyArgs(fixture)]);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      findings: unknown[];
      partitions: {
        topic: string;
        partition: number;
        batches: number;
        head?: { batchSequence: number; rootHash: string };
        abortedRoots: { batchSequence: number }[];
      }[];
    };
    expect(report.findings).toEqual([]);
    expect(result.code).toBe(0);
    const mine = report.partitions.find(
      (p) => p.topic === fixture.eventsTopic && p.partition === 0,
    );
    expect(mine).toMatchObject({ batches: outside.batches, head: outside.head });
    expect(mine?.abortedRoots).toContainEqual(expect.objectContaining({ batchSequence: 1 }));
    failed = false;
  }, 180_000);
});
