import {
  checkEvent,
  validateEvent,
  validateEvents,
  type ValidationLimits,
} from '../src/validation';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const limits: ValidationLimits = {
  maxAttributes: 4,
  clockSkewPastMs: 24 * 3600_000,
  clockSkewFutureMs: 5 * 60_000,
};
const valid = () => ({
  eventId: '01HZX3Y8R8N0Q4S7J2W5K9T6VB',
  occurredAt: { seconds: NOW / 1000 - 60, nanos: 0 },
  actor: {
    userId: 'alice',
    ip: '192.0.2.1',
    geo: { countryCode: 'DE', latitude: 52.5, longitude: 13.4, hasPosition: true },
  },
  action: 'auth.login',
  outcome: 1,
  attributes: { method: 'password' },
});
const problems = (event: object) =>
  validateEvent(event, 0, limits, NOW).map((v) => `${v.field}:${v.reason}`);

describe('validateEvent', () => {
  it('accepts a complete event, and one with only the required fields', () => {
    expect(problems(valid())).toEqual([]);
    expect(
      problems({ occurredAt: valid().occurredAt, actor: { userId: 'u' }, action: 'a' }),
    ).toEqual([]);
  });

  it('requires user id, action and occurred_at, and names each', () => {
    expect(problems({})).toEqual([
      'occurred_at:REQUIRED',
      'action:REQUIRED',
      'actor.user_id:REQUIRED',
    ]);
    expect(problems({ ...valid(), actor: { userId: '' } })).toEqual(['actor.user_id:REQUIRED']);
  });

  it.each([
    ['192.0.2.1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['::ffff:192.0.2.1', true],
    ['256.0.0.1', false],
    ['192.0.2', false],
    ['example.com', false],
    ['192.0.2.1 ', false],
  ])('ip %j valid: %s', (ip, ok) => {
    expect(problems({ ...valid(), actor: { userId: 'u', ip } })).toEqual(
      ok ? [] : ['actor.ip:INVALID_FORMAT'],
    );
  });

  it.each([
    [{ latitude: 90, longitude: -180, hasPosition: true }, []],
    [{ latitude: -90.0001, longitude: 0, hasPosition: true }, ['actor.geo.latitude:OUT_OF_RANGE']],
    [{ latitude: 0, longitude: 180.5, hasPosition: true }, ['actor.geo.longitude:OUT_OF_RANGE']],
    [{ latitude: Infinity, longitude: 0, hasPosition: true }, ['actor.geo.latitude:OUT_OF_RANGE']],
    [{ latitude: 0, longitude: NaN, hasPosition: true }, ['actor.geo.longitude:OUT_OF_RANGE']],
    // A position without has_position would be silently ignored downstream: refused.
    [{ latitude: 1000 }, ['actor.geo.has_position:INVALID_FORMAT']],
    [{ longitude: NaN }, ['actor.geo.has_position:INVALID_FORMAT']],
    [{ latitude: 1, hasPosition: true }, ['actor.geo.longitude:INVALID_FORMAT']],
    [{ countryCode: 'de' }, []],
    [{ countryCode: 'DEU' }, ['actor.geo.country_code:INVALID_FORMAT']],
  ])('geo %j', (geo, expected) => {
    expect(problems({ ...valid(), actor: { userId: 'u', geo } })).toEqual(expected);
  });

  it('bounds occurred_at by the configured skew and the safe integer range', () => {
    const at = (ms: number, nanos = 0) =>
      problems({ ...valid(), occurredAt: { seconds: Math.floor(ms / 1000), nanos } });
    expect(at(NOW - 24 * 3600_000)).toEqual([]);
    expect(at(NOW - 24 * 3600_000 - 1000)).toEqual(['occurred_at:TOO_FAR_IN_PAST']);
    expect(at(NOW + 5 * 60_000)).toEqual([]);
    expect(at(NOW + 5 * 60_000 + 1000)).toEqual(['occurred_at:TOO_FAR_IN_FUTURE']);
    expect(at(NOW, 1_000_000_000)).toEqual(['occurred_at:OUT_OF_RANGE']);
    expect(at(NOW, -1)).toEqual(['occurred_at:OUT_OF_RANGE']);
    expect(problems({ ...valid(), occurredAt: { seconds: 2 ** 62 } })).toEqual([
      'occurred_at:OUT_OF_RANGE',
    ]);
  });

  it('bounds event ids in length and alphabet', () => {
    expect(problems({ ...valid(), eventId: 'order-42:retry.1~x_y' })).toEqual([]);
    expect(problems({ ...valid(), eventId: 'x'.repeat(128) })).toEqual([]);
    expect(problems({ ...valid(), eventId: 'x'.repeat(129) })).toEqual(['event_id:TOO_LONG']);
    for (const bad of ['a b', 'a/b', 'ü', 'a\nb', 'a|b', 'e\ud800']) {
      expect(problems({ ...valid(), eventId: bad })).toEqual(['event_id:INVALID_FORMAT']);
    }
  });

  it('bounds strings in UTF-8 bytes and refuses control characters in identifiers', () => {
    expect(problems({ ...valid(), actor: { userId: 'é'.repeat(128) } })).toEqual([]);
    expect(problems({ ...valid(), actor: { userId: 'é'.repeat(129) } })).toEqual([
      'actor.user_id:TOO_LONG',
    ]);
    expect(problems({ ...valid(), action: 'a'.repeat(129) })).toEqual(['action:TOO_LONG']);
    expect(problems({ ...valid(), resource: 'r'.repeat(1025) })).toEqual(['resource:TOO_LONG']);
    expect(problems({ ...valid(), actor: { userId: 'al\u0000ice' } })).toEqual([
      'actor.user_id:INVALID_FORMAT',
    ]);
    expect(
      problems({ ...valid(), actor: { userId: 'u', userAgent: 'Mozilla/5.0\t(X11)' } }),
    ).toEqual([]);
  });

  it('bounds attributes in count, key and value size', () => {
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'v']));
    expect(problems({ ...valid(), attributes: many })).toEqual(['attributes:TOO_MANY']);
    expect(problems({ ...valid(), attributes: { ['k'.repeat(129)]: 'v' } })).toEqual([
      `attributes["${'k'.repeat(64)}…"(129 chars)]:TOO_LONG`,
    ]);
    expect(problems({ ...valid(), attributes: { k: 'v'.repeat(1025) } })).toEqual([
      'attributes["k"]:TOO_LONG',
    ]);
    expect(problems({ ...valid(), attributes: { '': 'v' } })).toEqual(['attributes[""]:REQUIRED']);
  });

  it('refuses unknown outcomes', () => {
    expect(problems({ ...valid(), outcome: 0 })).toEqual([]);
    expect(problems({ ...valid(), outcome: 3 })).toEqual([]);
    expect(problems({ ...valid(), outcome: 4 })).toEqual(['outcome:OUT_OF_RANGE']);
  });

  it('does not check the fields the server overwrites', () => {
    expect(
      problems({ ...valid(), source: '\u0000'.repeat(5000), receivedAt: { seconds: -1 } }),
    ).toEqual([]);
  });
});

