import { timestampFromMillis, vigil } from '@vigil/proto';
import { ADMIN_ATTRIBUTES, ADMIN_SOURCE, subjectResource } from '../model/events';

export interface AdminEventInput {
  eventId: string;
  action: string;
  subjectUserId: string;
  reviewer: string;
  reason: string;
  /** The authenticated admin token's name. */
  caller: string;
  at: number;
  ttlSeconds?: number;
}

/**
 * The audit record of an admin action: an AccessEvent whose actor is the reviewer and whose
 * resource is the subject user. It is published keyed by the subject (see model/events.ts).
 */
export function adminAuditEvent(input: AdminEventInput): vigil.v1.AccessEvent {
  const attributes: Record<string, string> = {
    [ADMIN_ATTRIBUTES.subject]: input.subjectUserId,
    [ADMIN_ATTRIBUTES.reason]: input.reason,
    [ADMIN_ATTRIBUTES.caller]: input.caller,
  };
  if (input.ttlSeconds !== undefined) {
    attributes[ADMIN_ATTRIBUTES.ttlSeconds] = String(input.ttlSeconds);
  }
  const at = timestampFromMillis(input.at);
  return vigil.v1.AccessEvent.create({
    eventId: input.eventId,
    occurredAt: at,
    receivedAt: at,
    actor: { userId: input.reviewer },
    action: input.action,
    resource: subjectResource(input.subjectUserId),
    outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
    source: ADMIN_SOURCE,
    attributes,
  });
}
