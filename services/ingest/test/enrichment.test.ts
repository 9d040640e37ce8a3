import { createHash } from 'node:crypto';
import { millisFromTimestamp, vigil } from '@vigil/proto';
import { enrichEvent, fingerprintOf, withoutTopLevelFields } from '../src/enrichment';

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

describe('fingerprints from one encoding', () => {
  /** The fingerprint as it was first defined: the event encoded without the server's fields. */
  const reference = (value: Buffer) => {
    const event = vigil.v1.AccessEvent.decode(value);
    event.receivedAt = null;
    event.establishes = null;
    return createHash('sha256')
      .update(vigil.v1.AccessEvent.encode(event).finish())
      .digest('base64url')
      .slice(0, 22);
  };
  const long = (n: number) => 'x'.repeat(n);
  const variants: Array<Parameters<typeof enrichEvent>[0]> = [
    input(),
    { actor: { userId: 'bob' } },
    { ...input(), eventId: '', tenantId: 't-1', outcome: vigil.v1.Outcome.OUTCOME_FAILURE },
    {
      ...input(),
      // Lengths past 127 and 16,383 bytes take two- and three-byte varints.
      resource: long(200),
      attributes: { big: long(20_000), 'ü-ключ': '值', empty: '' },
      actor: {
        userId: 'carol',
        sessionId: 's',
        deviceId: 'd',
        ip: '2001:db8::1',
        userAgent: long(130),
        geo: { countryCode: 'DE', latitude: -52.5, longitude: 13.4, hasPosition: true },
      },
    },
    { ...input(), occurredAt: null },
  ];
  const grants = [
    undefined,
    { knownAttributes: true, failedAuthentication: false },
    { knownAttributes: false, failedAuthentication: true },
    { knownAttributes: true, failedAuthentication: true },
  ];

  it('equal the fingerprint of the event encoded without received_at and establishes', () => {
    for (const event of variants) {
      for (const establishes of grants) {
        const enriched = enrichEvent(event, { ...context, establishes });
        expect(enriched.fingerprint).toBe(reference(enriched.value));
        // A stored event read back from Kafka fingerprints the same.
        expect(fingerprintOf(vigil.v1.AccessEvent.decode(enriched.value))).toBe(
          enriched.fingerprint,
        );
      }
    }
  });

  it('drops exactly the named top-level fields', () => {
    const full = vigil.v1.AccessEvent.encode({
      eventId: 'e',
      receivedAt: { seconds: 5 },
      action: 'a',
      establishes: { knownAttributes: true },
    }).finish();
    const expected = vigil.v1.AccessEvent.encode({ eventId: 'e', action: 'a' }).finish();
    expect(Buffer.from(withoutTopLevelFields(full, new Set([3, 11])))).toEqual(
      Buffer.from(expected),
    );
    expect(withoutTopLevelFields(expected, new Set([3, 11]))).toBe(expected);
    expect(() => withoutTopLevelFields(full.subarray(0, full.length - 1), new Set([3]))).toThrow(
      /truncated/,
    );
  });
});