describe('validateEvents', () => {
  it('reports every bad event by index, and event ids repeated within the request', () => {
    const events = [valid(), { ...valid(), action: '' }, valid(), { ...valid(), eventId: 'other' }];
    const violations = validateEvents(events, limits, NOW);
    expect(violations.map((v) => [v.index, v.field, v.reason])).toEqual([
      [1, 'action', 'REQUIRED'],
      [1, 'event_id', 'DUPLICATE_IN_BATCH'],
      [2, 'event_id', 'DUPLICATE_IN_BATCH'],
    ]);
    expect(violations[1]?.message).toBe('repeats the event id of event 0');
  });

  it('lets any number of events come without an id', () => {
    const { eventId: _, ...withoutId } = valid();
    expect(validateEvents([withoutId, withoutId, withoutId], limits, NOW)).toEqual([]);
  });
});

describe('validateEvent: unbounded and malformed text', () => {
  const wide: ValidationLimits = {
    maxAttributes: 64,
    clockSkewPastMs: 86_400_000,
    clockSkewFutureMs: 300_000,
  };
  const now = NOW;
  const base = () => ({
    occurredAt: { seconds: now / 1000 },
    actor: { userId: 'alice' },
    action: 'auth.login',
  });

  it('repeats at most ~64 characters of an attribute key, whatever its length', () => {
    for (const key of ['k'.repeat(100_000), 'k'.repeat(300_000), 'é'.repeat(40_000)]) {
      const violations = validateEvent({ ...base(), attributes: { [key]: 'v' } }, 0, wide, now);
      expect(violations).toHaveLength(1);
      expect(violations[0]?.reason).toBe('TOO_LONG');
      expect(violations[0]?.field.length).toBeLessThan(100);
      expect(violations[0]?.field).toContain(`(${key.length} chars)`);
    }
  });

  it.each([
    ['tenant_id', { tenantId: 't\udfff' }],
    ['resource', { resource: 'db/\udc00x' }],
    ['source', { source: 's\ud800' }],
  ])('refuses a lone surrogate in %s, naming the field', (field, overrides) => {
    const violations = validateEvent({ ...base(), ...overrides }, 0, wide, now);
    expect(violations).toEqual([
      expect.objectContaining({
        field,
        reason: 'INVALID_FORMAT',
        message: expect.stringMatching(/well-formed/),
      }),
    ]);
  });

  it.each([
    ['actor.user_id', { userId: 'u\ud800' }],
    ['actor.session_id', { userId: 'u', sessionId: '\ud800' }],
    ['actor.device_id', { userId: 'u', deviceId: '\ud800' }],
    ['actor.user_agent', { userId: 'u', userAgent: 'Mozilla\udfff' }],
    ['actor.ip', { userId: 'u', ip: '\ud800' }],
    ['actor.geo.country_code', { userId: 'u', geo: { countryCode: 'D\ud800' } }],
  ])('refuses a lone surrogate in %s', (field, actor) => {
    const violations = validateEvent({ ...base(), actor }, 0, wide, now);
    expect(violations).toEqual([expect.objectContaining({ field, reason: 'INVALID_FORMAT' })]);
  });

  it('refuses lone surrogates in attribute keys and values; accepts real pairs', () => {
    const fields = (attributes: Record<string, string>) =>
      validateEvent({ ...base(), attributes }, 0, wide, now).map((v) => `${v.field}:${v.reason}`);
    expect(fields({ 'k\ud800': 'v' })).toEqual(['attributes["k\\ud800"]:INVALID_FORMAT']);
    expect(fields({ k: 'v\udc00' })).toEqual(['attributes["k"]:INVALID_FORMAT']);
    expect(fields({ '😀': 'grüße 😀' })).toEqual([]);
  });

  it('validates a "__proto__" attribute like any other key', () => {
    const attributes: Record<string, string> = {};
    Object.defineProperty(attributes, '__proto__', { value: 'x'.repeat(2_000), enumerable: true });
    expect(validateEvent({ ...base(), attributes }, 0, wide, now)).toEqual([
      expect.objectContaining({ field: 'attributes["__proto__"]', reason: 'TOO_LONG' }),
    ]);
  });
});

