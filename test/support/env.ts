// Integration tests talk to the real Kafka and Redis that ./dev test brings up.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
jest.setTimeout(60_000);
