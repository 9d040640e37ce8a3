/**
 * Reads back what the hostile-input suite left on a topic: the records written since a baseline of
 * high watermarks, and whether they are exactly the ones callers were told were stored.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { vigil } from '@vigil/proto';
import { waitFor } from '../../support/infra';

export async function topicHighWatermarks(
  kafka: Kafka,
  topic: string,
): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

interface StoredRecord {
  partition: number;
  offset: number;
  value: Buffer;
  headerEventId: string | undefined;
}

async function readRecords(
  kafka: Kafka,
  topic: string,
  from: Map<number, number>,
  to: Map<number, number>,
): Promise<StoredRecord[]> {
  const records: StoredRecord[] = [];
  const pending = new Set([...to].filter(([p, high]) => high > (from.get(p) ?? 0)).map(([p]) => p));
  if (pending.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `hostile-readback-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const offset = Number(message.offset);
        if (offset < (from.get(partition) ?? 0) || offset >= (to.get(partition) ?? 0)) return;
        const header = message.headers?.['vigil-event-id'];
        const first = Array.isArray(header) ? header[0] : header;
        records.push({
          partition,
          offset,
          value: message.value ?? Buffer.alloc(0),
          headerEventId: first?.toString(),
        });
        if (offset === (to.get(partition) ?? 0) - 1) pending.delete(partition);
      },
    });
    await waitFor(
      `the new ${topic} records to be read back`,
      () => pending.size === 0,
      60_000,
      100,
    );
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/**
 * Checks that `topic` grew, since `before`, by exactly the records whose event ids are in
 * `acknowledged`, each decodable; returns them by event id.
 */
export async function checkTopicHoldsExactly(
  kafka: Kafka,
  topic: string,
  before: Map<number, number>,
  acknowledged: ReadonlySet<string>,
  failures: string[],
): Promise<Map<string, vigil.v1.AccessEvent>> {
  const after = await topicHighWatermarks(kafka, topic);
  const grown = [...after].reduce((sum, [p, high]) => sum + high - (before.get(p) ?? 0), 0);
  if (grown !== acknowledged.size) {
    failures.push(
      `${topic} grew by ${grown} records, but ${acknowledged.size} were acknowledged to callers`,
    );
  }
  const stored = new Map<string, vigil.v1.AccessEvent>();
  for (const record of await readRecords(kafka, topic, before, after)) {
    try {
      const event = vigil.v1.AccessEvent.decode(record.value);
      stored.set(event.eventId, event);
    } catch (err) {
      failures.push(
        `${topic} ${record.partition}@${record.offset} (event ${record.headerEventId ?? '?'}) ` +
          `is not a decodable AccessEvent: ${(err as Error).message}`,
      );
      if (record.headerEventId) stored.set(record.headerEventId, vigil.v1.AccessEvent.create());
    }
  }
  const leaked = [...stored.keys()].filter((id) => !acknowledged.has(id));
  if (leaked.length > 0)
    failures.push(`${topic}: stored but never acknowledged: ${leaked.slice(0, 10).join(', ')}`);
  const missing = [...acknowledged].filter((id) => !stored.has(id));
  if (missing.length > 0)
    failures.push(`${topic}: acknowledged but not found: ${missing.slice(0, 10).join(', ')}`);
  return stored;
}
