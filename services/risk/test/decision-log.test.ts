import { Writable } from 'node:stream';
import { vigil } from '@vigil/proto';
import { createLogger } from '@vigil/runtime';
import type { Producer, ProducerRecord } from 'kafkajs';
import { Registry } from 'prom-client';
import { DecisionLog } from '../src/authz/decision-log';
import { RiskMetrics } from '../src/metrics';

const logger = createLogger({
  service: 'test',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

/** A stand-in for the Kafka producer whose acknowledgements the test releases by hand. */
class ManualProducer {
  readonly sent: ProducerRecord[] = [];
  private pending: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];

  send(record: ProducerRecord): Promise<[]> {
    this.sent.push(record);
    return new Promise((resolve, reject) =>
      this.pending.push({ resolve: () => resolve([]), reject }),
    );
  }
  ack(): void {
    this.pending.shift()?.resolve();
  }
  fail(): void {
    this.pending.shift()?.reject(new Error('broker gone'));
  }
  get waiting(): number {
    return this.pending.length;
  }
}

const record = (id: string): vigil.v1.IAuthzDecision => ({
  decisionId: id,
  decision: vigil.v1.Decision.DECISION_ALLOW,
});
const idsIn = (r: ProducerRecord) =>
  r.messages.map((m) => vigil.v1.AuthzDecision.decode(m.value as Buffer).decisionId);
/** Polls (the log retries after a real backoff of 100 ms) with a deadline. */
const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  expect(condition()).toBe(true);
};

function setup(maxBuffered: number) {
  const producer = new ManualProducer();
  const log = new DecisionLog({
    producer: producer as unknown as Producer,
    topic: 'decisions',
    maxBuffered,
    logger,
    metrics: new RiskMetrics(new Registry()),
  });
  return { producer, log };
}

describe('decision log', () => {
  it('batches decisions made in the same turn into one produce request, keyed by user', async () => {
    const { producer, log } = setup(10);
    expect(log.offer('alice', 1, record('d1'))).toBe(true);
    expect(log.offer('bob', 2, record('d2'))).toBe(true);
    await until(() => producer.waiting === 1);
    expect(producer.sent).toHaveLength(1);
    expect(producer.sent[0]?.messages.map((m) => m.key)).toEqual(['alice', 'bob']);
    expect(producer.sent[0]?.acks).toBe(-1);
    producer.ack();
    await log.flush();
    expect(log.depth).toBe(0);
  });

  it('refuses decisions once the buffer is full of unacknowledged ones', async () => {
    const { producer, log } = setup(3);
    expect([1, 2, 3].map((i) => log.offer('u', i, record(`d${i}`)))).toEqual([true, true, true]);
    await until(() => producer.waiting === 1);
    expect(log.offer('u', 4, record('d4'))).toBe(false);
    expect(log.depth).toBe(3);
    producer.ack();
    await until(() => log.depth === 0);
    expect(log.offer('u', 5, record('d5'))).toBe(true);
  });

  it('never drops a batch that failed: it is retried first, in order', async () => {
    const { producer, log } = setup(10);
    log.offer('u', 1, record('d1'));
    await until(() => producer.waiting === 1);
    log.offer('u', 2, record('d2'));
    producer.fail();
    await until(() => producer.waiting === 1);
    producer.ack();
    await log.flush();
    expect(producer.sent.map(idsIn)).toEqual([['d1'], ['d1', 'd2']]);
  });

  it('close() stops taking decisions and resolves once the buffer is published', async () => {
    const { producer, log } = setup(10);
    log.offer('u', 1, record('d1'));
    const closed = log.close();
    expect(log.offer('u', 2, record('d2'))).toBe(false);
    await until(() => producer.waiting === 1);
    let done = false;
    void closed.then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    producer.ack();
    await closed;
  });
});
