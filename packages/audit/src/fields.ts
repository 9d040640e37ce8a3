/**
 * Validation of the Kafka coordinates shared by leaves, sealed roots and bundles. Each check
 * returns a reason (for the caller's error, which knows the field name) or undefined when valid.
 */
import { MAX_I64, asUintBig } from './bytes';

/** Kafka's own topic rule (kafka.common.internals.Topic): 1-249 of [a-zA-Z0-9._-], not . or .. */
const TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;

export function topicProblem(topic: unknown): string | undefined {
  if (typeof topic !== 'string') return 'must be a string';
  if (!TOPIC.test(topic) || topic === '.' || topic === '..') {
    return 'must be a Kafka topic name: 1-249 characters of [a-zA-Z0-9._-], not "." or ".."';
  }
  return undefined;
}

export const MAX_PARTITION = 2 ** 31 - 1;

export function partitionProblem(partition: unknown): string | undefined {
  if (typeof partition !== 'number' || !Number.isInteger(partition)) return 'must be an integer';
  if (partition < 0 || partition > MAX_PARTITION) return `must be in 0..${MAX_PARTITION}`;
  return undefined;
}

/**
 * A Kafka offset (int64, never negative) given as a safe-integer number, a bigint or a canonical
 * decimal string; undefined when it is not one.
 */
export function parseOffset(offset: unknown): bigint | undefined {
  const big = asUintBig(offset);
  return big !== undefined && big <= MAX_I64 ? big : undefined;
}

export const OFFSET_EXPECTED =
  'must be a Kafka offset: an integer in 0..2^63-1 as a safe-integer number, bigint or decimal string';

/** Key ids are printable ASCII, so they can be echoed in messages and logs safely. */
const KEY_ID = /^[\x21-\x7e]{1,128}$/;

export function keyIdProblem(keyId: unknown): string | undefined {
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) {
    return 'must be 1-128 printable ASCII characters';
  }
  return undefined;
}
