/**
 * The head of one topic-partition's chain: what the next root must extend.
 *
 * The head travels in the consumer group's committed-offset metadata, written in the same Kafka
 * transaction as the root it describes. Kafka commits the root and the offset atomically, so the
 * committed offset is never ahead of or behind the published chain: it is an index of the chain,
 * not a second source of truth.
 */
export interface ChainHead {
  /** Sequence of the last published root. */
  batchSequence: number;
  /** Last offset that root sealed; sealing resumes at lastOffset + 1. */
  lastOffset: number;
  /** sealedRootHash of the last published root: the next root's prevRootHash. */
  rootHash: Uint8Array;
}

const FORMAT = 1;

export function encodeHeadMetadata(head: ChainHead): string {
  return JSON.stringify({
    v: FORMAT,
    seq: head.batchSequence,
    last: head.lastOffset,
    hash: Buffer.from(head.rootHash).toString('hex'),
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
  const { v, seq, last, hash } = parsed as Record<string, unknown>;
  if (v !== FORMAT) return undefined;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) return undefined;
  if (!Number.isSafeInteger(last) || (last as number) < 0) return undefined;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
  return {
    batchSequence: seq as number,
    lastOffset: last as number,
    rootHash: new Uint8Array(Buffer.from(hash, 'hex')),
  };
}
