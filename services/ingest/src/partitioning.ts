/**
 * Kafka's default partitioner for keyed records (murmur2 of the key bytes, made positive, modulo
 * the partition count), byte for byte as the Java client and kafkajs's DefaultPartitioner do it.
 * Ingest picks partitions itself so it knows which partition, and thus which offset, each record
 * of a batch got; using the same function keeps user -> partition identical to any other
 * producer of the topic.
 */
export function partitionForKey(key: string | Buffer, numPartitions: number): number {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  return (murmur2(bytes) & 0x7fffffff) % numPartitions;
}

/** MurmurHash2 (32-bit, seed 0x9747b28c) as in org.apache.kafka.common.utils.Utils#murmur2. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  let h = 0x9747b28c ^ length;
  const blocks = length >>> 2;
  for (let i = 0; i < blocks; i++) {
    const j = i * 4;
    let k =
      (data[j] as number) |
      ((data[j + 1] as number) << 8) |
      ((data[j + 2] as number) << 16) |
      ((data[j + 3] as number) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = blocks * 4;
  const rest = length & 3;
  if (rest === 3) h ^= (data[tail + 2] as number) << 16;
  if (rest >= 2) h ^= (data[tail + 1] as number) << 8;
  if (rest >= 1) {
    h ^= data[tail] as number;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
