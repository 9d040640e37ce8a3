import type { RiskEvent } from '../src/model/events';
import { encodeState, type EncodedState } from '../src/store/codec';
import { emptyState } from '../src/model/state';
import { foldUserEvents, type PositionedEvent } from '../src/stream/fold';
import { MINUTE, T0, activity } from './support/events';
import { testPolicy } from './support/policy';

const policy = testPolicy();
const EMPTY: EncodedState = encodeState(emptyState());

const positioned = (events: RiskEvent[], first: number): PositionedEvent[] =>
  events.map((event, i) => ({
    event,
    position: { topic: 'events', partition: 1, offset: first + i },
  }));

const failures = (n: number, from = T0) =>
  Array.from({ length: n }, (_, i) =>
    activity('u', from + i * 1_000, { action: 'auth.login', outcome: 'failure', ip: '10.0.0.9' }),
  );

describe('folding a batch of one user’s events', () => {
  it('computes the write: counter to check, watermark and first offset', () => {
    const result = foldUserEvents('u', EMPTY, positioned(failures(5), 100), policy);
    expect(result.applied).toBe(5);
    expect(result.signals).toEqual(['FAILED_AUTH_BURST']);
    expect(result.write).toMatchObject({
      userId: 'u',
      expectedApplied: 0,
      watermark: 'events/1',
      firstOffset: 100,
    });
    expect(result.write?.after.core['w:events/1']).toBe('104');
    expect(result.write?.after.core.n).toBe('5');
  });

  it('writes nothing when the whole batch was applied before (re-delivery)', () => {
    const first = foldUserEvents('u', EMPTY, positioned(failures(5), 100), policy);
    const again = foldUserEvents(
      'u',
      first.write?.after as EncodedState,
      positioned(failures(5), 100),
      policy,
    );
    expect(again).toMatchObject({ write: undefined, applied: 0, duplicates: 5 });
  });

  it('applies only the new tail of a partly re-delivered batch', () => {
    const first = foldUserEvents('u', EMPTY, positioned(failures(3), 100), policy);
    const overlap = foldUserEvents(
      'u',
      first.write?.after as EncodedState,
      positioned(failures(5), 100),
      policy,
    );
    expect(overlap).toMatchObject({ applied: 2, duplicates: 3, signals: ['FAILED_AUTH_BURST'] });
    expect(overlap.write).toMatchObject({ expectedApplied: 3, firstOffset: 103 });
  });

  it('is deterministic: the same events from the same state give the same bytes', () => {
    const events = [
      ...failures(7),
      activity('u', T0 + MINUTE, { ip: '10.0.0.1', deviceId: 'd', position: { lat: 1, lon: 2 } }),
    ];
    const a = foldUserEvents('u', EMPTY, positioned(events, 0), policy);
    const b = foldUserEvents('u', EMPTY, positioned(events, 0), policy);
    expect(JSON.stringify(b.write?.after)).toBe(JSON.stringify(a.write?.after));
  });

  it('gives the same state whether events arrive in one batch or many', () => {
    const events = [...failures(12), activity('u', T0 + MINUTE, { ip: '10.0.0.1' })];
    const whole = foldUserEvents('u', EMPTY, positioned(events, 0), policy).write?.after;
    let state = EMPTY;
    for (let i = 0; i < events.length; i += 4) {
      const part = positioned(events.slice(i, i + 4), i);
      state = foldUserEvents('u', state, part, policy).write?.after ?? state;
    }
    expect(state).toEqual(whole);
  });
});
