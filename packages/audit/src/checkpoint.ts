/**
 * Checkpoints, c2sp.org/tlog-checkpoint v1.0.0: the signed-note text of a log's tree head.
 *
 *   <origin>\n                  Vigil: <log name>/<topic>/<partition>
 *   <tree size>\n               decimal, no leading zeros ("0" for the empty tree)
 *   <base64 root hash>\n        standard base64 of the 32-byte RFC 6962 root
 *   [<extension line>\n ...]    optional, non-empty; Vigil writes none
 *
 * Vigil signs each with the sealer's Ed25519 key under the key name = origin. Each sealed
 * topic-partition is its own log (one origin per hash chain: a witness keeps one state per origin,
 * so two chains sharing one would look like a fork). Its leaf i is the i-th sealed record of the
 * partition, hashed as in its batch: leafHash(encodeLeafData(position, value)).
 */
import type { KeyObject } from 'node:crypto';
import { AuditError } from './errors';
import { HASH_SIZE, bytesEqual, isHash, parseBase64, toBase64 } from './bytes';
import { MAX_PARTITION, partitionProblem, topicProblem } from './fields';
import { EMPTY_ROOT_HASH } from './merkle';
import {
  type NoteVerifier,
  type OpenedNote,
  noteKeyNameProblem,
  noteSigner,
  noteTextProblem,
  openNote,
  parseNote,
  signNote,
} from './note';
import { verifyConsistency, verifyInclusion, type TreeIndex } from './proofs';

export interface Checkpoint {
  origin: string;
  /** Leaves in the tree: a non-negative safe integer. */
  size: number;
  /** RFC 6962 root of the first `size` leaves; SHA-256("") for size 0. */
  rootHash: Uint8Array;
  /** Opaque extension lines, without their newlines. Vigil writes none. */
  extensions?: readonly string[];
}

export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  note: OpenedNote;
}

/** A Vigil log origin, split into its parts. */
export interface VigilOrigin {
  logName: string;
  topic: string;
  partition: number;
}

/**
 * Log names are schema-less URLs like `vigil.example.com/audit`: slash-separated segments of
 * [A-Za-z0-9._~:-], at most 200 characters. With the topic and partition appended they make an
 * origin that is also a valid signed-note key name (no spaces, no "+").
 */
const LOG_NAME = /^[A-Za-z0-9._~:-]+(?:\/[A-Za-z0-9._~:-]+)*$/;
const MAX_LOG_NAME = 200;

export function logNameProblem(logName: unknown): string | undefined {
  if (typeof logName !== 'string') return 'must be a string';
  if (logName.length === 0 || logName.length > MAX_LOG_NAME || !LOG_NAME.test(logName)) {
    return `must be 1-${MAX_LOG_NAME} characters: "/"-separated non-empty segments of [A-Za-z0-9._~:-] (a schema-less URL such as vigil.example.com/audit)`;
  }
  return undefined;
}

/** `<log name>/<topic>/<partition>`, the origin (and key name) of one topic-partition's log. */
export function checkpointOrigin(logName: string, topic: string, partition: number): string {
  const problem =
    prefixed('log name', logNameProblem(logName)) ??
    prefixed('topic', topicProblem(topic)) ??
    prefixed('partition', partitionProblem(partition));
  if (problem) throw new AuditError('INVALID_ARGUMENT', problem);
  return `${logName}/${topic}/${partition}`;
}

/**
 * Splits a Vigil origin. Kafka topics cannot contain "/", so the last two segments are the topic
 * and the partition and the rest is the log name. WRONG_ORIGIN when it is not one.
 */
