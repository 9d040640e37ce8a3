import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import type { ReadBatch, ReadToEndOptions } from '@vigil/runtime';
import { CliError, EXIT } from '../src/exit-codes';
import { readBatchRecords, readRecords } from '../src/audit/sealed-log';

// readTopicToEnd is the Kafka side; here it replays scripted fetches.
let fetches: ReadBatch[] = [];
let asked: ReadToEndOptions | undefined;
jest.mock('@vigil/runtime', () => ({
  readTopicToEnd: async (options: ReadToEndOptions) => {
    asked = options;
    for (const batch of fetches) await options.onBatch(batch);
  },
}));

const kafka = {} as Kafka;
const admin = {} as Admin;
const message = (offset: number, value: string | null): KafkaMessage =>
  ({ offset: String(offset), value: value === null ? null : Buffer.from(value) }) as KafkaMessage;
const fetch = (partition: number, messages: KafkaMessage[]): ReadBatch => ({
  topic: 'access-events',
  partition,
  highWatermark: '100',
  messages,
});

describe('readRecords', () => {
  it('passes each fetch on as it comes, partitions interleaved, null values as empty bytes', async () => {
    fetches = [
      fetch(0, [message(0, 'a'), message(2, 'b')]),
      fetch(1, [message(5, null)]),
      fetch(0, [message(3, 'c')]),
    ];
    const seen: [number, number[]][] = [];
    await readRecords(kafka, admin, 'access-events', (partition, records) => {
      seen.push([partition, records.map((r) => r.offset)]);
      if (partition === 1) expect(records[0]?.value).toEqual(Buffer.alloc(0));
    });
    expect(seen).toEqual([
      [0, [0, 2]],
      [1, [5]],
      [0, [3]],
    ]);
  });

  it('fails the read when a partition repeats or steps back, rather than pass it on', async () => {
    for (const again of [2, 1]) {
      fetches = [fetch(0, [message(1, 'a'), message(2, 'b')]), fetch(0, [message(again, 'b')])];
      const read = readRecords(kafka, admin, 'access-events', () => undefined);
      await expect(read).rejects.toThrow(CliError);
      await expect(read).rejects.toMatchObject({
        exitCode: EXIT.UNAVAILABLE,
        message: `reading access-events/0: Kafka delivered offset ${again} after offset 2`,
      });
    }
  });
});

describe('readBatchRecords', () => {
  const batch = { topic: 'access-events', partition: 2, firstOffset: 10, lastOffset: 13 };

  it("reads the batch's partition from its first offset through its last, and finds the record", async () => {
    // Offset 11 is a transaction marker: no record, so the batch's second record is at 12.
    fetches = [fetch(2, [message(10, 'a'), message(12, 'b'), message(13, 'c')])];
    const { records, index, record } = await readBatchRecords(kafka, admin, batch, 12);
    expect(asked).toMatchObject({
      topic: 'access-events',
      partitions: [2],
      startOffsets: new Map([[2, 10]]),
      endOffsets: new Map([[2, 14]]),
    });
    expect(records.map((r) => r.offset)).toEqual([10, 12, 13]);
    expect(index).toBe(1);
    expect(record.value).toEqual(Buffer.from('b'));
  });

  it('says there is no record at an offset inside the batch that holds none', async () => {
    fetches = [fetch(2, [message(10, 'a'), message(12, 'b'), message(13, 'c')])];
    const read = readBatchRecords(kafka, admin, batch, 11);
    await expect(read).rejects.toThrow(CliError);
    await expect(read).rejects.toMatchObject({
      exitCode: EXIT.NOT_FOUND,
      message: 'access-events/2 has no record at offset 11',
    });
  });
});
