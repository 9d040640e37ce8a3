/**
 * Offline inclusion proofs, c2sp.org/tlog-proof@v1:
 *
 *   c2sp.org/tlog-proof@v1\n
 *   [extra <base64 opaque data>\n]            optional, NOT authenticated
 *   index <leaf index>\n                      decimal, no leading zeros
 *   <base64 audit path hash>\n ...            0 or more, leaf's sibling first (RFC 6962 PATH)
 *   \n
 *   <signed checkpoint note, verbatim>        log signature and any cosignatures
 *
 * Vigil's record proofs put the leaf data itself, encodeLeafData(position, value), in `extra`:
 * the proof is then self-contained, and nothing in `extra` is trusted until its leaf hash has been
 * proven included in a checkpoint signed by the log's key.
 */
import { AuditError } from './errors';
import { HASH_SIZE, asUintBig, isBytes, isHash, parseBase64, toBase64 } from './bytes';
import {
  type Checkpoint,
  type VigilOrigin,
  openCheckpoint,
  parseCheckpoint,
  parseVigilOrigin,
  verifyCheckpointInclusion,
} from './checkpoint';
import { type DecodedLeaf, decodeLeafData, encodeLeafData } from './encoding';
import { leafHash as hashLeaf } from './merkle';
import { type NoteVerifier, parseNote } from './note';
import { MAX_PROOF_LINES, formatProofLines, parseProofLines } from './proof-lines';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

export interface TlogProof {
  /** Opaque application data; unauthenticated. */
  extra?: Uint8Array;
  /** The entry's zero-based index in the log. */
  index: number;
  /** The audit path from the entry to the checkpoint's root. */
  proof: Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
}

export function formatTlogProof(proof: TlogProof): string {
  if (typeof proof !== 'object' || proof === null) {
    throw new AuditError('INVALID_ARGUMENT', 'tlog proof must be an object');
  }
  if (!Number.isSafeInteger(proof.index) || proof.index < 0) {
    throw new AuditError('INVALID_ARGUMENT', 'index must be a non-negative safe integer');
  }
  if (proof.extra !== undefined && (!isBytes(proof.extra) || proof.extra.length === 0)) {
    throw new AuditError('INVALID_ARGUMENT', 'extra must be non-empty bytes (or absent)');
  }
  if (typeof proof.checkpoint !== 'string' || !proof.checkpoint.endsWith('\n')) {
    throw new AuditError('INVALID_ARGUMENT', 'checkpoint must be the signed checkpoint note');
  }
  const extra = proof.extra === undefined ? '' : `extra ${toBase64(proof.extra)}\n`;
  return `${TLOG_PROOF_HEADER}\n${extra}index ${proof.index}\n${formatProofLines(proof.proof)}\n${proof.checkpoint}`;
}

/**
 * Parses a tlog proof strictly (MALFORMED_PROOF naming the line). The checkpoint note is split off
 * verbatim and is checked by verifyTlogProof, not here.
 */
export function parseTlogProof(text: string): TlogProof {
  const fail = (why: string): never => {
    throw new AuditError('MALFORMED_PROOF', `tlog proof ${why}`);
  };
  if (typeof text !== 'string') return fail('must be text');
  const lines = text.split('\n');
  let at = 0;
  const next = (): string | undefined => (at < lines.length - 1 ? lines[at++] : undefined);
  if (next() !== TLOG_PROOF_HEADER) return fail(`must start with the line ${TLOG_PROOF_HEADER}`);
  let line = next();
  let extra: Uint8Array | undefined;
  if (line?.startsWith('extra ')) {
    extra = parseBase64(line.slice('extra '.length));
    if (!extra || extra.length === 0)
      return fail('line 2: extra must be non-empty standard base64');
    line = next();
  }
  const index = line === undefined ? undefined : /^index (0|[1-9][0-9]{0,15})$/.exec(line)?.[1];
  if (index === undefined || !Number.isSafeInteger(Number(index))) {
    return fail(`line ${at}: expected "index <n>", a decimal without leading zeros`);
  }
  const hashes: string[] = [];
  for (line = next(); line !== undefined && line !== ''; line = next()) {
    if (hashes.length === MAX_PROOF_LINES)
      return fail(`has more than ${MAX_PROOF_LINES} proof lines`);
    hashes.push(line);
  }
  if (line === undefined) return fail('has no empty line before the checkpoint');
  let proof: Uint8Array[];
  try {
    proof = parseProofLines(hashes.map((h) => `${h}\n`).join(''));
  } catch (error) {
    return fail(error instanceof AuditError ? error.message : 'has malformed proof lines');
  }
  const checkpoint = lines.slice(at).join('\n');
  if (checkpoint.length === 0) return fail('has no checkpoint');
  return extra === undefined
    ? { index: Number(index), proof, checkpoint }
    : { extra, index: Number(index), proof, checkpoint };
}

export type TlogProofFailureCode =
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'WRONG_ORIGIN'
  /** The record's topic-partition is not the one the origin names (record proofs only). */
  | 'WRONG_PARTITION'
  | 'INDEX_OUT_OF_RANGE'
  | 'INVALID_PROOF';

export type TlogProofVerification =
  | { ok: true; checkpoint: Checkpoint; index: number }
  | { ok: false; code: TlogProofFailureCode; message: string };

/**
 * Verifies a tlog proof for the entry with hash `leafHash`, in the order the spec gives: the
 * checkpoint's origin (if `origin` is given) and its signature by a trusted key of that origin,
 * then inclusion. Witness cosignatures are not counted (Vigil has no witness policy yet): they are
 * ignored like any signature by an unknown key. A text that is not a tlog proof, a note or a
 * checkpoint throws MALFORMED_PROOF, MALFORMED_NOTE or MALFORMED_CHECKPOINT.
 */
