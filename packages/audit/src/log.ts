/**
 * The cumulative log of a topic-partition (version 2 sealed roots): leaf i is the i-th record
 * sealed since the chain's first version-2 root, hashed exactly as in its batch, so a record's
 * batch proof and log proof prove the same leaf hash. Chains that began as version 1 start their
 * log at their first version-2 root: that root's treeSize is its own leafCount.
 *
 * Each root carries the log after its batch as (treeSize, treeRoot, frontier) plus a checkpoint
 * note. The frontier is the compact range [0, treeSize): with the next batch's leaf hashes alone
 * it gives the next tree, so a sealer resumes a partition from the chain's last root without
 * re-reading the partition, and a verifier checks each step of the log the same way.
 */
import type { KeyObject } from 'node:crypto';
import { bytesEqual, toBase64 } from './bytes';
import {
  checkpointOrigin,
  openCheckpoint,
  parseCheckpoint,
  parseVigilOrigin,
  signCheckpoint,
} from './checkpoint';
import { AuditError } from './errors';
import type { Keyring } from './keyring';
import { MerkleAccumulator, checkLeafHashes, leafHash } from './merkle';
import { encodeLeafData } from './encoding';
import { noteVerifier, parseNote } from './note';
import { verifyConsistency } from './proofs';
import type { SealedRootLog, SealedRootRecord, UnsignedSealedRoot } from './root';
import { consistencyProofRanges } from './streaming-proof';

/** Where a log stands: enough to extend it. */
export interface LogState {
  treeSize: number;
  frontier: readonly Uint8Array[];
}

/**
 * The log after appending a batch's leaf hashes to `previous` (undefined: a new log), with its
 * checkpoint signed under the origin `<logName>/<topic>/<partition>`. Pure.
 */
export function extendLog(args: {
  logName: string;
  topic: string;
  partition: number;
  previous: LogState | undefined;
  leafHashes: readonly Uint8Array[];
  /**
   * treeLevels(leafHashes), when the caller built the batch's tree already: its perfect subtrees
   * that line up with the log's are reused instead of hashed again (same result).
   */
  leafLevels?: readonly (readonly Uint8Array[])[];
  privateKey: KeyObject;
}): SealedRootLog {
  const { previous, leafHashes, leafLevels } = args;
  checkLeafHashes(leafHashes);
  if (leafHashes.length === 0) throw new AuditError('INVALID_ARGUMENT', 'a batch has leaves');
  if (leafLevels && leafLevels[0]?.length !== leafHashes.length) {
    throw new AuditError('INVALID_ARGUMENT', 'leafLevels are not of these leaf hashes');
  }
  const origin = checkpointOrigin(args.logName, args.topic, args.partition);
  const tree = previous
    ? MerkleAccumulator.fromFrontier(previous.treeSize, previous.frontier)
    : new MerkleAccumulator();
  if (leafLevels) tree.addLevels(leafLevels);
  else for (const leaf of leafHashes) tree.add(leaf);
  const treeRoot = tree.root();
  return {
    treeSize: tree.size,
    treeRoot,
    frontier: tree.frontier(),
    checkpoint: signCheckpoint({ origin, size: tree.size, rootHash: treeRoot }, args.privateKey),
  };
}

/**
 * Why a version-2 root's log fields contradict each other or the root, or undefined: the frontier
 * must have one hash per set bit of treeSize and fold to treeRoot, treeSize must hold the batch,
 * and the checkpoint (signatures aside) must be of this topic-partition's log at
 * (treeSize, treeRoot).
 */
export function logInvariantProblem(root: UnsignedSealedRoot): string | undefined {
  const log = root.log;
  if (!log) return undefined;
  if (log.treeSize < root.leafCount) {
    return `log treeSize ${log.treeSize} is smaller than the batch's leafCount ${root.leafCount}`;
  }
  let folded: Uint8Array;
  try {
    folded = MerkleAccumulator.fromFrontier(log.treeSize, log.frontier).root();
  } catch (error) {
    return `log frontier: ${error instanceof AuditError ? error.message : 'unusable'}`;
  }
  if (!bytesEqual(folded, log.treeRoot)) {
    return `log frontier does not fold to treeRoot ${toBase64(log.treeRoot)}`;
  }
  try {
    const checkpoint = parseCheckpoint(parseNote(log.checkpoint).text);
    const origin = parseVigilOrigin(checkpoint.origin);
    if (origin.topic !== root.topic || origin.partition !== root.partition) {
      return `log checkpoint origin ${checkpoint.origin} is not of ${root.topic}/${root.partition}`;
    }
    if (checkpoint.size !== log.treeSize || !bytesEqual(checkpoint.rootHash, log.treeRoot)) {
      return `log checkpoint is of size ${checkpoint.size}, not of the root's tree (size ${log.treeSize})`;
    }
    if (checkpoint.extensions) return 'log checkpoint has extension lines; Vigil writes none';
  } catch (error) {
    return `log checkpoint: ${error instanceof AuditError ? error.message : 'unreadable'}`;
  }
  return undefined;
}

