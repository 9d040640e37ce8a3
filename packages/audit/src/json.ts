/**
 * JSON form of a sealed root, as embedded in proof bundles: int64 fields as decimal strings
 * (the proto3 JSON convention, safe for any JSON reader), hashes and the signature as lowercase
 * hex, sealedAt as an RFC 3339 UTC timestamp with milliseconds.
 */
import { exactMillis, parseRfc3339 } from '@vigil/input';
import { AuditError, type AuditErrorCode } from './errors';
import { HASH_SIZE, SIGNATURE_SIZE, parseHex, toHex } from './bytes';
import { type SealedRootRecord, sealedRootProblem } from './root';

export interface SealedRootJson {
  version: number;
  topic: string;
  partition: number;
  batchSequence: string;
  firstOffset: string;
  lastOffset: string;
  leafCount: string;
  rootHash: string;
  prevRootHash: string;
  sealedAt: string;
  keyId: string;
  signature: string;
  /** Version 2 only: the cumulative log, hashes in lowercase hex, treeSize a decimal string. */
  log?: { treeSize: string; treeRoot: string; frontier: string[]; checkpoint: string };
}

const LOG_JSON_FIELDS = ['treeSize', 'treeRoot', 'frontier', 'checkpoint'] as const;

const SEALED_ROOT_JSON_FIELDS = [
  'version',
  'topic',
  'partition',
  'batchSequence',
  'firstOffset',
  'lastOffset',
  'leafCount',
  'rootHash',
  'prevRootHash',
  'sealedAt',
  'keyId',
  'signature',
] as const;

export function sealedRootToJson(root: SealedRootRecord): SealedRootJson {
  const problem = sealedRootProblem(root);
  if (problem) {
    throw new AuditError('MALFORMED_ROOT', `sealed root ${problem.field} ${problem.reason}`);
  }
  return {
    version: root.version,
    topic: root.topic,
    partition: root.partition,
    batchSequence: String(root.batchSequence),
    firstOffset: String(root.firstOffset),
    lastOffset: String(root.lastOffset),
    leafCount: String(root.leafCount),
    rootHash: toHex(root.rootHash),
    prevRootHash: toHex(root.prevRootHash),
    sealedAt: formatRfc3339(root.sealedAtMillis),
    keyId: root.keyId,
    signature: toHex(root.signature),
    ...(root.log && {
      log: {
        treeSize: String(root.log.treeSize),
        treeRoot: toHex(root.log.treeRoot),
        frontier: root.log.frontier.map(toHex),
        checkpoint: root.log.checkpoint,
      },
    }),
  };
}

/** Strict inverse of sealedRootToJson; throws AuditError('MALFORMED_ROOT') naming the field. */
export function sealedRootFromJson(json: unknown): SealedRootRecord {
  return parseSealedRootJson(new JsonFields('MALFORMED_ROOT'), json, 'sealedRoot');
}

export function parseSealedRootJson(
  fields: JsonFields,
  json: unknown,
  path: string,
): SealedRootRecord {
  // `log` is part of the shape exactly when the root says it is version 2.
  const withLog =
    typeof json === 'object' &&
    json !== null &&
    Object.prototype.hasOwnProperty.call(json, 'log') &&
    (json as Record<string, unknown>).version === 2;
  const o = fields.object(
    json,
    path,
    withLog ? [...SEALED_ROOT_JSON_FIELDS, 'log' as const] : SEALED_ROOT_JSON_FIELDS,
  ) as Record<(typeof SEALED_ROOT_JSON_FIELDS)[number] | 'log', unknown>;
  const at = (name: string) => `${path}.${name}`;
  const root: SealedRootRecord = {
    version: fields.uint(o.version, at('version')),
    topic: fields.string(o.topic, at('topic')),
    partition: fields.uint(o.partition, at('partition')),
    batchSequence: fields.decimal(o.batchSequence, at('batchSequence')),
    firstOffset: fields.decimal(o.firstOffset, at('firstOffset')),
    lastOffset: fields.decimal(o.lastOffset, at('lastOffset')),
    leafCount: fields.decimal(o.leafCount, at('leafCount')),
    rootHash: fields.hex(o.rootHash, at('rootHash'), HASH_SIZE),
    prevRootHash: fields.hex(o.prevRootHash, at('prevRootHash'), HASH_SIZE),
    sealedAtMillis: fields.timestamp(o.sealedAt, at('sealedAt')),
    keyId: fields.string(o.keyId, at('keyId')),
    signature: fields.hex(o.signature, at('signature'), SIGNATURE_SIZE),
  };
  if (withLog) {
    const l = fields.object(o.log, at('log'), LOG_JSON_FIELDS);
    if (!Array.isArray(l.frontier)) fields.fail(at('log.frontier'), 'must be an array');
    root.log = {
      treeSize: fields.decimal(l.treeSize, at('log.treeSize')),
      treeRoot: fields.hex(l.treeRoot, at('log.treeRoot'), HASH_SIZE),
      frontier: (l.frontier as unknown[]).map((h, i) =>
        fields.hex(h, at(`log.frontier.${i}`), HASH_SIZE),
      ),
      checkpoint: fields.string(l.checkpoint, at('log.checkpoint')),
    };
  }
  const problem = sealedRootProblem(root);
  if (problem) fields.fail(at(problem.field), problem.reason);
  return root;
}