export function verifyTlogProof(
  proof: string | TlogProof,
  leafHash: Uint8Array,
  verifiers: readonly NoteVerifier[],
  options: { origin?: string } = {},
): TlogProofVerification {
  const parsed = typeof proof === 'string' ? parseTlogProof(proof) : proof;
  if (!isHash(leafHash)) {
    throw new AuditError('INVALID_ARGUMENT', `leafHash must be a ${HASH_SIZE}-byte hash`);
  }
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(parsed.checkpoint, verifiers, options).checkpoint;
  } catch (error) {
    if (
      error instanceof AuditError &&
      (error.code === 'UNKNOWN_KEY' ||
        error.code === 'BAD_SIGNATURE' ||
        error.code === 'WRONG_ORIGIN')
    ) {
      return { ok: false, code: error.code, message: error.message };
    }
    throw error;
  }
  if (asUintBig(parsed.index) === undefined || parsed.index >= checkpoint.size) {
    return {
      ok: false,
      code: 'INDEX_OUT_OF_RANGE',
      message: `index ${parsed.index} is outside the checkpoint's tree of size ${checkpoint.size}`,
    };
  }
  if (!verifyCheckpointInclusion(checkpoint, parsed.index, leafHash, parsed.proof)) {
    return {
      ok: false,
      code: 'INVALID_PROOF',
      message: `the audit path does not lead from entry ${parsed.index} to the root of ${checkpoint.origin} at size ${checkpoint.size}`,
    };
  }
  return { ok: true, checkpoint, index: parsed.index };
}

export interface BuildRecordTlogProofArgs {
  topic: string;
  partition: number;
  offset: number | bigint | string;
  value: Uint8Array;
  /** The record's leaf index in its partition's log: the i-th sealed record is leaf i. */
  index: number;
  /** inclusionProof(partition leaf hashes [0, size), index). */
  proof: readonly Uint8Array[];
  /** The signed checkpoint note of the partition at some size > index. */
  checkpoint: string;
}

/**
 * A self-contained tlog proof for one sealed record, its leaf data in `extra`. Refuses
 * (WRONG_ORIGIN, INDEX_OUT_OF_RANGE, INVALID_PROOF) to build a proof that cannot verify; it does
 * not check the checkpoint's signature (it has no keys).
 */
export function buildRecordTlogProof(args: BuildRecordTlogProofArgs): string {
  const extra = encodeLeafData(args, args.value);
  const checkpoint = parseCheckpoint(parseNote(args.checkpoint).text);
  const origin = parseVigilOrigin(checkpoint.origin);
  if (origin.topic !== args.topic || origin.partition !== args.partition) {
    throw new AuditError(
      'WRONG_ORIGIN',
      `checkpoint is for ${checkpoint.origin}, not topic ${args.topic} partition ${args.partition}`,
    );
  }
  if (!Number.isSafeInteger(args.index) || args.index < 0 || args.index >= checkpoint.size) {
    throw new AuditError(
      'INDEX_OUT_OF_RANGE',
      `index ${String(args.index)} is outside the checkpoint's tree of size ${checkpoint.size}`,
    );
  }
  const proof = [...args.proof];
  if (!verifyCheckpointInclusion(checkpoint, args.index, hashLeaf(extra), proof)) {
    throw new AuditError(
      'INVALID_PROOF',
      `the audit path does not lead from the record (leaf ${args.index}) to the checkpoint's root`,
    );
  }
  return formatTlogProof({ extra, index: args.index, proof, checkpoint: args.checkpoint });
}

export type RecordTlogProofVerification =
  | { ok: true; record: DecodedLeaf; index: number; checkpoint: Checkpoint }
  | { ok: false; code: TlogProofFailureCode; message: string };

/**
 * Verifies a Vigil record proof: `extra` must be vigil.leaf.v1 leaf data (MALFORMED_PROOF
 * otherwise), the origin a Vigil origin naming the record's topic and partition (WRONG_ORIGIN,
 * WRONG_PARTITION), under `logName` if given; then verifyTlogProof with the leaf hash of `extra`.
 * On success `record` is what the log vouches for.
 */
export function verifyRecordTlogProof(
  text: string | TlogProof,
  verifiers: readonly NoteVerifier[],
  options: { logName?: string } = {},
): RecordTlogProofVerification {
  const parsed = typeof text === 'string' ? parseTlogProof(text) : text;
  const record = parsed.extra === undefined ? undefined : decodeLeafData(parsed.extra);
  if (!record) {
    throw new AuditError(
      'MALFORMED_PROOF',
      "tlog proof extra must be the record's vigil.leaf.v1 leaf data",
    );
  }
  const checkpoint = parseCheckpoint(parseNote(parsed.checkpoint).text);
  let origin: VigilOrigin;
  try {
    origin = parseVigilOrigin(checkpoint.origin);
  } catch (error) {
    if (error instanceof AuditError)
      return { ok: false, code: 'WRONG_ORIGIN', message: error.message };
    throw error;
  }
  if (options.logName !== undefined && origin.logName !== options.logName) {
    return {
      ok: false,
      code: 'WRONG_ORIGIN',
      message: `checkpoint is from log ${JSON.stringify(origin.logName)}, expected ${JSON.stringify(options.logName)}`,
    };
  }
  if (origin.topic !== record.topic || origin.partition !== record.partition) {
    return {
      ok: false,
      code: 'WRONG_PARTITION',
      message: `record of ${record.topic}/${record.partition} with a checkpoint of ${checkpoint.origin}`,
    };
  }
  const result = verifyTlogProof(parsed, hashLeaf(parsed.extra as Uint8Array), verifiers);
  return result.ok ? { ...result, record } : result;
}
