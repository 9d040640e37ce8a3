import { decodeState, dedupKey, encodeDone, encodePendingPrefix } from '../src/dedup-state';

describe('dedup state encoding', () => {
  it('round-trips claims and receipts', () => {
    // The dedup scripts append the claim time and the lease, from the Redis clock.
    expect(decodeState(`${encodePendingPrefix('fp', 'tok')}|1000|31000`)).toEqual({
      kind: 'pending',
      fingerprint: 'fp',
      token: 'tok',
      claimedAtMs: 1000,
      leaseUntilMs: 31000,
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

  it('still reads claims written before leases existed', () => {
    expect(decodeState(encodePendingPrefix('fp', 'tok'))).toEqual({
      kind: 'pending',
      fingerprint: 'fp',
      token: 'tok',
    });
  });

  it('treats absent or unreadable values as absent', () => {
    for (const value of [
      null,
      undefined,
      '',
      'X|a|b',
      'R|fp|x|1|t',
      'P|only-two',
      'P|fp|tok|x|1',
      'P|fp|tok|1',
    ]) {
      expect(decodeState(value)).toBeUndefined();
    }
  });

  it('scopes keys by source', () => {
    expect(dedupKey('vigil:ingest', 'gateway', 'e-1')).toBe('vigil:ingest:dedup:{gateway}:e-1');
    expect(dedupKey('p', 'okta', 'e-1')).not.toBe(dedupKey('p', 'gateway', 'e-1'));
  });
});
