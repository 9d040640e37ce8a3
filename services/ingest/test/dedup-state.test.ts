import { decodeState, dedupKey, encodeDone, encodePending } from '../src/dedup-state';

describe('dedup state encoding', () => {
  it('round-trips claims and receipts', () => {
    expect(decodeState(encodePending('fp', 'tok'))).toEqual({
      kind: 'pending',
      fingerprint: 'fp',
      token: 'tok',
    });
    expect(
      decodeState(encodeDone('fp', { topic: 'access-events', partition: 4, offset: 1234567 })),
    ).toEqual({
      kind: 'done',
      fingerprint: 'fp',
      topic: 'access-events',
      partition: 4,
      offset: 1234567,
    });
  });

  it('treats absent or unreadable values as absent', () => {
    for (const value of [null, undefined, '', 'X|a|b', 'R|fp|x|1|t', 'P|only-two']) {
      expect(decodeState(value)).toBeUndefined();
    }
  });

  it('scopes keys by source', () => {
    expect(dedupKey('vigil:ingest', 'gateway', 'e-1')).toBe('vigil:ingest:dedup:{gateway}:e-1');
    expect(dedupKey('p', 'okta', 'e-1')).not.toBe(dedupKey('p', 'gateway', 'e-1'));
  });
});
