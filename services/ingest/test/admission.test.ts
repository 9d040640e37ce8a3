import { Admission } from '../src/admission';
import { IngestError } from '../src/errors';

describe('Admission', () => {
  it('admits work until the event or byte bound, then refuses with OVERLOADED', () => {
    const admission = new Admission({ maxEvents: 10, maxBytes: 1_000 });
    const a = admission.acquire(6, 100);
    expect(() => admission.acquire(5, 100)).toThrow(
      expect.objectContaining({ code: 'OVERLOADED', retryAfterMs: 1_000 }) as IngestError,
    );
    expect(() => admission.acquire(1, 901)).toThrow(IngestError);
    admission.acquire(4, 900);
    expect([admission.inFlightEvents, admission.inFlightBytes]).toEqual([10, 1_000]);
    a.release();
    expect([admission.inFlightEvents, admission.inFlightBytes]).toEqual([4, 900]);
  });

  it('refuses a request all at once: a refused request takes no room', () => {
    const admission = new Admission({ maxEvents: 5, maxBytes: 1_000 });
    expect(() => admission.acquire(6, 1)).toThrow(IngestError);
    expect(admission.inFlightEvents).toBe(0);
  });

  it('releases in parts, never more than was taken', () => {
    const admission = new Admission({ maxEvents: 10, maxBytes: 1_000 });
    const permit = admission.acquire(5, 500);
    permit.release(2, 200);
    expect([admission.inFlightEvents, admission.inFlightBytes]).toEqual([3, 300]);
    permit.release();
    permit.release();
    expect([admission.inFlightEvents, admission.inFlightBytes]).toEqual([0, 0]);
  });
});