/** Reads untrusted JSON field by field, failing with the JSON path of the first bad field. */
export class JsonFields {
  constructor(private readonly code: AuditErrorCode) {}

  fail(field: string, reason: string): never {
    throw new AuditError(this.code, `${field}: ${reason}`, { field });
  }

  /** A plain object with exactly the given keys: extra fields are refused, not ignored. */
  object<K extends string>(value: unknown, path: string, keys: readonly K[]): Record<K, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'must be a JSON object');
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(keys as readonly string[]).includes(key)) this.fail(`${path}.${key}`, 'unknown field');
    }
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(record, key))
        this.fail(`${path}.${key}`, 'missing');
    }
    return record as Record<K, unknown>;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, 'must be a string');
    return value;
  }

  uint(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.fail(field, 'must be a non-negative integer');
    }
    return value;
  }

  /** A non-negative safe integer written as a canonical decimal string. */
  decimal(value: unknown, field: string): number {
    if (typeof value !== 'string' || !/^(?:0|[1-9][0-9]{0,15})$/.test(value)) {
      this.fail(field, 'must be a decimal string without leading zeros');
    }
    const n = Number(value);
    if (!Number.isSafeInteger(n)) this.fail(field, 'must be at most 2^53-1');
    return n;
  }

  hex(value: unknown, field: string, size: number): Uint8Array {
    const bytes = typeof value === 'string' ? parseHex(value) : undefined;
    if (!bytes || bytes.length !== size) {
      this.fail(field, `must be ${size * 2} lowercase hex characters`);
    }
    return bytes;
  }

  timestamp(value: unknown, field: string): number {
    const ms = typeof value === 'string' ? parseSealedAt(value) : undefined;
    if (ms === undefined) {
      this.fail(
        field,
        'must be an RFC 3339 timestamp after 1970 with at most millisecond precision',
      );
    }
    return ms;
  }
}

const LAST_FORMATTABLE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** RFC 3339 in UTC with milliseconds, e.g. 2026-03-01T12:00:00.000Z. */
export function formatRfc3339(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > LAST_FORMATTABLE_MS) {
    throw new AuditError('MALFORMED_ROOT', `sealedAt ${ms} cannot be written as RFC 3339`);
  }
  return new Date(ms).toISOString();
}

/**
 * Epoch milliseconds of a sealedAt text: any RFC 3339 timestamp (the repository's one parser,
 * which takes `T`/`t` and `Z`/`z` as RFC 3339 allows, and any offset) that is after 1970, up to
 * 9999, and no finer than a millisecond (the signed encoding holds milliseconds, so finer
 * digits could not have been signed). Undefined otherwise.
 */
export function parseSealedAt(text: string): number | undefined {
  const parsed = parseRfc3339(text);
  if (!parsed.ok) return undefined;
  const ms = exactMillis(parsed.value);
  return ms !== undefined && ms >= 0 && ms <= LAST_FORMATTABLE_MS ? ms : undefined;
}
