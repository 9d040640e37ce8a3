import type { Admin, Kafka, Producer } from 'kafkajs';
import { createTestTopics, testKafka, uniqueName, waitFor } from '../../../test/support/infra';
import { readTopicToEnd } from '../src/kafka-read';

/**
 * A record committed behind another producer's open transaction sits above the last stable
 * offset. The sealer must still see it (it may be the newest root of its chain), so
 * `through: 'highWatermark'` waits for the open transaction instead of stopping short.
 */
describe('readTopicToEnd through the high watermark', () => {
  let kafka: Kafka;
  let admin: Admin;
  const producers: Producer[] = [];
  const topic = uniqueName('read-hw');

  const transactional = async (name: string) => {
    const producer = kafka.producer({
      transactionalId: uniqueName(name),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    producers.push(producer);
    return producer;
  };
  const read = async (through?: 'lastStable' | 'highWatermark', values: string[] = []) => {
    await readTopicToEnd({
      kafka,
      admin,
      topic,
      through,
      timeoutMs: 30_000,
      onBatch: (batch) => {
        for (const message of batch.messages) values.push(String(message.value));
      },
    });
    return values;
  };

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
  });

  afterAll(async () => {
    await Promise.all(producers.map((p) => p.disconnect().catch(() => undefined)));
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  it('waits for an open transaction and then returns the records committed behind it', async () => {
    const committed = await transactional('committed');
    const first = await committed.transaction();
    await first.send({ topic, messages: [{ value: 'settled' }] });
    await first.commit();

    const blocker = await transactional('blocker');
    const open = await blocker.transaction();
    await open.send({ topic, messages: [{ value: 'pending' }] });

    const second = await committed.transaction();
    await second.send({ topic, messages: [{ value: 'behind the open transaction' }] });
    await second.commit();

    // The default stops at the last stable offset: the committed record is not there yet.
    expect(await read()).toEqual(['settled']);

    let result: string[] | undefined;
    const delivered: string[] = [];
    const reading = read('highWatermark', delivered).then((values) => (result = values));
    await waitFor('the stable record to be read', () => delivered.length > 0, 20_000);
    // A negative check needs a window: a read stopping at the last stable offset would end now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(result).toBeUndefined();

    await open.abort();
    await waitFor('the read to finish', () => result !== undefined, 20_000);
    await reading;
    expect(result).toEqual(['settled', 'behind the open transaction']);
  }, 60_000);
});

describe('readTopicToEnd over a range', () => {
  let kafka: Kafka;
  let admin: Admin;
  const topic = uniqueName('read-range');

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic,
      messages: Array.from({ length: 10 }, (_, i) => ({ value: String(i) })),
    });
    await producer.disconnect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  const read = async (start: number, end: number, through?: 'highWatermark') => {
    const offsets: number[] = [];
    await readTopicToEnd({
      kafka,
      admin,
      topic,
      through,
      startOffsets: new Map([[0, start]]),
      endOffsets: new Map([[0, end]]),
      timeoutMs: 30_000,
      onBatch: (batch) => {
        for (const message of batch.messages) offsets.push(Number(message.offset));
      },
    });
    return offsets;
  };

  it('delivers only the records from start to before end, in either mode', async () => {
    expect(await read(2, 5)).toEqual([2, 3, 4]);
    expect(await read(2, 5, 'highWatermark')).toEqual([2, 3, 4]);
    // An end beyond the log is the log's end; an empty range reads nothing.
    expect(await read(8, 100)).toEqual([8, 9]);
    expect(await read(8, 100, 'highWatermark')).toEqual([8, 9]);
    expect(await read(5, 5)).toEqual([]);
  }, 60_000);
});
