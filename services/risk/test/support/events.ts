import type { ActivityEvent } from '../../src/model/events';

/** A successful access by `userId` at `at` (epoch ms); override anything. */
export function activity(
  userId: string,
  at: number,
  fields: Partial<ActivityEvent> = {},
): ActivityEvent {
  return {
    kind: 'activity',
    vouches: true,
    teaches: true,
    countsAuthFailure: true,
    late: false,
    userId,
    at,
    action: 'db.query',
    outcome: 'success',
    sensitivity: 'medium',
    ip: '',
    deviceId: '',
    country: '',
    position: undefined,
    ...fields,
  };
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
/** A fixed instant so tests do not depend on the wall clock. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
