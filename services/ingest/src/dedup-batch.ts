/**
 * One request's part of a dedup script call: its keys, and per key one value in each column
 * (the scripts take their arguments column by column: every key's first value, then every key's
 * second value, and so on).
 */
export interface ScriptShare {
  source: string;
  keys: readonly string[];
  columns: readonly (readonly (string | number)[])[];
}

/** The shares of one source merged into one script call, and where each share's keys start. */
export interface ScriptCall {
  source: string;
  keys: string[];
  /** The columns one after the other, as ARGV. */
  args: (string | number)[];
  /** For each merged share: its index in the flush and its first key in `keys`. */
  members: { share: number; offset: number; count: number }[];
}

/**
 * Merges the shares of one flush into one call per source, keeping their order. A source's keys
 * share one cluster slot (its hash tag), so one call per source is also one call per slot; and
 * the scripts treat key after key independently, so a merged call does what the separate calls
 * did, one after the other, in arrival order: of two requests that claim the same id, the
 * first gets the claim and the second finds it.
 */
export function mergeShares(shares: readonly ScriptShare[]): ScriptCall[] {
  const bySource = new Map<string, { call: ScriptCall; columns: (string | number)[][] }>();
  shares.forEach((share, index) => {
    let entry = bySource.get(share.source);
    if (!entry) {
      entry = {
        call: { source: share.source, keys: [], args: [], members: [] },
        columns: share.columns.map(() => []),
      };
      bySource.set(share.source, entry);
    }
    const { call, columns } = entry;
    if (share.columns.length !== columns.length) {
      throw new Error(`share ${index} has ${share.columns.length} columns, not ${columns.length}`);
    }
    call.members.push({ share: index, offset: call.keys.length, count: share.keys.length });
    for (const key of share.keys) call.keys.push(key);
    share.columns.forEach((column, c) => {
      if (column.length !== share.keys.length) {
        throw new Error(
          `share ${index}: column ${c} has ${column.length} values for ${share.keys.length} keys`,
        );
      }
      const merged = columns[c] as (string | number)[];
      for (const value of column) merged.push(value);
    });
  });
  return [...bySource.values()].map(({ call, columns }) => {
    for (const column of columns) for (const value of column) call.args.push(value);
    return call;
  });
}

/**
 * Gathers what is submitted during one turn of the event loop and sends it as one batch at the
 * end of the turn (setImmediate: requests whose bytes arrived together are handled in one turn).
 * Unlike the runtime's Coalescer, batches never wait for one another: a request is not held
 * back behind a round trip that is still out, it only shares the next one. A batch carries at
 * most `maxWeight` (an item heavier than that goes alone).
 */
export class TurnBatcher<T, R> {
  private pending: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
  private pendingWeight = 0;
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly maxWeight: number,
    private readonly send: (items: readonly T[]) => Promise<readonly R[]>,
  ) {}

  submit(item: T, weight: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.pending.length > 0 && this.pendingWeight + weight > this.maxWeight) this.flush();
      this.pending.push({ item, resolve, reject });
      this.pendingWeight += weight;
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.pending;
    this.pending = [];
    this.pendingWeight = 0;
    let sent: Promise<readonly R[]>;
    try {
      sent = this.send(batch.map((entry) => entry.item));
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (results) => {
        batch.forEach((entry, i) => {
          if (i < results.length) entry.resolve(results[i] as R);
          else entry.reject(new Error(`the batch answered ${results.length} of ${batch.length}`));
        });
      },
      (error: unknown) => {
        for (const entry of batch) entry.reject(error);
      },
    );
  }
}
