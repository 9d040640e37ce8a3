/**
 * vigil.v1.SealedRoot (wire) <-> SealedRootRecord. Decoding validates everything the signed
 * encoding needs, so a record that comes out of fromProtoSealedRoot can always be hashed and
 * verified; whether it verifies is the signature's business. encodeSealedRoot/decodeSealedRoot
 * are the bytes of a sealed-roots record: the one codec the sealer writes and every reader reads.
 */
import { millisFromTimestamp, timestampFromMillis, vigil } from '@vigil/proto';
import { AuditError } from './errors';
import { copyBytes, isBytes } from './bytes';
import { type SealedRootRecord, sealedRootProblem } from './root';

/** The value of a sealed-roots record. Throws MALFORMED_ROOT for a root that could not verify. */
export function encodeSealedRoot(record: SealedRootRecord): Buffer {
  return Buffer.from(vigil.v1.SealedRoot.encode(toProtoSealedRoot(record)).finish());
}

/**
 * A sealed-roots record's value as a root. Anything else, bytes that are not protobuf included,
 * is MALFORMED_ROOT, so a reader needs one catch for every kind of unreadable record.
 */
export function decodeSealedRoot(bytes: Uint8Array): SealedRootRecord {
  let msg: vigil.v1.SealedRoot;
  try {
    msg = vigil.v1.SealedRoot.decode(bytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AuditError('MALFORMED_ROOT', `sealed root is not protobuf (${reason})`);
  }
  return fromProtoSealedRoot(msg);
}

export function toProtoSealedRoot(record: SealedRootRecord): vigil.v1.ISealedRoot {
  const problem = sealedRootProblem(record);
  if (problem) {
    throw new AuditError('MALFORMED_ROOT', `sealed root ${problem.field} ${problem.reason}`);
  }
  return vigil.v1.SealedRoot.create({
    version: record.version,
    topic: record.topic,
    partition: record.partition,
    batchSequence: record.batchSequence,
    firstOffset: record.firstOffset,
    lastOffset: record.lastOffset,
    leafCount: record.leafCount,
    rootHash: copyBytes(record.rootHash),
    prevRootHash: copyBytes(record.prevRootHash),
    sealedAt: timestampFromMillis(record.sealedAtMillis),
    keyId: record.keyId,
    signature: copyBytes(record.signature),
    ...(record.log && {
      treeSize: record.log.treeSize,
      treeRoot: copyBytes(record.log.treeRoot),
      treeFrontier: record.log.frontier.map(copyBytes),
      checkpoint: record.log.checkpoint,
    }),
  });
}

export function fromProtoSealedRoot(msg: vigil.v1.ISealedRoot): SealedRootRecord {
  if (typeof msg !== 'object' || msg === null) {
    throw new AuditError('MALFORMED_ROOT', 'sealed root must be a vigil.v1.SealedRoot message');
  }
  const sealedAtMillis = sealedAtFromProto(msg.sealedAt);
  const bytes = (value: unknown): Uint8Array =>
    // Decoded bytes are views into the decoder's buffer; copying detaches them from it.
    isBytes(value) ? copyBytes(value) : (value as Uint8Array);
  const record: SealedRootRecord = {
    version: int64(msg.version),
    topic: msg.topic as string,
    partition: msg.partition as number,
    batchSequence: int64(msg.batchSequence),
    firstOffset: int64(msg.firstOffset),
    lastOffset: int64(msg.lastOffset),
    leafCount: int64(msg.leafCount),
    rootHash: bytes(msg.rootHash),
    prevRootHash: bytes(msg.prevRootHash),
    sealedAtMillis,
    keyId: msg.keyId as string,
    signature: bytes(msg.signature),
  };
  const treeSize = int64(msg.treeSize ?? 0);
  const hasLog =
    treeSize !== 0 ||
    (msg.treeRoot?.length ?? 0) > 0 ||
    (msg.treeFrontier?.length ?? 0) > 0 ||
    (msg.checkpoint ?? '') !== '';
  // proto3 cannot tell an absent field from a default one: a version-1 root has all four at their
  // defaults, and any of them set makes it a root with a log (which version 1 refuses).
  if (hasLog) {
    record.log = {
      treeSize,
      treeRoot: bytes(msg.treeRoot),
      frontier: (msg.treeFrontier ?? []).map(bytes),
      checkpoint: msg.checkpoint as string,
    };
  }
  const problem = sealedRootProblem(record);
  if (problem) {
    throw new AuditError('MALFORMED_ROOT', `sealed root ${snake(problem.field)} ${problem.reason}`);
  }
  return record;
}

// int64 fields arrive as numbers from the generated decoder, but as decimal strings from proto3
// JSON (toObject with longs: String); both are accepted, and validation happens afterwards.
function int64(value: unknown): number {
  if (typeof value === 'string' && /^(?:0|[1-9][0-9]{0,15})$/.test(value)) return Number(value);
  return value as number;
}

function sealedAtFromProto(ts: vigil.v1.ISealedRoot['sealedAt']): number {
  if (ts === null || ts === undefined) {
    throw new AuditError('MALFORMED_ROOT', 'sealed root sealed_at is missing');
  }
  const seconds = int64(ts.seconds ?? 0);
  const nanos = ts.nanos ?? 0;
  // The signature covers milliseconds; finer precision would be silently dropped, so two
  // different wire roots would verify as one.
  if (
    !Number.isSafeInteger(seconds) ||
    !Number.isInteger(nanos) ||
    nanos < 0 ||
    nanos >= 1e9 ||
    nanos % 1e6 !== 0
  ) {
    throw new AuditError(
      'MALFORMED_ROOT',
      'sealed root sealed_at must be a valid timestamp with millisecond precision',
    );
  }
  const ms = millisFromTimestamp({ seconds, nanos }) as number;
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new AuditError('MALFORMED_ROOT', 'sealed root sealed_at must not be before 1970');
  }
  return ms;
}

const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
