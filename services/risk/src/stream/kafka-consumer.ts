import type { Kafka } from 'kafkajs';
import type { ConsumerHandlers, StreamConsumer, StreamConsumerFactory } from './consumer';

export interface KafkaStreamConsumerOptions {
  groupId: string;
  partitionsConsumedConcurrently: number;
  /** How soon the group notices a dead member and hands its partitions to the others. */
  sessionTimeoutMs: number;
}

/** The stream consumer port over a kafkajs consumer group member. */
export function kafkaStreamConsumers(
  kafka: Kafka,
  options: KafkaStreamConsumerOptions,
): StreamConsumerFactory {
  return () => {
    const consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(options.sessionTimeoutMs / 10)),
      // Short long-polls keep shutdown quick; the broker still answers at once when data arrives.
      maxWaitTimeInMs: 500,
    });
    const port: StreamConsumer = {
      async run(topics, handlers: ConsumerHandlers) {
        consumer.on(consumer.events.GROUP_JOIN, (e) =>
          handlers.joined(e.payload.memberAssignment as Record<string, number[]>),
        );
        consumer.on(consumer.events.CRASH, (e) =>
          handlers.crashed(e.payload.error, e.payload.restart),
        );
        consumer.on(consumer.events.STOP, () => handlers.stopped());
        await consumer.connect();
        await consumer.subscribe({ topics: [...topics], fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
          eachBatch: ({ batch, resolveOffset, heartbeat, isRunning, isStale }) =>
            handlers.eachBatch({
              topic: batch.topic,
              partition: batch.partition,
              messages: batch.messages,
              lastOffset: () => batch.lastOffset(),
              offsetLag: () => batch.offsetLag(),
              resolveOffset,
              heartbeat,
              isRunning,
              isStale,
            }),
        });
      },
      pause: (topics) => consumer.pause(topics.map((topic) => ({ topic }))),
      commit: (offsets) => consumer.commitOffsets([...offsets]),
      disconnect: () => consumer.disconnect(),
    };
    return port;
  };
}
