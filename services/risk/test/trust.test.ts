/**
 * Trust boundaries in the risk model (issue #10): what an event may establish comes from the
 * grant ingest stamped for its authenticated source, a late event is history rather than
 * evidence, and only the admin log can carry an admin action.
 */
import { timestampFromMillis, vigil } from '@vigil/proto';
import { applyEvent } from '../src/model/apply';
import { ADMIN_ACTIONS, ADMIN_ATTRIBUTES, ADMIN_SOURCE, toRiskEvent } from '../src/model/events';
import type { ActivityEvent } from '../src/model/events';
import { emptyState, type UserRiskState } from '../src/model/state';
import { activity, MINUTE, T0 } from './support/events';
import { testPolicy } from './support/policy';

const policy = testPolicy();

function accessEvent(fields: Partial<vigil.v1.IAccessEvent> = {}): vigil.v1.AccessEvent {
  return vigil.v1.AccessEvent.create({
    eventId: 'e1',
    occurredAt: timestampFromMillis(T0),
    receivedAt: timestampFromMillis(T0 + 1_000),
    actor: { userId: 'alice', ip: '192.0.2.7', deviceId: 'laptop' },
    action: 'auth.login',
    outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
    source: 'idp',
    establishes: { knownAttributes: true, failedAuthentication: true },
    ...fields,
  });
}

const record = (fromAdminLog = false) => ({ key: 'alice', timestampMs: T0 + 1_000, fromAdminLog });

function asActivity(event: vigil.v1.AccessEvent): ActivityEvent {
  const result = toRiskEvent(event, record(), policy);
  if ('skip' in result || result.kind !== 'activity') throw new Error('expected activity');
  return result;
}

describe('what an event may establish', () => {
  it('takes it from the grant ingest stamped, never from the action or the source name', () => {
    expect(asActivity(accessEvent())).toMatchObject({
      vouches: true,
      teaches: true,
      countsAuthFailure: true,
    });
    const gateway = accessEvent({
      source: 'idp',
      establishes: { knownAttributes: false, failedAuthentication: false },
    });
    expect(asActivity(gateway)).toMatchObject({ teaches: false, countsAuthFailure: false });
  });

  it('keeps the old meaning for records written before sources existed (no grant)', () => {
    expect(asActivity(accessEvent({ establishes: null }))).toMatchObject({
      teaches: true,
      countsAuthFailure: true,
      late: false,
    });
  });

  it('makes an event older than the learning horizon late: it teaches nothing', () => {
    const horizon = policy.learningHorizonMs;
    const onTime = accessEvent({ receivedAt: timestampFromMillis(T0 + horizon) });
    expect(asActivity(onTime)).toMatchObject({ late: false, teaches: true });
    const late = accessEvent({ receivedAt: timestampFromMillis(T0 + horizon + 1) });
    expect(asActivity(late)).toMatchObject({ late: true, teaches: false });
  });
});

describe('admin actions', () => {
  const adminEvent = (action: string) =>
    accessEvent({
      source: ADMIN_SOURCE,
      action,
      actor: { userId: 'reviewer' },
      attributes: { [ADMIN_ATTRIBUTES.subject]: 'alice' },
    });

  it('are applied from the admin log', () => {
    expect(toRiskEvent(adminEvent(ADMIN_ACTIONS.clearRestriction), record(true), policy)).toEqual({
      kind: 'review',
      userId: 'alice',
      at: T0,
    });
  });

  it('are ignored on access-events, whatever the source claims', () => {
    for (const event of [
      adminEvent(ADMIN_ACTIONS.clearRestriction),
      adminEvent(ADMIN_ACTIONS.restrictUser),
      accessEvent({ source: 'gateway', action: ADMIN_ACTIONS.clearRestriction }),
    ]) {
      expect(toRiskEvent(event, record(false), policy)).toEqual({ skip: 'forged_admin_action' });
    }
  });

  it('the admin log carries nothing else', () => {
    expect(toRiskEvent(accessEvent(), record(true), policy)).toEqual({
      skip: 'not_an_admin_event',
    });
  });
});

describe('applying events that may not teach', () => {
  const position = (offset: number) => ({ topic: 'events', partition: 0, offset });
  const knownUser = (): UserRiskState => {
    const state = emptyState();
    applyEvent(
      state,
      activity('alice', T0, { ip: '192.0.2.1', deviceId: 'laptop', country: 'DE' }),
      position(0),
      policy,
    );
    return state;
  };

  const stranger = { ip: '203.0.113.9', deviceId: 'phone', country: 'US' };

  it('neither learns nor judges where an event comes from when its source may not vouch', () => {
    const state = knownUser();
    const untrusted = { ...stranger, vouches: false, teaches: false };
    for (let i = 1; i <= 5; i++) {
      const result = applyEvent(
        state,
        activity('alice', T0 + i * MINUTE, untrusted),
        position(i),
        policy,
      );
      expect(result).toMatchObject({ signals: [], restricted: false });
    }
    expect([...state.ips.keys()]).toEqual(['192.0.2.1']);
    expect(state.score).toBe(0);
  });

  it('scores a late event from a trusted source, but learns nothing from it', () => {
    const state = knownUser();
    const late = { ...stranger, vouches: true, teaches: false, late: true };
    const first = applyEvent(state, activity('alice', T0 + MINUTE, late), position(1), policy);
    expect(first).toMatchObject({ signals: expect.arrayContaining(['NEW_IP', 'NEW_DEVICE']) });
    expect([...state.ips.keys()]).toEqual(['192.0.2.1']);
    expect([...state.devices.keys()]).toEqual(['laptop']);
    // Still new the second time: nothing was learned.
    const again = applyEvent(state, activity('alice', T0 + 2 * MINUTE, late), position(2), policy);
    expect(again).toMatchObject({ signals: expect.arrayContaining(['NEW_IP']) });
  });

  it('does not move the last position or the rate baseline for a late event', () => {
    const state = knownUser();
    const rateBefore = structuredClone(state.rate);
    applyEvent(
      state,
      activity('alice', T0 + MINUTE, {
        teaches: false,
        late: true,
        position: { lat: 40.7, lon: -74 },
      }),
      position(1),
      policy,
    );
    expect(state.lastGeo).toBeUndefined();
    expect(state.rate).toEqual(rateBefore);
  });

  it('counts an auth failure toward the burst only from a source granted failed_authentication', () => {
    const burst = policy.signals.FAILED_AUTH_BURST.threshold;
    const fail = (grant: boolean, i: number) =>
      applyEvent(
        state,
        activity('alice', T0 + i * 1_000, {
          action: 'auth.login',
          outcome: 'failure',
          countsAuthFailure: grant,
        }),
        position(10 + i),
        policy,
      );
    const state = knownUser();
    for (let i = 0; i < burst; i++) expect(fail(false, i)).toMatchObject({ signals: [] });
    expect(state.failures).toEqual([]);
    const results = Array.from({ length: burst }, (_, i) => fail(true, burst + i));
    expect(results.at(-1)).toMatchObject({ signals: ['FAILED_AUTH_BURST'] });
  });
});
