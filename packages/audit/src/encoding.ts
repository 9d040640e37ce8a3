/**
 * The two byte encodings Vigil hashes and signs. Both are domain-separated by a NUL-terminated
 * ASCII tag, use fixed-width big-endian integers and length-prefixed strings, and so are
 * unambiguous: one byte string decodes to at most one value, and a leaf can never be confused
 * with a root.
 *
 * Leaf data, hashed with leafHash to form the Merkle leaves (vigil.leaf.v1):
 *
 *   size  field
 *   14    "vigil.leaf.v1\0"              ASCII tag
 *   2     u16be   T = topic length        1..249
 *   T     topic                           Kafka topic name (ASCII)
 *   4     u32be   partition               0..2^31-1
 *   8     u64be   offset                  0..2^63-1
 *   4     u32be   V = value length        0..2^32-1
 *   V     value                           the Kafka record value exactly as stored
 *
 * Signed root encoding, the Ed25519 message of a SealedRoot (vigil.sealed-root.v1):
 *
 *   size  field
 *   21    "vigil.sealed-root.v1\0"        ASCII tag
 *   4     u32be   version                 1
 *   2     u16be   T = topic length
 *   T     topic
 *   4     u32be   partition
 *   8     u64be   batchSequence
 *   8     u64be   firstOffset
 *   8     u64be   lastOffset
 *   8     u64be   leafCount
 *   32    rootHash
 *   32    prevRootHash
 *   8     u64be   sealedAt, epoch milliseconds UTC
 *   2     u16be   K = keyId length        1..128
 *   K     keyId                           ASCII, e.g. "ed25519:<32 hex>"
 *
 * Version 2 appends the partition's cumulative log (see log.ts), so the signature and the chain
 * hash cover it:
 *
 *   8     u64be   treeSize
 *   32    treeRoot
 *   1     u8      F = frontier hashes     popcount(treeSize), 0..53
 *   32*F  frontier                        largest subtree first
 *   4     u32be   C = checkpoint length
 *   C     checkpoint                      the signed note, UTF-8
 *
 * The version field sits at the same place in both, so no version-1 encoding is a version-2 one.
 *
 * key_id is signed so that a signature cannot be re-attributed to another key id. Protobuf is
 * deliberately not what gets signed: its encoding is not canonical (field order, default
 * omission, unknown fields), so re-encoding a decoded message need not give the signed bytes.
 */
import { AuditError } from './errors';
import { ByteWriter, MAX_U32, SIGNATURE_SIZE, concatBytes, isBytes, sha256 } from './bytes';
import { OFFSET_EXPECTED, parseOffset, partitionProblem, topicProblem } from './fields';
import { type SealedRootRecord, type UnsignedSealedRoot, unsignedRootProblem } from './root';

export const LEAF_DOMAIN_TAG = 'vigil.leaf.v1\0';
export const SEALED_ROOT_DOMAIN_TAG = 'vigil.sealed-root.v1\0';

export interface RecordPosition {
  topic: string;
  partition: number;
  /** A safe-integer number, a bigint or a decimal string (kafkajs hands out strings). */
  offset: number | bigint | string;
}

export function encodeLeafData(position: RecordPosition, value: Uint8Array): Uint8Array {
  if (typeof position !== 'object' || position === null) {
    throw new AuditError('INVALID_ARGUMENT', 'position must be an object');
  }
  const encoder = leafEncoder(position.topic, position.partition);
  if (parseOffset(position.offset) === undefined) {
    throw new AuditError('INVALID_ARGUMENT', `offset ${OFFSET_EXPECTED}`);
  }
  const out = Buffer.allocUnsafe(encoder.size(value));
  encoder.write(out, 0, position.offset, value);
  return out;
}

/** Writes leaf encodings of one topic-partition, whose fields are checked once. */
export interface LeafEncoder {
  /** The encoding's length for a record with this value (checked: INVALID_ARGUMENT). */
  size(value: Uint8Array): number;
  /** Writes the record's encoding into `out` at `at` (size(value) bytes); returns the end. */
  write(out: Buffer, at: number, offset: RecordPosition['offset'], value: Uint8Array): number;
}

/**
 * The leaf encoding, written in place: it runs once per sealed record, and assembling the parts
 * with a ByteWriter (seven buffers and a concat) cost more than hashing the result. A batch's
 * records share their topic and partition, so those are checked once, not per record.
 */
