/**
 * Runs the hostile-input suite's cases and judges the answers: the case and verdict types, the
 * judges (what counts as a clean answer is spelled out in hostile-input.int.test.ts's comment),
 * the runner that sends each case's exact bytes, and the per-category summary.
 */
import {
  AuthorizationServiceDefinition,
  IngestServiceDefinition,
  RiskAdminServiceDefinition,
  vigil,
} from '@vigil/proto';
import { callWithRepeatedAuthorization } from '../../support/grpc-repeated-header';
import type { ServiceName } from '../../support/stack';
import {
  grpc,
  httpRequest,
  rawHttp,
  rawUnary,
  type GrpcClient,
  type GrpcObservation,
  type HttpObservation,
  type HttpRequestSpec,
} from './hostile-kit';

type EventInput = vigil.v1.AccessEvent.$Properties;

const S = grpc.status;

export type Service = 'ingest' | 'risk';

export type MethodName =
  'publish' | 'publishBatch' | 'authorize' | 'profile' | 'clear' | 'restrict';
/** The parts of each method's definition the suite uses: its path and its own deserializer. */
export const METHODS: Record<
  MethodName,
  { path: string; requestDeserialize: (bytes: Buffer) => unknown }
> = {
  publish: IngestServiceDefinition.publish,
  publishBatch: IngestServiceDefinition.publishBatch,
  authorize: AuthorizationServiceDefinition.authorize,
  profile: RiskAdminServiceDefinition.getRiskProfile,
  clear: RiskAdminServiceDefinition.clearRestriction,
  restrict: RiskAdminServiceDefinition.restrictUser,
};
export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
const SERVICE_OF: Record<MethodName, Service> = {
  publish: 'ingest',
  publishBatch: 'ingest',
  authorize: 'risk',
  profile: 'risk',
  clear: 'risk',
  restrict: 'risk',
};

/** Requests in flight at once. */
export const CONCURRENCY = 16;
/** Per call; generous because the machine is shared (calls normally take milliseconds). */
export const CALL_TIMEOUT_MS = 15_000;
/**
 * gRPC requests at least this large, or with credentials this long, get an HTTP/2 connection of
 * their own (as do cases marked `isolate`), so that a transport-level fate is charged to the case
 * that caused it: a header block past the HTTP/2 limits ends its whole connection (GOAWAY
 * COMPRESSION_ERROR), a call that never completes stalls its connection, and megabyte uploads
 * compete with small calls for one connection's flow-control window. Everything else shares one
 * connection per service, as real clients multiplex.
 */
const ISOLATE_PAYLOAD_BYTES = 256 * 1024;
const ISOLATE_AUTH_CHARS = 48 * 1024;

// ---- cases and verdicts ---------------------------------------------------------------------

export interface GrpcExpect {
  codes: readonly number[];
  /** Which transport-level INTERNAL, if any, is acceptable (see the file comment). */
  internal?: 'deserialize' | 'http2-reset';
  /** The `vigil-error-code` a refusal must carry, when one specific code is expected. */
  vigilCode?: string;
}

export interface GrpcCase {
  kind: 'grpc';
  category: string;
  name: string;
  method: MethodName | { path: string; service: Service };
  auth: string | readonly string[] | undefined;
  payload: () => Buffer;
  expect: GrpcExpect | ((payload: Buffer) => GrpcExpect);
  /** Own connection: a case that may wedge its HTTP/2 connection must not take others with it. */
  isolate?: boolean;
  /** Hostile but valid: if stored, the stored record must equal this. */
  verify?: EventInput;
  /**
   * `auth` holds several values to send as repeated `authorization` headers, through a child
   * process (test/support/grpc-repeated-header.ts): grpc-js and Node's HTTP/2 client refuse to.
   */
  repeatedAuthorization?: boolean;
}

export interface HttpExpect {
  statuses: readonly number[];
  codes?: readonly string[];
  /** Node's own parser-level answer without a JSON body is acceptable. */
  bare?: boolean;
  /** Transport outcomes acceptable instead of a response. */
  transportErrors?: readonly string[];
  /** The Allow header a 405 must carry (ingest's API: POST). */
  allow?: string;
}

