import { decodeHeadMetadata, encodeHeadMetadata } from '../src/chain-head';

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
