import {
  ChainHeadConflict,
  chooseHead,
  decodeHeadMetadata,
  encodeHeadMetadata,
} from '../src/chain-head';

describe('chain head metadata', () => {
  const head = { batchSequence: 41, lastOffset: 12_345, rootHash: new Uint8Array(32).fill(0xab) };

  it('round-trips through the committed-offset metadata string', () => {
    const text = encodeHeadMetadata(head);
    expect(text.length).toBeLessThan(200);
    expect(decodeHeadMetadata(text)).toEqual(head);
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['not JSON', 'x'],
    ['another format', JSON.stringify({ v: 2, seq: 1, last: 1, hash: 'ab'.repeat(32) })],
    ['negative sequence', JSON.stringify({ v: 1, seq: -1, last: 1, hash: 'ab'.repeat(32) })],
    ['short hash', JSON.stringify({ v: 1, seq: 1, last: 1, hash: 'ab' })],
    ['fractional offset', JSON.stringify({ v: 1, seq: 1, last: 1.5, hash: 'ab'.repeat(32) })],
  ])('treats %s metadata as no head', (_name, metadata) => {
    expect(decodeHeadMetadata(metadata)).toBeUndefined();
  });
});

describe('stored position in the metadata', () => {
  const head = {
    batchSequence: 7,
    lastOffset: 99,
    rootHash: new Uint8Array(32).fill(0x01),
    stored: { partition: 2, offset: 4_567 },
  };

  it('round-trips where the root is stored in sealed-roots', () => {
    expect(decodeHeadMetadata(encodeHeadMetadata(head))).toEqual(head);
  });

  it('reads metadata written before positions were recorded, without a position', () => {
    const legacy = JSON.stringify({ v: 1, seq: 7, last: 99, hash: '01'.repeat(32) });
    const decoded = decodeHeadMetadata(legacy);
    expect(decoded?.batchSequence).toBe(7);
    expect(decoded?.stored).toBeUndefined();
  });

  it('ignores a malformed position rather than trusting it', () => {
    const bad = JSON.stringify({ v: 1, seq: 7, last: 99, hash: '01'.repeat(32), rp: -1, ro: 3 });
    expect(decodeHeadMetadata(bad)?.stored).toBeUndefined();
  });
});

describe('chooseHead', () => {
  const at = (batchSequence: number, fill = batchSequence) => ({
    batchSequence,
    lastOffset: batchSequence * 10 + 9,
    rootHash: new Uint8Array(32).fill(fill),
  });
  const none = {
    committed: undefined,
    committedOffset: -1,
    published: undefined,
    ownHead: undefined,
  };

  it('starts a new chain only when neither the offsets nor sealed-roots know one', () => {
    expect(chooseHead(none)).toBeUndefined();
  });

  it('extends the published head when the offsets agree with it', () => {
    expect(
      chooseHead({ ...none, committed: at(3), committedOffset: 40, published: at(3) }),
    ).toEqual(at(3));
  });

  it('extends the published head when the committed offsets lag behind it', () => {
    // The fork this guards against: a new owner read batch 0 from the offsets while batch 1 was
    // already committed, and published a second batch 1.
    expect(
      chooseHead({ ...none, committed: at(0), committedOffset: 10, published: at(1) }),
    ).toEqual(at(1));
  });

  it('finds the chain in sealed-roots when the offsets are gone', () => {
    expect(chooseHead({ ...none, published: at(5) })).toEqual(at(5));
  });

  it.each([
    ['the committed root is missing from sealed-roots', { committed: at(2), committedOffset: 30 }],
    ['an offset is committed but no chain exists', { committedOffset: 30 }],
    [
      'sealed-roots ends before the committed head',
      { committed: at(4), committedOffset: 50, published: at(3) },
    ],
    [
      'the committed root differs from the published one',
      { committed: at(4), committedOffset: 50, published: at(4, 0xee) },
    ],
    ['sealed-roots ends before what this instance published', { published: at(2), ownHead: at(3) }],
    ['sealed-roots is empty though this instance published', { ownHead: at(0) }],
  ])('refuses to choose when %s', (_why, args) => {
    expect(() => chooseHead({ ...none, ...args })).toThrow(ChainHeadConflict);
  });
});
