/**
 * One length limit per kind, in UTF-8 bytes, used by every door (ingest gRPC and HTTP, Authorize,
 * RiskAdmin, the CLI). They keep one event far below a Kafka record, keep Redis keys short, and
 * stop a source from turning a label into a payload. A limit applies to the input as sent and
 * to the canonical form that is stored.
 */
export const BYTE_LIMITS = {
  userId: 256,
  /** A reviewer is a user id (it becomes the actor of the admin audit event). */
  reviewer: 256,
  tenantId: 128,
  deviceId: 256,
  sessionId: 256,
  eventId: 128,
  action: 128,
  resource: 1024,
  /** The longest IPv6 text form: eight groups of four digits with an IPv4 tail. */
  ip: 45,
  countryCode: 2,
  userAgent: 1024,
  attributeKey: 128,
  attributeValue: 1024,
  /** An admin action's reason. */
  reason: 1024,
} as const;

export type InputKind = keyof typeof BYTE_LIMITS;