/**
 * Issue #11, "User ids": ingest accepted right-to-left override and zero-width characters in user
 * ids, and stored case variants as different users. The rules are @vigil/input's, one per kind.
 */
describe('checkEvent: the shared rules of @vigil/input (issue #11)', () => {
  const base = () => ({ ...valid(), actor: { userId: 'alice' } });
  const userIdProblems = (userId: string) =>
    validateEvent({ ...base(), actor: { userId } }, 0, limits, NOW).map(
      (v) => `${v.field}:${v.reason}:${v.message}`,
    );

  it.each([
    ['right-to-left override', 'admin\u202e\u0645\u0627', /U\+202E/],
    ['zero-width space', 'alice\u200b', /U\+200B/],
    ['zero-width joiner', 'al\u200dice', /U\+200D/],
    ['byte order mark', '\ufeffalice', /U\+FEFF/],
    ['trailing NUL', 'alice\u0000', /U\+0000/],
    ['trailing space', 'alice ', /whitespace/],
    ['leading space', ' alice', /whitespace/],
    ['no-break space', 'al\u00a0ice', /U\+00A0/],
  ])(
    'refuses a user id with a %s, naming the code point, never echoing the value',
    (_, id, why) => {
      const found = userIdProblems(id);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^actor\.user_id:INVALID_FORMAT:/);
      expect(found[0]).toMatch(why);
      expect(found[0]).not.toContain('alice');
    },
  );

  it('bounds user ids at 256 UTF-8 bytes, as sent and once folded', () => {
    expect(userIdProblems('x'.repeat(256))).toEqual([]);
    expect(userIdProblems('x'.repeat(257))).toEqual([
      'actor.user_id:TOO_LONG:must be at most 256 bytes (UTF-8)',
    ]);
    // 128 x "ß" is 256 bytes; folded to "ss" it is still 256 bytes.
    expect(userIdProblems('\u00df'.repeat(128))).toEqual([]);
  });

  it('stores the canonical user id: NFC and case-folded, so case variants are one user', () => {
    const canonical = (userId: string) =>
      checkEvent({ ...base(), actor: { userId } }, 0, limits, NOW).event.actor?.userId;
    expect(canonical('Alice')).toBe('alice');
    expect(canonical('ALICE')).toBe('alice');
    expect(canonical('Stra\u00dfe')).toBe('strasse');
    expect(canonical('e\u0301')).toBe('\u00e9');
  });

  it('stores canonical actions, IPs and country codes; opaque ids stay exact', () => {
    const { event, violations } = checkEvent(
      {
        ...valid(),
        action: 'AUTH.Login',
        tenantId: 'Tenant-A',
        actor: {
          userId: 'Bob',
          deviceId: 'Dev-1',
          ip: '2001:0DB8:0:0:0:0:0:1',
          geo: { countryCode: 'de', latitude: -0, longitude: 13.4, hasPosition: true },
        },
      },
      0,
      limits,
      NOW,
    );
    expect(violations).toEqual([]);
    expect(event.action).toBe('auth.login');
    expect(event.tenantId).toBe('Tenant-A');
    expect(event.actor?.userId).toBe('bob');
    expect(event.actor?.deviceId).toBe('Dev-1');
    expect(event.actor?.ip).toBe('2001:db8::1');
    expect(event.actor?.geo?.countryCode).toBe('DE');
    expect(Object.is(event.actor?.geo?.latitude, 0)).toBe(true);
  });

  it.each([
    ['DB/prod-payments', []],
    ['db//prod-payments', ['resource:INVALID_FORMAT']],
    ['/db/prod-payments', ['resource:INVALID_FORMAT']],
    ['./db/prod-payments', ['resource:INVALID_FORMAT']],
    [' db/prod-payments', ['resource:INVALID_FORMAT']],
    ['db%2Fprod-payments', ['resource:INVALID_FORMAT']],
  ])('resource %j: non-canonical structure is refused', (resource, expected) => {
    expect(problems({ ...valid(), resource })).toEqual(expected);
  });

  it.each([
    [
      'zero-width in a device id',
      { actor: { userId: 'u', deviceId: 'd\u200b' } },
      'actor.device_id',
    ],
    ['bidi in a session id', { actor: { userId: 'u', sessionId: 's\u202e' } }, 'actor.session_id'],
    ['non-NFC tenant id', { tenantId: 'e\u0301' }, 'tenant_id'],
    ['zero-width attribute key', { attributes: { 'k\u200b': 'v' } }, 'attributes["k\u200b"]'],
    ['an empty action', { action: '' }, 'action'],
    ['an action with a space', { action: 'auth login' }, 'action'],
  ])('refuses %s', (_, overrides, field) => {
    expect(problems({ ...valid(), ...overrides }).map((p) => p.split(':')[0])).toEqual([field]);
  });
});
