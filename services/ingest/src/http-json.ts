import { parseRfc3339, parseStrictJson, StrictJsonError, type AliasSpec } from '@vigil/input';
import { vigil } from '@vigil/proto';
import type { Violation, ViolationReason } from './errors';
import { setEntry } from './maps';
import type { Receipt } from './receipts';
import { attributeField, memberName } from './text';

type AccessEventInput = vigil.v1.AccessEvent.$Properties;

/**
 * The HTTP body: one event object, or an array of them. Field names follow the proto3 JSON
 * mapping (lowerCamelCase, as protobufjs prints them); the original snake_case names are accepted
 * too, as proto3 JSON parsers do. Timestamps are RFC 3339 strings, `outcome` is an enum name with
 * or without its prefix ("SUCCESS" or "OUTCOME_SUCCESS") or its number. `null` means "not set".
 * Unknown fields are rejected, so a typo is an error instead of silently lost data.
 */
export interface ParsedBody {
  events: AccessEventInput[];
  /** True when the body was an array: the answer is then `{ receipts: [...] }`. */
  batch: boolean;
  violations: Violation[];
}

export class MalformedBodyError extends Error {}

/**
 * Strict UTF-8: `Buffer#toString('utf8')` would silently turn invalid bytes into U+FFFD, so the
 * stored event would differ from what the client sent. `ignoreBOM` keeps a BOM in the text
 * (and so refused by JSON.parse), as before.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The HTTP body bytes -> a JSON value; MalformedBodyError when not UTF-8, not JSON, or when a
 * key repeats in one object or two spellings of one field appear together (`aliases`): JSON.parse
 * would silently keep the last value, so `{"userId":"a","user_id":"b"}` was user b.
 */
export function decodeJsonBody(body: Uint8Array, aliases?: AliasSpec): unknown {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new MalformedBodyError('the body is not valid UTF-8');
  }
  try {
    return parseStrictJson(text, aliases ? { aliases } : {});
  } catch (err) {
    if (err instanceof StrictJsonError && err.code !== 'INVALID_JSON') {
      // The message names the key and where it is (bounded by parseStrictJson), never a value.
      throw new MalformedBodyError(`the body is not valid: ${err.message}`);
    }
    throw new MalformedBodyError('the body is not valid JSON');
  }
}

export function parseEventsBody(body: unknown): ParsedBody {
  const batch = Array.isArray(body);
  const items: unknown[] = batch ? (body as unknown[]) : [body];
  if (!batch && !isObject(body)) {
    throw new MalformedBodyError('the body must be a JSON object (one event) or an array of them');
  }
  const violations: Violation[] = [];
  const events = items.map((item, index) => {
    const reader = new Reader(index, violations);
    return reader.event(item);
  });
  return { events, batch, violations };
}

export interface ReceiptJson {
  eventId: string;
  topic: string;
  partition: number;
  /** A JSON number: Kafka offsets stay far below 2^53. */
  offset: number;
  duplicate: boolean;
}

