import { applyEvent, watermarkKey, type EventPosition } from '../model/apply';
import type { RiskEvent } from '../model/events';
import type { SignalCode } from '../model/signals';
import type { Policy } from '../policy/policy';
import { decodeState, encodeState, type EncodedState } from '../store/codec';
import type { UserWrite } from '../store/store';

export interface PositionedEvent {
  event: RiskEvent;
  position: EventPosition;
}

export interface FoldResult {
  /** Undefined when every event was a duplicate: nothing to write. */
  write: UserWrite | undefined;
  applied: number;
  duplicates: number;
  signals: SignalCode[];
  restrictions: { manual: number; score: number };
}

/**
 * Applies one user's events from one batch (one partition, ascending offsets) to the state as
 * loaded, and computes the write. Pure: the caller does the I/O, and retries with fresh state if
 * the write loses a race.
 */
export function foldUserEvents(
  userId: string,
  before: EncodedState,
  events: readonly PositionedEvent[],
  policy: Policy,
): FoldResult {
  const state = decodeState(before);
  const expectedApplied = state.applied;
  const result: FoldResult = {
    write: undefined,
    applied: 0,
    duplicates: 0,
    signals: [],
    restrictions: { manual: 0, score: 0 },
  };
  let first: EventPosition | undefined;
  for (const { event, position } of events) {
    const outcome = applyEvent(state, event, position, policy);
    if (outcome.status === 'duplicate') {
      result.duplicates += 1;
      continue;
    }
    first ??= position;
    result.applied += 1;
    result.signals.push(...outcome.signals);
    if (outcome.restricted) {
      if (event.kind === 'manual_restriction') result.restrictions.manual += 1;
      else result.restrictions.score += 1;
    }
  }
  if (first) {
    result.write = {
      userId,
      expectedApplied,
      watermark: watermarkKey(first.topic, first.partition),
      firstOffset: first.offset,
      before,
      after: encodeState(state),
    };
  }
  return result;
}
