/**
 * The monitor behind `vigil audit watch`, pure: given the newest checkpoint verified on an
 * earlier run (the state) and every checkpoint a log shows now, decide whether the log is still
 * one append-only tree. Signatures are checked here with the trusted keys; the leaf hashes come
 * from the partition's records as Kafka serves them, and are what the consistency proof is
 * computed from (a log that rewrote history cannot produce one that verifies).
 */
import { bytesEqual, toBase64 } from './bytes';
import { openCheckpoint, verifyCheckpointConsistency, type Checkpoint } from './checkpoint';
import { isAuditError } from './errors';
import type { Keyring } from './keyring';
import { MerkleAccumulator } from './merkle';
import { noteVerifier } from './note';
import { consistencyProof } from './proofs';

export const WATCH_STATE_VERSION = 1;

export interface StoredCheckpoint {
  size: number;
  /** base64 root hash, as in the checkpoint. */
  rootHash: string;
  /** The signed note, verbatim. */
  checkpoint: string;
}

export interface WatchState {
  version: number;
  /** Newest verified checkpoint, by origin. */
  logs: Record<string, StoredCheckpoint>;
}

export type WatchFindingCode =
  /** Two different roots for one tree size (one of them may be the stored one). */
  | 'FORK'
  /** A newer tree does not extend the stored one: history was rewritten. */
  | 'INCONSISTENT'
  /** The log now shows a smaller tree than the stored one. */
  | 'ROLLBACK'
  /** A checkpoint carries a trusted key's name but its signature fails. */
  | 'BAD_SIGNATURE'
  /** A checkpoint's root is not the root of the partition's records at its size. */
  | 'ROOT_MISMATCH';

export interface WatchFinding {
  code: WatchFindingCode;
  origin: string;
  /** The stored (older) size and the size shown now, as the finding concerns them. */
  oldSize?: number;
  newSize?: number;
  message: string;
}

export interface LogObservation {
  origin: string;
  /** Every checkpoint note shown for this log, forks and repeats included. */
  notes: readonly string[];
  /** The log's leaf hashes, from its start, as read from the partition's records. */
  leaves: readonly Uint8Array[];
}

export function emptyWatchState(): WatchState {
  return { version: WATCH_STATE_VERSION, logs: {} };
}

/** Parses a state file's JSON; throws an Error saying what is wrong. */
export function parseWatchState(text: string): WatchState {
  const state = JSON.parse(text) as unknown;
  if (
    typeof state !== 'object' ||
    state === null ||
    (state as WatchState).version !== WATCH_STATE_VERSION ||
    typeof (state as WatchState).logs !== 'object' ||
    (state as WatchState).logs === null
  ) {
    throw new Error(`not a version ${WATCH_STATE_VERSION} watch state`);
  }
  for (const [origin, cp] of Object.entries((state as WatchState).logs)) {
    if (
      !Number.isSafeInteger(cp?.size) ||
      typeof cp.rootHash !== 'string' ||
      typeof cp.checkpoint !== 'string'
    ) {
      throw new Error(`entry ${origin} is not a stored checkpoint`);
    }
  }
  return state as WatchState;
}

/**
 * Checks one log against its stored checkpoint. Returns the findings and, when there are none,
 * the checkpoint to store now (the newest verified one).
 */
