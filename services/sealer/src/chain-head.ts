import type { LogState } from '@vigil/audit';

/**
 * The head of one topic-partition's chain: what the next root must extend.
 *
 * The head travels in the consumer group's committed-offset metadata, written in the same Kafka
 * transaction as the root it describes, so it is an index of the chain, not a second source of
 * truth. It is only a hint, though: kafkajs cannot ask for stable offsets (KIP-447), and a new
 * owner has been seen to read the head from before the last committed root. The published
 * chain decides (see `chooseHead`); the hint says where in sealed-roots to start reading it.
 */
export interface ChainHead {
  /** Sequence of the last published root. */
  batchSequence: number;
  /** Last offset that root sealed; sealing resumes at lastOffset + 1. */
  lastOffset: number;
  /** sealedRootHash of the last published root: the next root's prevRootHash. */
  rootHash: Uint8Array;
  /** Where that root is stored in the sealed-roots topic, when known. */
  stored?: { partition: number; offset: number };
  /**
   * The partition's cumulative log after that root (version 2 roots), read from the published
   * root itself: what the next batch's leaves extend. Absent after a version-1 root, in which
   * case the next root starts the log.
   */
  log?: LogState;
}

const FORMAT = 1;

export function encodeHeadMetadata(head: ChainHead): string {
  return JSON.stringify({
    v: FORMAT,
    seq: head.batchSequence,
    last: head.lastOffset,
    hash: Buffer.from(head.rootHash).toString('hex'),
    ...(head.stored && { rp: head.stored.partition, ro: head.stored.offset }),
  });
}

/** Returns undefined for metadata that is absent or not ours (e.g. after a manual offset reset). */
export function decodeHeadMetadata(metadata: string | null | undefined): ChainHead | undefined {
  if (!metadata) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { v, seq, last, hash, rp, ro } = parsed as Record<string, unknown>;
  if (v !== FORMAT) return undefined;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) return undefined;
  if (!Number.isSafeInteger(last) || (last as number) < 0) return undefined;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
  const head: ChainHead = {
    batchSequence: seq as number,
    lastOffset: last as number,
    rootHash: new Uint8Array(Buffer.from(hash, 'hex')),
  };
  // Heads written before the position was recorded have none: the chain is then read whole.
  if (isOffset(rp) && isOffset(ro)) head.stored = { partition: rp, offset: ro };
  return head;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Why no head could be settled on; the caller retries, it never starts a new chain. */
export class ChainHeadConflict extends Error {
  override readonly name = 'ChainHeadConflict';
}

/**
 * Settles the head to extend from what the group's offsets say (`committed`, a hint that may
 * lag) and the newest trusted root read from sealed-roots through its high watermark after this
 * instance fenced every earlier owner (`published`, the truth). `ownHead` is what this instance
 * itself last published, if anything. Every doubt is a conflict to retry, because extending the
 * wrong head publishes a second root with one sequence number: a fork.
 */
export function chooseHead(args: {
  committed: ChainHead | undefined;
  committedOffset: number;
  published: ChainHead | undefined;
  ownHead: ChainHead | undefined;
}): ChainHead | undefined {
  const { committed, committedOffset, published, ownHead } = args;
  if (committed && !published) {
    throw new ChainHeadConflict(
      `committed head batch ${committed.batchSequence} has no trusted root in sealed-roots`,
    );
  }
  if (!published && committedOffset >= 0) {
    throw new ChainHeadConflict(
      `offset ${committedOffset} is committed but the chain has no root; refusing to start a new chain`,
    );
  }
  if (committed && published) {
    if (published.batchSequence < committed.batchSequence) {
      throw new ChainHeadConflict(
        `sealed-roots read ends at batch ${published.batchSequence}, before committed batch ${committed.batchSequence}`,
      );
    }
    if (
      published.batchSequence === committed.batchSequence &&
      !Buffer.from(published.rootHash).equals(Buffer.from(committed.rootHash))
    ) {
      throw new ChainHeadConflict(
        `batch ${committed.batchSequence} in sealed-roots is not the root the offsets commit to`,
      );
    }
  }
  if (ownHead && (!published || published.batchSequence < ownHead.batchSequence)) {
    throw new ChainHeadConflict(
      `sealed-roots read ends at batch ${published?.batchSequence ?? 'none'}, before batch ${ownHead.batchSequence} that this instance published`,
    );
  }
  return published;
}
