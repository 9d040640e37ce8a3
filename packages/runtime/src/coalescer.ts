import { backoffDelay, sleep, type BackoffOptions } from './backoff';

export interface CoalescerOptions<T, R> {
  /** How long the first item of a batch may wait for company when nothing is in flight. */
  lingerMs: number;
  /** A flush carries at most this many items... */
  maxItems: number;
  /** ...and at most this many bytes (an item larger than this is flushed alone). */
  maxBytes: number;
  /** Sends one batch; resolves with one result per item, in order. */
  send(items: readonly T[]): Promise<readonly R[]>;
  /**
   * Unset: a failed send rejects the promises of its items (their callers decide what next).
   * Set: a failed send is retried, never reported to the submitters; its items go back to the
   * front of the buffer, in order, and leave again after this backoff (the next batch may carry
   * more). For a log that must not drop what it took: bound it by refusing to submit while
   * `pending` is too high.
   */
  retry?: BackoffOptions;
  /** Observes every flush (metrics); a retried failure is reported here too. */
  onFlush?(flush: {
    items: number;
    bytes: number;
    durationMs: number;
    error?: unknown;
    retryInMs?: number;
  }): void;
  now?: () => number;
}

interface Entry<T, R> {
  item: T;
  bytes: number;
  at: number;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Turns many concurrent small sends into few large ones, with at most ONE send in flight.
 *
 * Items wait in a buffer. A flush starts when the buffer reaches `maxItems`/`maxBytes`, or when
 * the oldest item has waited `lingerMs` (and the current event loop turn is over); but never
 * while another flush is in flight. While one
 * flush is out, the buffer fills and leaves as the next flush the moment it returns: under load
 * batches grow with the latency of the send instead of requests queueing one by one. One send in
 * flight is also what the idempotent Kafka producer needs: its sequence numbers are only safe if
 * a retried request is not overtaken by the next one.
 *
 * Items leave in arrival order, so two items that share a key keep their order.
 */
export class Coalescer<T, R> {
  private buffer: Entry<T, R>[] = [];
  private bufferBytes = 0;
  /** Cancels the pending linger timer, when one is set. */
  private cancelTimer: (() => void) | undefined;
  private inFlight: { since: number; done: Promise<void> } | undefined;
  /** Items of the send in flight (none while a failed one waits in the buffer to be retried). */
  private inFlightItems = 0;
  private readonly now: () => number;
  /** Consecutive failed sends, for the retry backoff. */
  private failures = 0;

  constructor(private readonly options: CoalescerOptions<T, R>) {
    this.now = options.now ?? Date.now;
  }

  submit(item: T, bytes: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.buffer.push({ item, bytes, at: this.now(), resolve, reject });
      this.bufferBytes += bytes;
      this.schedule();
    });
  }

  /** Items waiting plus items in flight are the caller's to bound; this reports the first. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** Items submitted and not yet settled: those waiting plus those in flight. */
  get pending(): number {
    return this.buffer.length + this.inFlightItems;
  }

  /** When the flush now in flight started, or undefined when none is. */
  get inFlightSince(): number | undefined {
    return this.inFlight?.since;
  }

  /**
   * Resolves once the buffer is empty and nothing is in flight: everything submitted so far (and
   * meanwhile) has been sent, or has failed. In retry mode nothing fails, so this waits for as
   * long as sends keep failing.
   */
  async drain(): Promise<void> {
    while (this.inFlight || this.buffer.length > 0) {
      if (!this.inFlight) this.flush();
      await this.inFlight?.done;
    }
  }

  private schedule(): void {
    if (this.inFlight || this.buffer.length === 0) return;
    if (this.buffer.length >= this.options.maxItems || this.bufferBytes >= this.options.maxBytes) {
      this.flush();
      return;
    }
    if (this.cancelTimer) return;
    const fire = () => {
      this.cancelTimer = undefined;
      this.flush();
    };
    const remaining = this.options.lingerMs - (this.now() - (this.buffer[0] as Entry<T, R>).at);
    // Even when the linger is over, wait for the end of this turn of the event loop: the events of
    // one batch request, and requests that arrived together, are submitted in the same turn.
    if (remaining > 0) {
      const timer = setTimeout(fire, remaining);
      this.cancelTimer = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(fire);
      this.cancelTimer = () => clearImmediate(immediate);
    }
  }

  private flush(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const batch = this.take();
    if (batch.length === 0) return;
    const started = this.now();
    const bytes = batch.reduce((sum, e) => sum + e.bytes, 0);
    this.inFlightItems = batch.length;
    const done = this.sendBatch(batch, started, bytes).finally(() => {
      this.inFlight = undefined;
      this.inFlightItems = 0;
      this.schedule();
    });
    this.inFlight = { since: started, done };
  }

  private async sendBatch(batch: Entry<T, R>[], started: number, bytes: number): Promise<void> {
    let results: readonly R[];
    try {
      results = await this.options.send(batch.map((e) => e.item));
      if (results.length !== batch.length) {
        throw new Error(`send returned ${results.length} results for ${batch.length} items`);
      }
    } catch (error) {
      const { retry } = this.options;
      const retryInMs = retry ? backoffDelay(this.failures++, retry) : undefined;
      this.options.onFlush?.({
        items: batch.length,
        bytes,
        durationMs: this.now() - started,
        error,
        retryInMs,
      });
      if (retryInMs === undefined) {
        for (const entry of batch) entry.reject(error);
        return;
      }
      // Still "in flight" while backing off: nothing overtakes the failed batch.
      this.buffer.unshift(...batch);
      this.bufferBytes += bytes;
      this.inFlightItems = 0;
      await sleep(retryInMs);
      return;
    }
    this.failures = 0;
    this.options.onFlush?.({ items: batch.length, bytes, durationMs: this.now() - started });
    batch.forEach((entry, i) => entry.resolve(results[i] as R));
  }

  /** Takes the next batch off the front of the buffer, within the item and byte limits. */
  private take(): Entry<T, R>[] {
    let count = 0;
    let bytes = 0;
    for (const entry of this.buffer) {
      if (count >= this.options.maxItems) break;
      if (count > 0 && bytes + entry.bytes > this.options.maxBytes) break;
      count += 1;
      bytes += entry.bytes;
    }
    const batch = this.buffer.splice(0, count);
    this.bufferBytes -= bytes;
    return batch;
  }
}
