import { Coalescer } from '../src/coalescer';

/** A send function under the test's control: each call waits until the test settles it. */
function controlledSend() {
  const calls: { items: number[]; resolve(): void; reject(err: Error): void }[] = [];
  const send = (items: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => {
      calls.push({
        items: [...items],
        resolve: () => resolve(items.map((i) => i * 10)),
        reject,
      });
    });
  return { calls, send };
}

const flushMicrotasks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('Coalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits up to lingerMs for company, then sends everything in one call', async () => {
    const { calls, send } = controlledSend();
    const c = new Coalescer<number, number>({ lingerMs: 5, maxItems: 100, maxBytes: 1e6, send });
    const results = [1, 2, 3].map((n) => c.submit(n, 10));
    jest.advanceTimersByTime(4);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(calls.map((call) => call.items)).toEqual([[1, 2, 3]]);
    calls[0]!.resolve();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
  });

  it('counts as pending what waits and what is in flight, until its send settles', async () => {
    const { calls, send } = controlledSend();
    const c = new Coalescer<number, number>({ lingerMs: 0, maxItems: 2, maxBytes: 1e6, send });
    const results = [1, 2, 3].map((n) => c.submit(n, 1));
    expect(c.pending).toBe(3);
    expect(c.buffered).toBe(1);
    calls[0]!.resolve();
    await flushMicrotasks();
    jest.advanceTimersByTime(0);
    expect(c.pending).toBe(1);
    calls[1]!.resolve();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(c.pending).toBe(0);
  });

  it('in retry mode, puts a failed batch back in front and sends it again after the backoff', async () => {
    const { calls, send } = controlledSend();
    const flushes: Array<{ error?: unknown; retryInMs?: number }> = [];
    const c = new Coalescer<number, number>({
      lingerMs: 0,
      maxItems: 10,
      maxBytes: 1e6,
      send,
      retry: { initialMs: 100, maxMs: 1_000 },
      onFlush: (flush) => flushes.push(flush),
    });
    const first = [1, 2].map((n) => c.submit(n, 1));
    jest.advanceTimersByTime(0);
    const late = c.submit(3, 1);
    calls[0]!.reject(new Error('broker gone'));
    await flushMicrotasks();
    expect(flushes.map((f) => f.retryInMs)).toEqual([100]);
    // Waiting again, not twice: in the buffer, no longer in flight.
    expect(c.pending).toBe(3);
    jest.advanceTimersByTime(99);
    expect(calls).toHaveLength(1);
    jest.advanceTimersByTime(1);
    await flushMicrotasks();
    jest.advanceTimersByTime(0);
    expect(calls.map((call) => call.items)).toEqual([
      [1, 2],
      [1, 2, 3],
    ]);
    calls[1]!.resolve();
    expect(await Promise.all([...first, late])).toEqual([10, 20, 30]);
    expect(c.pending).toBe(0);
  });

  it('flushes at once when the item or byte limit is reached', () => {
    const { calls, send } = controlledSend();
    const byCount = new Coalescer<number, number>({
      lingerMs: 1000,
      maxItems: 2,
      maxBytes: 1e6,
      send,
    });
    void byCount.submit(1, 1);
    void byCount.submit(2, 1);
    expect(calls.map((call) => call.items)).toEqual([[1, 2]]);

    const bySize = new Coalescer<number, number>({
      lingerMs: 1000,
      maxItems: 100,
      maxBytes: 100,
      send,
    });
    void bySize.submit(3, 60);
    expect(calls).toHaveLength(1);
    void bySize.submit(4, 60);
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3]]);
  });

  it('keeps one send in flight; what arrives meanwhile leaves together, in order', async () => {
    const { calls, send } = controlledSend();
    const c = new Coalescer<number, number>({ lingerMs: 0, maxItems: 3, maxBytes: 1e6, send });
    void c.submit(1, 1);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(0);
    expect(calls).toHaveLength(1);
    for (const n of [2, 3, 4, 5]) void c.submit(n, 1);
    jest.advanceTimersByTime(100);
    expect(calls).toHaveLength(1);
    expect(c.inFlightSince).toBeDefined();
    calls[0]!.resolve();
    await flushMicrotasks();
    // The full batch leaves at once, the rest after this turn of the event loop.
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3, 4]]);
    calls[1]!.resolve();
    await flushMicrotasks();
    jest.advanceTimersByTime(0);
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('sends an item larger than maxBytes on its own', () => {
    const { calls, send } = controlledSend();
    const c = new Coalescer<number, number>({ lingerMs: 0, maxItems: 10, maxBytes: 10, send });
    void c.submit(1, 50);
    expect(calls.map((call) => call.items)).toEqual([[1]]);
  });

  it('rejects every item of a failed send, and carries on with the next', async () => {
    const { calls, send } = controlledSend();
    const flushes: { items: number; error?: unknown }[] = [];
    const c = new Coalescer<number, number>({
      lingerMs: 0,
      maxItems: 2,
      maxBytes: 1e6,
      send,
      onFlush: (f) => flushes.push({ items: f.items, error: f.error }),
    });
    const first = [c.submit(1, 1), c.submit(2, 1)];
    const third = c.submit(3, 1);
    expect(calls).toHaveLength(1);
    calls[0]!.reject(new Error('broker gone'));
    await expect(first[0]).rejects.toThrow('broker gone');
    await expect(first[1]).rejects.toThrow('broker gone');
    await flushMicrotasks();
    jest.advanceTimersByTime(0);
    calls[1]!.resolve();
    await expect(third).resolves.toBe(30);
    expect(flushes).toEqual([{ items: 2, error: expect.any(Error) }, { items: 1 }]);
  });

  it('fails the batch when send returns the wrong number of results', async () => {
    const c = new Coalescer<number, number>({
      lingerMs: 0,
      maxItems: 2,
      maxBytes: 1e6,
      send: async () => [1],
    });
    const results = [c.submit(1, 1), c.submit(2, 1)];
    jest.advanceTimersByTime(0);
    const settled = await Promise.allSettled(results);
    expect(settled).toEqual([
      { status: 'rejected', reason: new Error('send returned 1 results for 2 items') },
      { status: 'rejected', reason: new Error('send returned 1 results for 2 items') },
    ]);
  });

  it('drain() resolves once everything submitted has been sent', async () => {
    const { calls, send } = controlledSend();
    const c = new Coalescer<number, number>({ lingerMs: 50, maxItems: 2, maxBytes: 1e6, send });
    for (const n of [1, 2, 3]) void c.submit(n, 1);
    let drained = false;
    const drain = c.drain().then(() => (drained = true));
    await flushMicrotasks();
    expect(calls.map((call) => call.items)).toEqual([[1, 2]]);
    calls[0]!.resolve();
    await flushMicrotasks();
    jest.advanceTimersByTime(50);
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3]]);
    expect(drained).toBe(false);
    calls[1]!.resolve();
    await drain;
    expect(c.buffered).toBe(0);
  });
});