export function parseVigilOrigin(origin: string): VigilOrigin {
  const fail = (why: string): never => {
    throw new AuditError(
      'WRONG_ORIGIN',
      `origin ${JSON.stringify(origin)} is not <log name>/<topic>/<partition>: ${why}`,
    );
  };
  if (typeof origin !== 'string') return fail('not a string');
  const parts = origin.split('/');
  if (parts.length < 3) return fail('too few "/"-separated parts');
  const partitionText = parts.pop() as string;
  const topic = parts.pop() as string;
  const logName = parts.join('/');
  const logProblem = logNameProblem(logName);
  if (logProblem) return fail(`log name ${logProblem}`);
  const topicIssue = topicProblem(topic);
  if (topicIssue) return fail(`topic ${topicIssue}`);
  if (!DECIMAL.test(partitionText) || Number(partitionText) > MAX_PARTITION) {
    return fail(`partition must be a decimal in 0..${MAX_PARTITION} without leading zeros`);
  }
  return { logName, topic, partition: Number(partitionText) };
}

/** The checkpoint's note text. INVALID_ARGUMENT naming the field when it cannot be one. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  if (typeof checkpoint !== 'object' || checkpoint === null) {
    throw new AuditError('INVALID_ARGUMENT', 'checkpoint must be an object');
  }
  const { origin, size, rootHash } = checkpoint;
  const extensions = checkpoint.extensions ?? [];
  // Stricter than the spec's "non-empty" on purpose: Vigil signs under key name = origin.
  const originProblem = noteKeyNameProblem(origin);
  if (originProblem) {
    throw new AuditError('INVALID_ARGUMENT', `checkpoint origin ${originProblem}`);
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new AuditError('INVALID_ARGUMENT', 'checkpoint size must be a non-negative safe integer');
  }
  if (!isHash(rootHash)) {
    throw new AuditError(
      'INVALID_ARGUMENT',
      `checkpoint rootHash must be a ${HASH_SIZE}-byte Uint8Array`,
    );
  }
  if (size === 0 && !bytesEqual(rootHash, EMPTY_ROOT_HASH)) {
    throw new AuditError(
      'INVALID_ARGUMENT',
      'a checkpoint of size 0 must have the empty-tree root SHA-256("")',
    );
  }
  if (!Array.isArray(extensions)) {
    throw new AuditError('INVALID_ARGUMENT', 'checkpoint extensions must be an array of strings');
  }
  extensions.forEach((line: unknown, i) => {
    if (
      typeof line !== 'string' ||
      line.length === 0 ||
      noteTextProblem(`${line}\n`) ||
      line.includes('\n')
    ) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `checkpoint extension line ${i} must be a non-empty line without control characters`,
      );
    }
  });
  return [origin, String(size), toBase64(rootHash), ...extensions].map((l) => `${l}\n`).join('');
}

/**
 * Parses a checkpoint's note text strictly (MALFORMED_CHECKPOINT naming the line): at least three
 * non-empty lines each ending in a newline, a canonical decimal size, the canonical base64 of 32
 * bytes, and for size 0 the empty-tree root. The origin is taken as it is: the spec forbids
 * assuming its form (parseVigilOrigin checks Vigil's).
 */
export function parseCheckpoint(text: string): Checkpoint {
  const fail = (why: string): never => {
    throw new AuditError('MALFORMED_CHECKPOINT', `checkpoint ${why}`);
  };
  const textProblem = noteTextProblem(text);
  if (textProblem) return fail(`text ${textProblem}`);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return fail('must have at least 3 lines: origin, tree size, root hash');
  const empty = lines.findIndex((line) => line.length === 0);
  if (empty >= 0) return fail(`line ${empty + 1} is empty`);
  const [origin, sizeText, rootText, ...extensions] = lines as [
    string,
    string,
    string,
    ...string[],
  ];
  if (!DECIMAL.test(sizeText))
    return fail('tree size (line 2) must be a decimal without leading zeros');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) return fail('tree size (line 2) exceeds 2^53-1');
  const rootHash = parseBase64(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) {
    return fail(`root hash (line 3) must be the standard base64 of ${HASH_SIZE} bytes`);
  }
  if (size === 0 && !bytesEqual(rootHash, EMPTY_ROOT_HASH)) {
    return fail('of size 0 must have the empty-tree root SHA-256("")');
  }
  return extensions.length > 0
    ? { origin, size, rootHash, extensions }
    : { origin, size, rootHash };
}

/**
 * The signed checkpoint note, signed by each key under the key name = origin (several keys
 * during a key rotation; verifiers ignore the ones they do not know).
 */