export interface HttpCase {
  kind: 'http';
  category: string;
  name: string;
  /** Whose ops port (/healthz, /readyz, /metrics) gets the request; default: ingest's HTTP API. */
  ops?: ServiceName;
  request: () => HttpRequestSpec | { raw: Buffer | string };
  expect: HttpExpect;
  verify?: EventInput;
}

export type HostileCase = GrpcCase | HttpCase;

export interface CaseResult {
  category: string;
  name: string;
  outcome: string;
  problem: string | undefined;
  /** The service said yes (gRPC OK, HTTP 200). */
  accepted: boolean;
  /** Events the answer says were stored in access-events (receipts). */
  storedEventIds: string[];
  /** Admin audit events the answer says were recorded in risk-admin. */
  adminEventIds: string[];
  verify: EventInput | undefined;
  ms: number;
}

const STACK_TRACE = /\n\s+at\s|\(\/[^)]*\.[cm]?js:\d+:\d+\)/;
export const clip = (text: string, max = 160) =>
  text.length > max ? `${text.slice(0, max)}... (${text.length} chars)` : text;

function judgeGrpc(expect: GrpcExpect, o: GrpcObservation): string | undefined {
  const name = S[o.code] ?? String(o.code);
  if (o.code === S.DEADLINE_EXCEEDED) {
    return `no answer within ${CALL_TIMEOUT_MS} ms (DEADLINE_EXCEEDED: the call hung)`;
  }
  if (!expect.codes.includes(o.code)) {
    const wanted = expect.codes.map((c) => S[c]).join(' or ');
    return `got ${name} "${clip(o.details)}", expected ${wanted}`;
  }
  if (o.code === S.OK) return undefined;
  if (STACK_TRACE.test(o.details)) return `status details leak a stack trace: ${clip(o.details)}`;
  if (o.code === S.INTERNAL) {
    if (expect.internal === 'deserialize' && o.details === 'Error deserializing request') {
      return undefined;
    }
    if (
      expect.internal === 'http2-reset' &&
      /^Received RST_STREAM with code \d+$/.test(o.details)
    ) {
      return undefined;
    }
    return `INTERNAL "${clip(o.details)}" is not the transport's own rejection`;
  }
  if (
    (o.code === S.INVALID_ARGUMENT || o.code === S.UNAUTHENTICATED) &&
    !o.trailers['vigil-error-code']
  ) {
    return `${name} without a vigil-error-code trailer: "${clip(o.details)}"`;
  }
  if (expect.vigilCode && o.trailers['vigil-error-code'] !== expect.vigilCode) {
    return `${name} with vigil-error-code ${o.trailers['vigil-error-code'] ?? '(none)'}, expected ${expect.vigilCode}`;
  }
  return undefined;
}

function judgeHttp(expect: HttpExpect, method: string, o: HttpObservation): string | undefined {
  if (o.status === undefined) {
    if (o.error !== undefined && expect.transportErrors?.includes(o.error)) return undefined;
    return `no HTTP response (${o.error ?? 'unknown'})`;
  }
  const bodyText = o.body.toString('utf8');
  if (!expect.statuses.includes(o.status)) {
    return `got ${o.status} ${clip(bodyText, 200)}, expected ${expect.statuses.join(' or ')}`;
  }
  if (o.status === 200) return undefined;
  const contentType = o.headers['content-type'] ?? '';
  if (expect.bare && !contentType.includes('json')) return undefined;
  if (!contentType.startsWith('application/json')) {
    return `${o.status} with content-type "${contentType}", not JSON`;
  }
  if (o.status === 401 && !/^Bearer/i.test(o.headers['www-authenticate'] ?? '')) {
    return '401 without WWW-Authenticate: Bearer';
  }
  const allow = expect.allow ?? 'POST';
  if (o.status === 405 && o.headers.allow !== allow) return `405 without Allow: ${allow}`;
  if (method === 'HEAD') return o.body.length === 0 ? undefined : 'a HEAD answer with a body';
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return `${o.status} body is not JSON: ${clip(bodyText)}`;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
    return `${o.status} body has no error.code and error.message: ${clip(bodyText)}`;
  }
  if (expect.codes && !expect.codes.includes(error.code)) {
    return `${o.status} ${error.code}, expected ${expect.codes.join(' or ')}`;
  }
  if (STACK_TRACE.test(error.message)) return `error message leaks a stack trace`;
  return undefined;
}

