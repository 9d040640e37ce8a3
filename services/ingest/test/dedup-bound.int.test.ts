/**
 * The dedup bound (issue #10): an accepted event's id is remembered until a retry of it can no
 * longer be accepted, so a retry is answered with the original receipt or refused as too old,
 * never stored twice, whatever its occurred_at. Before, receipts lived 10 minutes while events
 * were accepted 24 hours old, and a retry after 10 minutes was stored again.
 *
 * The skews are shrunk to seconds so the whole life of an id fits in the test: events are
 * accepted up to 4 s old (and 1 s ahead).
 */
import type { Admin, Kafka } from 'kafkajs';
import type Redis from 'ioredis';
import { IngestCallError } from '@vigil/client';
import { createTestTopics, testKafka, testRedis, uniqueName } from '../../../test/support/infra';
import { accessEvent, countRecords, startIngest, testEnv, type RunningIngest } from './support';

const PAST_MS = 4_000;
const FUTURE_MS = 1_000;

describe('dedup holds for as long as a retry can be accepted', () => {
  const topic = uniqueName('dedup-bound');
  let kafka: Kafka;
  let admin: Admin;
  let redis: Redis;
  let ingest: RunningIngest;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
    redis = testRedis();
    ingest = await startIngest(
      testEnv(topic, {
        INGEST_CLOCK_SKEW_PAST_MS: String(PAST_MS),
        INGEST_CLOCK_SKEW_FUTURE_MS: String(FUTURE_MS),
      }),
    );
  });

  afterAll(async () => {
    await ingest?.stop();
    const keys = await redis.keys(`${ingest.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  /** Retries `event` every 100 ms until well after its id is forgotten; what each got. */
  async function retryUntilForgotten(event: ReturnType<typeof accessEvent>, untilMs: number) {
    const client = ingest.client();
    const answers: string[] = [];
    while (Date.now() < untilMs) {
      try {
        const receipt = await client.publish(event);
        answers.push(receipt.duplicate ? 'duplicate' : 'STORED AGAIN');
      } catch (err) {
        if (!(err instanceof IngestCallError)) throw err;
        const tooOld = err.violations.some((v) => v.reason === 'TOO_FAR_IN_PAST');
        answers.push(tooOld ? 'too old' : `refused ${err.reason}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return answers;
  }

  it.each([
    ['at the edge of the bound (accepted with 300 ms to spare)', PAST_MS - 300],
    ['in the middle of it', PAST_MS / 2],
    ['dated ahead of the server clock', -FUTURE_MS / 2],
  ])(
    'a retry is a duplicate or too old, never stored twice: %s',
    async (_name, ageMs) => {
      const occurredMs = Date.now() - ageMs;
      const event = accessEvent({
        eventId: uniqueName('retry'),
        occurredAt: { seconds: Math.floor(occurredMs / 1000), nanos: (occurredMs % 1000) * 1e6 },
      });
      const before = await countRecords(admin, topic);
      const first = await ingest.client().publish(event);
      expect(first.duplicate).toBe(false);

      // Past the end of acceptance, and past the id's expiry (one future skew later), by a second.
      const answers = await retryUntilForgotten(event, occurredMs + PAST_MS + FUTURE_MS + 1_000);
      expect(answers).not.toContain('STORED AGAIN');
      expect(answers.filter((a) => a !== 'duplicate' && a !== 'too old')).toEqual([]);
      // Once too old, always too old: the id outlives acceptance, never the other way round.
      const firstTooOld = answers.indexOf('too old');
      expect(firstTooOld).toBeGreaterThanOrEqual(0);
      expect(answers.slice(firstTooOld).every((a) => a === 'too old')).toBe(true);
      expect(await countRecords(admin, topic)).toBe(before + 1);
    },
    30_000,
  );

  it('keeps the id exactly as long as a retry is accepted, plus the future skew', async () => {
    const occurredMs = Date.now() - 1_000;
    const eventId = uniqueName('ttl');
    await ingest.client().publish(
      accessEvent({
        eventId,
        occurredAt: { seconds: Math.floor(occurredMs / 1000), nanos: (occurredMs % 1000) * 1e6 },
      }),
    );
    const [key] = await redis.keys(`${ingest.prefix}:*${eventId}`);
    const ttl = await redis.pttl(key as string);
    // occurred_at + past + future − now, give or take the time the call took.
    const expected = occurredMs + PAST_MS + FUTURE_MS - Date.now();
    expect(Math.abs(ttl - expected)).toBeLessThan(500);
  });
});
