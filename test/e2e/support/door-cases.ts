/**
 * Hostile-input cases for the door rules of issue #11 on ingest (and the credential and decoding
 * rules on risk's gRPC server): user ids and resources the shared input rules refuse, HTTP
 * encodings and charsets, strict JSON (repeated keys, two spellings of one field), repeated
 * authorization headers, and undecodable requests with and without credentials.
 *
 * The builders take what they need from the test file (event generators, encoders) as a kit, so
 * this module adds cases without growing hostile-input.int.test.ts.
 */
import * as zlib from 'node:zlib';
import type { vigil } from '@vigil/proto';
import { grpc, lenField, type HttpRequestSpec, type Rng } from './hostile-kit';

type EventInput = vigil.v1.AccessEvent.$Properties;
type Json = Record<string, unknown>;
type Method = 'publish' | 'publishBatch' | 'authorize' | 'profile' | 'clear' | 'restrict';

const S = grpc.status;

export interface DoorTokens {
  ingest: string;
  authz: string;
  admin: string;
}

/** What the builders borrow from the test file. */
export interface DoorKit {
  validEvent(rng: Rng, eventId: string): EventInput;
  encodeEvent(e: EventInput): Buffer;
  encodeBatch(events: EventInput[]): Buffer;
  encodeAuthorize(r: vigil.v1.AuthorizeRequest.$Properties): Buffer;
  validAuthorize(rng: Rng): vigil.v1.AuthorizeRequest.$Properties;
  encodeProfile(userId: string): Buffer;
  encodeRestrict(r: vigil.v1.RestrictUserRequest.$Properties): Buffer;
  /** The proto3 JSON form of an event, and its text. */
  toJson(e: EventInput): Json;
  jsonText(value: unknown): string;
}

export interface DoorGrpcCase {
  kind: 'grpc';
  category: string;
  name: string;
  method: Method;
  auth: string | readonly string[] | undefined;
  payload: () => Buffer;
  expect: { codes: readonly number[]; vigilCode?: string };
  repeatedAuthorization?: boolean;
  verify?: EventInput;
}

export interface DoorHttpCase {
  kind: 'http';
  category: string;
  name: string;
  request: () => HttpRequestSpec;
  expect: { statuses: readonly number[]; codes?: readonly string[] };
  verify?: EventInput;
}

const GRPC = 'grpc doors (issue 11)';
const HTTP = 'http doors (issue 11)';
const bearer = (token: string) => `Bearer ${token}`;

/** User ids every door refuses (character rules of @vigil/input). */
export const HOSTILE_USER_IDS: ReadonlyArray<[string, string]> = [
  ['right-to-left override', 'admin\u202e\u0645\u0627'],
  ['left-to-right isolate', 'al\u2066ice'],
  ['right-to-left mark', 'alice\u200f'],
  ['zero-width space', 'alice\u200b'],
  ['zero-width joiner', 'al\u200dice'],
  ['zero-width non-joiner', 'al\u200cice'],
  ['word joiner', 'ali\u2060ce'],
  ['byte order mark', '\ufeffalice'],
  ['soft hyphen', 'ali\u00adce'],
  ['tag characters', 'alice\u{e0041}'],
  ['no-break space', 'al\u00a0ice'],
  ['ideographic space', 'alice\u3000'],
  ['trailing space', 'alice '],
  ['leading space', ' alice'],
  ['trailing NUL', 'alice\u0000'],
  ['line separator', 'alice\u2028'],
  ['noncharacter', 'alice\ufdd0'],
];

/** Spellings of db/prod-payments whose structure is not canonical (refused, never matched). */
const NON_CANONICAL_RESOURCES = [
  'db//prod-payments',
  '/db/prod-payments',
  'db/prod-payments/',
  './db/prod-payments',
  'db/x/../prod-payments',
  ' db/prod-payments',
  'db/ prod-payments',
  'db\\prod-payments',
  'db%2Fprod-payments',
  'db%2fprod-payments',
  'db/%2E%2E/prod-payments',
];