function grpcStoredIds(method: MethodName | undefined, response: Buffer | undefined): string[] {
  if (!response) return [];
  try {
    switch (method) {
      case 'publish': {
        const receipt = vigil.v1.PublishReceipt.decode(response);
        return receipt.duplicate ? [] : [receipt.eventId];
      }
      case 'publishBatch':
        return vigil.v1.PublishBatchResponse.decode(response)
          .receipts.filter((r) => !r.duplicate)
          .map((r) => r.eventId ?? '');
      default:
        return [];
    }
  } catch {
    return [];
  }
}

function grpcAdminIds(method: MethodName | undefined, response: Buffer | undefined): string[] {
  if (!response) return [];
  try {
    switch (method) {
      case 'clear':
        return [vigil.v1.ClearRestrictionResponse.decode(response).auditEventId];
      case 'restrict':
        return [vigil.v1.RestrictUserResponse.decode(response).auditEventId];
      default:
        return [];
    }
  } catch {
    return [];
  }
}

function httpStoredIds(body: Buffer): string[] {
  try {
    type Receipt = { eventId?: unknown; duplicate?: unknown };
    const parsed = JSON.parse(body.toString('utf8')) as Receipt & { receipts?: Receipt[] };
    return (parsed.receipts ?? [parsed])
      .filter((r) => typeof r.eventId === 'string' && r.duplicate !== true)
      .map((r) => r.eventId as string);
  } catch {
    return [];
  }
}

// ---- running ----------------------------------------------------------------------------------

export interface Targets {
  grpcAddress: Record<Service, string>;
  clients: Record<Service, GrpcClient>;
  httpPort: number;
  opsPorts: Record<ServiceName, number>;
}

export async function runCase(c: HostileCase, targets: Targets): Promise<CaseResult> {
  const base = { category: c.category, name: c.name, verify: c.verify };
  if (c.kind === 'grpc') {
    const payload = c.payload();
    const expect = typeof c.expect === 'function' ? c.expect(payload) : c.expect;
    const { path, service } =
      typeof c.method === 'string'
        ? { path: METHODS[c.method].path, service: SERVICE_OF[c.method] }
        : c.method;
    const authChars = [c.auth ?? ''].flat().join('').length;
    const isolate =
      c.isolate || payload.length >= ISOLATE_PAYLOAD_BYTES || authChars >= ISOLATE_AUTH_CHARS;
    const client = isolate
      ? new grpc.Client(targets.grpcAddress[service], grpc.credentials.createInsecure(), {
          'grpc.use_local_subchannel_pool': 1,
        })
      : targets.clients[service];
    let o: GrpcObservation;
    try {
      o = c.repeatedAuthorization
        ? await repeatedAuthorizationUnary(targets.grpcAddress[service], path, payload, c.auth)
        : await rawUnary(client, path, payload, c.auth, CALL_TIMEOUT_MS);
    } finally {
      if (isolate) client.close();
    }
    const code = o.trailers['vigil-error-code'];
    return {
      ...base,
      outcome: `${S[o.code] ?? o.code}${code && code !== S[o.code] ? `/${code}` : ''}`,
      problem: judgeGrpc(expect, o),
      accepted: o.code === S.OK,
      storedEventIds:
        o.code === S.OK
          ? grpcStoredIds(typeof c.method === 'string' ? c.method : undefined, o.response)
          : [],
      adminEventIds:
        o.code === S.OK
          ? grpcAdminIds(typeof c.method === 'string' ? c.method : undefined, o.response)
          : [],
      ms: o.ms,
    };
  }
  const request = c.request();
  const port = c.ops ? targets.opsPorts[c.ops] : targets.httpPort;
  const o =
    'raw' in request
      ? await rawHttp(port, request.raw, CALL_TIMEOUT_MS)
      : await httpRequest(port, request, CALL_TIMEOUT_MS);
  let label = o.status === undefined ? (o.error ?? 'no response') : String(o.status);
  if (o.status !== undefined && o.status !== 200 && o.body.length === 0) {
    label += ' (no body)';
  } else if (o.status !== undefined && o.status !== 200) {
    try {
      const code = (JSON.parse(o.body.toString('utf8')) as { error?: { code?: string } }).error
        ?.code;
      if (code) label += ` ${code}`;
    } catch {
      label += ' (no JSON)';
    }
  }
  const method = 'raw' in request ? 'RAW' : (request.method ?? 'POST');
  return {
    ...base,
    outcome: label,
    problem: judgeHttp(c.expect, method, o),
    accepted: o.status === 200,
    storedEventIds: o.status === 200 ? httpStoredIds(o.body) : [],
    adminEventIds: [],
    ms: o.ms,
  };
}