/** The origin of a version-2 root's log, from its checkpoint; undefined for version 1. */
export function rootOrigin(root: SealedRootRecord): string | undefined {
  if (!root.log) return undefined;
  try {
    return parseCheckpoint(parseNote(root.log.checkpoint).text).origin;
  } catch {
    return undefined;
  }
}

export type LogProblemKind =
  /** The checkpoint note is not signed by the key that signed the root, or not validly. */
  | 'LOG_CHECKPOINT'
  /** treeSize is not the previous treeSize plus leafCount (or, starting a log, leafCount). */
  | 'LOG_SIZE'
  /** The log changed origin (log name) between two roots of one chain. */
  | 'LOG_ORIGIN'
  /** A version-1 root after a version-2 root: the log would end. */
  | 'LOG_DOWNGRADE'
  /** The previous frontier plus this batch's leaves do not give this root's tree. */
  | 'LOG_ROOT'
  /** The consistency proof between the two checkpoints does not verify. */
  | 'LOG_INCONSISTENT';

export interface LogProblem {
  kind: LogProblemKind;
  message: string;
}

/**
 * What is wrong with one step of the log: `root` following `previous` (its predecessor in the
 * chain, undefined for batch 0). Assumes both roots are well-formed and signed (verifyChain's
 * business). With the batch's leaf hashes it also recomputes the tree from the previous frontier
 * and checks the consistency proof between the two checkpoints, as any log verifier would;
 * without them it checks sizes, origins and the checkpoint's signature only.
 */
export function verifyLogStep(args: {
  previous: SealedRootRecord | undefined;
  root: SealedRootRecord;
  keyring: Keyring;
  batchLeafHashes?: readonly Uint8Array[];
}): LogProblem[] {
  const { previous, root, keyring } = args;
  const problems: LogProblem[] = [];
  const log = root.log;
  if (!log) {
    if (previous?.log) {
      problems.push({
        kind: 'LOG_DOWNGRADE',
        message: `a version ${root.version} root follows a version 2 root: the log ends here`,
      });
    }
    return problems;
  }
  const origin = rootOrigin(root);
  const key = keyring.get(root.keyId);
  if (origin !== undefined && key) {
    try {
      openCheckpoint(log.checkpoint, [noteVerifier(origin, key)], { origin });
    } catch (error) {
      problems.push({
        kind: 'LOG_CHECKPOINT',
        message: `checkpoint at size ${log.treeSize}: ${error instanceof AuditError ? error.message : 'does not verify'}`,
      });
    }
  }
  const prevLog = previous?.log;
  const expectedSize = (prevLog?.treeSize ?? 0) + root.leafCount;
  if (log.treeSize !== expectedSize) {
    problems.push({
      kind: 'LOG_SIZE',
      message: prevLog
        ? `tree size ${log.treeSize} is not ${prevLog.treeSize} + ${root.leafCount} leaves = ${expectedSize}`
        : `the log starts here, so its tree size must be the batch's ${root.leafCount} leaves, not ${log.treeSize}`,
    });
  }
  const prevOrigin = previous ? rootOrigin(previous) : undefined;
  if (prevOrigin !== undefined && origin !== undefined && prevOrigin !== origin) {
    problems.push({
      kind: 'LOG_ORIGIN',
      message: `the log's origin changed from ${prevOrigin} to ${origin}`,
    });
  }
  if (args.batchLeafHashes) {
    problems.push(...verifyLogStepLeaves(previous, root, args.batchLeafHashes));
  }
  return problems;
}

/**
 * The part of verifyLogStep that needs the batch's leaf hashes: the previous tree (from its
 * frontier) plus these leaves must be this root's tree (LOG_ROOT), and the consistency proof
 * between the two checkpoints, computed from them, must verify (LOG_INCONSISTENT). Nothing is
 * checked when the leaf count is not the batch's (the batch check reports that).
 */
export function verifyLogStepLeaves(
  previous: SealedRootRecord | undefined,
  root: SealedRootRecord,
  leaves: readonly Uint8Array[],
): LogProblem[] {
  const log = root.log;
  if (!log || leaves.length !== root.leafCount) return [];
  const prevLog = previous?.log;
  const tree = prevLog
    ? MerkleAccumulator.fromFrontier(prevLog.treeSize, prevLog.frontier)
    : new MerkleAccumulator();
  for (const leaf of leaves) tree.add(leaf);
  if (tree.size !== log.treeSize || !bytesEqual(tree.root(), log.treeRoot)) {
    return [
      {
        kind: 'LOG_ROOT',
        message: `the previous tree (size ${prevLog?.treeSize ?? 0}) plus this batch's ${leaves.length} leaves has root ${toBase64(tree.root())}, not the sealed ${toBase64(log.treeRoot)} of size ${log.treeSize}`,
      },
    ];
  }
  if (prevLog) {
    const proof = consistencyProofFromFrontier(prevLog, leaves);
    if (!verifyConsistency(prevLog.treeSize, log.treeSize, proof, prevLog.treeRoot, log.treeRoot)) {
      return [
        {
          kind: 'LOG_INCONSISTENT',
          message: `checkpoint of size ${log.treeSize} is not proven to extend checkpoint of size ${prevLog.treeSize}`,
        },
      ];
    }
  }
  return [];
}

