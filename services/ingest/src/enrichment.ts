import { createHash } from 'node:crypto';
import { google, millisFromTimestamp, timestampFromMillis, vigil } from '@vigil/proto';
import { setEntry } from './maps';
import type { Establishes } from './sources';

type AccessEventInput = vigil.v1.AccessEvent.$Properties;

export interface EnrichContext {
  /** The authenticated sender; it replaces whatever the client put in `source`. */
  source: string;
  /** The sender's tenant for events that name none. */
  defaultTenant?: string;
  /** The sender's grant; it replaces whatever the client put in `establishes` (default: none). */
  establishes?: Establishes;
  receivedAtMs: number;
  /**
   * How long after its occurred_at a retry of the event is still accepted (the past and future
   * clock skews together): its id is remembered until then.
   */
  acceptedAfterOccurredMs?: number;
  /** Makes an event id for events that come without one (a ULID in production). */
  newEventId: () => string;
}

/** An event ready for Kafka: the record value is final, these are the bytes the sealer hashes. */
export interface EnrichedEvent {
  eventId: string;
  /** The record key: per-user ordering comes from keying by user. */
  userId: string;
  value: Buffer;
  /**
   * Fingerprint of what the client sent (everything but received_at), so a retry can be told
   * apart from a different event that reuses an id.
   */
  fingerprint: string;
  /** How long from acceptance the event id must be remembered (see EnrichContext). */
  retainMs: number;
}

/**
 * Builds the stored event from a validated input. Only known fields are copied (unknown fields a
 * client sent are dropped, so nothing unvalidated reaches the log), attributes are sorted by key
 * so equal events encode to equal bytes, and the server-owned fields are set.
 */
export function enrichEvent(event: AccessEventInput, context: EnrichContext): EnrichedEvent {
  const eventId = event.eventId || context.newEventId();
  const actor = event.actor ?? {};
  const geo = actor.geo;
  const stored = vigil.v1.AccessEvent.create({
    eventId,
    occurredAt: copyTimestamp(event.occurredAt),
    tenantId: event.tenantId || context.defaultTenant || '',
    actor: vigil.v1.Actor.create({
      userId: actor.userId ?? '',
      sessionId: actor.sessionId ?? '',
      deviceId: actor.deviceId ?? '',
      ip: actor.ip ?? '',
      userAgent: actor.userAgent ?? '',
      geo: geo
        ? vigil.v1.Geo.create({
            countryCode: geo.countryCode ?? '',
            latitude: geo.latitude ?? 0,
            longitude: geo.longitude ?? 0,
            hasPosition: geo.hasPosition ?? false,
          })
        : null,
    }),
    action: event.action ?? '',
    resource: event.resource ?? '',
    outcome: event.outcome ?? vigil.v1.Outcome.OUTCOME_UNSPECIFIED,
    source: context.source,
    attributes: sortedAttributes(event.attributes),
  });
  const fingerprint = fingerprintOf(stored);
  stored.receivedAt = timestampFromMillis(context.receivedAtMs);
  stored.establishes = vigil.v1.Establishes.create({
    knownAttributes: context.establishes?.knownAttributes ?? false,
    failedAuthentication: context.establishes?.failedAuthentication ?? false,
  });
  const encoded = vigil.v1.AccessEvent.encode(stored).finish();
  const value = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const occurredAtMs = millisFromTimestamp(stored.occurredAt) ?? context.receivedAtMs;
  const retainMs = occurredAtMs + (context.acceptedAfterOccurredMs ?? 0) - context.receivedAtMs;
  return {
    eventId,
    userId: stored.actor?.userId ?? '',
    value,
    fingerprint,
    retainMs: Math.max(1, retainMs),
  };
}

/**
 * The fingerprint of a stored event: everything but what the server adds at acceptance
 * (received_at, and the source's grant, which a configuration change may alter between a retry
 * and the original). It works on an event decoded from Kafka too, because protobufjs re-encodes
 * decoded fields exactly as they arrived.
 */
export function fingerprintOf(event: vigil.v1.AccessEvent): string {
  const { receivedAt, establishes } = event;
  event.receivedAt = null;
  event.establishes = null;
  try {
    return createHash('sha256')
      .update(vigil.v1.AccessEvent.encode(event).finish())
      .digest('base64url')
      .slice(0, 22);
  } finally {
    event.receivedAt = receivedAt;
    event.establishes = establishes;
  }
}

function copyTimestamp(
  ts: google.protobuf.Timestamp.$Properties | null | undefined,
): google.protobuf.Timestamp | null {
  if (!ts) return null;
  return google.protobuf.Timestamp.create({
    seconds: Number(ts.seconds ?? 0),
    nanos: ts.nanos ?? 0,
  });
}

function sortedAttributes(attributes: { [k: string]: string } | null | undefined): {
  [k: string]: string;
} {
  const out: { [k: string]: string } = {};
  if (!attributes) return out;
  // setEntry keeps a "__proto__" key, which plain assignment would silently drop.
  for (const key of Object.keys(attributes).sort()) setEntry(out, key, attributes[key] as string);
  return out;
}
