/**
 * Proof bundles: one self-contained JSON document proving that a Kafka record was sealed,
 * checkable offline with nothing but a keyring (`vigil audit prove` / `verify-bundle`).
 *
 * A bundle proves that the key named by keyId signed a root whose Merkle tree contains the
 * record at its topic, partition and offset with exactly these value bytes. It does not prove
 * that the root belongs to an unbroken chain: that is what verifying sealed-roots is for, and
 * sealedRoot.prevRootHash links the bundle to that chain.
 */
import { parseStrictJson, StrictJsonError } from '@vigil/input';
import type { Keyring } from './keyring';
import { AuditError } from './errors';
import { bytesEqual, parseBase64, toBase64, toHex } from './bytes';
import { encodeLeafData } from './encoding';
import { OFFSET_EXPECTED, parseOffset, partitionProblem, topicProblem } from './fields';
import {
  JsonFields,
  type SealedRootJson,
  formatRfc3339,
  parseSealedRootJson,
  sealedRootToJson,
} from './json';
import { leafHash, rootFromLeafHashes } from './merkle';
import { inclusionProof, verifyInclusion } from './proofs';
import { type SealedRootRecord, sealedRootProblem } from './root';
import { verifyRootSignature } from './signing';

export const PROOF_BUNDLE_FORMAT = 'vigil.proof-bundle.v1';

export interface ProofBundle {
  format: typeof PROOF_BUNDLE_FORMAT;
  record: {
    topic: string;
    partition: number;
    /** Decimal string. */
    offset: string;
    /** The stored Kafka record value, standard base64 with padding. */
    valueBase64: string;
  };
  /** Position of the record's leaf in the batch tree. */
  leafIndex: number;
  /** Leaves in the batch tree; equals sealedRoot.leafCount. */
  treeSize: number;
  /** RFC 6962 audit path, lowercase hex, from the leaf's sibling up. */
  auditPath: string[];
  sealedRoot: SealedRootJson;
  /** The signing key's id, repeated from sealedRoot for readers. */
  keyId: string;
}

export interface BuildProofBundleArgs {
  topic: string;
  partition: number;
  offset: number | bigint | string;
  value: Uint8Array;
  leafIndex: number;
  /** Every leaf hash of the batch, in order (see leafHashesForRecords). */
  batchLeafHashes: readonly Uint8Array[];
  root: SealedRootRecord;
}

/**
 * Assembles a bundle, checking on the way that the record really is leaf `leafIndex` of the
 * batch and that the batch hashes to the root, so that a bundle that cannot verify is never
 * produced. The signature is not checked here (no keyring): verifyProofBundle does that.
 */
export function buildProofBundle(args: BuildProofBundleArgs): ProofBundle {
  const { root } = args;
  const malformed = sealedRootProblem(root);
  if (malformed) {
    throw new AuditError('MALFORMED_ROOT', `sealed root ${malformed.field} ${malformed.reason}`);
  }
  if (args.topic !== root.topic || args.partition !== root.partition) {
    throw new AuditError(
      'INVALID_ARGUMENT',
      `record of ${args.topic}/${args.partition} cannot be proven by a root of ${root.topic}/${root.partition}`,
    );
  }
  const offset = parseOffset(args.offset);
  if (offset === undefined) throw new AuditError('INVALID_ARGUMENT', `offset ${OFFSET_EXPECTED}`);
  if (offset < BigInt(root.firstOffset) || offset > BigInt(root.lastOffset)) {
    throw new AuditError(
      'OFFSET_OUT_OF_RANGE',
      `offset ${offset} is outside batch ${root.batchSequence} (${root.firstOffset}..${root.lastOffset})`,
    );
  }
  if (args.batchLeafHashes.length !== root.leafCount) {
    throw new AuditError(
      'BAD_LEAF_COUNT',
      `${args.batchLeafHashes.length} leaf hashes given, but batch ${root.batchSequence} has ${root.leafCount}`,
    );
  }
  const auditPath = inclusionProof(args.batchLeafHashes, args.leafIndex);
  const leaf = leafHash(
    encodeLeafData({ topic: args.topic, partition: args.partition, offset }, args.value),
  );
  if (!bytesEqual(leaf, args.batchLeafHashes[args.leafIndex] as Uint8Array)) {
    throw new AuditError('LEAF_MISMATCH', `the record is not leaf ${args.leafIndex} of the batch`);
  }
  if (!bytesEqual(rootFromLeafHashes(args.batchLeafHashes), root.rootHash)) {
    throw new AuditError(
      'ROOT_MISMATCH',
      `the leaf hashes do not hash to batch ${root.batchSequence}'s root`,
    );
  }
  if (!verifyInclusion(leaf, args.leafIndex, root.leafCount, auditPath, root.rootHash)) {
    throw new AuditError('INVALID_PROOF', 'the generated audit path does not verify');
  }
  return {
    format: PROOF_BUNDLE_FORMAT,
    record: {
      topic: args.topic,
      partition: args.partition,
      offset: offset.toString(),
      valueBase64: toBase64(args.value),
    },
    leafIndex: args.leafIndex,
    treeSize: root.leafCount,
    auditPath: auditPath.map(toHex),
    sealedRoot: sealedRootToJson(root),
    keyId: root.keyId,
  };
}