/** One call with repeated authorization headers, observed like rawUnary's. */
async function repeatedAuthorizationUnary(
  address: string,
  path: string,
  payload: Buffer,
  auth: string | readonly string[] | undefined,
): Promise<GrpcObservation> {
  try {
    const answer = await callWithRepeatedAuthorization({
      address,
      path,
      payload,
      authorization: [auth ?? []].flat(),
      timeoutMs: CALL_TIMEOUT_MS,
    });
    return { ...answer, response: undefined };
  } catch (err) {
    return {
      code: S.UNKNOWN,
      details: `test client could not send: ${(err as Error).message}`,
      trailers: {},
      response: undefined,
      ms: 0,
    };
  }
}

export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const index = next++;
        if (index >= items.length) return;
        results[index] = await fn(items[index] as T);
      }
    }),
  );
  return results;
}

export function summarize(results: readonly CaseResult[], seed: number, seconds: number): string {
  const rows = new Map<
    string,
    {
      sent: number;
      clean: number;
      accepted: number;
      unexpected: number;
      outcomes: Map<string, number>;
    }
  >();
  for (const r of results) {
    let row = rows.get(r.category);
    if (!row) {
      row = { sent: 0, clean: 0, accepted: 0, unexpected: 0, outcomes: new Map() };
      rows.set(r.category, row);
    }
    row.sent += 1;
    if (r.problem) row.unexpected += 1;
    else if (r.accepted) row.accepted += 1;
    else row.clean += 1;
    row.outcomes.set(r.outcome, (row.outcomes.get(r.outcome) ?? 0) + 1);
  }
  const n = (value: number) => value.toLocaleString('en-US');
  const total = results.length;
  const unexpected = results.filter((r) => r.problem).length;
  const accepted = results.filter((r) => !r.problem && r.accepted).length;
  const lines = [
    `hostile requests (seed ${seed}, ${CONCURRENCY} in flight, ${seconds.toFixed(1)} s): ${n(total)} sent, ` +
      `${n(total - unexpected - accepted)} clean errors, ${n(accepted)} accepted by design, ${n(unexpected)} unexpected`,
    '',
    `${'category'.padEnd(32)}${'sent'.padStart(6)}${'clean'.padStart(7)}${'accepted'.padStart(10)}${'unexpected'.padStart(12)}  outcomes`,
  ];
  for (const [category, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const outcomes = [...row.outcomes]
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, count]) => `${outcome} x${count}`)
      .join(', ');
    lines.push(
      `${category.padEnd(32)}${String(row.sent).padStart(6)}${String(row.clean).padStart(7)}` +
        `${String(row.accepted).padStart(10)}${String(row.unexpected).padStart(12)}  ${outcomes}`,
    );
  }
  const problems = results.filter((r) => r.problem);
  if (problems.length > 0) {
    lines.push('', `unexpected answers (${problems.length}):`);
    for (const r of problems.slice(0, 60)) lines.push(`  [${r.category}] ${r.name}: ${r.problem}`);
    if (problems.length > 60) lines.push(`  ... and ${problems.length - 60} more`);
  }
  return lines.join('\n');
}
