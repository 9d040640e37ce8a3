import { Partitioners, type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type { Keyring } from '@vigil/audit';
import type { Logger } from '@vigil/runtime';
import { scanChainHeads } from './chain-scan';
import type { SealerConfig } from './config';
import type {
  RootsProducer,
  RootsTransaction,
  SealedRoots,
  SealerConsumer,
  SealerKafka,
  TransactionalProducerOptions,
} from './ports';

/** The sealer's ports over one kafkajs client. */
export function kafkaSealerPorts(args: {
  kafka: Kafka;
  config: SealerConfig;
  logger: Logger;
  keyring: Keyring;
}): SealerKafka {
  const { kafka, config, logger, keyring } = args;
  const admin = kafka.admin();
  return {
    connect: async () => {
      await admin.connect();
      // A kafkajs client learns its brokers from its first metadata request, not from connect();
      // a group-coordinator lookup before that (every new partition's committed offsets) fails
      // and is retried ~300 ms later. Ask for the cluster's metadata first.
      await admin.describeCluster();
    },
    disconnect: () => admin.disconnect(),
    consumer: () => kafkaConsumer(kafka, config),
    producers: { connect: (options) => connectProducer(kafka, options) },
    offsets: {
      async committed(groupId, topic, partition) {
        const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const committed = entry?.partitions.find((p) => p.partition === partition);
        return { offset: Number(committed?.offset ?? -1), metadata: committed?.metadata ?? null };
      },
      async lowWatermark(topic, partition) {
        const offsets = await admin.fetchTopicOffsets(topic);
        return Number(offsets.find((o) => o.partition === partition)?.low ?? 0);
      },
    },
    roots: sealedRoots(kafka, admin, config.SEALER_ROOTS_TOPIC, logger, keyring),
  };
}

function sealedRoots(
  kafka: Kafka,
  admin: Admin,
  rootsTopic: string,
  logger: Logger,
  keyring: Keyring,
): SealedRoots {
  const partitioner = Partitioners.DefaultPartitioner();
  return {
    scan: (from) => scanChainHeads({ kafka, admin, rootsTopic, logger, keyring, from }),
    async partitionOf(chain) {
      const { topics } = await admin.fetchTopicMetadata({ topics: [rootsTopic] });
      const partitionMetadata = topics[0]?.partitions ?? [];
      return partitioner({
        topic: rootsTopic,
        partitionMetadata,
        message: { key: chain, value: null },
      });
    },
  };
}

async function connectProducer(
  kafka: Kafka,
  options: TransactionalProducerOptions,
): Promise<RootsProducer> {
  const producer = kafka.producer({
    transactionalId: options.transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    transactionTimeout: options.transactionTimeoutMs,
    allowAutoTopicCreation: false,
    // Right after a commit, the coordinator is still writing that transaction's markers, and it
    // answers the next transaction's AddPartitionsToTxn with CONCURRENT_TRANSACTIONS: a wait of
    // a few milliseconds. The first retry comes after initialRetryTime, so 200 ms here made every
    // back-to-back seal wait about 200 ms (Java's producer retries this after 20 ms). Nine
    // retries keep the whole span (about 4.5 s) near the old five from 200 ms for real outages.
    retry: { retries: 9, initialRetryTime: 10, maxRetryTime: 2_000 },
  });
  // connect() runs InitProducerId: it bumps the epoch, so an older holder of the id can no
  // longer commit. It does not end that holder's open transaction, though (seen on Kafka 4.4
  // with kafkajs): Kafka aborts it when it times out. The head read waits for that, because it
  // reads sealed-roots through the high watermark (see scanChainHeads).
  await producer.connect();
  return rootsProducer(producer);
}

function rootsProducer(producer: Producer): RootsProducer {
  return {
    async transaction(): Promise<RootsTransaction> {
      const transaction = await producer.transaction();
      return {
        send: (record) => transaction.send(record),
        sendOffsets: ({ consumerGroupId, topic, partition, offset, metadata }) =>
          transaction.sendOffsets({
            consumerGroupId,
            // kafkajs forwards `metadata` to TxnOffsetCommit, though its typings omit it.
            topics: [
              {
                topic,
                partitions: [{ partition, offset, metadata }] as unknown as {
                  partition: number;
                  offset: string;
                }[],
              },
            ],
          }),
        commit: () => transaction.commit(),
        abort: () => transaction.abort(),
      };
    },
    disconnect: () => producer.disconnect(),
  };
}

function kafkaConsumer(kafka: Kafka, config: SealerConfig): SealerConsumer {
  const consumer: Consumer = kafka.consumer({
    groupId: config.SEALER_GROUP_ID,
    // Only committed records are sealed: an aborted write never existed for auditors either.
    readUncommitted: false,
    allowAutoTopicCreation: false,
    sessionTimeout: config.SEALER_SESSION_TIMEOUT_MS,
    heartbeatInterval: Math.max(500, Math.floor(config.SEALER_SESSION_TIMEOUT_MS / 10)),
    maxWaitTimeInMs: 250,
  });
  return {
    connect: () => consumer.connect(),
    subscribe: (topics) => consumer.subscribe({ topics, fromBeginning: true }),
    run: (eachBatch) =>
      consumer.run({
        autoCommit: false,
        // Partitions seal independently; one slow partition must not hold up the others.
        partitionsConsumedConcurrently: 16,
        eachBatch: ({ batch, heartbeat, isRunning, isStale }) =>
          eachBatch({
            topic: batch.topic,
            partition: batch.partition,
            highWatermark: batch.highWatermark,
            messages: batch.messages,
            heartbeat,
            isRunning,
            isStale,
          }),
      }),
    seek: (topic, partition, offset) => consumer.seek({ topic, partition, offset }),
    stop: () => consumer.stop(),
    disconnect: () => consumer.disconnect(),
    onGroupJoin(listener) {
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => listener(payload.memberAssignment));
    },
    onCrash(listener) {
      consumer.on(consumer.events.CRASH, ({ payload }) =>
        listener({ error: payload.error?.message, restart: payload.restart }),
      );
    },
  };
}