export interface ParsedProofBundle {
  record: { topic: string; partition: number; offset: bigint; value: Uint8Array };
  leafIndex: number;
  treeSize: number;
  auditPath: Uint8Array[];
  root: SealedRootRecord;
}

const BUNDLE_FIELDS = [
  'format',
  'record',
  'leafIndex',
  'treeSize',
  'auditPath',
  'sealedRoot',
  'keyId',
] as const;
const RECORD_FIELDS = ['topic', 'partition', 'offset', 'valueBase64'] as const;

/**
 * Validates a bundle's shape strictly (a parsed JSON value, or JSON text) and decodes it.
 * Throws AuditError('MALFORMED_BUNDLE') whose message and `field` name the first bad field.
 */
export function parseProofBundle(bundle: unknown): ParsedProofBundle {
  // Annotated so that TypeScript treats fields.fail() as never-returning.
  const fields: JsonFields = new JsonFields('MALFORMED_BUNDLE');
  const json = typeof bundle === 'string' ? parseBundleText(fields, bundle) : bundle;
  const o = fields.object(json, 'bundle', BUNDLE_FIELDS);
  if (o.format !== PROOF_BUNDLE_FORMAT) {
    fields.fail('format', `must be "${PROOF_BUNDLE_FORMAT}"`);
  }
  const r = fields.object(o.record, 'record', RECORD_FIELDS);
  const topic = fields.string(r.topic, 'record.topic');
  const topicReason = topicProblem(topic);
  if (topicReason) fields.fail('record.topic', topicReason);
  const partition = fields.uint(r.partition, 'record.partition');
  const partitionReason = partitionProblem(partition);
  if (partitionReason) fields.fail('record.partition', partitionReason);
  const offset = typeof r.offset === 'string' ? parseOffset(r.offset) : undefined;
  if (offset === undefined)
    fields.fail('record.offset', 'must be a decimal string of a Kafka offset');
  const value = typeof r.valueBase64 === 'string' ? parseBase64(r.valueBase64) : undefined;
  if (!value) fields.fail('record.valueBase64', 'must be standard padded base64');

  const leafIndex = fields.uint(o.leafIndex, 'leafIndex');
  const treeSize = fields.uint(o.treeSize, 'treeSize');
  if (!Array.isArray(o.auditPath)) fields.fail('auditPath', 'must be an array');
  const auditPath = o.auditPath.map((element, i) => fields.hex(element, `auditPath[${i}]`, 32));
  const root = parseSealedRootJson(fields, o.sealedRoot, 'sealedRoot');
  const keyId = fields.string(o.keyId, 'keyId');
  if (keyId !== root.keyId) fields.fail('keyId', 'differs from sealedRoot.keyId');
  return { record: { topic, partition, offset, value }, leafIndex, treeSize, auditPath, root };
}

/**
 * The bundle's JSON text, read strictly: a repeated member name is refused (JSON.parse would keep
 * the last one, so two readers could see two bundles), and every number must be an integer
 * written with digits only and at most 2^53-1 (JSON.parse reads `4.0`, `4e0` and
 * `1.0000000000000001` all as 4). See "Proof bundles" in README.md.
 */
