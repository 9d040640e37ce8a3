/** A record as consumed: its position and the exact bytes Kafka stored. */
export interface SealableRecord {
  offset: number;
  value: Uint8Array;
  /** Broker/producer timestamp in epoch ms, for seal-lag metrics. */
  timestampMs: number;
}

/**
 * Records of one partition waiting to be sealed, in offset order. It refuses anything at or
 * below what is already sealed or buffered, so a re-fetch after a rebalance or seek can never
 * put an offset into two batches.
 */
export class BatchBuffer {
  private records: SealableRecord[] = [];
  private valueBytes = 0;
  private firstBufferedAtMs: number | undefined;
  private waitingSinceMs: number | undefined;

  constructor(
    private readonly maxEvents: number,
    /** Offsets at or below this are sealed already. -1 when nothing is. */
    private sealedThrough: number,
  ) {}

  get size(): number {
    return this.records.length;
  }

  /** The buffered records' value bytes, for the memory bound. */
  get bytes(): number {
    return this.valueBytes;
  }

  get highestOffset(): number {
    return this.records.at(-1)?.offset ?? this.sealedThrough;
  }

  /** When the oldest buffered record arrived, for the time-based cut. */
  get openedAtMs(): number | undefined {
    return this.firstBufferedAtMs;
  }

  /**
   * Since when the buffered records have waited here, by the clock (not by their timestamps):
   * the first add into an empty buffer, or the last seal that left records behind.
   */
  get waitingSince(): number | undefined {
    return this.waitingSinceMs;
  }

  /**
   * Adds a record; returns false (and ignores it) when its offset is not new. The batch opens at
   * the first record's own timestamp, so its wait in Kafka and in the fetch counts against the
   * batch window (seal latency is measured from the record timestamp). It is clamped to
   * `maxAgeMs` back, so a backlog of old records does not cut one tiny batch per fetch.
   */
  add(record: SealableRecord, nowMs: number, maxAgeMs = 0): boolean {
    if (record.offset <= this.highestOffset) return false;
    if (this.records.length === 0) {
      this.firstBufferedAtMs = Math.max(nowMs - maxAgeMs, Math.min(nowMs, record.timestampMs));
      this.waitingSinceMs = nowMs;
    }
    this.records.push(record);
    this.valueBytes += record.value.length;
    return true;
  }

  isFull(): boolean {
    return this.records.length >= this.maxEvents;
  }

  /** The next batch to seal: up to maxEvents records from the front. Does not remove them. */
  peekBatch(): SealableRecord[] {
    return this.records.slice(0, this.maxEvents);
  }

  /**
   * The batches to seal now, oldest first, without removing them: every full batch at the
   * front, at most `maxBatches` of them; when none is full, the one partial batch (its cut is
   * the caller's decision: its window closed, or a flush).
   */
  peekDueBatches(maxBatches: number): SealableRecord[][] {
    const full = Math.min(maxBatches, Math.floor(this.records.length / this.maxEvents));
    if (full === 0) return this.records.length > 0 ? [this.peekBatch()] : [];
    const batches: SealableRecord[][] = [];
    for (let i = 0; i < full; i++) {
      batches.push(this.records.slice(i * this.maxEvents, (i + 1) * this.maxEvents));
    }
    return batches;
  }

  /** Drops everything at or below `offset`, once a root covering it is published. */
  markSealedThrough(offset: number, nowMs: number): void {
    this.sealedThrough = Math.max(this.sealedThrough, offset);
    const firstKept = this.records.findIndex((r) => r.offset > offset);
    const dropped = firstKept === -1 ? this.records.length : firstKept;
    for (let i = 0; i < dropped; i++)
      this.valueBytes -= (this.records[i] as SealableRecord).value.length;
    this.records = firstKept === -1 ? [] : this.records.slice(firstKept);
    const next = this.records[0];
    this.firstBufferedAtMs = next ? Math.min(nowMs, next.timestampMs) : undefined;
    this.waitingSinceMs = next ? nowMs : undefined;
  }
}
