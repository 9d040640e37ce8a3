import * as crypto from 'node:crypto';
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
  // Plain objects in field order, not Message.create(): the encoder reads plain objects alike,
  // and the generic constructors cost as much as the encoding itself.
  const stored: vigil.v1.AccessEvent.$Properties = {
    eventId,
    occurredAt: copyTimestamp(event.occurredAt),
    receivedAt: timestampFromMillis(context.receivedAtMs),
    tenantId: event.tenantId || context.defaultTenant || '',
    actor: {
      userId: actor.userId ?? '',
      sessionId: actor.sessionId ?? '',
      deviceId: actor.deviceId ?? '',
      ip: actor.ip ?? '',
      userAgent: actor.userAgent ?? '',
      geo: geo
        ? {
            countryCode: geo.countryCode ?? '',
            latitude: geo.latitude ?? 0,
            longitude: geo.longitude ?? 0,
            hasPosition: geo.hasPosition ?? false,
          }
        : null,
    },
    action: event.action ?? '',
    resource: event.resource ?? '',
    outcome: event.outcome ?? vigil.v1.Outcome.OUTCOME_UNSPECIFIED,
    source: context.source,
    attributes: sortedAttributes(event.attributes),
    establishes: {
      knownAttributes: context.establishes?.knownAttributes ?? false,
      failedAuthentication: context.establishes?.failedAuthentication ?? false,
    },
  };
  // One encoding serves both: the stored value, and the fingerprint over it minus the fields the
  // server adds (encoding the event twice was a tenth of ingest's CPU under PublishBatch).
  const encoded = vigil.v1.AccessEvent.encode(stored).finish();
  const value = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const fingerprint = fingerprintOfEncoded(value);
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
  return fingerprintOfEncoded(vigil.v1.AccessEvent.encode(event).finish());
}

/** AccessEvent fields the server sets at acceptance: received_at and establishes. */
const SERVER_FIELDS = new Set([3, 11]);

/**
 * The fingerprint of an encoded AccessEvent: SHA-256 of its encoding without the server's
 * fields, the same bytes as encoding the event with those fields unset (protobuf encodes each
 * top-level field on its own, so dropping a field's bytes is the same as not encoding it).
 */
export function fingerprintOfEncoded(encoded: Uint8Array): string {
  return sha256Base64url(withoutTopLevelFields(encoded, SERVER_FIELDS)).slice(0, 22);
}

const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;
const sha256Base64url = (bytes: Uint8Array): string =>
  oneShot
    ? oneShot('sha256', bytes, 'base64url')
    : crypto.createHash('sha256').update(bytes).digest('base64url');

/**
 * The encoding with every top-level field numbered in `drop` left out, other fields in order.
 * The input comes from our own encoder; a malformed one (truncated) throws rather than guessing.
 */
export function withoutTopLevelFields(encoded: Uint8Array, drop: ReadonlySet<number>): Uint8Array {
  // Allocation-free until a field is dropped: this runs once per ingested event.
  let out: Buffer | undefined;
  let written = 0;
  let copiedUpTo = 0;
  let at = 0;
  while (at < encoded.length) {
    const start = at;
    const tag = readVarint(encoded, at);
    at = varintEnd;
    switch (tag & 7) {
      case 0:
        readVarint(encoded, at);
        at = varintEnd;
        break;
      case 1:
        at += 8;
        break;
      case 2:
        at = readVarint(encoded, at) + varintEnd;
        break;
      case 5:
        at += 4;
        break;
      default:
        throw new Error(`unsupported wire type ${tag & 7} at byte ${start}`);
    }
    if (at > encoded.length) throw new Error('truncated protobuf encoding');
    if (!drop.has(tag >>> 3)) continue;
    out ??= Buffer.allocUnsafe(encoded.length);
    out.set(encoded.subarray(copiedUpTo, start), written);
    written += start - copiedUpTo;
    copiedUpTo = at;
  }
  if (out === undefined) return encoded;
  out.set(encoded.subarray(copiedUpTo), written);
  written += encoded.length - copiedUpTo;
  return out.subarray(0, written);
}

/** Where the varint last read by readVarint ended (a return slot, so no tuple per read). */
let varintEnd = 0;

/** A base-128 varint at `at` (up to 2^53, enough for tags and lengths); sets varintEnd. */
function readVarint(bytes: Uint8Array, at: number): number {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      varintEnd = i + 1;
      return value;
    }
    scale *= 128;
  }
  throw new Error(`malformed varint at byte ${at}`);
}

type Timestamp = google.protobuf.Timestamp.$Properties;

function copyTimestamp(ts: Timestamp | null | undefined): Timestamp | null {
  if (!ts) return null;
  return { seconds: Number(ts.seconds ?? 0), nanos: ts.nanos ?? 0 };
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
