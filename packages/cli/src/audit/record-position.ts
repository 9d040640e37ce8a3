import type { Admin } from 'kafkajs';
import { CliError, EXIT } from '../exit-codes';

/** Where a partition's records are now: `low` is the first offset kept, `high` the next one. */
export interface PartitionOffsets {
  low: number;
  high: number;
}

const describeHint =
  'a Kafka principal sees only the topics it may describe (secure mode: the auditor ACLs in deploy/kafka/acls.txt)';

/** A TOPIC_NOT_FOUND error when `topic` is not among `topics`, naming the flag that gave it. */
export function missingTopic(
  topic: string,
  topics: ReadonlySet<string>,
  flag: string,
): CliError | undefined {
  if (topics.has(topic)) return undefined;
  return new CliError(
    `topic ${topic} does not exist`,
    EXIT.NOT_FOUND,
    `check ${flag}; ${describeHint}`,
    'TOPIC_NOT_FOUND',
  );
}

/**
 * Why there can be no record at topic/partition/offset, judged from Kafka's metadata, or
 * undefined when there may be one. This is what tells "does not exist" (exit 4, give up) from
 * "not sealed yet" (exit 6, retry): before, both said "not sealed yet, retry".
 *
 * `partitions` is the topic's partitions with their offsets, absent when the topic is not in
 * `topics`.
 */
export function recordPositionProblem(
  position: { topic: string; partition: number; offset: number },
  topics: ReadonlySet<string>,
  partitions: ReadonlyMap<number, PartitionOffsets> | undefined,
): CliError | undefined {
  const { topic, partition, offset } = position;
  const missing = missingTopic(topic, topics, '--topic');
  if (missing) return missing;
  if (partitions === undefined) throw new Error(`no partitions given for topic ${topic}`);
  const offsets = partitions.get(partition);
  if (offsets === undefined) {
    const count = partitions.size;
    return new CliError(
      `topic ${topic} has no partition ${partition} (it has ${count}: ${count === 1 ? '0' : `0..${count - 1}`})`,
      EXIT.NOT_FOUND,
      'check --partition',
      'PARTITION_NOT_FOUND',
    );
  }
  if (offset >= offsets.high) {
    return new CliError(
      `${topic}/${partition} has no offset ${offset}: ${offsets.high === 0 ? 'the partition is empty' : `its last offset is ${offsets.high - 1}`}`,
      EXIT.NOT_FOUND,
      'check --offset (a receipt from `vigil events send` names topic, partition and offset)',
      'OFFSET_NOT_FOUND',
    );
  }
  if (offset < offsets.low) {
    return new CliError(
      `${topic}/${partition} offset ${offset} is no longer stored: the partition starts at offset ${offsets.low} (retention deleted older records)`,
      EXIT.NOT_FOUND,
      'a proof needs the record itself; prove it from a copy of the log, or keep sealed topics longer',
      'OFFSET_NOT_FOUND',
    );
  }
  return undefined;
}

/** Kafka's view of one topic: whether it exists, its partitions and their offsets. */
export async function topicLayout(
  admin: Admin,
  topic: string,
): Promise<{ topics: Set<string>; partitions: Map<number, PartitionOffsets> | undefined }> {
  const topics = new Set(await admin.listTopics());
  if (!topics.has(topic)) return { topics, partitions: undefined };
  const offsets = await admin.fetchTopicOffsets(topic);
  return {
    topics,
    partitions: new Map(
      offsets.map((o) => [o.partition, { low: Number(o.low), high: Number(o.high) }]),
    ),
  };
}
