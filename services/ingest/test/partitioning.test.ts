import { partitionForKey } from '../src/partitioning';

describe('Kafka default partitioning', () => {
  // murmur2 vectors from Kafka's own UtilsTest#testMurmur2 (Java client): the partition is the
  // hash made positive, modulo the partition count.
  const positive = (hash: number) => hash & 0x7fffffff;
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('maps %j where the Java client does (murmur2 = %i)', (key, hash) => {
    for (const partitions of [1, 3, 6, 10, 64]) {
      expect(partitionForKey(key, partitions)).toBe(positive(hash) % partitions);
      expect(partitionForKey(Buffer.from(key), partitions)).toBe(positive(hash) % partitions);
    }
  });

  it('hashes the UTF-8 bytes of the key', () => {
    expect(partitionForKey('zoë', 12)).toBe(partitionForKey(Buffer.from('zoë', 'utf8'), 12));
  });

  it('refuses a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('a', 0)).toThrow(/numPartitions/);
    expect(() => partitionForKey('a', 1.5)).toThrow(/numPartitions/);
  });
});
