import { enrichEvent } from '../src/enrichment';
import { isStoredEvent } from '../src/stored-events';

describe('isStoredEvent', () => {
  const enriched = enrichEvent(
    {
      eventId: 'e-1',
      occurredAt: { seconds: 1_768_478_400 },
      actor: { userId: 'alice', ip: '203.0.113.9', geo: { countryCode: 'DE' } },
      action: 'auth.login',
      attributes: { z: '1', a: '2' },
    },
    { source: 'gateway', receivedAtMs: 1_768_478_401_000, newEventId: () => 'unused' },
  );
  const query = {
    eventId: 'e-1',
    source: 'gateway',
    userId: 'alice',
    fingerprint: enriched.fingerprint,
    sinceMs: 0,
  };

  it('recognises the stored bytes of the event a claim was made for', () => {
    // The fingerprint is recomputed from the record as Kafka returns it, received_at aside.
    expect(isStoredEvent(enriched.value, query)).toBe(true);
  });

  it.each([
    ['another source reusing the id', { source: 'okta' }],
    ['another event under the same id', { fingerprint: 'x'.repeat(22) }],
    ['another id', { eventId: 'e-2' }],
  ])('does not take %s for it', (_why, change) => {
    expect(isStoredEvent(enriched.value, { ...query, ...change })).toBe(false);
  });

  it('ignores records that are not access events', () => {
    expect(isStoredEvent(Buffer.from([0xff, 0xff, 0xff]), query)).toBe(false);
    expect(isStoredEvent(null, query)).toBe(false);
  });
});
