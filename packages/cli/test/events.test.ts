import { vigil } from '@vigil/proto';
import { eventFromFlags, eventFromJsonLine, type SendFlags } from '../src/commands/events';
import { CliError } from '../src/exit-codes';

const flags = (extra: Partial<SendFlags>): SendFlags => ({
  outcome: 'success',
  attr: [],
  ...extra,
});

describe('events send input', () => {
  it('builds an event from flags', () => {
    const event = eventFromFlags(
      flags({
        user: 'alice',
        action: 'db.query',
        resource: 'db/prod',
        outcome: 'denied',
        ip: '203.0.113.9',
        country: 'DE',
        lat: '52.5',
        lon: '13.4',
        attr: ['rows=12', 'q=a=b'],
      }),
      1_795_000_000_000,
    );
    expect(event).toMatchObject({
      action: 'db.query',
      resource: 'db/prod',
      outcome: vigil.v1.Outcome.OUTCOME_DENIED,
      actor: {
        userId: 'alice',
        ip: '203.0.113.9',
        geo: { countryCode: 'DE', hasPosition: true, latitude: 52.5, longitude: 13.4 },
      },
      attributes: { rows: '12', q: 'a=b' },
    });
    expect(event.occurredAt?.seconds).toBe(1_795_000_000);
  });

  it.each([
    [{ action: 'x' }, '--user is required'],
    [{ user: 'u' }, '--action is required'],
    [
      { user: 'u', action: 'x', outcome: 'maybe' },
      '--outcome: expected success, failure or denied',
    ],
    [{ user: 'u', action: 'x', attr: ['novalue'] }, '--attr: expected key=value'],
    [{ user: 'u', action: 'x', lat: 'north' }, '--lat: expected a number'],
    [
      { user: 'u', action: 'x', occurredAt: 'yesterday' },
      '--occurred-at: expected an RFC 3339 time',
    ],
  ])('rejects bad flags with a message naming the flag (%#)', (extra, message) => {
    expect(() => eventFromFlags(flags(extra))).toThrow(CliError);
    expect(() => eventFromFlags(flags(extra))).toThrow(message);
  });

  it('reads NDJSON lines in protobuf JSON form', () => {
    const event = eventFromJsonLine(
      JSON.stringify({
        eventId: 'e1',
        occurredAt: '2026-11-26T05:00:00Z',
        actor: { userId: 'bob' },
        action: 'auth.login',
        outcome: 'FAILURE',
      }),
      1,
    );
    expect(event).toMatchObject({
      eventId: 'e1',
      action: 'auth.login',
      outcome: vigil.v1.Outcome.OUTCOME_FAILURE,
    });
    expect(event.occurredAt?.seconds).toBe(Date.parse('2026-11-26T05:00:00Z') / 1000);
  });

  it.each([
    ['{not json', 'stdin line 3: not valid JSON'],
    ['[1,2]', 'stdin line 3: expected a JSON object'],
    ['{"occurredAt":"soon"}', 'stdin line 3: occurredAt is not an RFC 3339 time'],
  ])('names the line of bad NDJSON: %s', (line, message) => {
    expect(() => eventFromJsonLine(line, 3)).toThrow(message);
  });
});
