import { generateKeyPairSync } from 'node:crypto';
import { Keyring } from '@vigil/audit';
import { createLogger, kafkaConnectionFromEnv } from '@vigil/runtime';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { brokers, createTestTopics, testKafka, uniqueName } from '../../../test/support/infra';
import { loadSealerConfig } from '../src/config';
import { kafkaSealerPorts } from '../src/kafka-ports';

/**
 * Every partition the sealer is given first reads its committed offsets. kafkajs's admin learns
 * the brokers only from its first metadata request, and a coordinator lookup before that fails
 * with "No brokers in the broker pool" and is retried after ~300 ms: each partition started that
 * much later. The ports must answer at once right after connecting.
 */
describe('kafkaSealerPorts', () => {
  const topic = uniqueName('ports-events');
  const groupId = uniqueName('ports-sealer');
  let admin: Admin;

  beforeAll(async () => {
    admin = testKafka().admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 6 }]);
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('reads committed offsets right after connecting, without retrying for unknown brokers', async () => {
    const kafkaLog: string[] = [];
    const kafka = new Kafka({
      clientId: uniqueName('ports'),
      ...kafkaConnectionFromEnv({ ...process.env, KAFKA_BROKERS: brokers().join(',') }),
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => kafkaLog.push(entry.log.message),
    });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const config = loadSealerConfig({
      KAFKA_BROKERS: brokers().join(','),
      SEALER_TOPICS: topic,
      SEALER_ROOTS_TOPIC: uniqueName('ports-roots'),
      SEALER_GROUP_ID: groupId,
      SEALER_TRANSACTIONAL_ID_PREFIX: groupId,
      SEALER_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    });
    const ports = kafkaSealerPorts({
      kafka,
      config,
      logger: createLogger({ service: 'sealer-test', level: 'silent' }),
      keyring: Keyring.fromPublicKeys([publicKey]),
    });
    await ports.connect();
    try {
      // As a new assignment does: every partition at once.
      const committed = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((partition) => ports.offsets.committed(groupId, topic, partition)),
      );
      expect(committed.map((c) => c.offset)).toEqual([-1, -1, -1, -1, -1, -1]);
      expect(kafkaLog.filter((message) => /no brokers in the broker pool/i.test(message))).toEqual(
        [],
      );
    } finally {
      await ports.disconnect();
    }
  });
});
