import { Partitioners, type PartitionMetadata } from 'kafkajs';

/**
 * Kafka's default partitioner for keyed records, as kafkajs implements it (murmur2 of the key
 * bytes, made positive, modulo the partition count, byte for byte as the Java client does).
 * Ingest picks partitions itself so it knows which partition, and thus which offset, each record
 * of a batch got; asking the client library's own partitioner keeps user -> partition identical
 * to every other producer of the topic, the sealer's included.
 */
const kafkaPartitioner = Partitioners.DefaultPartitioner();

/** A keyed record's partition depends only on the partition count, so one table per count. */
const metadataByCount = new Map<number, PartitionMetadata[]>();

function metadataFor(numPartitions: number): PartitionMetadata[] {
  let metadata = metadataByCount.get(numPartitions);
  if (!metadata) {
    metadata = Array.from({ length: numPartitions }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 0,
      replicas: [0],
      isr: [0],
    }));
    metadataByCount.set(numPartitions, metadata);
  }
  return metadata;
}

export function partitionForKey(key: string | Buffer, numPartitions: number): number {
  if (!Number.isSafeInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a positive integer (got ${numPartitions})`);
  }
  return kafkaPartitioner({
    topic: '',
    partitionMetadata: metadataFor(numPartitions),
    message: { key, value: null },
  });
}