/**
 * Checks every step of one partition's log against its records as they stream past in offset
 * order (verifyLogStepLeaves per batch), holding one batch's leaf hashes at a time. `roots` are
 * the chain's trusted roots; the first copy of each sequence is followed (verifyChain reports
 * forks), and steps across a missing sequence are skipped (verifyChain reports the gap).
 */
export class LogVerifier {
  private readonly chain: SealedRootRecord[];
  private index = 0;
  private leaves: Uint8Array[] = [];
  private readonly problems: (LogProblem & { batchSequence: number })[] = [];

  constructor(roots: readonly SealedRootRecord[]) {
    const bySequence = new Map<number, SealedRootRecord>();
    for (const root of roots) {
      if (!bySequence.has(root.batchSequence)) bySequence.set(root.batchSequence, root);
    }
    const ordered = [...bySequence.values()].sort((a, b) => a.batchSequence - b.batchSequence);
    const start = ordered.findIndex((r) => r.log !== undefined);
    this.chain = start < 0 ? [] : ordered.slice(start);
    // Batches must not overlap for records to be attributed; verifyChain reports overlaps.
    for (let i = 1; i < this.chain.length; i++) {
      if (
        (this.chain[i] as SealedRootRecord).firstOffset <=
        (this.chain[i - 1] as SealedRootRecord).lastOffset
      ) {
        this.chain.length = i;
        break;
      }
    }
  }

  /** The partition's next record (offsets must not decrease). */
  add(topic: string, partition: number, offset: number, value: Uint8Array): void {
    while (
      this.index < this.chain.length &&
      offset > (this.chain[this.index] as SealedRootRecord).lastOffset
    ) {
      this.close();
    }
    const root = this.chain[this.index];
    if (!root || offset < root.firstOffset) return;
    this.leaves.push(leafHash(encodeLeafData({ topic, partition, offset }, value)));
  }

  finish(): (LogProblem & { batchSequence: number })[] {
    while (this.index < this.chain.length) this.close();
    return this.problems;
  }

  private close(): void {
    const root = this.chain[this.index] as SealedRootRecord;
    const previous = this.index > 0 ? this.chain[this.index - 1] : undefined;
    const linked = !previous || previous.batchSequence + 1 === root.batchSequence;
    if (linked && root.log && (previous === undefined || previous.log !== undefined)) {
      for (const p of verifyLogStepLeaves(previous, root, this.leaves)) {
        this.problems.push({ ...p, batchSequence: root.batchSequence });
      }
    }
    this.leaves = [];
    this.index++;
  }
}

/**
 * RFC 6962 PROOF(oldSize, D[oldSize + newLeaves.length]) from the old tree's frontier and the
 * leaves added since, without the old leaves. Each proof hash is the root of a leaf range that
 * lies wholly before or wholly after oldSize (consistencyProofRanges); the ranges before it are
 * always maximal perfect subtrees of [0, oldSize), i.e. frontier entries.
 */
export function consistencyProofFromFrontier(
  old: LogState,
  newLeaves: readonly Uint8Array[],
): Uint8Array[] {
  checkLeafHashes(newLeaves);
  const m = old.treeSize;
  const n = m + newLeaves.length;
  // Frontier entry i covers [starts[i], starts[i] + sizes[i]).
  const byRange = new Map<string, Uint8Array>();
  let start = 0;
  let i = 0;
  for (let bit = 2 ** 52; bit >= 1; bit /= 2) {
    if (Math.floor(m / bit) % 2 === 1) {
      const hash = old.frontier[i++];
      if (!hash) break;
      byRange.set(`${start}:${start + bit}`, hash);
      start += bit;
    }
  }
  if (i !== old.frontier.length) {
    throw new AuditError(
      'INVALID_ARGUMENT',
      `a tree of size ${m} has a frontier of one hash per set bit of its size`,
    );
  }
  return consistencyProofRanges(m, n).map(([lo, hi]) => {
    if (hi <= m) {
      const hash = byRange.get(`${lo}:${hi}`);
      if (!hash) {
        throw new AuditError('INVALID_ARGUMENT', `no frontier entry for leaves ${lo}..${hi - 1}`);
      }
      return hash;
    }
    return rangeRoot(newLeaves, lo - m, hi - m);
  });
}

function rangeRoot(leaves: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  const tree = new MerkleAccumulator();
  for (let j = lo; j < hi; j++) tree.add(leaves[j] as Uint8Array);
  return tree.root();
}
