/**
 * Ed25519 signatures over canonicalRootBytes. Ed25519 is deterministic and signs the message
 * itself (no pre-hash), so the same root and key always give the same signature.
 */
import * as crypto from 'node:crypto';
import { AuditError } from './errors';
import { SIGNATURE_SIZE, copyBytes } from './bytes';
import { canonicalRootBytes } from './encoding';
import { assertEd25519, keyIdFor } from './keys';
import type { Keyring } from './keyring';
import {
  type SealedRootRecord,
  type UnsignedSealedRoot,
  rootInvariantProblem,
  sealedRootProblem,
  unsignedRootProblem,
} from './root';

/**
 * Signs a root with the sealer's key. Refuses roots that are malformed or internally
 * inconsistent (MALFORMED_ROOT), so a buggy sealer cannot publish a root no verifier accepts.
 */
export function signRoot(
  unsigned: UnsignedSealedRoot,
  privateKey: crypto.KeyObject,
): SealedRootRecord {
  assertEd25519(privateKey, 'private');
  const problem = unsignedRootProblem(unsigned, false);
  if (problem) {
    throw new AuditError('MALFORMED_ROOT', `sealed root ${problem.field} ${problem.reason}`);
  }
  const invariant = rootInvariantProblem(unsigned);
  if (invariant) throw new AuditError('MALFORMED_ROOT', `sealed root: ${invariant.reason}`);

  const body = {
    version: unsigned.version,
    topic: unsigned.topic,
    partition: unsigned.partition,
    batchSequence: unsigned.batchSequence,
    firstOffset: unsigned.firstOffset,
    lastOffset: unsigned.lastOffset,
    leafCount: unsigned.leafCount,
    rootHash: copyBytes(unsigned.rootHash),
    prevRootHash: copyBytes(unsigned.prevRootHash),
    sealedAtMillis: unsigned.sealedAtMillis,
    keyId: keyIdFor(privateKey),
    ...(unsigned.log && {
      log: {
        treeSize: unsigned.log.treeSize,
        treeRoot: copyBytes(unsigned.log.treeRoot),
        frontier: unsigned.log.frontier.map(copyBytes),
        checkpoint: unsigned.log.checkpoint,
      },
    }),
  };
  const signature = crypto.sign(null, canonicalRootBytes(body), privateKey);
  return { ...body, signature: new Uint8Array(signature) };
}

export type RootSignatureVerification =
  { ok: true } | { ok: false; code: 'UNKNOWN_KEY' | 'BAD_SIGNATURE'; message: string };

/**
 * Checks the root's signature with the key its keyId names. A malformed root counts as a bad
 * signature: nothing valid was signed.
 */
export function verifyRootSignature(
  root: SealedRootRecord,
  keyring: Keyring,
): RootSignatureVerification {
  const problem = sealedRootProblem(root);
  if (problem) {
    return {
      ok: false,
      code: 'BAD_SIGNATURE',
      message: `malformed sealed root: ${problem.field} ${problem.reason}`,
    };
  }
  const key = keyring.get(root.keyId);
  if (!key) {
    return {
      ok: false,
      code: 'UNKNOWN_KEY',
      message: `root is signed by key ${root.keyId}, which is not in the keyring`,
    };
  }
  let valid = false;
  try {
    valid =
      root.signature.length === SIGNATURE_SIZE &&
      crypto.verify(null, canonicalRootBytes(root), key, root.signature);
  } catch {
    valid = false;
  }
  return valid
    ? { ok: true }
    : {
        ok: false,
        code: 'BAD_SIGNATURE',
        message: `signature does not verify with key ${root.keyId}`,
      };
}
