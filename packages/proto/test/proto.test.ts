import { millisFromTimestamp, timestampFromMillis, vigil } from '../src';

describe('vigil.v1 wire types', () => {
  it('round-trips an AccessEvent byte for byte', () => {
    const event = vigil.v1.AccessEvent.create({
      eventId: '01JD0000000000000000000000',
      occurredAt: timestampFromMillis(1_795_000_000_123),
      actor: {
        userId: 'alice',
        ip: '203.0.113.7',
        geo: { countryCode: 'DE', latitude: 52.52, longitude: 13.405, hasPosition: true },
      },
      action: 'db.query',
      resource: 'db/prod-payments',
      outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
      attributes: { rows: '12' },
    });
    const bytes = vigil.v1.AccessEvent.encode(event).finish();
    const decoded = vigil.v1.AccessEvent.decode(bytes);
    expect(vigil.v1.AccessEvent.toObject(decoded)).toEqual(vigil.v1.AccessEvent.toObject(event));
    expect(Buffer.from(vigil.v1.AccessEvent.encode(decoded).finish())).toEqual(Buffer.from(bytes));
  });

  it('keeps a "__proto__" map key through decode, encode, fromObject and toObject', () => {
    // Plain assignment of "__proto__" to {} would drop the entry; the generated code must define
    // it as an own property (protobufjs >= 8 does, see scripts/gen-proto.cjs).
    const attributes: Record<string, string> = {};
    Object.defineProperty(attributes, '__proto__', {
      value: 'polluted',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    attributes.other = 'kept';
    const event = vigil.v1.AccessEvent.create({ action: 'a', attributes });
    const bytes = vigil.v1.AccessEvent.encode(event).finish();
    const decoded = vigil.v1.AccessEvent.decode(bytes);
    expect(Object.entries(decoded.attributes)).toEqual([
      ['__proto__', 'polluted'],
      ['other', 'kept'],
    ]);
    expect(Object.getPrototypeOf(decoded.attributes)).toBe(Object.prototype);
    expect(Buffer.from(vigil.v1.AccessEvent.encode(decoded).finish())).toEqual(Buffer.from(bytes));

    const object = vigil.v1.AccessEvent.toObject(decoded);
    expect(Object.keys(object.attributes as object)).toEqual(['__proto__', 'other']);
    const again = vigil.v1.AccessEvent.fromObject(object);
    expect(Buffer.from(vigil.v1.AccessEvent.encode(again).finish())).toEqual(Buffer.from(bytes));
    expect(({} as Record<string, unknown>).other).toBeUndefined();
  });

  it('represents int64 offsets as plain numbers', () => {
    const receipt = vigil.v1.PublishReceipt.decode(
      vigil.v1.PublishReceipt.encode({ offset: 2 ** 40 + 1, partition: 3 }).finish(),
    );
    expect(receipt.offset).toBe(2 ** 40 + 1);
    expect(typeof receipt.offset).toBe('number');
  });

  it('converts timestamps to and from epoch milliseconds', () => {
    const ts = timestampFromMillis(1_795_000_000_123);
    expect(ts.seconds).toBe(1_795_000_000);
    expect(ts.nanos).toBe(123_000_000);
    expect(millisFromTimestamp(ts)).toBe(1_795_000_000_123);
    expect(millisFromTimestamp(null)).toBeUndefined();
    expect(millisFromTimestamp(timestampFromMillis(-1))).toBe(-1);
  });
});
