import { millisFromTimestamp, vigil } from '@vigil/proto';
import { enrichEvent } from '../src/enrichment';

const context = {
  source: 'gateway',
  receivedAtMs: 1_767_000_000_123,
  newEventId: () => 'GENERATED',
};
const input = () => ({
  eventId: 'e-1',
  occurredAt: { seconds: 1_767_000_000, nanos: 5 },
  source: 'claimed-by-client',
  receivedAt: { seconds: 1 },
  actor: { userId: 'alice', ip: '192.0.2.1' },
  action: 'auth.login',
  attributes: { b: '2', a: '1' },
});

describe('enrichEvent', () => {
  it('sets source and received_at from the server, whatever the client sent', () => {
    const enriched = enrichEvent(input(), context);
    const stored = vigil.v1.AccessEvent.decode(enriched.value);
    expect(stored.source).toBe('gateway');
    expect(millisFromTimestamp(stored.receivedAt)).toBe(context.receivedAtMs);
    expect(stored.occurredAt).toEqual(
      expect.objectContaining({ seconds: 1_767_000_000, nanos: 5 }),
    );
    expect(enriched.userId).toBe('alice');
  });

  it('fills a missing event id and keeps a given one', () => {
    expect(enrichEvent({ ...input(), eventId: '' }, context).eventId).toBe('GENERATED');
    const kept = enrichEvent(input(), context);
    expect(kept.eventId).toBe('e-1');
    expect(vigil.v1.AccessEvent.decode(kept.value).eventId).toBe('e-1');
  });

  it('stores the canonical encoding, with attributes in key order', () => {
    const enriched = enrichEvent(input(), context);
    const stored = vigil.v1.AccessEvent.decode(enriched.value);
    expect(Object.keys(stored.attributes)).toEqual(['a', 'b']);
    expect(Buffer.from(vigil.v1.AccessEvent.encode(stored).finish())).toEqual(enriched.value);
  });

  it('drops fields the schema does not know', () => {
    const withUnknown = vigil.v1.AccessEvent.decode(
      Buffer.concat([
        Buffer.from(vigil.v1.AccessEvent.encode(vigil.v1.AccessEvent.create(input())).finish()),
        Buffer.from([0xa2, 0x06, 0x03, 0x61, 0x62, 0x63]), // field 100, "abc"
      ]),
    );
    const enriched = enrichEvent(withUnknown, context);
    expect(enriched.value.includes(Buffer.from([0xa2, 0x06]))).toBe(false);
  });

  it('fingerprints what the client sent: equal for a retry, different for other content', () => {
    const a = enrichEvent(input(), context);
    const retry = enrichEvent(
      { ...input(), attributes: { a: '1', b: '2' } },
      { ...context, receivedAtMs: context.receivedAtMs + 5_000 },
    );
    const other = enrichEvent({ ...input(), action: 'auth.logout' }, context);
    const otherSource = enrichEvent(input(), { ...context, source: 'okta' });
    expect(retry.fingerprint).toBe(a.fingerprint);
    expect(other.fingerprint).not.toBe(a.fingerprint);
    expect(otherSource.fingerprint).not.toBe(a.fingerprint);
  });
});

describe('enrichEvent: attribute keys that are Object.prototype names', () => {
  it('stores "__proto__", "constructor" and friends exactly as sent', () => {
    const attributes: Record<string, string> = {};
    Object.defineProperty(attributes, '__proto__', {
      value: 'polluted',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    Object.assign(attributes, { other: 'kept', constructor: 'c', toString: 't' });
    const enriched = enrichEvent({ ...input(), attributes }, context);
    const stored = vigil.v1.AccessEvent.decode(enriched.value);
    expect(Object.entries(stored.attributes)).toEqual([
      ['__proto__', 'polluted'],
      ['constructor', 'c'],
      ['other', 'kept'],
      ['toString', 't'],
    ]);
    // Nothing leaked into prototypes along the way.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(stored.attributes)).toBe(Object.prototype);
  });
});
