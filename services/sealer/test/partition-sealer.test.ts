/**
 * PartitionSealer on in-memory Kafka ports: where a new owner resumes the chain, what one seal
 * publishes and commits, and how it recovers when a transaction fails or the outcome is unknown.
 */
import { Registry } from 'prom-client';
import { ZERO_HASH, sealedRootHash, verifyBatch, verifyChain } from '@vigil/audit';
import { createLogger } from '@vigil/runtime';
import type { SealableRecord } from '../src/batch-buffer';
import { decodeHeadMetadata } from '../src/chain-head';
import { ChainReader } from '../src/chain-reader';
import { createSealerMetrics } from '../src/metrics';
import { PartitionSealer } from '../src/partition-sealer';
import type { SigningKey } from '../src/signing-key';
import { FakeBroker, messages, recordsOf, testSigningKey, waitFor } from './fakes';

const NOW = Date.UTC(2026, 0, 15, 12);
const TOPIC = 'events';
const CHAIN = `${TOPIC}/0`;
const GROUP = 'sealer';

const records = (first: number, count: number): SealableRecord[] =>
  messages(first, count, NOW).map((m) => ({
    offset: Number(m.offset),
    value: m.value as Buffer,
    timestampMs: Number(m.timestamp),
  }));

describe('PartitionSealer', () => {
  let key: SigningKey;
  let broker: FakeBroker;
  const sealers: PartitionSealer[] = [];

  beforeEach(() => {
    key = testSigningKey();
    broker = new FakeBroker(key.trusted);
  });

  afterEach(async () => {
    await Promise.all(sealers.splice(0).map((s) => s.stop()));
  });

  /** One owner of events/0 (a fresh instance: nothing in memory but what the ports return). */
  function owner(
    options: {
      assigned?: () => boolean;
      maxBatchEvents?: number;
      maxBufferedBytes?: number;
      maxBatchMs?: number;
      now?: () => number;
    } = {},
  ) {
    const chains = new ChainReader((from) => broker.roots.scan(from));
    const sealer = new PartitionSealer(TOPIC, 0, {
      producers: broker.producers,
      offsets: broker.offsets,
      logger: createLogger({ service: 'sealer-test', level: 'silent' }),
      metrics: createSealerMetrics(new Registry()),
      key,
      groupId: GROUP,
      rootsTopic: 'sealed-roots',
      logName: 'vigil.test/audit',
      transactionalId: `vigil-sealer-${TOPIC}-0`,
      transactionTimeoutMs: 10_000,
      maxBatchEvents: options.maxBatchEvents ?? 3,
      // Long enough that only full batches and flush() seal: the test decides every cut.
      maxBatchMs: options.maxBatchMs ?? 60_000,
      ...(options.maxBufferedBytes !== undefined && {
        maxBufferedBytes: options.maxBufferedBytes,
      }),
      newestPublishedRoot: (from) => chains.newestRoot(CHAIN, from),
      isAssigned: options.assigned ?? (() => true),
      now: options.now ?? (() => NOW),
    });
    sealers.push(sealer);
    return sealer;
  }

  /** The chain as an auditor checks it: signatures, sequences, links, offsets without holes. */
  function expectIntactChain(expectedFirstOffset: number) {
    const roots = broker.chain(CHAIN);
    expect(
      verifyChain(roots, key.trusted, { expectedFirstOffset, contiguousOffsets: true }),
    ).toEqual([]);
    for (const root of roots) {
      expect(verifyBatch(root, recordsOf(root.firstOffset, root.lastOffset))).toEqual([]);
    }
    return roots;
  }

  describe('synchronise', () => {
    it('starts an empty chain at the partition’s first offset, with sequence 0 and a zero link', async () => {
      broker.lowWatermarks.set(CHAIN, 5);
      const sealer = owner();
      await sealer.ready;
      expect(sealer.nextOffset).toBeUndefined();

      await sealer.add(records(5, 3), 8);

      const [root] = expectIntactChain(5);
      expect(root).toMatchObject({ batchSequence: 0, firstOffset: 5, lastOffset: 7, leafCount: 3 });
      expect(Buffer.from(root!.prevRootHash).equals(Buffer.from(ZERO_HASH))).toBe(true);
      expect(sealer.nextOffset).toBe(8);
    });

    it('does not start a chain with records that do not begin the partition', async () => {
      broker.lowWatermarks.set(CHAIN, 5);
      const sealer = owner({ assigned: () => false });
      await sealer.ready;

      await sealer.add(records(6, 3), 9);

      expect(broker.chain(CHAIN)).toEqual([]);
      expect(sealer.isStopped).toBe(true);
    });

    it('resumes an existing chain after its head: next sequence, previous hash, next offset', async () => {
      const first = owner();
      await first.add(records(0, 6), 6);
      await first.stop();
      const before = broker.chain(CHAIN);
      expect(before.map((r) => r.batchSequence)).toEqual([0, 1]);

      const second = owner();
      await second.ready;
      expect(second.nextOffset).toBe(6);
      await second.add(records(6, 3), 9);

      const roots = expectIntactChain(0);
      const last = roots.at(-1)!;
      expect(last).toMatchObject({ batchSequence: 2, firstOffset: 6, lastOffset: 8 });
      expect(Buffer.from(last.prevRootHash)).toEqual(Buffer.from(sealedRootHash(before[1]!)));
    });

    it('extends the published head when the committed offsets lag behind it', async () => {
      const first = owner();
      await first.add(records(0, 3), 3);
      const lagging = broker.committedOffset(GROUP, TOPIC, 0);
      await first.add(records(3, 3), 6);
      await first.stop();
      // OffsetFetch answers from before the last commit (kafkajs cannot ask for stable offsets).
      broker.staleCommitted = lagging;

      const second = owner();
      await second.ready;
      expect(second.nextOffset).toBe(6);
      await second.add(records(6, 3), 9);

      expect(expectIntactChain(0).map((r) => r.batchSequence)).toEqual([0, 1, 2]);
    });

    it('fences the previous owner: its producer can no longer commit a root', async () => {
      const zombie = owner({ assigned: () => false });
      await zombie.ready;
      const successor = owner();
      await successor.ready;

      await zombie.add(records(0, 3), 3);
      await successor.add(records(0, 3), 3);

      const roots = expectIntactChain(0);
      expect(roots).toHaveLength(1);
      expect(zombie.isStopped).toBe(true);
    });
  });

  describe('seal one batch', () => {
    it('seals exactly the batch’s records and commits the next offset in the same transaction', async () => {
      const sealer = owner();
      await sealer.add(records(0, 5), 5);

      // A full batch is cut at maxBatchEvents; the rest waits for the next cut.
      expect(broker.chain(CHAIN).map((r) => [r.firstOffset, r.lastOffset])).toEqual([[0, 2]]);
      await sealer.flush();
      const roots = expectIntactChain(0);
      expect(roots.map((r) => [r.firstOffset, r.lastOffset])).toEqual([
        [0, 2],
        [3, 4],
      ]);

      expect(broker.transactions).toHaveLength(2);
      for (const [i, txn] of broker.transactions.entries()) {
        const root = roots[i]!;
        expect(txn.outcome).toBe('committed');
        expect(txn.roots).toHaveLength(1);
        expect(txn.roots[0]!.key).toBe(CHAIN);
        expect(txn.roots[0]!.headers).toEqual({ 'vigil-key-id': key.keyId });
        expect(txn.offsets).toHaveLength(1);
        const offset = txn.offsets[0]!;
        expect(offset).toMatchObject({
          consumerGroupId: GROUP,
          topic: TOPIC,
          partition: 0,
          offset: String(root.lastOffset + 1),
        });
        // The commit metadata is the new chain head, pointing at the root just written.
        expect(decodeHeadMetadata(offset.metadata)).toEqual({
          batchSequence: root.batchSequence,
          lastOffset: root.lastOffset,
          rootHash: new Uint8Array(sealedRootHash(root)),
          stored: { partition: 0, offset: txn.roots[0]!.offset },
        });
      }
      expect(broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(5);
    });

    it('seals a backlog’s full batches as separate roots in one transaction, the offset after the last', async () => {
      const sealer = owner();
      await sealer.add(records(0, 10), 10);

      const roots = expectIntactChain(0);
      expect(roots.map((r) => [r.batchSequence, r.firstOffset, r.lastOffset])).toEqual([
        [0, 0, 2],
        [1, 3, 5],
        [2, 6, 8],
      ]);
      expect(broker.transactions).toHaveLength(1);
      const [txn] = broker.transactions;
      expect(txn!.roots.map((r) => r.offset)).toEqual([0, 1, 2]);
      expect(txn!.offsets).toHaveLength(1);
      expect(txn!.offsets[0]!.offset).toBe('9');
      // The head in the commit metadata is the last root, where it was stored.
      expect(decodeHeadMetadata(txn!.offsets[0]!.metadata)).toEqual({
        batchSequence: 2,
        lastOffset: 8,
        rootHash: new Uint8Array(sealedRootHash(roots[2]!)),
        stored: { partition: 0, offset: 2 },
      });

      // The partial batch waits for its cut, then extends the chain.
      await sealer.flush();
      expect(expectIntactChain(0).map((r) => [r.batchSequence, r.firstOffset])).toEqual([
        [0, 0],
        [1, 3],
        [2, 6],
        [3, 9],
      ]);
    });

    it('a failed transaction of several roots leaves none of them; they are resealed with the same sequences', async () => {
      const sealer = owner();
      broker.failures.push('commit');
      await sealer.add(records(0, 9), 9);
      await waitFor('the batches to be resealed', () => broker.chain(CHAIN).length === 3);

      expect(expectIntactChain(0).map((r) => r.batchSequence)).toEqual([0, 1, 2]);
      expect(broker.transactions.map((t) => [t.outcome, t.roots.length])).toEqual([
        ['aborted', 3],
        ['committed', 3],
      ]);
      expect(broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(9);
    });

    it('under its buffer bound, add() does not wait for the seal; above it, it does', async () => {
      // Values are `record-N`: records 0-2 take 24 bytes, records 3-11 take 74.
      const sealer = owner({ maxBufferedBytes: 60 });
      await sealer.add(records(0, 3), 3);
      // The fetch may go on: the transaction is still in flight.
      expect(broker.chain(CHAIN)).toEqual([]);
      await waitFor('the first root', () => broker.chain(CHAIN).length === 1);

      // 74 bytes buffered, more than 60: add() returns once the due batches are sealed.
      await sealer.add(records(3, 9), 12);
      expect(expectIntactChain(0).map((r) => [r.firstOffset, r.lastOffset])).toEqual([
        [0, 2],
        [3, 5],
        [6, 8],
        [9, 11],
      ]);
    });

    it('cuts a backlog in full batches: a partial one waits while the partition has more records', async () => {
      // The records are a day old, so their batch window closed long ago.
      const sealer = owner({ maxBatchMs: 50, now: Date.now });
      await sealer.add(records(0, 5), 7);
      // 3 and 4 wait for the next fetch, which fills their batch.
      await sealer.add(records(5, 1), 7);
      // The end of the partition: the last partial batch is cut as its window has closed.
      await sealer.add(records(6, 1), 7);
      await waitFor('the last partial batch', () => broker.chain(CHAIN).length === 3);
      expect(expectIntactChain(0).map((r) => [r.firstOffset, r.lastOffset])).toEqual([
        [0, 2],
        [3, 5],
        [6, 6],
      ]);

      // Behind, but no more records come: the partial batch is cut maxBatchMs after it arrived.
      await sealer.add(records(7, 1), 100);
      await waitFor('the stalled partial batch', () => broker.chain(CHAIN).length === 4);
      expect(broker.chain(CHAIN).at(-1)).toMatchObject({ firstOffset: 7, lastOffset: 7 });
    });

    it('ignores records that are already sealed or buffered (a re-fetch after a seek)', async () => {
      const sealer = owner();
      await sealer.add(records(0, 3), 3);
      await sealer.add(records(1, 4), 5);
      await sealer.flush();

      expect(expectIntactChain(0).map((r) => [r.firstOffset, r.lastOffset])).toEqual([
        [0, 2],
        [3, 4],
      ]);
    });
  });

  describe('resynchronise', () => {
    it.each(['send', 'sendOffsets', 'commit'] as const)(
      'after a failed %s: aborts, leaves nothing half-committed, reseals the batch with the same sequence',
      async (step) => {
        const sealer = owner();
        await sealer.add(records(0, 3), 3);
        broker.failures.push(step);
        const connectsBefore = broker.epochs.get(`vigil-sealer-${TOPIC}-0`);

        await sealer.add(records(3, 3), 6);
        await waitFor('the batch to be resealed', () => broker.chain(CHAIN).length === 2);

        const roots = expectIntactChain(0);
        expect(roots.map((r) => r.batchSequence)).toEqual([0, 1]);
        const failed = broker.transactions[1]!;
        expect(failed.outcome).toBe('aborted');
        // Neither the root nor the offset of the failed transaction is visible.
        expect(broker.abortedRoots(CHAIN).map((r) => r.batchSequence)).toEqual(
          step === 'send' ? [] : [1],
        );
        expect(broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(6);
        // A new producer settled the failed transaction before the head was read again.
        expect(broker.epochs.get(`vigil-sealer-${TOPIC}-0`)).toBe(connectsBefore! + 1);
      },
    );

    it('after a commit that landed but reported an error: does not seal the batch twice', async () => {
      const sealer = owner();
      broker.failures.push('commitLands');
      await sealer.add(records(0, 3), 3);
      await waitFor(
        'the producer to be replaced',
        () => broker.epochs.get(`vigil-sealer-${TOPIC}-0`) === 2,
      );
      await sealer.ready;

      await sealer.add(records(3, 3), 6);
      await waitFor('the next batch', () => broker.chain(CHAIN).length === 2);

      expect(expectIntactChain(0).map((r) => [r.batchSequence, r.firstOffset])).toEqual([
        [0, 0],
        [1, 3],
      ]);
    });

    it('after a failure while the partition was revoked: stops instead of sealing', async () => {
      let assigned = true;
      const sealer = owner({ assigned: () => assigned });
      await sealer.ready;
      broker.failures.push('commit');
      assigned = false;

      await sealer.add(records(0, 3), 3);
      await waitFor('the sealer to stop', () => sealer.isStopped);

      expect(broker.chain(CHAIN)).toEqual([]);
      expect(broker.epochs.get(`vigil-sealer-${TOPIC}-0`)).toBe(1);
    });

    it('an aborted root is never taken as the head by the next owner', async () => {
      const first = owner({ assigned: () => false });
      await first.add(records(0, 3), 3);
      broker.failures.push('commit');
      await first.add(records(3, 3), 6);
      await waitFor('the first owner to stop', () => first.isStopped);
      expect(broker.abortedRoots(CHAIN).map((r) => r.batchSequence)).toEqual([1]);

      const second = owner();
      await second.ready;
      expect(second.nextOffset).toBe(3);
      await second.add(records(3, 3), 6);

      expect(expectIntactChain(0).map((r) => r.batchSequence)).toEqual([0, 1]);
    });
  });
});
