/**
 * Proves kafkajs 2.2.4 works against the pinned Apache Kafka 4.x broker for everything Vigil
 * relies on: acks=all idempotent produce, consumer groups with committed offsets, transactions
 * (commit and abort, read_committed), and the admin API. Kafka 4 removed old protocol versions
 * (KIP-896), so this is the test that would catch a client that negotiates one of them.
 */
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { createTestTopics, testKafka, uniqueName, waitFor } from '../support/infra';

describe('kafkajs against the local Kafka broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  const topic = uniqueName('compat');
  const groups: string[] = [];
  const clients: (Producer | Consumer)[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 2 }]);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  async function consumeAll(groupId: string, count: number, readUncommitted = false) {
    groups.push(groupId);
    const consumer = kafka.consumer({ groupId, readUncommitted });
    clients.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: { partition: number; offset: string; value: string }[] = [];
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen.push({ partition, offset: message.offset, value: message.value?.toString() ?? '' });
      },
    });
    await waitFor(`${count} records in group ${groupId}`, () => seen.length >= count);
    return { consumer, seen };
  }

  it('produces with acks=all and an idempotent producer, and reports real offsets', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    clients.push(producer);
    await producer.connect();
    const acks = await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: 'alice', value: 'a1', partition: 0 },
        { key: 'alice', value: 'a2', partition: 0 },
        { key: 'bob', value: 'b1', partition: 1 },
      ],
    });
    expect(acks.map((a) => [a.partition, a.baseOffset]).sort()).toEqual([
      [0, '0'],
      [1, '0'],
    ]);
  });

  it('consumes through a consumer group and commits an offset the broker remembers', async () => {
    const groupId = uniqueName('group');
    const { consumer, seen } = await consumeAll(groupId, 3);
    expect(seen.filter((r) => r.partition === 0).map((r) => r.value)).toEqual(['a1', 'a2']);
    await consumer.commitOffsets([{ topic, partition: 0, offset: '2' }]);
    await consumer.disconnect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed?.partitions.find((p) => p.partition === 0)?.offset).toBe('2');
  });

  it('runs transactions: committed records are visible, aborted ones are not', async () => {
    const producer = kafka.producer({
      transactionalId: uniqueName('txn'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    clients.push(producer);
    await producer.connect();

    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: 'carol', value: 'aborted', partition: 0 }] });
    await aborted.abort();

    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ key: 'carol', value: 'committed', partition: 0 }] });
    const offsetsGroup = uniqueName('txn-offsets');
    groups.push(offsetsGroup);
    await committed.sendOffsets({
      consumerGroupId: offsetsGroup,
      topics: [{ topic, partitions: [{ partition: 1, offset: '1' }] }],
    });
    await committed.commit();

    const { seen } = await consumeAll(uniqueName('read-committed'), 4);
    const values = seen.map((r) => r.value);
    expect(values).toContain('committed');
    expect(values).not.toContain('aborted');
    const [txnOffsets] = await admin.fetchOffsets({ groupId: offsetsGroup, topics: [topic] });
    expect(txnOffsets?.partitions.find((p) => p.partition === 1)?.offset).toBe('1');
  });

  it('sees the provisioned audit topics with unlimited retention', async () => {
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: ['access-events', 'sealed-roots', 'authz-decisions'].map((name) => ({
        type: 2, // ConfigResourceTypes.TOPIC
        name,
        configNames: ['retention.ms', 'retention.bytes'],
      })),
    });
    for (const resource of configs.resources) {
      const values = Object.fromEntries(
        resource.configEntries.map((e) => [e.configName, e.configValue]),
      );
      expect({ topic: resource.resourceName, ...values }).toEqual({
        topic: resource.resourceName,
        'retention.ms': '-1',
        'retention.bytes': '-1',
      });
    }
  });
});
