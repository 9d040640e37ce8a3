/**
 * Every failure this library throws is an AuditError. `code` is stable and machine-readable
 * (callers branch on it, the CLI maps it to exit codes); messages may change between releases.
 *
 * Messages never contain key material: key parsing errors are rewritten here rather than passing
 * on what the parser saw.
 */
export type AuditErrorCode =
  /** An argument is of the wrong type or outside its documented domain. */
  | 'INVALID_ARGUMENT'
  /** A Merkle proof does not verify. */
  | 'INVALID_PROOF'
  /** A leaf index or tree size lies outside the tree. */
  | 'INDEX_OUT_OF_RANGE'
  /** A record offset lies outside a sealed root's [firstOffset, lastOffset]. */
  | 'OFFSET_OUT_OF_RANGE'
  /** The number of leaves differs from a root's leafCount. */
  | 'BAD_LEAF_COUNT'
  /** A leaf hash differs from the one recomputed from the record. */
  | 'LEAF_MISMATCH'
  /** A recomputed Merkle root differs from the sealed one. */
  | 'ROOT_MISMATCH'
  /** A sealed root is structurally invalid (missing field, wrong size, unsupported version). */
  | 'MALFORMED_ROOT'
  /** A proof bundle does not have the documented JSON shape; `field` names the culprit. */
  | 'MALFORMED_BUNDLE'
  /** A key is unparseable, of the wrong type (not Ed25519) or of the wrong kind. */
  | 'INVALID_KEY'
  /** No key with the root's key id is known. */
  | 'UNKNOWN_KEY'
  /** An Ed25519 signature does not verify. */
  | 'BAD_SIGNATURE'
  /** A signed note (c2sp.org/signed-note) is not syntactically valid. */
  | 'MALFORMED_NOTE'
  /** A checkpoint body (c2sp.org/tlog-checkpoint) is not syntactically valid. */
  | 'MALFORMED_CHECKPOINT'
  /** A text proof (consistency proof lines, add-checkpoint body, c2sp.org/tlog-proof) is not syntactically valid. */
  | 'MALFORMED_PROOF'
  /** A checkpoint is for another log (origin) than the one expected. */
  | 'WRONG_ORIGIN';

export class AuditError extends Error {
  /** For MALFORMED_BUNDLE: the JSON path of the offending field, e.g. `sealedRoot.rootHash`. */
  readonly field?: string;

  constructor(
    readonly code: AuditErrorCode,
    message: string,
    options?: { field?: string; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.field !== undefined) this.field = options.field;
  }
}

export function isAuditError(error: unknown, code?: AuditErrorCode): error is AuditError {
  return error instanceof AuditError && (code === undefined || error.code === code);
}