function parseBundleText(fields: JsonFields, text: string): unknown {
  try {
    return parseStrictJson(text, { integers: true, maxDepth: MAX_BUNDLE_DEPTH });
  } catch (err) {
    if (!(err instanceof StrictJsonError)) throw err;
    const at = err.path === '$' ? '' : err.path.replace(/^\$\.?/, '');
    switch (err.code) {
      case 'DUPLICATE_KEY': {
        const key = err.key as string;
        const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
        return fields.fail(at === '' ? name : `${at}.${name}`, 'appears more than once');
      }
      case 'NOT_AN_INTEGER':
        return fields.fail(
          at || 'bundle',
          'must be an integer written with digits only (no fraction, exponent or -0)',
        );
      case 'INTEGER_TOO_LARGE':
        return fields.fail(at || 'bundle', 'must be at most 2^53-1');
      case 'TOO_DEEP':
        return fields.fail(at || 'bundle', 'is nested deeper than a bundle can be');
      default:
        return fields.fail('bundle', 'not valid JSON');
    }
  }
}

/** A bundle nests three levels (bundle, sealedRoot or record or auditPath); leave room, no more. */
const MAX_BUNDLE_DEPTH = 8;

export interface ProvenRecord {
  topic: string;
  partition: number;
  offset: string;
  batchSequence: number;
  rootHashHex: string;
  keyId: string;
  /** RFC 3339, UTC. */
  sealedAt: string;
  leafIndex: number;
  treeSize: number;
}

export type BundleFailureCode =
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  /** The record's topic-partition is not the root's. */
  | 'WRONG_PARTITION'
  | 'OFFSET_OUT_OF_RANGE'
  | 'BAD_LEAF_COUNT'
  | 'INDEX_OUT_OF_RANGE'
  /** The audit path does not lead from the record to the signed root. */
  | 'INVALID_PROOF';

export type BundleVerification =
  { ok: true; proven: ProvenRecord } | { ok: false; code: BundleFailureCode; message: string };

/**
 * Verifies a proof bundle. A bundle that is not shaped like one throws
 * AuditError('MALFORMED_BUNDLE') naming the field; a well-formed bundle that does not prove its
 * record returns { ok: false } with the first failed check.
 */
export function verifyProofBundle(bundle: unknown, keyring: Keyring): BundleVerification {
  const { record, leafIndex, treeSize, auditPath, root } = parseProofBundle(bundle);
  const fail = (code: BundleFailureCode, message: string): BundleVerification => ({
    ok: false,
    code,
    message,
  });

  const signature = verifyRootSignature(root, keyring);
  if (!signature.ok) return fail(signature.code, signature.message);

  if (record.topic !== root.topic || record.partition !== root.partition) {
    return fail(
      'WRONG_PARTITION',
      `record of ${record.topic}/${record.partition} but root of ${root.topic}/${root.partition}`,
    );
  }
  const first = BigInt(root.firstOffset);
  const last = BigInt(root.lastOffset);
  if (record.offset < first || record.offset > last) {
    return fail(
      'OFFSET_OUT_OF_RANGE',
      `offset ${record.offset} is outside batch ${root.batchSequence} (${first}..${last})`,
    );
  }
  if (treeSize !== root.leafCount) {
    return fail('BAD_LEAF_COUNT', `treeSize ${treeSize} != the root's leafCount ${root.leafCount}`);
  }
  if (leafIndex >= treeSize) {
    return fail('INDEX_OUT_OF_RANGE', `leafIndex ${leafIndex} is outside a tree of ${treeSize}`);
  }
  // Leaves are distinct offsets in increasing order, so leaf i sits at least i offsets after
  // firstOffset and leaves room for the treeSize - 1 - i leaves after it.
  const index = BigInt(leafIndex);
  if (record.offset - first < index || last - record.offset < BigInt(treeSize) - 1n - index) {
    return fail(
      'INDEX_OUT_OF_RANGE',
      `leaf ${leafIndex} of ${treeSize} cannot hold offset ${record.offset} of ${first}..${last}`,
    );
  }
  const leaf = leafHash(encodeLeafData(record, record.value));
  if (!verifyInclusion(leaf, leafIndex, treeSize, auditPath, root.rootHash)) {
    return fail(
      'INVALID_PROOF',
      `the audit path does not lead from the record to root ${toHex(root.rootHash)}`,
    );
  }
  return {
    ok: true,
    proven: {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset.toString(),
      batchSequence: root.batchSequence,
      rootHashHex: toHex(root.rootHash),
      keyId: root.keyId,
      sealedAt: formatRfc3339(root.sealedAtMillis),
      leafIndex,
      treeSize,
    },
  };
}
