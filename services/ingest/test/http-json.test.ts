import { vigil } from '@vigil/proto';
import { MalformedBodyError, parseEventsBody, parseRfc3339, receiptJson } from '../src/http-json';

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

describe('parseRfc3339', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0, 0],
    ['2026-01-15T12:00:00.5Z', 1_768_478_400, 500_000_000],
    ['2026-01-15t12:00:00.000000001z', 1_768_478_400, 1],
    ['2026-01-15T14:30:00+02:30', 1_768_478_400, 0],
    ['2026-01-15T07:00:00-05:00', 1_768_478_400, 0],
    ['2024-02-29T00:00:00Z', 1_709_164_800, 0],
  ])('%s', (text, seconds, nanos) => {
    expect(parseRfc3339(text)).toEqual({ seconds, nanos });
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
    expect(parseRfc3339(text)).toBeUndefined();
  });
});

describe('receiptJson', () => {
  it('renders a receipt with camelCase names and a numeric offset', () => {
    expect(
      receiptJson({ eventId: 'e', topic: 't', partition: 2, offset: 41, duplicate: true }),
    ).toEqual({ eventId: 'e', topic: 't', partition: 2, offset: 41, duplicate: true });
  });
});