/** Within the test source's scope (auth.*), so validation, not the scope, refuses them. */
const BAD_ACTIONS = [
  'auth.log in',
  'auth..login',
  'auth.',
  'auth.log\\in',
  'auth.lögin',
  'auth.login%n',
];

export function grpcDoorCases(rng: Rng, t: DoorTokens, kit: DoorKit): DoorGrpcCase[] {
  const cases: DoorGrpcCase[] = [];
  const invalid = { codes: [S.INVALID_ARGUMENT], vigilCode: 'INVALID_ARGUMENT' };
  const conflicting = { codes: [S.UNAUTHENTICATED], vigilCode: 'CONFLICTING_CREDENTIALS' };
  const publish = (name: string, event: EventInput, expect: DoorGrpcCase['expect']) =>
    cases.push({
      kind: 'grpc',
      category: GRPC,
      name: `Publish: ${name}`,
      method: 'publish',
      auth: bearer(t.ingest),
      payload: () => kit.encodeEvent(event),
      expect,
    });

  HOSTILE_USER_IDS.forEach(([what, userId], i) => {
    const event = kit.validEvent(rng, `hostile-door-uid-${i}`);
    (event.actor ??= {}).userId = userId;
    publish(`user_id with a ${what}`, event, invalid);
  });
  NON_CANONICAL_RESOURCES.forEach((resource, i) => {
    const event = kit.validEvent(rng, `hostile-door-res-${i}`);
    event.resource = resource;
    publish(`resource ${JSON.stringify(resource)}`, event, invalid);
  });
  BAD_ACTIONS.forEach((action, i) => {
    const event = kit.validEvent(rng, `hostile-door-act-${i}`);
    event.action = action;
    publish(`action ${JSON.stringify(action)}`, event, invalid);
  });
  // Case variants are one user: accepted (and stored folded, so no content check here).
  for (const [i, userId] of ['Hostile-Door-Upper', 'HOSTILE-DOOR-UPPER', 'Stra\u00dfe'].entries()) {
    const event = kit.validEvent(rng, `hostile-door-case-${i}`);
    (event.actor ??= {}).userId = userId;
    event.action = 'AUTH.Login';
    publish(`user id ${JSON.stringify(userId)} and action AUTH.Login (canonicalized)`, event, {
      codes: [S.OK],
    });
  }

  // Two authorization values, on ingest and on both risk services, whichever one is valid.
  const forged = () => bearer(rng.text(24));
  const two: Array<[Method, string[], () => Buffer]> = [
    [
      'publish',
      [bearer(t.ingest), forged()],
      () => kit.encodeEvent(kit.validEvent(rng.fork(), 'hostile-door-two-1')),
    ],
    [
      'publish',
      [forged(), bearer(t.ingest)],
      () => kit.encodeEvent(kit.validEvent(rng.fork(), 'hostile-door-two-2')),
    ],
    [
      'publish',
      [bearer(t.ingest), bearer(t.ingest)],
      () => kit.encodeEvent(kit.validEvent(rng.fork(), 'hostile-door-two-3')),
    ],
    [
      'publishBatch',
      [bearer(t.ingest), bearer(t.admin)],
      () => kit.encodeBatch([kit.validEvent(rng.fork(), 'hostile-door-two-4')]),
    ],
    [
      'authorize',
      [bearer(t.authz), forged()],
      () => kit.encodeAuthorize(kit.validAuthorize(rng.fork())),
    ],
    [
      'authorize',
      [forged(), bearer(t.authz)],
      () => kit.encodeAuthorize(kit.validAuthorize(rng.fork())),
    ],
    ['profile', [bearer(t.admin), bearer(t.admin)], () => kit.encodeProfile('hostile-authz-1')],
    [
      'restrict',
      [bearer(t.admin), bearer(t.authz)],
      () =>
        kit.encodeRestrict({
          userId: 'hostile-door-subject',
          reviewer: 'rev',
          reason: 'two tokens',
          ttlSeconds: 60,
        }),
    ],
  ];
  for (const [method, auth, payload] of two) {
    const bytes = payload();
    cases.push({
      kind: 'grpc',
      category: GRPC,
      name: `${method} with two authorization values (${auth.length === 2 && auth[0] === auth[1] ? 'equal' : 'different'})`,
      method,
      auth,
      payload: () => bytes,
      expect: conflicting,
      repeatedAuthorization: true,
    });
  }

  // Undecodable requests: MALFORMED_REQUEST with credentials, UNAUTHENTICATED without.
  const badUtf8 = (field: number) => lenField(field, Buffer.from([0x61, 0xff, 0xfe, 0x62]));
  const undecodable: Array<[Method, string, () => Buffer]> = [
    [
      'publish',
      'invalid UTF-8 in action',
      () =>
        Buffer.concat([
          kit.encodeEvent(kit.validEvent(rng.fork(), 'hostile-door-utf8')),
          badUtf8(4),
        ]),
    ],
    ['publish', 'a length beyond the end', () => Buffer.from([0x0a, 0x7f, 0x41])],
    ['publishBatch', 'wire type 7', () => Buffer.from([0x0f, 0x01])],
    ['authorize', 'invalid UTF-8 in user_id', () => badUtf8(1)],
    ['profile', 'truncated varint', () => Buffer.from([0x08, 0xff, 0xff])],
  ];
  const ownToken = (m: Method) =>
    m === 'publish' || m === 'publishBatch' ? t.ingest : m === 'authorize' ? t.authz : t.admin;
  for (const [method, what, payload] of undecodable) {
    const bytes = payload();
    cases.push({
      kind: 'grpc',
      category: GRPC,
      name: `${method}: ${what}, with a valid token`,
      method,
      auth: bearer(ownToken(method)),
      payload: () => bytes,
      expect: { codes: [S.INVALID_ARGUMENT], vigilCode: 'MALFORMED_REQUEST' },
    });
    for (const auth of [undefined, forged()]) {
      cases.push({
        kind: 'grpc',
        category: GRPC,
        name: `${method}: ${what}, ${auth ? 'with a forged token' : 'without a token'}`,
        method,
        auth,
        payload: () => bytes,
        expect: { codes: [S.UNAUTHENTICATED], vigilCode: 'UNAUTHENTICATED' },
      });
    }
  }
  return cases;
}

