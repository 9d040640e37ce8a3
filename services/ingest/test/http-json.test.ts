import { vigil } from '@vigil/proto';
import {
  EVENTS_BODY_ALIASES,
  MalformedBodyError,
  decodeJsonBody,
  parseEventsBody,
  timestampFromRfc3339,
  receiptJson,
} from '../src/http-json';
import { enrichEvent } from '../src/enrichment';
import { validateEvents } from '../src/validation';

const event = {
  eventId: 'e-1',
  occurredAt: '2026-01-15T12:00:00.123456789Z',
  tenantId: 't',
  actor: {
    userId: 'alice',
    sessionId: 's',
    deviceId: 'd',
    ip: '192.0.2.1',
    userAgent: 'ua',
    geo: { countryCode: 'DE', latitude: 52.5, longitude: 13.4, hasPosition: true },
  },
  action: 'auth.login',
  resource: 'r',
  outcome: 'SUCCESS',
  attributes: { k: 'v' },
};

describe('parseEventsBody', () => {
  it('maps a camelCase event to the proto message', () => {
    const { events, batch, violations } = parseEventsBody(event);
    expect(batch).toBe(false);
    expect(violations).toEqual([]);
    const message = vigil.v1.AccessEvent.create(events[0]);
    expect(vigil.v1.AccessEvent.toObject(message, { defaults: false })).toEqual({
      ...event,
      occurredAt: { seconds: 1_768_478_400, nanos: 123_456_789 },
      outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
    });
  });

  it('accepts an array, snake_case names, prefixed or numeric outcomes, and null as unset', () => {
    const { events, batch, violations } = parseEventsBody([
      {
        occurred_at: '2026-01-15T12:00:00Z',
        actor: { user_id: 'a', geo: { country_code: 'FR', has_position: false } },
        action: 'x',
        outcome: 'OUTCOME_DENIED',
      },
      {
        occurredAt: '2026-01-15T13:00:00+01:00',
        actor: { userId: 'b' },
        action: 'y',
        outcome: 2,
        tenantId: null,
      },
    ]);
    expect(batch).toBe(true);
    expect(violations).toEqual([]);
    expect(events[0]?.actor?.userId).toBe('a');
    expect(events[0]?.actor?.geo?.countryCode).toBe('FR');
    expect(events[0]?.outcome).toBe(vigil.v1.Outcome.OUTCOME_DENIED);
    expect(events[1]?.occurredAt).toEqual(events[0]?.occurredAt);
    expect(events[1]?.outcome).toBe(vigil.v1.Outcome.OUTCOME_FAILURE);
    expect(events[1]).not.toHaveProperty('tenantId');
  });

  it('names every field of the wrong type, unknown name or bad format, by event index', () => {
    const { violations } = parseEventsBody([
      { occurredAt: 1700000000, actor: 'alice', action: 'a' },
      {
        occurredAt: '2026-02-30T00:00:00Z',
        actor: { userId: 'u', geo: { latitude: '52' }, nick: 'x' },
        action: 'a',
        attributes: { n: 1 },
        outcome: 'MAYBE',
        extra: true,
      },
    ]);
    expect(violations.map((v) => [v.index, v.field, v.reason])).toEqual([
      [0, 'occurred_at', 'INVALID_FORMAT'],
      [0, 'actor', 'INVALID_TYPE'],
      [1, 'occurred_at', 'INVALID_FORMAT'],
      [1, 'actor.geo.latitude', 'INVALID_TYPE'],
      [1, 'actor.nick', 'UNKNOWN_FIELD'],
      [1, 'attributes["n"]', 'INVALID_TYPE'],
      [1, 'outcome', 'OUT_OF_RANGE'],
      [1, 'extra', 'UNKNOWN_FIELD'],
    ]);
  });

  it('refuses bodies that are neither an event nor an array', () => {
    for (const body of ['text', 42, null, true]) {
      expect(() => parseEventsBody(body)).toThrow(MalformedBodyError);
    }
    expect(parseEventsBody([1]).violations).toEqual([
      expect.objectContaining({ index: 0, field: '', reason: 'INVALID_TYPE' }),
    ]);
  });
});

describe('timestampFromRfc3339', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0, 0],
    ['2026-01-15T12:00:00.5Z', 1_768_478_400, 500_000_000],
    ['2026-01-15t12:00:00.000000001z', 1_768_478_400, 1],
    ['2026-01-15T14:30:00+02:30', 1_768_478_400, 0],
    ['2026-01-15T07:00:00-05:00', 1_768_478_400, 0],
    ['2024-02-29T00:00:00Z', 1_709_164_800, 0],
  ])('%s', (text, seconds, nanos) => {
    expect(timestampFromRfc3339(text)).toEqual({ seconds, nanos });
  });

  it.each([
    '2026-01-15',
    '2026-01-15T12:00:00',
    '2026-01-15 12:00:00Z',
    '2026-13-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-01-15T24:00:00Z',
    '2026-01-15T12:60:00Z',
    '2026-01-15T12:00:60Z',
    '2026-01-15T12:00:00.1234567890Z',
    '2026-01-15T12:00:00+24:00',
    '0000-01-01T00:00:00Z',
  ])('refuses %s', (text) => {
    expect(timestampFromRfc3339(text)).toBeUndefined();
  });
});

describe('receiptJson', () => {
  it('renders a receipt with camelCase names and a numeric offset', () => {
    expect(
      receiptJson({ eventId: 'e', topic: 't', partition: 2, offset: 41, duplicate: true }),
    ).toEqual({ eventId: 'e', topic: 't', partition: 2, offset: 41, duplicate: true });
  });
});

