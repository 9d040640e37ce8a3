/**
 * The sealed root as Vigil code handles it: one signed RFC 6962 root over a batch of records of
 * one topic-partition. The wire form is vigil.v1.SealedRoot (see proto.ts); what is signed is
 * canonicalRootBytes (see encoding.ts).
 */
import {
  HASH_SIZE,
  SIGNATURE_SIZE,
  MAX_U32,
  asSafeUint,
  bytesEqual,
  isBytes,
  isHash,
} from './bytes';
import { keyIdProblem, partitionProblem, topicProblem } from './fields';
import { logInvariantProblem } from './log';
import { ZERO_HASH } from './merkle';

/** Version 1: a signed root over one batch, nothing more. Still verified, no longer sealed. */
export const SEALED_ROOT_VERSION = 1;

/**
 * Version 2: version 1 plus the partition's cumulative log (SealedRootLog), covered by the
 * signature. What the sealer writes now.
 */
export const SEALED_ROOT_VERSION_LOG = 2;

/** Versions this library verifies. */
export const SEALED_ROOT_VERSIONS: readonly number[] = [
  SEALED_ROOT_VERSION,
  SEALED_ROOT_VERSION_LOG,
];

/** Most set bits a safe-integer tree size can have, so the longest frontier. */
export const MAX_FRONTIER = 53;

/**
 * The cumulative log of a topic-partition after a batch (version 2 roots only). Leaf i of the log
 * is the i-th record sealed since the chain's first version-2 root, hashed as in its batch.
 */
export interface SealedRootLog {
  /** Leaves in the cumulative tree after this batch. */
  treeSize: number;
  /** RFC 6962 root of those leaves. */
  treeRoot: Uint8Array;
  /** Compact range [0, treeSize): one hash per set bit of treeSize, largest subtree first. */
  frontier: Uint8Array[];
  /** The signed checkpoint note of (origin, treeSize, treeRoot), signed with the root's key. */
  checkpoint: string;
}

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
  /** Present exactly in version 2 roots. */
  log?: SealedRootLog;
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
  if (r.version !== SEALED_ROOT_VERSION && r.version !== SEALED_ROOT_VERSION_LOG) {
    const reason =
      typeof r.version === 'number' &&
      Number.isInteger(r.version) &&
      r.version >= 0 &&
      r.version <= MAX_U32
        ? `unsupported version ${r.version} (this library handles versions ${SEALED_ROOT_VERSIONS.join(' and ')})`
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
  const log = logFieldProblem(r.version as number, r.log);
  if (log) return log;
  if (withKeyId) {
    const keyId = keyIdProblem(r.keyId);
    if (keyId) return { field: 'keyId', reason: keyId };
  }
  return undefined;
}

/** The log fields' shape: present exactly in version 2, sizes and counts representable. */
function logFieldProblem(version: number, log: unknown): FieldProblem | undefined {
  if (version === SEALED_ROOT_VERSION) {
    return log === undefined
      ? undefined
      : { field: 'log', reason: 'must be absent in a version 1 root' };
  }
  if (typeof log !== 'object' || log === null) {
    return { field: 'log', reason: 'is required in a version 2 root' };
  }
  const l = log as Record<string, unknown>;
  const size = asSafeUint(l.treeSize);
  if (size === undefined || size < 1) {
    return { field: 'log.treeSize', reason: 'must be a positive safe integer' };
  }
  if (!isHash(l.treeRoot)) {
    return { field: 'log.treeRoot', reason: `must be a ${HASH_SIZE}-byte Uint8Array` };
  }
  if (!Array.isArray(l.frontier) || l.frontier.length > MAX_FRONTIER) {
    return { field: 'log.frontier', reason: `must be an array of at most ${MAX_FRONTIER} hashes` };
  }
  const bad = l.frontier.findIndex((h: unknown) => !isHash(h));
  if (bad >= 0) {
    return { field: `log.frontier.${bad}`, reason: `must be a ${HASH_SIZE}-byte Uint8Array` };
  }
  if (typeof l.checkpoint !== 'string' || l.checkpoint.length === 0) {
    return { field: 'log.checkpoint', reason: 'must be a non-empty string (a signed note)' };
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

export type InvariantKind = 'BAD_OFFSETS' | 'BAD_LEAF_COUNT' | 'BAD_PREV_HASH' | 'BAD_LOG';

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
  const log = logInvariantProblem(root);
  if (log) return { kind: 'BAD_LOG', reason: log };
  return undefined;
}
