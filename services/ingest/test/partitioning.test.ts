import { murmur2, partitionForKey } from '../src/partitioning';

describe('Kafka default partitioning', () => {
  // Vectors from Kafka's own UtilsTest#testMurmur2 (Java client).
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%j) = %i', (key, hash) => {
    expect(murmur2(Buffer.from(key))).toBe(hash);
  });

  it('maps a key to the partition the Java client and kafkajs would choose', () => {
    expect(partitionForKey('foobar', 6)).toBe((-790332482 & 0x7fffffff) % 6);
    expect(partitionForKey('21', 3)).toBe((-973932308 & 0x7fffffff) % 3);
    expect(partitionForKey(Buffer.from('abc'), 1)).toBe(0);
  });

  it('hashes the UTF-8 bytes of the key', () => {
    expect(partitionForKey('zoë', 12)).toBe(partitionForKey(Buffer.from('zoë', 'utf8'), 12));
  });
});