export function receiptJson(receipt: Receipt): ReceiptJson {
  return {
    eventId: receipt.eventId,
    topic: receipt.topic,
    partition: receipt.partition,
    offset: receipt.offset,
    duplicate: receipt.duplicate,
  };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON name -> [proto field path, kind]. Both spellings map to the same proto field. */
const EVENT_FIELDS = fields({
  eventId: 'event_id',
  occurredAt: 'occurred_at',
  receivedAt: 'received_at',
  tenantId: 'tenant_id',
  actor: 'actor',
  action: 'action',
  resource: 'resource',
  outcome: 'outcome',
  source: 'source',
  attributes: 'attributes',
});
const ACTOR_FIELDS = fields({
  userId: 'user_id',
  sessionId: 'session_id',
  deviceId: 'device_id',
  ip: 'ip',
  userAgent: 'user_agent',
  geo: 'geo',
});
const GEO_FIELDS = fields({
  countryCode: 'country_code',
  latitude: 'latitude',
  longitude: 'longitude',
  hasPosition: 'has_position',
});

/** The two spellings of each field whose names differ, as alias groups for parseStrictJson. */
function aliasGroups(fields: Map<string, { camel: string; proto: string }>): string[][] {
  const groups = new Map<string, string[]>();
  for (const { camel, proto } of fields.values()) {
    if (camel !== proto) groups.set(camel, [camel, proto]);
  }
  return [...groups.values()];
}

const EVENT_ALIASES: AliasSpec = {
  groups: aliasGroups(EVENT_FIELDS),
  members: {
    actor: {
      groups: aliasGroups(ACTOR_FIELDS),
      members: { geo: { groups: aliasGroups(GEO_FIELDS) } },
    },
  },
};

/**
 * Alias groups of the events body (one event, or an array of them): `userId` and `user_id`
 * name one field and may not appear together. `attributes` is a free-form map and has none.
 */
export const EVENTS_BODY_ALIASES: AliasSpec = { ...EVENT_ALIASES, items: EVENT_ALIASES };

/** Maps both spellings of each field to its camelCase property name. */
function fields(
  camelToProto: Record<string, string>,
): Map<string, { camel: string; proto: string }> {
  const map = new Map<string, { camel: string; proto: string }>();
  for (const [camel, proto] of Object.entries(camelToProto)) {
    map.set(camel, { camel, proto });
    map.set(proto, { camel, proto });
  }
  return map;
}

const OUTCOME_BY_NAME = new Map<string, number>();
for (const [name, value] of Object.entries(vigil.v1.Outcome)) {
  if (typeof value !== 'number') continue;
  OUTCOME_BY_NAME.set(name, value);
  OUTCOME_BY_NAME.set(name.replace(/^OUTCOME_/, ''), value);
}

/** Reads one event, recording a violation per field of the wrong type or unknown name. */
class Reader {
  constructor(
    private readonly index: number,
    private readonly violations: Violation[],
  ) {}

  event(value: unknown): AccessEventInput {
    const event: AccessEventInput = {};
    if (!isObject(value)) {
      this.fail('', 'INVALID_TYPE', 'each event must be a JSON object');
      return event;
    }
    for (const [name, raw] of Object.entries(value)) {
      const field = EVENT_FIELDS.get(name);
      if (!field) {
        this.fail(memberName(name), 'UNKNOWN_FIELD', 'is not a field of AccessEvent');
        continue;
      }
      if (raw === null) continue;
      const path = field.proto;
      switch (field.camel) {
        case 'occurredAt':
          event.occurredAt = this.timestamp(raw, path);
          break;
        case 'receivedAt':
          // Overwritten by the server; only its type is checked.
          this.timestamp(raw, path);
          break;
        case 'actor':
          event.actor = this.actor(raw);
          break;
        case 'outcome':
          event.outcome = this.outcome(raw, path);
          break;
        case 'attributes':
          event.attributes = this.attributes(raw, path);
          break;
        default:
          (event as Record<string, unknown>)[field.camel] = this.string(raw, path);
      }
    }
    return event;
  }

  private actor(value: unknown): vigil.v1.Actor.$Properties | undefined {
    if (!isObject(value)) return this.fail('actor', 'INVALID_TYPE', 'must be an object');
    const actor: vigil.v1.Actor.$Properties = {};
    for (const [name, raw] of Object.entries(value)) {
      const field = ACTOR_FIELDS.get(name);
      if (!field) {
        this.fail(`actor.${memberName(name)}`, 'UNKNOWN_FIELD', 'is not a field of Actor');
        continue;
      }
      if (raw === null) continue;
      const path = `actor.${field.proto}`;
      if (field.camel === 'geo') actor.geo = this.geo(raw);
      else (actor as Record<string, unknown>)[field.camel] = this.string(raw, path);
    }
    return actor;
  }

  private geo(value: unknown): vigil.v1.Geo.$Properties | undefined {
    if (!isObject(value)) return this.fail('actor.geo', 'INVALID_TYPE', 'must be an object');
    const geo: vigil.v1.Geo.$Properties = {};
    for (const [name, raw] of Object.entries(value)) {
      const field = GEO_FIELDS.get(name);
      if (!field) {
        this.fail(`actor.geo.${memberName(name)}`, 'UNKNOWN_FIELD', 'is not a field of Geo');
        continue;
      }
      if (raw === null) continue;
      const path = `actor.geo.${field.proto}`;
      switch (field.camel) {
        case 'countryCode':
          geo.countryCode = this.string(raw, path);
          break;
        case 'hasPosition':
          if (typeof raw === 'boolean') geo.hasPosition = raw;
          else this.fail(path, 'INVALID_TYPE', 'must be true or false');
          break;
        default:
          if (typeof raw === 'number') (geo as Record<string, unknown>)[field.camel] = raw;
          else this.fail(path, 'INVALID_TYPE', 'must be a number');
      }
    }
    return geo;
  }

  private attributes(value: unknown, path: string): Record<string, string> | undefined {
    if (!isObject(value)) return this.fail(path, 'INVALID_TYPE', 'must be an object of strings');
    const out: Record<string, string> = {};
    for (const [key, raw] of Object.entries(value)) {
      // setEntry: JSON.parse makes "__proto__" an own member; it must stay an attribute.
      if (typeof raw === 'string') setEntry(out, key, raw);
      else this.fail(attributeField(key), 'INVALID_TYPE', 'must be a string');
    }
    return out;
  }

  private outcome(value: unknown, path: string): number | undefined {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string') {
      const outcome = OUTCOME_BY_NAME.get(value.toUpperCase());
      if (outcome !== undefined) return outcome;
    }
    return this.fail(path, 'OUT_OF_RANGE', 'must be one of SUCCESS, FAILURE, DENIED, UNSPECIFIED');
  }

  private timestamp(value: unknown, path: string): { seconds: number; nanos: number } | undefined {
    const parsed = typeof value === 'string' ? timestampFromRfc3339(value) : undefined;
    if (parsed) return parsed;
    return this.fail(path, 'INVALID_FORMAT', 'must be an RFC 3339 timestamp string');
  }

  private string(value: unknown, path: string): string | undefined {
    if (typeof value === 'string') return value;
    return this.fail(path, 'INVALID_TYPE', 'must be a string');
  }

  private fail(field: string, reason: ViolationReason, message: string): undefined {
    this.violations.push({ index: this.index, field, reason, message });
    return undefined;
  }
}

/**
 * RFC 3339 -> Timestamp parts, with full nanosecond precision; undefined when not valid: the
 * one RFC 3339 parser of the repository (@vigil/input's parseRfc3339) decides.
 */
export function timestampFromRfc3339(text: string): { seconds: number; nanos: number } | undefined {
  const parsed = parseRfc3339(text);
  return parsed.ok ? { seconds: parsed.value.seconds, nanos: parsed.value.nanos } : undefined;
}
