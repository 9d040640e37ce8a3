/**
 * Sealer (the group member) and its app on in-memory Kafka ports: which partitions it seals after
 * each join, how a partition moves between instances without a gap or a duplicate, and shutdown.
 */
import { Registry } from 'prom-client';
import { verifyChain } from '@vigil/audit';
import { createLogger } from '@vigil/runtime';
import { createSealerApp } from '../src/app';
import { loadSealerConfig } from '../src/config';
import { createSealerMetrics } from '../src/metrics';
import { Sealer } from '../src/sealer';
import type { SigningKey } from '../src/signing-key';
import { FakeBroker, messages, testSigningKey, waitFor } from './fakes';

const TOPIC = 'events';

const config = loadSealerConfig({
  SEALER_TOPICS: TOPIC,
  SEALER_MAX_BATCH_EVENTS: '3',
  // Long enough that only full batches and shutdown seal: the test decides every cut.
  SEALER_MAX_BATCH_MS: '60000',
  OPS_HOST: '127.0.0.1',
  OPS_PORT: '0',
  LOG_LEVEL: 'silent',
});
const logger = createLogger({ service: 'sealer-test', level: 'silent' });

describe('Sealer', () => {
  let key: SigningKey;
  let broker: FakeBroker;
  const running: Sealer[] = [];

  beforeEach(() => {
    key = testSigningKey();
    broker = new FakeBroker(key.trusted);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });

  async function startSealer(): Promise<Sealer> {
    const sealer = new Sealer({
      kafka: broker,
      config,
      key,
      logger,
      metrics: createSealerMetrics(new Registry()),
    });
    running.push(sealer);
    await sealer.start();
    return sealer;
  }

  const now = () => Date.now();
  const ranges = (chain: string) =>
    broker.chain(chain).map((r) => [r.batchSequence, r.firstOffset, r.lastOffset]);
  /** The chain's roots once it has `count`: a fetch does not wait for its seal to commit. */
  const sealedRanges = async (chain: string, count: number) => {
    await waitFor(`${count} roots of ${chain}`, () => broker.chain(chain).length >= count);
    return ranges(chain);
  };
  const expectIntact = (chain: string) =>
    expect(
      verifyChain(broker.chain(chain), key.trusted, {
        expectedFirstOffset: 0,
        contiguousOffsets: true,
      }),
    ).toEqual([]);

  it('is ready once it joined the group, and seals every partition assigned to it', async () => {
    const sealer = await startSealer();
    const consumer = broker.currentConsumer;
    expect(consumer.subscribed).toEqual([TOPIC]);
    expect(sealer.isReady).toBe(false);

    consumer.join({ [TOPIC]: [0, 1] });
    expect(sealer.isReady).toBe(true);
    await consumer.deliver(TOPIC, 0, messages(0, 3, now()));
    await consumer.deliver(TOPIC, 1, messages(0, 4, now()));

    expect(await sealedRanges(`${TOPIC}/0`, 1)).toEqual([[0, 0, 2]]);
    expect(await sealedRanges(`${TOPIC}/1`, 1)).toEqual([[0, 0, 2]]);
  });

  it('hands a partition to another instance, which continues the chain without gap or duplicate', async () => {
    await startSealer();
    broker.currentConsumer.join({ [TOPIC]: [0] });
    await broker.currentConsumer.deliver(TOPIC, 0, messages(0, 8, now()));
    expect(await sealedRanges(`${TOPIC}/0`, 2)).toEqual([
      [0, 0, 2],
      [1, 3, 5],
    ]);

    // Rebalance: the partition moves; records 6 and 7 were buffered but not sealed by the first instance.
    const firstConsumer = broker.currentConsumer;
    await startSealer();
    const secondConsumer = broker.currentConsumer;
    firstConsumer.join({});
    secondConsumer.join({ [TOPIC]: [0] });
    // The group resumes at the committed offset.
    expect(broker.committedOffset(config.SEALER_GROUP_ID, TOPIC, 0)?.offset).toBe(6);
    await secondConsumer.deliver(TOPIC, 0, messages(6, 3, now()));

    expect(await sealedRanges(`${TOPIC}/0`, 3)).toEqual([
      [0, 0, 2],
      [1, 3, 5],
      [2, 6, 8],
    ]);
    expectIntact(`${TOPIC}/0`);
  });

  it('seeks back once when the group’s position is past the chain head', async () => {
    await startSealer();
    const consumer = broker.currentConsumer;
    consumer.join({ [TOPIC]: [0] });
    await consumer.deliver(TOPIC, 0, messages(0, 3, now()));
    await sealedRanges(`${TOPIC}/0`, 1);

    await consumer.deliver(TOPIC, 0, messages(5, 3, now()));
    expect(consumer.seeks).toEqual([{ topic: TOPIC, partition: 0, offset: '3' }]);
    expect(ranges(`${TOPIC}/0`)).toEqual([[0, 0, 2]]);

    // The seek brings the records back: sealed right after the head.
    await consumer.deliver(TOPIC, 0, messages(3, 3, now()));
    expect(await sealedRanges(`${TOPIC}/0`, 2)).toEqual([
      [0, 0, 2],
      [1, 3, 5],
    ]);
    expectIntact(`${TOPIC}/0`);
  });

  it('on stop, seals what is buffered before leaving the group', async () => {
    const sealer = await startSealer();
    const consumer = broker.currentConsumer;
    consumer.join({ [TOPIC]: [0] });
    await consumer.deliver(TOPIC, 0, messages(0, 2, now()));
    expect(ranges(`${TOPIC}/0`)).toEqual([]);

    running.splice(running.indexOf(sealer), 1);
    await sealer.stop();

    expect(ranges(`${TOPIC}/0`)).toEqual([[0, 0, 1]]);
    expect(broker.committedOffset(config.SEALER_GROUP_ID, TOPIC, 0)?.offset).toBe(2);
    expect(consumer.connected).toBe(false);
    expect(broker.connected).toBe(false);
  });

  it('replaces a consumer that crashed for good, and resumes the chain', async () => {
    const sealer = await startSealer();
    const crashed = broker.currentConsumer;
    crashed.join({ [TOPIC]: [0] });
    await crashed.deliver(TOPIC, 0, messages(0, 3, now()));
    await sealedRanges(`${TOPIC}/0`, 1);

    crashed.crash({ error: 'The coordinator is not aware of this member', restart: false });
    expect(sealer.isReady).toBe(false);
    await waitFor('a fresh consumer', () => broker.consumers.length === 2);
    const fresh = broker.currentConsumer;
    await waitFor('the fresh consumer to run', () => fresh.running);
    expect(crashed.connected).toBe(false);

    fresh.join({ [TOPIC]: [0] });
    expect(sealer.isReady).toBe(true);
    await fresh.deliver(TOPIC, 0, messages(3, 3, now()));
    expect(await sealedRanges(`${TOPIC}/0`, 2)).toEqual([
      [0, 0, 2],
      [1, 3, 5],
    ]);
  });
});

describe('createSealerApp', () => {
  it('runs on injected ports: ready after the join, sealing, and closes on stop', async () => {
    const key = testSigningKey();
    const broker = new FakeBroker(key.trusted);
    const app = createSealerApp(config, { key, logger, kafkaPorts: broker });

    await app.start();
    try {
      expect(app.ports.ops).toBeGreaterThan(0);
      expect(app.isReady()).toBe(false);
      broker.currentConsumer.join({ [TOPIC]: [0] });
      expect(app.isReady()).toBe(true);
      await broker.currentConsumer.deliver(TOPIC, 0, messages(0, 3, Date.now()));
      await waitFor('the first root', () => broker.chain(`${TOPIC}/0`).length === 1);
    } finally {
      await app.stop();
    }
    expect(broker.connected).toBe(false);
  });
});
