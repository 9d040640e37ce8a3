import type { ChainHead } from '../src/chain-head';
import { ChainReader, startOffsets } from '../src/chain-reader';

const head = (batchSequence: number): ChainHead => ({
  batchSequence,
  lastOffset: batchSequence,
  rootHash: new Uint8Array(32),
});

describe('startOffsets', () => {
  it('reads each sealed-roots partition from the earliest position asked for', () => {
    expect(
      startOffsets([
        { partition: 0, offset: 40 },
        { partition: 1, offset: 7 },
        { partition: 0, offset: 12 },
      ]),
    ).toEqual(
      new Map([
        [0, 12],
        [1, 7],
      ]),
    );
  });

  it('reads the whole topic when any chain has no known position', () => {
    expect(startOffsets([{ partition: 0, offset: 40 }, undefined])).toBeUndefined();
  });
});

describe('ChainReader', () => {
  /** A scan whose completion the test controls, recording what each read was asked for. */
  function controlledScan() {
    const reads: {
      from: Map<number, number> | undefined;
      finish(heads: Map<string, ChainHead>): void;
    }[] = [];
    const scan = (from: Map<number, number> | undefined) =>
      new Promise<Map<string, ChainHead>>((resolve) => reads.push({ from, finish: resolve }));
    return { reads, scan };
  }

  it('answers requests made together with one read', async () => {
    const { reads, scan } = controlledScan();
    const reader = new ChainReader(scan);
    const a = reader.newestRoot('t/0', { partition: 0, offset: 5 });
    expect(reads).toHaveLength(1);
    reads[0]!.finish(new Map([['t/0', head(3)]]));
    await expect(a).resolves.toEqual(head(3));
  });

  it('answers a request made during a read only with a read that starts after it', async () => {
    const { reads, scan } = controlledScan();
    const reader = new ChainReader(scan);
    const first = reader.newestRoot('t/0', { partition: 0, offset: 5 });
    const late = reader.newestRoot('t/1', { partition: 1, offset: 9 });
    const later = reader.newestRoot('t/2');
    expect(reads).toHaveLength(1);
    reads[0]!.finish(new Map([['t/1', head(1)]]));
    await expect(first).resolves.toBeUndefined();
    // The two late requests share the second read, which covers the whole topic for t/2.
    await new Promise(setImmediate);
    expect(reads).toHaveLength(2);
    expect(reads[1]!.from).toBeUndefined();
    reads[1]!.finish(new Map([['t/1', head(2)]]));
    await expect(late).resolves.toEqual(head(2));
    await expect(later).resolves.toBeUndefined();
  });

  it('fails every request of a failed read, and keeps serving later ones', async () => {
    let calls = 0;
    const reader = new ChainReader(async () => {
      calls += 1;
      if (calls === 1) throw new Error('broker unavailable');
      return new Map([['t/0', head(4)]]);
    });
    await expect(reader.newestRoot('t/0')).rejects.toThrow('broker unavailable');
    await expect(reader.newestRoot('t/0')).resolves.toEqual(head(4));
  });
});
