/**
 * kafkajs's aborted-transaction filter, as patched by patches/kafkajs@2.2.4.patch (issue #17).
 * The model below is a partition log with interleaved transactions; what a read_committed reader
 * must return is known from the model, whatever order the broker lists aborted transactions in
 * and whichever offset the fetch starts at.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const filterAbortedMessages = require('kafkajs/src/consumer/filterAbortedMessages') as (args: {
  messages: Message[];
  abortedTransactions: { producerId: string; firstOffset: string }[];
}) => Message[];

interface Message {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  isControlRecord: boolean;
  batchContext: {
    firstOffset: string;
    lastOffsetDelta: number;
    producerId: string;
    inTransaction: boolean;
  };
}

interface Log {
  messages: Message[];
  /** Every aborted transaction: its producer, first offset and marker offset. */
  aborted: { producerId: string; firstOffset: number; markerOffset: number }[];
  /** Offsets of data records a read_committed reader returns. */
  committed: Set<number>;
}

const ABORT = Buffer.from([0, 0, 0, 0]);
const COMMIT = Buffer.from([0, 0, 0, 1]);

/** Small deterministic generator (mulberry32), so a failure names a reproducible seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildLog(seed: number, steps: number): Log {
  const next = random(seed);
  const messages: Message[] = [];
  const aborted: Log['aborted'] = [];
  const committed = new Set<number>();
  const open = new Map<string, { firstOffset: number; offsets: number[] }>();
  const append = (producerId: string, inTransaction: boolean, count: number, key?: Buffer) => {
    const firstOffset = messages.length;
    const batchContext = {
      firstOffset: String(firstOffset),
      lastOffsetDelta: count - 1,
      producerId,
      inTransaction,
    };
    for (let i = 0; i < count; i += 1) {
      messages.push({
        offset: String(firstOffset + i),
        key: key ?? null,
        value: key ? null : Buffer.from(`record ${firstOffset + i}`),
        isControlRecord: key !== undefined,
        batchContext,
      });
    }
    return Array.from({ length: count }, (_, i) => firstOffset + i);
  };
  const end = (producerId: string, commit: boolean) => {
    const txn = open.get(producerId)!;
    open.delete(producerId);
    const [markerOffset] = append(producerId, true, 1, commit ? COMMIT : ABORT);
    if (commit) txn.offsets.forEach((o) => committed.add(o));
    else aborted.push({ producerId, firstOffset: txn.firstOffset, markerOffset: markerOffset! });
  };
  for (let step = 0; step < steps; step += 1) {
    const producerId = String(1000 + Math.floor(next() * 4));
    if (next() < 0.15) {
      // A non-transactional (idempotent or plain) batch in between.
      append('-1', false, 1 + Math.floor(next() * 3)).forEach((o) => committed.add(o));
      continue;
    }
    const txn = open.get(producerId);
    if (txn && next() < 0.4) {
      end(producerId, next() < 0.5);
      continue;
    }
    const offsets = append(producerId, true, 1 + Math.floor(next() * 3));
    if (txn) txn.offsets.push(...offsets);
    else open.set(producerId, { firstOffset: offsets[0]!, offsets });
  }
  for (const producerId of [...open.keys()]) end(producerId, next() < 0.5);
  return { messages, aborted, committed };
}

/**
 * What one fetch from `start` hands the filter: whole record batches that reach `start`, cut at
 * `start` as kafkajs's Batch does, and the aborted transactions the broker reports for that
 * range (those not ended before `start`), in the given order.
 */
function fetchFrom(
  log: Log,
  start: number,
  order: 'first-offset' | 'abort' | 'shuffled',
  seed = 1,
) {
  const messages = log.messages.filter((m) => Number(m.offset) >= start);
  let reported = log.aborted.filter((t) => t.markerOffset >= start);
  if (order === 'first-offset')
    reported = [...reported].sort((a, b) => a.firstOffset - b.firstOffset);
  if (order === 'shuffled') {
    const next = random(seed);
    reported = [...reported].sort(() => next() - 0.5);
  }
  const abortedTransactions = reported.map((t) => ({
    producerId: t.producerId,
    firstOffset: String(t.firstOffset),
  }));
  return { messages, abortedTransactions };
}

const dataOffsets = (messages: Message[]) =>
  messages.filter((m) => !m.isControlRecord).map((m) => Number(m.offset));

describe('the patched kafkajs aborted-transaction filter', () => {
  it('drops both records of two overlapping aborted transactions listed in abort order', () => {
    const log = buildLogFromScript();
    const fetch = fetchFrom(log, 0, 'abort');
    expect(fetch.abortedTransactions.map((t) => t.firstOffset)).toEqual(['1', '0']);
    expect(dataOffsets(filterAbortedMessages(fetch))).toEqual([4]);
  });

  it('drops an aborted record when the fetch starts inside an earlier aborted transaction', () => {
    const log = buildLogFromScript();
    const fetch = fetchFrom(log, 1, 'first-offset');
    expect(dataOffsets(filterAbortedMessages(fetch))).toEqual([4]);
  });

  it('returns exactly the committed records for random logs, any start, any list order', () => {
    for (let seed = 1; seed <= 150; seed += 1) {
      const log = buildLog(seed, 60);
      for (let start = 0; start < log.messages.length; start += 1 + (seed % 3)) {
        const expected = [...log.committed].filter((o) => o >= start).sort((a, b) => a - b);
        for (const order of ['first-offset', 'abort', 'shuffled'] as const) {
          const got = dataOffsets(filterAbortedMessages(fetchFrom(log, start, order, seed)));
          if (got.join() !== expected.join()) {
            throw new Error(
              `seed ${seed}, start ${start}, ${order}: got [${got}], want [${expected}]`,
            );
          }
        }
      }
    }
  });

  it('leaves a fetch without aborted transactions untouched', () => {
    const log = buildLog(7, 40);
    const messages = log.messages.slice(3);
    expect(filterAbortedMessages({ messages, abortedTransactions: [] })).toBe(messages);
  });
});

/**
 * The reproduction from issue #17: producer A opens a transaction (offset 0), producer B opens
 * one (offset 1), B aborts (marker 2), A aborts (marker 3), producer C commits (4, marker 5).
 */
function buildLogFromScript(): Log {
  const batch = (offset: number, producerId: string, key?: Buffer): Message => ({
    offset: String(offset),
    key: key ?? null,
    value: key ? null : Buffer.from(`record ${offset}`),
    isControlRecord: key !== undefined,
    batchContext: {
      firstOffset: String(offset),
      lastOffsetDelta: 0,
      producerId,
      inTransaction: true,
    },
  });
  return {
    messages: [
      batch(0, 'A'),
      batch(1, 'B'),
      batch(2, 'B', ABORT),
      batch(3, 'A', ABORT),
      batch(4, 'C'),
      batch(5, 'C', COMMIT),
    ],
    aborted: [
      { producerId: 'B', firstOffset: 1, markerOffset: 2 },
      { producerId: 'A', firstOffset: 0, markerOffset: 3 },
    ],
    committed: new Set([4]),
  };
}
