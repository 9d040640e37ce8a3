/**
 * The sealed root as Vigil code handles it: one signed RFC 6962 root over a batch of records of
 * one topic-partition. The wire form is vigil.v1.SealedRoot (see proto.ts); what is signed is
 * canonicalRootBytes (see encoding.ts).
 */
import { HASH_SIZE, SIGNATURE_SIZE, MAX_U32, asSafeUint, bytesEqual, isBytes } from './bytes';
import { keyIdProblem, partitionProblem, topicProblem } from './fields';
import { ZERO_HASH } from './merkle';

/** The only version of the signed encoding this library produces and verifies. */
export const SEALED_ROOT_VERSION = 1;

export interface UnsignedSealedRoot {
  version: number;
  topic: string;
  partition: number;
  /** 0 for the first batch of a topic-partition, then +1 per batch. */
  batchSequence: number;
  firstOffset: number;
  lastOffset: number;
  leafCount: number;
  rootHash: Uint8Array;
  /** sealedRootHash of the previous root of the topic-partition; ZERO_HASH for batch 0. */
  prevRootHash: Uint8Array;
  /** Epoch milliseconds, UTC. */
  sealedAtMillis: number;
}

export type SealedRootRecord = UnsignedSealedRoot & { keyId: string; signature: Uint8Array };

export interface FieldProblem {
  field: string;
  reason: string;
}

const UINT_FIELDS = [
  'batchSequence',
  'firstOffset',
  'lastOffset',
  'leafCount',
  'sealedAtMillis',
] as const;

/**
 * First structural problem of a root to be encoded: every field present, of the right type and
 * representable in canonicalRootBytes. Says nothing about whether the values make sense together
 * (see rootInvariantProblem).
 */
export function unsignedRootProblem(root: unknown, withKeyId: boolean): FieldProblem | undefined {
  if (typeof root !== 'object' || root === null)
    return { field: 'root', reason: 'must be an object' };
  const r = root as Record<string, unknown>;
  if (r.version !== SEALED_ROOT_VERSION) {
    const reason =
      typeof r.version === 'number' &&
      Number.isInteger(r.version) &&
      r.version >= 0 &&
      r.version <= MAX_U32
        ? `unsupported version ${r.version} (this library handles version ${SEALED_ROOT_VERSION})`
        : 'must be an unsigned 32-bit integer';
    return { field: 'version', reason };
  }
  const topic = topicProblem(r.topic);
  if (topic) return { field: 'topic', reason: topic };
  const partition = partitionProblem(r.partition);
  if (partition) return { field: 'partition', reason: partition };
  for (const field of UINT_FIELDS) {
    if (asSafeUint(r[field]) === undefined) {
      return { field, reason: 'must be a non-negative safe integer' };
    }
  }
  for (const field of ['rootHash', 'prevRootHash'] as const) {
    const value = r[field];
    if (!isBytes(value) || value.length !== HASH_SIZE) {
      return { field, reason: `must be a ${HASH_SIZE}-byte Uint8Array` };
    }
  }
  if (withKeyId) {
    const keyId = keyIdProblem(r.keyId);
    if (keyId) return { field: 'keyId', reason: keyId };
  }
  return undefined;
}

export function sealedRootProblem(root: unknown): FieldProblem | undefined {
  const problem = unsignedRootProblem(root, true);
  if (problem) return problem;
  const signature = (root as Record<string, unknown>).signature;
  if (!isBytes(signature) || signature.length !== SIGNATURE_SIZE) {
    return { field: 'signature', reason: `must be a ${SIGNATURE_SIZE}-byte Ed25519 signature` };
  }
  return undefined;
}

export type InvariantKind = 'BAD_OFFSETS' | 'BAD_LEAF_COUNT' | 'BAD_PREV_HASH';

/**
 * What must hold within one well-formed root: a non-empty offset range, between 1 and
 * (lastOffset - firstOffset + 1) leaves (fewer when transaction markers or compaction left offset
 * holes; exactly that many when `contiguous`), and a zero prevRootHash exactly for batch 0.
 */
export function rootInvariantProblem(
  root: UnsignedSealedRoot,
  contiguous = false,
): { kind: InvariantKind; reason: string } | undefined {
  if (root.firstOffset > root.lastOffset) {
    return {
      kind: 'BAD_OFFSETS',
      reason: `firstOffset ${root.firstOffset} is after lastOffset ${root.lastOffset}`,
    };
  }
  const span = root.lastOffset - root.firstOffset + 1;
  if (root.leafCount < 1 || root.leafCount > span || (contiguous && root.leafCount !== span)) {
    return {
      kind: 'BAD_LEAF_COUNT',
      reason: contiguous
        ? `leafCount ${root.leafCount} != lastOffset - firstOffset + 1 = ${span}`
        : `leafCount ${root.leafCount} is not within 1..${span} (offsets ${root.firstOffset}..${root.lastOffset})`,
    };
  }
  const zeroPrev = bytesEqual(root.prevRootHash, ZERO_HASH);
  if (root.batchSequence === 0 && !zeroPrev) {
    return { kind: 'BAD_PREV_HASH', reason: 'batch 0 must have an all-zero prevRootHash' };
  }
  if (root.batchSequence !== 0 && zeroPrev) {
    return {
      kind: 'BAD_PREV_HASH',
      reason: `batch ${root.batchSequence} has an all-zero prevRootHash; only batch 0 may`,
    };
  }
  return undefined;
}
