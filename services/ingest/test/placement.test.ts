import { placeRecords } from '../src/publisher';

const ack = (partition: number, baseOffset: string, errorCode = 0) => ({
  topicName: 't',
  partition,
  errorCode,
  baseOffset,
});

describe('placeRecords', () => {
  it('numbers the records of each partition from its base offset, in send order', () => {
    const records = [0, 1, 0, 2, 0, 1].map((partition) => ({ partition }));
    expect(placeRecords('t', records, [ack(1, '7'), ack(0, '100'), ack(2, '0')])).toEqual([
      { topic: 't', partition: 0, offset: 100 },
      { topic: 't', partition: 1, offset: 7 },
      { topic: 't', partition: 0, offset: 101 },
      { topic: 't', partition: 2, offset: 0 },
      { topic: 't', partition: 0, offset: 102 },
      { topic: 't', partition: 1, offset: 8 },
    ]);
  });

  it('refuses to invent offsets for partitions that were not acknowledged', () => {
    expect(() => placeRecords('t', [{ partition: 3 }], [ack(0, '1')])).toThrow(
      /no acknowledgement/,
    );
    expect(() => placeRecords('t', [{ partition: 0 }], [ack(0, '-1', 6)])).toThrow(/error code 6/);
  });
});
