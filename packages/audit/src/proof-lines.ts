/**
 * Merkle proofs as text, the way c2sp.org/tlog-witness and c2sp.org/tlog-proof carry them: one
 * hash per line, standard base64, each line ending in "\n", in RFC 6962 order (for inclusion, from
 * the leaf's sibling up to the root's child; for consistency, PROOF(m, D[n]) as §2.1.2 emits it).
 *
 * The witness add-checkpoint request body (tlog-witness "add-checkpoint"):
 *
 *   old <size>\n
 *   <base64 consistency proof hash>\n       0 to 63 lines
 *   \n
 *   <signed checkpoint note>
 */
import { AuditError } from './errors';
import { HASH_SIZE, isHash, parseBase64, toBase64 } from './bytes';

/** tlog-witness caps consistency proofs at 63 lines; no tree of < 2^63 leaves needs more. */
export const MAX_PROOF_LINES = 63;

export function formatProofLines(proof: readonly Uint8Array[]): string {
  if (!Array.isArray(proof) || !proof.every(isHash)) {
    throw new AuditError('INVALID_ARGUMENT', `proof must be an array of ${HASH_SIZE}-byte hashes`);
  }
  if (proof.length > MAX_PROOF_LINES) {
    throw new AuditError('INVALID_ARGUMENT', `a proof has at most ${MAX_PROOF_LINES} hashes`);
  }
  return proof.map((hash) => `${toBase64(hash)}\n`).join('');
}

/**
 * Proof lines back to hashes: "" is the empty proof; otherwise every line, the last one included,
 * ends in "\n" and is the canonical base64 of 32 bytes. MALFORMED_PROOF naming the line.
 */
export function parseProofLines(text: string): Uint8Array[] {
  if (typeof text !== 'string') throw new AuditError('MALFORMED_PROOF', 'proof must be text');
  if (text === '') return [];
  if (!text.endsWith('\n')) {
    throw new AuditError('MALFORMED_PROOF', 'proof lines must each end with a newline');
  }
  const lines = text.slice(0, -1).split('\n');
  if (lines.length > MAX_PROOF_LINES) {
    throw new AuditError('MALFORMED_PROOF', `a proof has at most ${MAX_PROOF_LINES} lines`);
  }
  return lines.map((line, i) => {
    const hash = parseBase64(line);
    if (!hash || hash.length !== HASH_SIZE) {
      throw new AuditError(
        'MALFORMED_PROOF',
        `proof line ${i + 1} must be the standard base64 of a ${HASH_SIZE}-byte hash`,
      );
    }
    return hash;
  });
}

export interface AddCheckpointRequest {
  /** The size of the checkpoint the witness last cosigned (0 if none). */
  oldSize: number;
  /** Consistency proof from oldSize to the checkpoint's size; empty when oldSize is 0. */
  proof: Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
}

export function formatAddCheckpoint(request: AddCheckpointRequest): string {
  if (!Number.isSafeInteger(request.oldSize) || request.oldSize < 0) {
    throw new AuditError('INVALID_ARGUMENT', 'oldSize must be a non-negative safe integer');
  }
  if (typeof request.checkpoint !== 'string' || request.checkpoint.length === 0) {
    throw new AuditError('INVALID_ARGUMENT', 'checkpoint must be the signed checkpoint note');
  }
  return `old ${request.oldSize}\n${formatProofLines(request.proof)}\n${request.checkpoint}`;
}

/**
 * Splits an add-checkpoint body into its parts (MALFORMED_PROOF). The checkpoint is returned
 * verbatim and not checked here: openCheckpoint does that.
 */
export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  if (typeof body !== 'string') throw new AuditError('MALFORMED_PROOF', 'body must be text');
  const first = body.indexOf('\n');
  const match = first < 0 ? null : /^old (0|[1-9][0-9]{0,15})$/.exec(body.slice(0, first));
  const oldSize = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(oldSize)) {
    throw new AuditError(
      'MALFORMED_PROOF',
      'first line must be "old <size>", a decimal without leading zeros',
    );
  }
  const rest = body.slice(first + 1);
  const blank = rest.startsWith('\n') ? 0 : rest.indexOf('\n\n') + 1;
  if (blank <= 0 && !rest.startsWith('\n')) {
    throw new AuditError('MALFORMED_PROOF', 'no empty line between the proof and the checkpoint');
  }
  return {
    oldSize,
    proof: parseProofLines(rest.slice(0, blank)),
    checkpoint: rest.slice(blank + 1),
  };
}
