import { BatchBuffer, type SealableRecord } from '../src/batch-buffer';

const record = (offset: number): SealableRecord => ({
  offset,
  value: Buffer.from(`event-${offset}`),
  timestampMs: 1_000 + offset,
});

describe('BatchBuffer', () => {
  it('cuts batches of at most maxEvents, oldest first', () => {
    const buffer = new BatchBuffer(3, -1);
    for (let o = 0; o < 7; o++) buffer.add(record(o), 0);
    expect(buffer.isFull()).toBe(true);
    expect(buffer.peekBatch().map((r) => r.offset)).toEqual([0, 1, 2]);
    buffer.markSealedThrough(2, 10);
    expect(buffer.peekBatch().map((r) => r.offset)).toEqual([3, 4, 5]);
    buffer.markSealedThrough(5, 20);
    expect(buffer.peekBatch().map((r) => r.offset)).toEqual([6]);
    expect(buffer.isFull()).toBe(false);
  });

  it('offers every full batch at the front as due, up to a limit, or else the one partial batch', () => {
    const buffer = new BatchBuffer(3, -1);
    expect(buffer.peekDueBatches(8)).toEqual([]);
    for (let o = 0; o < 2; o++) buffer.add(record(o), 0);
    expect(buffer.peekDueBatches(8).map((b) => b.map((r) => r.offset))).toEqual([[0, 1]]);
    for (let o = 2; o < 11; o++) buffer.add(record(o), 0);
    expect(buffer.peekDueBatches(8).map((b) => b.map((r) => r.offset))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
    expect(buffer.peekDueBatches(2).map((b) => b.map((r) => r.offset))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    // Offers only: nothing leaves the buffer until it is sealed.
    expect(buffer.size).toBe(11);
  });

  it('counts the buffered value bytes, for the memory bound', () => {
    const buffer = new BatchBuffer(3, -1);
    // record(n)'s value is `event-${n}`: 7 bytes below 10, 8 from 10.
    for (let o = 0; o < 12; o++) buffer.add(record(o), 0);
    expect(buffer.bytes).toBe(10 * 7 + 2 * 8);
    buffer.add(record(3), 0);
    expect(buffer.bytes).toBe(86);
    buffer.markSealedThrough(9, 0);
    expect(buffer.bytes).toBe(16);
    buffer.markSealedThrough(11, 0);
    expect(buffer.bytes).toBe(0);
  });

  it('never takes an offset that is already sealed or buffered (re-fetch after a rebalance)', () => {
    const buffer = new BatchBuffer(10, 4);
    expect(buffer.add(record(3), 0)).toBe(false);
    expect(buffer.add(record(4), 0)).toBe(false);
    expect(buffer.add(record(5), 0)).toBe(true);
    expect(buffer.add(record(5), 0)).toBe(false);
    expect(buffer.add(record(7), 0)).toBe(true);
    expect(buffer.peekBatch().map((r) => r.offset)).toEqual([5, 7]);
  });

  it('opens the batch window at the first record timestamp, so seal latency stays bounded', () => {
    const buffer = new BatchBuffer(10, -1);
    expect(buffer.openedAtMs).toBeUndefined();
    // record(n) was produced at 1000 + n; it arrives at 1200.
    buffer.add(record(0), 1_200, 1_000);
    buffer.add(record(1), 1_250, 1_000);
    expect(buffer.openedAtMs).toBe(1_000);
    buffer.markSealedThrough(0, 1_300);
    expect(buffer.openedAtMs).toBe(1_001);
    buffer.markSealedThrough(1, 1_400);
    expect(buffer.openedAtMs).toBeUndefined();
    expect(buffer.size).toBe(0);
  });

  it('does not open a window older than one batch interval for a backlog', () => {
    const buffer = new BatchBuffer(10, -1);
    buffer.add(record(0), 60_000, 1_000);
    expect(buffer.openedAtMs).toBe(59_000);
  });

  it('drops buffered records that another owner sealed meanwhile', () => {
    const buffer = new BatchBuffer(10, -1);
    for (let o = 0; o < 5; o++) buffer.add(record(o), 0);
    buffer.markSealedThrough(3, 0);
    expect(buffer.peekBatch().map((r) => r.offset)).toEqual([4]);
    expect(buffer.add(record(2), 0)).toBe(false);
  });
});
