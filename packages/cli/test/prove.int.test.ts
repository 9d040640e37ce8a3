import type { Admin } from 'kafkajs';
import { runCli } from '../src/program';
import { EXIT } from '../src/exit-codes';
import { brokers, createTestTopics, testKafka, uniqueName } from '../../../test/support/infra';

/** Runs the CLI in-process against the test broker; returns the exit code and the error object. */
async function prove(
  ...args: string[]
): Promise<{ code: number; error: { code: string; message: string; hint: string | null } }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli([
      '--json',
      '--brokers',
      brokers().join(','),
      'audit',
      'prove',
      ...args,
    ]);
    const parsed = JSON.parse(chunks.join('') || '{}') as {
      error: { code: string; message: string; hint: string | null };
    };
    return { code, error: parsed.error };
  } finally {
    spy.mockRestore();
  }
}

describe('vigil audit prove tells "does not exist" from "not sealed yet" (Kafka metadata)', () => {
  const topic = uniqueName('prove-events');
  const rootsTopic = uniqueName('prove-roots');
  const kafka = testKafka();
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [
      { topic, numPartitions: 2 },
      { topic: rootsTopic, numPartitions: 1 },
    ]);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [0, 1, 2].map((i) => ({ value: `r${i}`, partition: 0 })),
    });
    await producer.disconnect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic, rootsTopic] });
    await admin.disconnect();
  });

  const at = (t: string, partition: number, offset: number) => [
    '--topic',
    t,
    '--partition',
    String(partition),
    '--offset',
    String(offset),
    '--roots-topic',
    rootsTopic,
  ];

  it('a topic that does not exist: TOPIC_NOT_FOUND, exit 4', async () => {
    const missing = uniqueName('no-such-topic');
    const { code, error } = await prove(...at(missing, 0, 0));
    expect({ code, errorCode: error.code, message: error.message }).toEqual({
      code: EXIT.NOT_FOUND,
      errorCode: 'TOPIC_NOT_FOUND',
      message: `topic ${missing} does not exist`,
    });
  });

  it('a partition the topic does not have: PARTITION_NOT_FOUND, exit 4', async () => {
    const { code, error } = await prove(...at(topic, 7, 0));
    expect({ code, errorCode: error.code, message: error.message }).toEqual({
      code: EXIT.NOT_FOUND,
      errorCode: 'PARTITION_NOT_FOUND',
      message: `topic ${topic} has no partition 7 (it has 2: 0..1)`,
    });
  });

  it('an offset never written: OFFSET_NOT_FOUND, exit 4', async () => {
    const { code, error } = await prove(...at(topic, 0, 3));
    expect({ code, errorCode: error.code }).toEqual({
      code: EXIT.NOT_FOUND,
      errorCode: 'OFFSET_NOT_FOUND',
    });
    expect(error.message).toBe(`${topic}/0 has no offset 3: its last offset is 2`);
  });

  it('a record that exists but is in no sealed batch: NOT_SEALED_YET, exit 6 (retry)', async () => {
    const { code, error } = await prove(...at(topic, 0, 1));
    expect({ code, errorCode: error.code, message: error.message }).toEqual({
      code: EXIT.PENDING,
      errorCode: 'NOT_SEALED_YET',
      message: `${topic}/0 offset 1 is not sealed yet`,
    });
  });

  it('a roots topic that does not exist: TOPIC_NOT_FOUND naming --roots-topic', async () => {
    const missing = uniqueName('no-such-roots');
    const { code, error } = await prove(
      '--topic',
      topic,
      '--partition',
      '0',
      '--offset',
      '0',
      '--roots-topic',
      missing,
    );
    expect({ code, errorCode: error.code, message: error.message }).toEqual({
      code: EXIT.NOT_FOUND,
      errorCode: 'TOPIC_NOT_FOUND',
      message: `topic ${missing} does not exist`,
    });
    expect(error.hint).toMatch(/^check --roots-topic/);
  });
});