describe('decodeJsonBody', () => {
  const text = (body: string, bad: number[]) => {
    const [before, after] = body.split('XBADX') as [string, string];
    return Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
  };

  it('decodes UTF-8 JSON, multi-byte characters included', () => {
    expect(decodeJsonBody(Buffer.from('{"a":"grüße 😀"}'))).toEqual({ a: 'grüße 😀' });
  });

  it.each([
    [[0xff]],
    [[0xfe, 0xff]],
    [[0xc0, 0xaf]],
    [[0xed, 0xa0, 0x80]],
    [[0xe2, 0x82]],
    [[0xf4, 0x90, 0x80, 0x80]],
    [[0x80]],
  ])('refuses bytes %j that are not UTF-8 (instead of turning them into U+FFFD)', (bad) => {
    const inString = text('{"action":"auth.XBADX"}', bad);
    const between = text('{"action":XBADX"x"}', bad);
    for (const body of [inString, between]) {
      expect(() => decodeJsonBody(body)).toThrow(MalformedBodyError);
      expect(() => decodeJsonBody(body)).toThrow('the body is not valid UTF-8');
    }
  });

  it('refuses text that is not JSON, and keeps refusing a leading BOM', () => {
    expect(() => decodeJsonBody(Buffer.from('{"a":'))).toThrow('the body is not valid JSON');
    expect(() => decodeJsonBody(Buffer.from([0xef, 0xbb, 0xbf]))).toThrow(MalformedBodyError);
  });

  it('lets JSON-escaped lone surrogates through to validation, which names the field', () => {
    const body = decodeJsonBody(
      Buffer.from(
        '{"occurredAt":"2026-01-15T12:00:00Z","actor":{"userId":"u\\ud800"},"action":"a",' +
          '"attributes":{"k":"\\udfff"}}',
      ),
    );
    const { events, violations } = parseEventsBody(body);
    expect(violations).toEqual([]);
    const found = validateEvents(
      events,
      { maxAttributes: 64, clockSkewPastMs: Infinity, clockSkewFutureMs: Infinity },
      Date.UTC(2026, 0, 15, 12),
    );
    expect(found.map((v) => `${v.field}:${v.reason}`)).toEqual([
      'actor.user_id:INVALID_FORMAT',
      'attributes["k"]:INVALID_FORMAT',
    ]);
  });
});

describe('parseEventsBody: hostile names', () => {
  it('keeps an attribute named "__proto__" as an attribute, through to the stored record', () => {
    const body = decodeJsonBody(
      Buffer.from(
        JSON.stringify({ ...event, attributes: { other: 'kept' } }).replace(
          '"attributes":{',
          '"attributes":{"__proto__":"polluted",',
        ),
      ),
    );
    const { events, violations } = parseEventsBody(body);
    expect(violations).toEqual([]);
    const attributes = events[0]!.attributes!;
    expect(Object.keys(attributes)).toEqual(['__proto__', 'other']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    const stored = vigil.v1.AccessEvent.decode(
      enrichEvent(events[0]!, { source: 's', receivedAtMs: 0, newEventId: () => 'x' }).value,
    );
    expect(Object.entries(stored.attributes)).toEqual([
      ['__proto__', 'polluted'],
      ['other', 'kept'],
    ]);
  });

  it('bounds unknown member names and attribute keys echoed in violations', () => {
    const huge = 'x'.repeat(100_000);
    const { violations } = parseEventsBody({
      [huge]: 1,
      actor: { [huge]: 1, geo: { [huge]: 1 } },
      attributes: { [huge]: 7 },
    });
    expect(violations.map((v) => v.reason).sort()).toEqual([
      'INVALID_TYPE',
      'UNKNOWN_FIELD',
      'UNKNOWN_FIELD',
      'UNKNOWN_FIELD',
    ]);
    for (const v of violations) expect(v.field.length).toBeLessThan(120);
  });
});

/**
 * Issue #11, "JSON": `{"userId":"a","user_id":"b"}` and a repeated key were both accepted, the
 * last value winning.
 */
describe('decodeJsonBody: strict JSON', () => {
  const decode = (text: string) => () => decodeJsonBody(Buffer.from(text), EVENTS_BODY_ALIASES);
  const refusal = (text: string): string => {
    try {
      decode(text)();
    } catch (err) {
      expect(err).toBeInstanceOf(MalformedBodyError);
      return (err as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('refuses a repeated key, naming it and where it is', () => {
    expect(refusal('{"action":"a","action":"b"}')).toMatch(/duplicate key "action" at \$/);
    expect(refusal('{"actor":{"userId":"a","userId":"b"}}')).toMatch(/"userId" at \$\.actor/);
    expect(refusal('[{"a":1},{"attributes":{"k":"1","\\u006b":"2"}}]')).toMatch(/"k"/);
  });

  it('refuses two spellings of one field together, naming both', () => {
    const message = refusal('{"actor":{"userId":"a","user_id":"b"}}');
    expect(message).toContain('"userId"');
    expect(message).toContain('"user_id"');
    expect(refusal('[{"eventId":"1","event_id":"2"}]')).toContain('"event_id"');
    expect(refusal('{"actor":{"geo":{"hasPosition":true,"has_position":false}}}')).toContain(
      'has_position',
    );
  });

  it('keeps both spellings as distinct keys of the free-form attributes map', () => {
    expect(decode('{"attributes":{"userId":"a","user_id":"b"}}')()).toEqual({
      attributes: { userId: 'a', user_id: 'b' },
    });
  });

  it('never echoes a value', () => {
    expect(refusal('{"action":"secret-1","action":"secret-2"}')).not.toContain('secret');
  });
});
