/**
 * Secure mode, enforced by the broker itself (issue #10, must-show 2): a private broker in secure
 * mode (deploy/local/kafka-secure.sh: SASL_SSL, a SCRAM user per service, StandardAuthorizer
 * with the ACLs of deploy/kafka/acls.txt) refuses
 *   (a) a write to access-events without credentials (and with a wrong password),
 *   (b) a write to risk-admin as ingest,
 *   (c) a write to sealed-roots as risk,
 * and each principal's own writes, made the way the services make them, go through. Each refusal
 * is checked twice: the kafkajs error the client gets, and the authorizer's (or authenticator's)
 * own line in the broker log. Nothing refused is stored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  ACKS_ALL,
  createDurableProducer,
  kafkaConnectionFromEnv,
  readTopicToEnd,
} from '@vigil/runtime';
import { testPort, waitFor } from '../support/infra';
import { PrivateKafka, type KafkaPrincipal } from '../support/private-kafka';

const TOPICS = ['access-events', 'authz-decisions', 'sealed-roots', 'risk-admin'];

/** The error a promise rejects with (fails the test when it resolves). */
async function refusal(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the broker to refuse');
}

/** The names along an error's cause chain (kafkajs wraps what the broker said in retries). */
function causes(err: unknown): string[] {
  const names: string[] = [];
  for (let e = err as { name?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    names.push(e.name ?? '?');
  }
  return names;
}

describe('Kafka in secure mode: the broker enforces who writes what', () => {
  const broker = new PrivateKafka({
    port: testPort(19492),
    controllerPort: testPort(19493),
    secure: true,
  });
  const producers: Producer[] = [];

  /** A producer of `principal`, configured like the services' (idempotent, acks=all). */
  async function durableProducer(principal: KafkaPrincipal): Promise<Producer> {
    const producer = createDurableProducer(broker.kafka(principal), {
      retry: { retries: 2, initialRetryTime: 100 },
    });
    producers.push(producer);
    await producer.connect();
    return producer;
  }

  const send = (producer: Producer, topic: string, value: string) =>
    producer.send({ topic, acks: ACKS_ALL, messages: [{ key: 'k', value }] });

  /** Every value stored in `topic`, read as the admin. */
  async function stored(topic: string): Promise<string[]> {
    const kafka = broker.kafka('admin');
    const admin = kafka.admin();
    await admin.connect();
    const values: string[] = [];
    try {
      await readTopicToEnd({
        kafka,
        admin,
        topic,
        onBatch: (batch) => {
          for (const m of batch.messages) values.push(m.value?.toString() ?? '');
        },
      });
    } finally {
      await admin.disconnect();
    }
    return values;
  }

  const denied = (principal: string, resource: string) =>
    waitFor(`the broker to log the denial of ${principal} on ${resource}`, () =>
      broker
        .denials()
        .some(
          (line) =>
            line.includes(`Principal = User:${principal} is Denied`) && line.includes(resource),
        ),
    );

  beforeAll(async () => {
    await broker.start();
    await broker.createTopics(TOPICS.map((topic) => ({ topic })));
    await broker.applyAcls();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(producers.map((p) => p.disconnect().catch(() => undefined)));
    await broker.destroy();
  }, 60_000);

  it('(a) refuses a write to access-events without credentials, or with a wrong password', async () => {
    // TLS to the right CA, but no SASL: the broker closes the connection at the first request.
    const anonymous = new Kafka({
      clientId: 'no-credentials',
      ...kafkaConnectionFromEnv({
        KAFKA_BROKERS: broker.brokers.join(','),
        KAFKA_SECURITY_PROTOCOL: 'SSL',
        KAFKA_TLS_CA_FILE: broker.clientEnv('ingest').KAFKA_TLS_CA_FILE,
      }),
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).producer();
    producers.push(anonymous);
    const noCredentials = await refusal(
      anonymous.connect().then(() => send(anonymous, 'access-events', 'anonymous')),
    );
    expect(noCredentials.message).toBe('Closed connection');
    expect(causes(noCredentials)).toContain('KafkaJSConnectionClosedError');
    await waitFor('the broker to log the unauthenticated request', () =>
      fs
        .readFileSync(path.join(broker.logDir, 'server.log'), 'utf8')
        .includes('Unexpected Kafka request of type METADATA during SASL handshake'),
    );

    // The ingest user with a password that is not ingest's.
    const impostor = new Kafka({
      clientId: 'wrong-password',
      ...kafkaConnectionFromEnv({
        ...broker.clientEnv('ingest'),
        KAFKA_SASL_PASSWORD_FILE: '',
        KAFKA_SASL_PASSWORD: 'not-the-password',
        KAFKA_BROKERS: broker.brokers.join(','),
      }),
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).producer();
    producers.push(impostor);
    const wrongPassword = await refusal(impostor.connect());
    expect({ name: wrongPassword.name, message: wrongPassword.message }).toEqual({
      name: 'KafkaJSSASLAuthenticationError',
      message:
        'SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512',
    });

    expect(await stored('access-events')).toEqual([]);
  });

  it('(b) refuses a write to risk-admin as ingest, and lets ingest write access-events', async () => {
    const ingest = await durableProducer('ingest');
    const err = await refusal(send(ingest, 'risk-admin', 'forged restriction.clear'));
    expect(err.name).toBe('KafkaJSNonRetriableError');
    expect(err.message).toBe('Not authorized to access topics: [Topic authorization failed]');
    expect(err.cause).toMatchObject({
      name: 'KafkaJSProtocolError',
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    await denied('ingest', 'Topic:LITERAL:risk-admin');

    await send(ingest, 'access-events', 'ingest event');
    expect(await stored('access-events')).toEqual(['ingest event']);
    expect(await stored('risk-admin')).toEqual([]);
  });

  it('(c) refuses a write to sealed-roots as risk, and lets risk write its two topics', async () => {
    const risk = await durableProducer('risk');
    const err = await refusal(send(risk, 'sealed-roots', 'forged root'));
    expect(err.name).toBe('KafkaJSNonRetriableError');
    expect(err.message).toBe('Not authorized to access topics: [Topic authorization failed]');
    expect(err.cause).toMatchObject({
      name: 'KafkaJSProtocolError',
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    await denied('risk', 'Topic:LITERAL:sealed-roots');

    await send(risk, 'authz-decisions', 'risk decision');
    await send(risk, 'risk-admin', 'risk restriction.clear');
    expect(await stored('authz-decisions')).toEqual(['risk decision']);
    expect(await stored('risk-admin')).toEqual(['risk restriction.clear']);
    expect(await stored('sealed-roots')).toEqual([]);
  });

  it('lets only the sealer write roots, in its transactions, committing group sealer', async () => {
    const sealer = broker.kafka('sealer').producer({
      transactionalId: 'vigil-sealer-access-events-0',
      idempotent: true,
      maxInFlightRequests: 1,
    });
    producers.push(sealer);
    await sealer.connect();
    const txn = await sealer.transaction();
    await txn.send({ topic: 'sealed-roots', acks: ACKS_ALL, messages: [{ value: 'sealer root' }] });
    await txn.sendOffsets({
      consumerGroupId: 'sealer',
      topics: [{ topic: 'access-events', partitions: [{ partition: 0, offset: '1' }] }],
    });
    await txn.commit();
    // The commit markers are written after commit() returns; read_committed waits for them.
    await waitFor('the committed root to be readable', async () =>
      (await stored('sealed-roots')).includes('sealer root'),
    );
    expect(await stored('sealed-roots')).toEqual(['sealer root']);

    // Risk may neither use the sealer's transactional ids nor commit as group sealer: kafkajs
    // reports the broker's refusal of FindCoordinator as "no coordinator"; the log says why.
    const impostor = broker.kafka('risk').producer({
      transactionalId: 'vigil-sealer-access-events-0',
      idempotent: true,
      maxInFlightRequests: 1,
    });
    producers.push(impostor);
    await impostor.connect();
    const err = await refusal(impostor.transaction());
    expect({ name: err.name, message: err.message }).toEqual({
      name: 'KafkaJSGroupCoordinatorNotFound',
      message: 'Failed to find group coordinator',
    });
    await denied('risk', 'TransactionalId:LITERAL:vigil-sealer-access-events-0');
    const admin = broker.kafka('risk').admin();
    await admin.connect();
    try {
      const commit = await refusal(
        admin.setOffsets({
          groupId: 'sealer',
          topic: 'access-events',
          partitions: [{ partition: 0, offset: '0' }],
        }),
      );
      expect(commit.name).toBe('KafkaJSGroupCoordinatorNotFound');
      await denied('risk', 'Group:LITERAL:sealer');
    } finally {
      await admin.disconnect();
    }
  });

  it('lets the auditor read the audit topics and write nothing', async () => {
    const auditor = broker.kafka('auditor');
    const admin = auditor.admin();
    await admin.connect();
    const read: string[] = [];
    try {
      // As `vigil audit verify` reads: a throwaway vigil-reader-* group, deleted afterwards.
      await readTopicToEnd({
        kafka: auditor,
        admin,
        topic: 'access-events',
        onBatch: (batch) => {
          for (const m of batch.messages) read.push(m.value?.toString() ?? '');
        },
      });
    } finally {
      await admin.disconnect();
    }
    expect(read).toEqual(['ingest event']);

    // The auditor has no WRITE anywhere, so the broker refuses it even a producer id
    // (InitProducerId needs IDEMPOTENT_WRITE on the cluster or WRITE on some topic).
    const producer = createDurableProducer(auditor, { retry: { retries: 1 } });
    producers.push(producer);
    const err = await refusal(
      producer.connect().then(() => send(producer, 'access-events', 'auditor event')),
    );
    expect(err).toMatchObject({
      name: 'KafkaJSProtocolError',
      type: 'CLUSTER_AUTHORIZATION_FAILED',
      message: 'Cluster authorization failed',
    });
    expect(await stored('access-events')).toEqual(['ingest event']);
  });
});
