/**
 * Proves the local infrastructure works end to end, the way the services will use it: a record
 * produced with acks=all and read back through a consumer group with a committed offset, and a
 * Lua script round trip in Redis. `--config-only` just validates the environment.
 */
import { randomUUID } from 'node:crypto';
import { commonEnv, loadConfig } from '../config';
import { ACKS_ALL, TOPICS, createDurableProducer, createKafka } from '../kafka';
import { kafkaSecurity } from '../kafka-security';
import { createLogger } from '../logger';
import { runMain } from '../main';
import { createRedis } from '../redis';

runMain('infra-check', async () => {
  const config = loadConfig(commonEnv);
  if (process.argv.includes('--config-only')) return;
  const logger = createLogger({ service: 'infra-check', level: 'warn' });
  const line = (text: string) => process.stdout.write(`[vigil] ${text}\n`);

  const kafka = createKafka({
    config,
    clientId: 'vigil-infra-check',
    logger,
  });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `vigil-infra-check-${randomUUID()}`;
  const groupId = `${topic}-group`;
  const producer = createDurableProducer(kafka);
  const consumer = kafka.consumer({ groupId });
  try {
    const cluster = await admin.describeCluster();
    line(
      `kafka: cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s) at ` +
        `${config.KAFKA_BROKERS.join(',')} (${kafkaSecurity(config).summary})`,
    );
    const topics = new Set(await admin.listTopics());
    for (const name of Object.values(TOPICS)) {
      if (!topics.has(name)) throw new Error(`topic ${name} is missing; run ./dev up`);
    }
    line(`kafka: topics ${Object.values(TOPICS).join(', ')} present`);

    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const started = Date.now();
    await producer.connect();
    const [ack] = await producer.send({
      topic,
      acks: ACKS_ALL,
      messages: [{ key: 'k', value: 'hello' }],
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<string>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ message, partition }) => {
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
          resolve(message.value?.toString() ?? '');
        },
      });
    });
    const value = await withTimeout(received, 30_000, 'consuming the probe record');
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    line(
      `kafka: produced at offset ${ack?.baseOffset} (acks=all), consumed "${value}" via group, ` +
        `committed offset ${committed?.partitions[0]?.offset} in ${Date.now() - started} ms`,
    );
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }

  const redis = createRedis({ url: config.REDIS_URL, logger, overrides: { lazyConnect: true } });
  await redis.connect();
  try {
    const key = `vigil:infra-check:${randomUUID()}`;
    const started = Date.now();
    const result = await redis.eval(
      "redis.call('SET', KEYS[1], ARGV[1], 'EX', 10); return redis.call('INCRBY', KEYS[1], 41)",
      1,
      key,
      '1',
    );
    await redis.del(key);
    line(`redis: Lua round trip returned ${String(result)} in ${Date.now() - started} ms`);
  } finally {
    redis.disconnect();
  }
});

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
