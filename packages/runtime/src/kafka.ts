import {
  Kafka,
  Partitioners,
  logLevel as KafkaLogLevel,
  type KafkaConfig,
  type LogEntry,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import { loadConfig, kafkaClientEnv, type KafkaClientConfig } from './config';
import { kafkaSecurity, type KafkaSecurity } from './kafka-security';
import type { Logger } from './logger';

/** The topics Vigil owns. They are created explicitly by the deploy scripts, never auto-created. */
export const TOPICS = {
  accessEvents: 'access-events',
  sealedRoots: 'sealed-roots',
  authzDecisions: 'authz-decisions',
  riskAdmin: 'risk-admin',
} as const;

export interface KafkaFactoryOptions {
  /** Brokers and TLS/SASL, validated by loadConfig (every service's config includes them). */
  config: KafkaClientConfig;
  clientId: string;
  logger: Logger;
}

/**
 * Where and how to connect: brokers plus kafkajs `ssl`/`sasl`. Every Kafka client in Vigil gets
 * these from here, so one set of variables secures all of them.
 */
export function kafkaConnection(config: KafkaClientConfig): KafkaConnection {
  return connectionOf(config, kafkaSecurity(config));
}

export type KafkaConnection = Pick<KafkaConfig, 'brokers' | 'ssl' | 'sasl'>;

function connectionOf(config: KafkaClientConfig, security: KafkaSecurity): KafkaConnection {
  const { ssl, sasl } = security;
  return { brokers: config.KAFKA_BROKERS, ...(ssl ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}

/** kafkaConnection from the environment (scripts, benches, tests); throws a ConfigError. */
export function kafkaConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaConnection {
  return kafkaConnection(loadConfig(kafkaClientEnv, env));
}

export function createKafka(options: KafkaFactoryOptions): Kafka {
  const security = kafkaSecurity(options.config);
  options.logger.info(
    { brokers: options.config.KAFKA_BROKERS, security: security.summary },
    'kafka client',
  );
  return new Kafka({
    clientId: options.clientId,
    ...connectionOf(options.config, security),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    // Reconnects back off up to ~30 s in total before an operation gives up; callers that must
    // fail fast (ingest under a down broker) bound their own waits instead.
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10_000 },
    logLevel: KafkaLogLevel.WARN,
    logCreator: kafkaLogCreator(options.logger),
  });
}

/**
 * A producer for records whose loss or duplication matters: acks=all is set per send by the
 * callers (kafkajs takes acks on send), idempotence removes duplicates from internal retries, and
 * the Java-compatible murmur2 partitioner keeps key -> partition stable across languages.
 */
export function createDurableProducer(kafka: Kafka, overrides: ProducerConfig = {}): Producer {
  return kafka.producer({
    idempotent: true,
    // kafkajs only guarantees idempotent ordering with a single in-flight request.
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    // Idempotence is only sound when the producer never gives up on a sequence number, so sends
    // retry until the broker answers. Callers that owe someone a quick answer bound their own
    // wait and keep the send (and its eventual outcome) accounted for.
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 5_000 },
    ...overrides,
  });
}

/** acks=all: the leader waits for the full in-sync replica set. */
export const ACKS_ALL = -1;

function kafkaLogCreator(logger: Logger) {
  const child = logger.child({ component: 'kafkajs' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...rest } = log;
      // Transactional producers here bound their retries on purpose and recover by
      // re-initialising (see the sealer); kafkajs would warn about that on every start.
      if (message.startsWith('Limiting retries for the idempotent producer')) return;
      switch (level) {
        case KafkaLogLevel.ERROR:
        case KafkaLogLevel.NOTHING:
          child.error(rest, message);
          break;
        case KafkaLogLevel.WARN:
          child.warn(rest, message);
          break;
        case KafkaLogLevel.INFO:
          child.info(rest, message);
          break;
        default:
          child.debug(rest, message);
      }
    };
}
