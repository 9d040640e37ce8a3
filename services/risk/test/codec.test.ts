import { decodeTime } from 'ulid';
import { ulidFactory } from '../src/ids';
import { applyEvent } from '../src/model/apply';
import { emptyState } from '../src/model/state';
import {
  decodeSnapshot,
  decodeState,
  diffFields,
  encodeState,
  fieldsFromPairs,
} from '../src/store/codec';
import { KeyLayout } from '../src/store/keys';
import { HOUR, MINUTE, T0, activity } from './support/events';
import { testPolicy } from './support/policy';

const policy = testPolicy();

function busyState() {
  const state = emptyState();
  const events = [
    activity('u', T0, {
      ip: '10.0.0.1',
      deviceId: 'd1',
      country: 'DE',
      position: { lat: 52.5, lon: 13.4 },
    }),
    activity('u', T0 + MINUTE, { ip: '2001:db8::1', deviceId: '__proto__', country: 'FR' }),
    activity('u', T0 + 2 * MINUTE, { action: 'auth.login', outcome: 'failure' }),
    activity('u', T0 + 3 * MINUTE, { outcome: 'denied', sensitivity: 'critical' }),
  ];
  events.forEach((e, i) =>
    applyEvent(state, e, { topic: 'events', partition: 2, offset: 40 + i }, policy),
  );
  state.restriction = { since: T0, until: T0 + HOUR, reasons: ['NEW_IP', 'NEW_DEVICE'] };
  state.reviewedAt = T0 - HOUR;
  return state;
}

describe('state codec', () => {
  it('round-trips a state through Redis hash fields', () => {
    const state = busyState();
    const encoded = encodeState(state);
    expect(decodeState(encoded)).toEqual(state);
    // A device id like "__proto__" is data, not a prototype change.
    expect(Object.keys(encoded.devices).sort()).toEqual(['__proto__', 'd1']);
  });

  it('encodes an empty state as no fields', () => {
    expect(encodeState(emptyState())).toEqual({ core: {}, ips: {}, devices: {}, countries: {} });
  });

  it('diffs hashes into the minimal set and delete lists', () => {
    expect(diffFields({ a: '1', b: '2', c: '3' }, { a: '1', b: '20', d: '4' })).toEqual({
      set: ['b', '20', 'd', '4'],
      del: ['c'],
    });
  });

  it('decodes the Authorize read reply', () => {
    const reply = [
      '42.5',
      String(T0),
      `NEW_IP,${T0},30;BOGUS,1,2`,
      `52.5,13.4,${T0}`,
      `${T0},${T0 + HOUR},NEW_IP`,
      `${T0},${T0 + MINUTE}`,
      1,
      null,
      3,
      null,
      0,
    ];
    expect(decodeSnapshot(reply)).toEqual({
      score: 42.5,
      scoreAt: T0,
      reasons: [{ code: 'NEW_IP', raisedAt: T0, weight: 30 }],
      lastGeo: { lat: 52.5, lon: 13.4, at: T0 },
      restriction: { since: T0, until: T0 + HOUR, reasons: ['NEW_IP'] },
      ip: { seen: { first: T0, last: T0 + MINUTE }, history: 1 },
      device: { seen: undefined, history: 3 },
      country: { seen: undefined, history: 0 },
    });
  });

  it('turns HGETALL pairs into fields', () => {
    expect(fieldsFromPairs(['a', '1', 'b', '2'])).toEqual({ a: '1', b: '2' });
  });
});

describe('key layout', () => {
  const keys = new KeyLayout('vigil:risk');

  it('puts all of a user’s keys in one hash slot', () => {
    expect(keys.keys('alice')).toEqual([
      'vigil:risk:{alice}:s',
      'vigil:risk:{alice}:ip',
      'vigil:risk:{alice}:dev',
      'vigil:risk:{alice}:cc',
    ]);
  });

  it('escapes braces so a user id cannot end the hash tag early', () => {
    expect(keys.core('}evil{')).toBe('vigil:risk:{%7Devil%7B}:s');
    expect(keys.core('100%')).toBe('vigil:risk:{100%25}:s');
    expect(keys.core('%7D')).not.toBe(keys.core('}'));
  });
});

describe('ids', () => {
  it('are ULIDs, unique and ordered even within one millisecond', () => {
    const next = ulidFactory();
    const ids = Array.from({ length: 5_000 }, () => next(T0));
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(decodeTime(ids[0] as string)).toBe(T0);
  });
});