export function watchLog(
  observation: LogObservation,
  stored: StoredCheckpoint | undefined,
  keyring: Keyring,
): { findings: WatchFinding[]; newest?: StoredCheckpoint } {
  const { origin, leaves } = observation;
  const findings: WatchFinding[] = [];
  const verifiers = keyring.keyIds().map((id) => noteVerifier(origin, keyring.get(id)!));
  const opened: { checkpoint: Checkpoint; note: string }[] = [];
  for (const note of observation.notes) {
    try {
      opened.push({
        checkpoint: openCheckpoint(note, verifiers, { origin }).checkpoint,
        note,
      });
    } catch (err) {
      if (isAuditError(err, 'BAD_SIGNATURE')) {
        findings.push({ code: 'BAD_SIGNATURE', origin, message: `${origin}: ${err.message}` });
      }
      // Checkpoints signed by no trusted key say nothing about this log: ignored.
    }
  }
  // Two trees for one size, among what is shown now or against what was stored.
  const bySize = new Map<number, Checkpoint>();
  if (stored) {
    bySize.set(stored.size, {
      origin,
      size: stored.size,
      rootHash: Buffer.from(stored.rootHash, 'base64'),
    });
  }
  for (const { checkpoint } of opened) {
    const seen = bySize.get(checkpoint.size);
    if (seen && !bytesEqual(seen.rootHash, checkpoint.rootHash)) {
      findings.push({
        code: 'FORK',
        origin,
        oldSize: seen.size,
        newSize: checkpoint.size,
        message: `${origin}: FORK at tree size ${checkpoint.size}: root ${toBase64(seen.rootHash)} and a second, differently signed tree with root ${toBase64(checkpoint.rootHash)}`,
      });
    } else if (!seen) {
      bySize.set(checkpoint.size, checkpoint);
    }
  }
  const newest = opened.reduce<(typeof opened)[number] | undefined>(
    (best, c) => (!best || c.checkpoint.size > best.checkpoint.size ? c : best),
    undefined,
  );
  if (stored && newest && newest.checkpoint.size < stored.size) {
    findings.push({
      code: 'ROLLBACK',
      origin,
      oldSize: stored.size,
      newSize: newest.checkpoint.size,
      message: `${origin}: the log shows tree size ${newest.checkpoint.size}, smaller than the verified size ${stored.size}`,
    });
  }
  // Every checkpoint shown must be the tree of the records at its size: then all of them, and
  // the stored one, are prefixes of one tree.
  const sizes = [...bySize.keys()].filter((s) => s <= leaves.length).sort((a, b) => a - b);
  const tree = new MerkleAccumulator();
  for (const size of sizes) {
    while (tree.size < size) tree.add(leaves[tree.size] as Uint8Array);
    const shown = bySize.get(size) as Checkpoint;
    if (!bytesEqual(tree.root(), shown.rootHash)) {
      findings.push({
        code: 'ROOT_MISMATCH',
        origin,
        newSize: size,
        message: `${origin}: the checkpoint of size ${size} has root ${toBase64(shown.rootHash)}, but the partition's first ${size} records have root ${toBase64(tree.root())}`,
      });
    }
  }
  // The proof an outside monitor would ask the log for: stored -> newest.
  if (stored && newest && newest.checkpoint.size > stored.size) {
    if (newest.checkpoint.size > leaves.length) {
      findings.push({
        code: 'INCONSISTENT',
        origin,
        oldSize: stored.size,
        newSize: newest.checkpoint.size,
        message: `${origin}: checkpoint of size ${newest.checkpoint.size} but the partition holds only ${leaves.length} sealed records`,
      });
    } else {
      const proof = consistencyProof(leaves, stored.size, newest.checkpoint.size);
      const storedCheckpoint = bySize.get(stored.size) as Checkpoint;
      const check = verifyCheckpointConsistency(storedCheckpoint, newest.checkpoint, proof);
      if (!check.ok) {
        findings.push({
          code: 'INCONSISTENT',
          origin,
          oldSize: stored.size,
          newSize: newest.checkpoint.size,
          message: `${origin}: INCONSISTENT: the tree of size ${newest.checkpoint.size} does not extend the verified tree of size ${stored.size} (${check.message})`,
        });
      }
    }
  }
  if (findings.length > 0 || !newest) return { findings };
  if (stored && newest.checkpoint.size <= stored.size) return { findings, newest: stored };
  return {
    findings,
    newest: {
      size: newest.checkpoint.size,
      rootHash: toBase64(newest.checkpoint.rootHash),
      checkpoint: newest.note,
    },
  };
}