export function signCheckpoint(
  checkpoint: Checkpoint,
  privateKeys: KeyObject | readonly KeyObject[],
): string {
  const text = formatCheckpoint(checkpoint);
  const keys = Array.isArray(privateKeys) ? privateKeys : [privateKeys as KeyObject];
  return signNote(
    text,
    keys.map((key) => noteSigner(checkpoint.origin, key)),
  );
}

/**
 * Opens a signed checkpoint: parses it, checks the origin if one is expected (WRONG_ORIGIN), and
 * verifies it with the trusted keys named after its origin (a log's key name is its origin; keys
 * of other logs are ignored like any unknown key). Throws MALFORMED_NOTE, MALFORMED_CHECKPOINT,
 * WRONG_ORIGIN, UNKNOWN_KEY (no trusted key of this origin signed) or BAD_SIGNATURE.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  options: { origin?: string } = {},
): OpenedCheckpoint {
  const checkpoint = parseCheckpoint(parseNote(note).text);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new AuditError(
      'WRONG_ORIGIN',
      `checkpoint is for origin ${JSON.stringify(checkpoint.origin)}, expected ${JSON.stringify(options.origin)}`,
    );
  }
  if (!Array.isArray(verifiers)) {
    throw new AuditError('INVALID_ARGUMENT', 'verifiers must be an array of note verifiers');
  }
  const own = verifiers.filter((v) => v?.name === checkpoint.origin);
  try {
    return { checkpoint, note: openNote(note, own) };
  } catch (error) {
    if (error instanceof AuditError && error.code === 'UNKNOWN_KEY') {
      throw new AuditError(
        'UNKNOWN_KEY',
        `checkpoint for ${checkpoint.origin} at size ${checkpoint.size} is signed by no trusted key of that origin`,
      );
    }
    throw error;
  }
}

export type CheckpointConsistencyCode = 'WRONG_ORIGIN' | 'FORK' | 'INVALID_PROOF';

export type CheckpointConsistency =
  { ok: true } | { ok: false; code: CheckpointConsistencyCode; message: string };

/**
 * Whether two checkpoints of one log can both be true: `proof` is the consistency proof from the
 * smaller tree to the larger (either may be passed first). FORK when they show two different
 * roots for one size; INVALID_PROOF when the proof does not link them, which for a correct proof
 * source means the log rewrote history. Messages name the origin and both sizes.
 */
export function verifyCheckpointConsistency(
  a: Checkpoint,
  b: Checkpoint,
  proof: readonly Uint8Array[],
): CheckpointConsistency {
  if (a.origin !== b.origin) {
    return {
      ok: false,
      code: 'WRONG_ORIGIN',
      message: `checkpoints of different logs: ${JSON.stringify(a.origin)} and ${JSON.stringify(b.origin)}`,
    };
  }
  const [older, newer] = a.size <= b.size ? [a, b] : [b, a];
  if (older.size === newer.size && !bytesEqual(older.rootHash, newer.rootHash)) {
    return {
      ok: false,
      code: 'FORK',
      message: `${a.origin}: two different roots for tree size ${a.size} (${toBase64(a.rootHash)} and ${toBase64(b.rootHash)})`,
    };
  }
  if (!verifyConsistency(older.size, newer.size, proof, older.rootHash, newer.rootHash)) {
    return {
      ok: false,
      code: 'INVALID_PROOF',
      message: `${a.origin}: the tree of size ${newer.size} is not proven to extend the tree of size ${older.size}`,
    };
  }
  return { ok: true };
}

/** Whether `proof` proves leaf `index` (with hash `leafHash`) is in the checkpoint's tree. */
export function verifyCheckpointInclusion(
  checkpoint: Checkpoint,
  index: TreeIndex,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  return verifyInclusion(leafHash, index, checkpoint.size, proof, checkpoint.rootHash);
}

const DECIMAL = /^(?:0|[1-9][0-9]{0,19})$/;

const prefixed = (what: string, problem: string | undefined): string | undefined =>
  problem === undefined ? undefined : `${what} ${problem}`;
