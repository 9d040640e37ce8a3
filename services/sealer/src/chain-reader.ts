import type { ChainHead } from './chain-head';

/** Where a chain's last known root is stored in sealed-roots. */
export type StoredAt = NonNullable<ChainHead['stored']>;

/** Reads sealed-roots: the given partitions from the given offsets, or (undefined) all of it. */
export type ScanChains = (from: Map<number, number> | undefined) => Promise<Map<string, ChainHead>>;

interface Request {
  chain: string;
  from: StoredAt | undefined;
  resolve(head: ChainHead | undefined): void;
  reject(err: unknown): void;
}

/**
 * Answers "what is the newest published root of chain T/P?" for many partitions at once. After
 * a rebalance every newly assigned partition asks at the same moment, and each read of
 * sealed-roots costs a throwaway consumer group, so requests that arrive together share one read.
 *
 * A request is answered only by a read that starts after the request was made: the requester
 * has just fenced the chain's earlier owners, and a read already under way may have started
 * before their last root was settled. Requests arriving during a read wait for the next one.
 */
export class ChainReader {
  private queued: Request[] = [];
  private reading = false;

  constructor(private readonly scan: ScanChains) {}

  /**
   * The chain's newest trusted root. `from` is where a root of this chain is known to be stored
   * (the read starts there); without it, or when `from` is not where the chain's roots go now,
   * the whole topic is read.
   */
  newestRoot(chain: string, from?: StoredAt): Promise<ChainHead | undefined> {
    return new Promise((resolve, reject) => {
      this.queued.push({ chain, from, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.reading || this.queued.length === 0) return;
    this.reading = true;
    const requests = this.queued;
    this.queued = [];
    try {
      const heads = await this.scan(startOffsets(requests.map((r) => r.from)));
      for (const request of requests) request.resolve(heads.get(request.chain));
    } catch (err) {
      for (const request of requests) request.reject(err);
    } finally {
      this.reading = false;
      void this.pump();
    }
  }
}

/**
 * One read that serves every request: each partition from the earliest offset asked for. A
 * request without a position needs the whole topic.
 */
export function startOffsets(
  positions: readonly (StoredAt | undefined)[],
): Map<number, number> | undefined {
  const from = new Map<number, number>();
  for (const position of positions) {
    if (!position) return undefined;
    const known = from.get(position.partition);
    from.set(position.partition, Math.min(known ?? position.offset, position.offset));
  }
  return from;
}