export function httpDoorCases(rng: Rng, t: DoorTokens, kit: DoorKit): DoorHttpCase[] {
  const cases: DoorHttpCase[] = [];
  const auth = { authorization: bearer(t.ingest) };
  const json = { ...auth, 'content-type': 'application/json' };
  const add = (
    name: string,
    request: () => HttpRequestSpec,
    expect: DoorHttpCase['expect'],
    verify?: EventInput,
  ) =>
    cases.push({
      kind: 'http',
      category: HTTP,
      name,
      request,
      expect,
      ...(verify ? { verify } : {}),
    });
  const event = (label: string) =>
    kit.validEvent(rng, `hostile-door-http-${label}-${cases.length}`);
  const text = (e: EventInput) => kit.jsonText(kit.toJson(e));
  const BAD = { statuses: [400], codes: ['MALFORMED_REQUEST'] };
  const UNSUPPORTED = { statuses: [415], codes: ['UNSUPPORTED_MEDIA_TYPE'] };
  const INVALID = { statuses: [400], codes: ['INVALID_ARGUMENT'] };

  // Encodings: gzip is taken (bounded), everything else is 415.
  for (const coding of ['gzip', 'x-gzip', 'GZIP', 'identity, gzip']) {
    const e = event('gzip');
    const body = zlib.gzipSync(text(e));
    add(
      `gzip body (content-encoding: ${coding})`,
      () => ({ headers: { ...json, 'content-encoding': coding }, body }),
      { statuses: [200] },
      e,
    );
  }
  {
    const events = [event('gzip-batch-a'), event('gzip-batch-b')];
    const body = zlib.gzipSync(kit.jsonText(events.map((e) => kit.toJson(e))));
    add('gzip batch of 2', () => ({ headers: { ...json, 'content-encoding': 'gzip' }, body }), {
      statuses: [200],
    });
  }
  add(
    'gzip bomb: 64 MiB of spaces in ~64 KiB',
    () => ({
      headers: { ...json, 'content-encoding': 'gzip' },
      body: zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }),
    }),
    { statuses: [413], codes: ['BATCH_TOO_LARGE'] },
  );
  add(
    'gzip bomb: a valid event padded to 5 MiB',
    () => ({
      headers: { ...json, 'content-encoding': 'gzip' },
      body: zlib.gzipSync(
        Buffer.concat([Buffer.from(text(event('pad'))), Buffer.alloc(5 * 1024 * 1024, 0x20)]),
      ),
    }),
    { statuses: [413], codes: ['BATCH_TOO_LARGE'] },
  );
  add(
    'gzip header, garbage body',
    () => ({
      headers: { ...json, 'content-encoding': 'gzip' },
      body: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0]), rng.bytes(64)]),
    }),
    BAD,
  );
  add(
    'content-encoding gzip on a plain body',
    () => ({ headers: { ...json, 'content-encoding': 'gzip' }, body: text(event('plain')) }),
    BAD,
  );
  {
    const body = zlib.gzipSync(zlib.gzipSync(text(event('nested'))));
    add(
      'gzip inside gzip (content-encoding: gzip, gzip)',
      () => ({ headers: { ...json, 'content-encoding': 'gzip, gzip' }, body }),
      UNSUPPORTED,
    );
  }
  for (const coding of [
    'br',
    'deflate',
    'compress',
    'zstd',
    'x-compress',
    'gzip, br',
    'chunked',
    'base64',
  ]) {
    const body = text(event('coding'));
    add(
      `content-encoding: ${coding} on a plain body`,
      () => ({ headers: { ...json, 'content-encoding': coding }, body }),
      UNSUPPORTED,
    );
  }
  {
    const body = zlib.brotliCompressSync(text(event('br')));
    add(
      'a real brotli body',
      () => ({ headers: { ...json, 'content-encoding': 'br' }, body }),
      UNSUPPORTED,
    );
  }

  // Charsets: UTF-8 only.
  for (const charset of [
    'utf-16',
    'UTF-16LE',
    'utf-32',
    'iso-8859-1',
    'us-ascii',
    'utf8',
    'x-user-defined',
    '"utf-16"',
  ]) {
    const body = text(event('charset'));
    add(
      `charset=${charset}`,
      () => ({
        headers: { ...auth, 'content-type': `application/json; charset=${charset}` },
        body,
      }),
      UNSUPPORTED,
    );
  }
  {
    const body = Buffer.from(`\ufeff${text(event('utf16'))}`, 'utf16le');
    add(
      'a real UTF-16 body, declared',
      () => ({ headers: { ...auth, 'content-type': 'application/json; charset=utf-16' }, body }),
      UNSUPPORTED,
    );
  }
  for (const type of [
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
    'APPLICATION/JSON; Charset=Utf-8',
  ]) {
    const e = event('utf8');
    const body = text(e);
    add(
      `content-type ${type}`,
      () => ({ headers: { ...auth, 'content-type': type }, body }),
      { statuses: [200] },
      e,
    );
  }

  // Strict JSON: a repeated key, or two spellings of one field, is refused, not "last wins".
  const withMember = (e: EventInput, at: 'top' | 'actor' | 'geo', member: string) => {
    const body = text(e);
    const anchor = at === 'top' ? '{' : at === 'actor' ? '"actor":{' : '"geo":{';
    const i = body.indexOf(anchor) + anchor.length;
    return `${body.slice(0, i)}${member},${body.slice(i)}`;
  };
  const strict: Array<[string, (e: EventInput) => string]> = [
    ['repeated "action"', (e) => withMember(e, 'top', '"action":"db.query"')],
    ['repeated "eventId"', (e) => withMember(e, 'top', `"eventId":"${e.eventId}-other"`)],
    ['repeated "userId" in actor', (e) => withMember(e, 'actor', '"userId":"someone-else"')],
    ['repeated "latitude" in geo', (e) => withMember(e, 'geo', '"latitude":0')],
    [
      'repeated key spelled with an escape ("\\u0061ction")',
      (e) => withMember(e, 'top', '"\\u0061ction":"db.query"'),
    ],
    [
      'repeated attribute key',
      (e) => text(e).replace('"attributes":{', '"attributes":{"mfa":"none",'),
    ],
    ['"userId" and "user_id"', (e) => withMember(e, 'actor', '"user_id":"someone-else"')],
    ['"eventId" and "event_id"', (e) => withMember(e, 'top', '"event_id":"other-id"')],
    [
      '"occurredAt" and "occurred_at"',
      (e) => withMember(e, 'top', '"occurred_at":"2026-01-01T00:00:00Z"'),
    ],
    ['"countryCode" and "country_code"', (e) => withMember(e, 'geo', '"country_code":"FR"')],
    ['"hasPosition" and "has_position"', (e) => withMember(e, 'geo', '"has_position":false')],
    ['"tenantId" and "tenant_id"', (e) => withMember(e, 'top', '"tenant_id":"other"')],
  ];
  for (const [what, build] of strict) {
    const body = build(event('strict'));
    add(`JSON: ${what}`, () => ({ headers: json, body }), BAD);
  }
  {
    const events = [event('strict-batch-a'), event('strict-batch-b')];
    const body = kit
      .jsonText(events.map((e) => kit.toJson(e)))
      .replace('"actor":{', '"actor":{"user_id":"x",');
    add(
      'JSON: "userId" and "user_id" in the first event of a batch',
      () => ({ headers: json, body }),
      BAD,
    );
  }
  {
    const e = event('attr-alias');
    e.attributes = { userId: 'a', user_id: 'b' };
    const body = text(e);
    add(
      'JSON: "userId" and "user_id" as attribute keys (a free-form map: both kept)',
      () => ({ headers: json, body }),
      { statuses: [200] },
      e,
    );
  }

  // Two authorization headers: conflicting credentials, whichever one is valid.
  for (const pair of [
    [bearer(t.ingest), bearer(rng.text(24))],
    [bearer(rng.text(24)), bearer(t.ingest)],
    [bearer(t.ingest), bearer(t.ingest)],
    [bearer(t.ingest), bearer(t.authz)],
    [bearer(t.ingest), ''],
  ]) {
    const body = text(event('two-auth'));
    add(
      `two authorization headers (${pair[0] === pair[1] ? 'equal' : 'different'})`,
      () => ({ headers: { 'content-type': 'application/json', authorization: pair }, body }),
      { statuses: [401], codes: ['CONFLICTING_CREDENTIALS'] },
    );
  }

  // User ids and resources the shared rules refuse, over HTTP too.
  HOSTILE_USER_IDS.forEach(([what, userId]) => {
    const e = event('uid');
    (e.actor ??= {}).userId = userId;
    const body = text(e);
    add(`user_id with a ${what}`, () => ({ headers: json, body }), INVALID);
  });
  for (const resource of NON_CANONICAL_RESOURCES.slice(0, 6)) {
    const e = event('res');
    e.resource = resource;
    const body = text(e);
    add(`resource ${JSON.stringify(resource)}`, () => ({ headers: json, body }), INVALID);
  }
  return cases;
}
