import { mergeShares, TurnBatcher } from '../src/dedup-batch';

describe('mergeShares', () => {
  it('merges the shares of one source into one call, column by column, in arrival order', () => {
    const calls = mergeShares([
      {
        source: 'gw',
        keys: ['a', 'b'],
        columns: [
          ['pa', 'pb'],
          [10, 20],
        ],
      },
      { source: 'gw', keys: ['c'], columns: [['pc'], [30]] },
    ]);
    expect(calls).toEqual([
      {
        source: 'gw',
        keys: ['a', 'b', 'c'],
        args: ['pa', 'pb', 'pc', 10, 20, 30],
        members: [
          { share: 0, offset: 0, count: 2 },
          { share: 1, offset: 2, count: 1 },
        ],
      },
    ]);
  });

  it('keeps sources apart: one call each, every share pointing into its own call', () => {
    const calls = mergeShares([
      { source: 'gw', keys: ['a'], columns: [['pa']] },
      { source: 'okta', keys: ['x', 'y'], columns: [['px', 'py']] },
      { source: 'gw', keys: ['b'], columns: [['pb']] },
    ]);
    expect(calls.map((c) => [c.source, c.keys, c.args, c.members])).toEqual([
      [
        'gw',
        ['a', 'b'],
        ['pa', 'pb'],
        [
          { share: 0, offset: 0, count: 1 },
          { share: 2, offset: 1, count: 1 },
        ],
      ],
      ['okta', ['x', 'y'], ['px', 'py'], [{ share: 1, offset: 0, count: 2 }]],
    ]);
  });

  it("keeps a repeated key twice, so the second request finds the first one's claim", () => {
    const [call] = mergeShares([
      { source: 'gw', keys: ['a'], columns: [['first']] },
      { source: 'gw', keys: ['a'], columns: [['second']] },
    ]);
    expect(call?.keys).toEqual(['a', 'a']);
    expect(call?.args).toEqual(['first', 'second']);
  });

  it('returns no call for no shares', () => {
    expect(mergeShares([])).toEqual([]);
  });

  it('refuses shares whose columns do not match their keys', () => {
    expect(() => mergeShares([{ source: 'gw', keys: ['a', 'b'], columns: [['pa']] }])).toThrow(
      'share 0: column 0 has 1 values for 2 keys',
    );
    expect(() =>
      mergeShares([
        { source: 'gw', keys: ['a'], columns: [['pa'], [1]] },
        { source: 'gw', keys: ['b'], columns: [['pb']] },
      ]),
    ).toThrow('share 1 has 1 columns, not 2');
  });
});

describe('TurnBatcher', () => {
  /** A send that records its batches and answers each item with itself, doubled. */
  function recordingSend() {
    const batches: number[][] = [];
    const send = (items: readonly number[]) => {
      batches.push([...items]);
      return Promise.resolve(items.map((n) => n * 2));
    };
    return { batches, send };
  }

  it('sends what was submitted in one turn as one batch, answering each with its own result', async () => {
    const { batches, send } = recordingSend();
    const batcher = new TurnBatcher(100, send);
    const results = await Promise.all([1, 2, 3].map((n) => batcher.submit(n, 1)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch at the weight limit, and sends an item heavier than it alone', async () => {
    const { batches, send } = recordingSend();
    const batcher = new TurnBatcher(10, send);
    await Promise.all([
      batcher.submit(1, 6),
      batcher.submit(2, 4),
      batcher.submit(3, 1),
      batcher.submit(4, 50),
      batcher.submit(5, 1),
    ]);
    expect(batches).toEqual([[1, 2], [3], [4], [5]]);
  });

  it('does not hold a batch back while the previous one is still out', async () => {
    const batches: number[][] = [];
    let releaseFirst: () => void = () => undefined;
    const batcher = new TurnBatcher<number, number>(100, (items) => {
      batches.push([...items]);
      if (batches.length === 1) {
        return new Promise((resolve) => {
          releaseFirst = () => resolve(items.map((n) => n));
        });
      }
      return Promise.resolve(items.map((n) => n));
    });
    const first = batcher.submit(1, 1);
    await new Promise((resolve) => setImmediate(resolve));
    // The first batch is out and unanswered; the second leaves at the end of its own turn.
    await expect(batcher.submit(2, 1)).resolves.toBe(2);
    expect(batches).toEqual([[1], [2]]);
    releaseFirst();
    await expect(first).resolves.toBe(1);
  });

  it('rejects every item of a batch whose send failed, or answered too few results', async () => {
    const failing = new TurnBatcher<number, number>(100, () => Promise.reject(new Error('down')));
    const failed = await Promise.allSettled([failing.submit(1, 1), failing.submit(2, 1)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);

    const throwing = new TurnBatcher<number, number>(100, () => {
      throw new Error('thrown while sending');
    });
    await expect(throwing.submit(1, 1)).rejects.toThrow('thrown while sending');

    const short = new TurnBatcher<number, number>(100, () => Promise.resolve([7]));
    const answers = await Promise.allSettled([short.submit(1, 1), short.submit(2, 1)]);
    expect(answers[0]).toEqual({ status: 'fulfilled', value: 7 });
    expect(answers[1]).toMatchObject({ status: 'rejected' });
  });
});