export function leafEncoder(topic: string, partition: number): LeafEncoder {
  const topicIssue = topicProblem(topic);
  if (topicIssue) throw new AuditError('INVALID_ARGUMENT', `topic ${topicIssue}`);
  const partitionIssue = partitionProblem(partition);
  if (partitionIssue) throw new AuditError('INVALID_ARGUMENT', `partition ${partitionIssue}`);
  // The topic is ASCII of at most 249 characters (topicProblem), so latin1 is its bytes.
  const fixed = LEAF_FIXED_BYTES + topic.length;
  return {
    size(value) {
      // A null (tombstone) value has no byte representation here; audit topics are never compacted.
      if (!isBytes(value)) throw new AuditError('INVALID_ARGUMENT', 'value must be a Uint8Array');
      if (value.length > MAX_U32) {
        throw new AuditError('INVALID_ARGUMENT', `value is longer than ${MAX_U32} bytes`);
      }
      return fixed + value.length;
    },
    write(out, at, offset, value) {
      const parsed = parseOffset(offset);
      if (parsed === undefined) {
        throw new AuditError('INVALID_ARGUMENT', `offset ${OFFSET_EXPECTED}`);
      }
      at += LEAF_TAG.copy(out, at);
      at = out.writeUInt16BE(topic.length, at);
      at += out.write(topic, at, 'latin1');
      at = out.writeUInt32BE(partition, at);
      at = out.writeBigUInt64BE(parsed, at);
      at = out.writeUInt32BE(value.length, at);
      out.set(value, at);
      return at + value.length;
    },
  };
}

const LEAF_TAG = Buffer.from(LEAF_DOMAIN_TAG, 'latin1');
/** Everything of a leaf encoding but the topic's and the value's bytes. */
const LEAF_FIXED_BYTES = LEAF_TAG.length + 2 + 4 + 8 + 4;

export interface DecodedLeaf {
  topic: string;
  partition: number;
  /** Decimal string, as Kafka clients hand offsets out. */
  offset: string;
  value: Uint8Array;
}

/**
 * The inverse of encodeLeafData, for proofs that carry the leaf data itself (a tlog-proof's extra
 * line): undefined unless `data` is exactly one well-formed vigil.leaf.v1 encoding, so that
 * decode(data) re-encodes to the same bytes and hence the same leaf hash.
 */
export function decodeLeafData(data: Uint8Array): DecodedLeaf | undefined {
  if (!isBytes(data)) return undefined;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const tag = LEAF_DOMAIN_TAG.length;
  if (buf.length < tag + 2 || buf.toString('latin1', 0, tag) !== LEAF_DOMAIN_TAG) return undefined;
  const topicLength = buf.readUInt16BE(tag);
  let at = tag + 2;
  if (buf.length < at + topicLength + 4 + 8 + 4) return undefined;
  const topic = buf.toString('latin1', at, at + topicLength);
  at += topicLength;
  const partition = buf.readUInt32BE(at);
  const offset = buf.readBigUInt64BE(at + 4);
  const valueLength = buf.readUInt32BE(at + 12);
  at += 16;
  if (buf.length !== at + valueLength) return undefined;
  if (topicProblem(topic) || partitionProblem(partition) || parseOffset(offset) === undefined) {
    return undefined;
  }
  return { topic, partition, offset: offset.toString(), value: new Uint8Array(buf.subarray(at)) };
}

export function canonicalRootBytes(root: UnsignedSealedRoot & { keyId: string }): Uint8Array {
  const problem = unsignedRootProblem(root, true);
  if (problem) {
    throw new AuditError('MALFORMED_ROOT', `sealed root ${problem.field} ${problem.reason}`);
  }
  const writer = new ByteWriter()
    .ascii(SEALED_ROOT_DOMAIN_TAG)
    .u32(root.version)
    .lengthPrefixed16(Buffer.from(root.topic, 'latin1'))
    .u32(root.partition)
    .u64(root.batchSequence)
    .u64(root.firstOffset)
    .u64(root.lastOffset)
    .u64(root.leafCount)
    .bytes(root.rootHash)
    .bytes(root.prevRootHash)
    .u64(root.sealedAtMillis)
    .lengthPrefixed16(Buffer.from(root.keyId, 'latin1'));
  const log = root.log;
  if (log) {
    const checkpoint = Buffer.from(log.checkpoint, 'utf8');
    writer.u64(log.treeSize).bytes(log.treeRoot).bytes(Uint8Array.of(log.frontier.length));
    for (const hash of log.frontier) writer.bytes(hash);
    writer.u32(checkpoint.length).bytes(checkpoint);
  }
  return writer.finish();
}

/**
 * SHA-256(canonicalRootBytes(root) || signature): the link of the hash chain. The next root of
 * the topic-partition carries it as prevRootHash. Covering the signature as well means a chain
 * commits to exactly the signed roots that were published, not merely to their contents.
 */
export function sealedRootHash(root: SealedRootRecord): Uint8Array {
  const bytes = canonicalRootBytes(root);
  if (!isBytes(root.signature) || root.signature.length !== SIGNATURE_SIZE) {
    throw new AuditError(
      'MALFORMED_ROOT',
      `sealed root signature must be a ${SIGNATURE_SIZE}-byte Ed25519 signature`,
    );
  }
  return sha256(concatBytes([bytes, root.signature]));
}
