/**
 * Tools for the hostile-input end-to-end test: a seeded PRNG, protobuf wire-format builders, and
 * senders that put exact bytes on the wire (gRPC with identity codecs, HTTP with node:http, and
 * raw TCP for requests node:http refuses to produce) and report what came back, never throwing.
 */
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import type * as GrpcJs from '../../../packages/client/node_modules/@grpc/grpc-js';
import { REPO_ROOT } from '../../support/processes';

/**
 * grpc-js is a dependency of the workspace packages, not of the repository root, so it is loaded
 * from @vigil/client's point of view: the same copy the typed clients use.
 */
export const grpc = createRequire(path.join(REPO_ROOT, 'packages/client/package.json'))(
  '@grpc/grpc-js',
) as typeof GrpcJs;
export type GrpcClient = GrpcJs.Client;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An independent generator, for inputs built later (lazily) in whatever order calls run. */
  fork(): Rng {
    return new Rng(this.int(0, 0xffffffff));
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255);
    return out;
  }

  /** `length` random-looking bytes, cheaply: one random 64 KiB block repeated. */
  bulk(length: number): Buffer {
    const block = this.bytes(Math.min(length, 64 * 1024));
    const out = Buffer.alloc(length);
    for (let at = 0; at < length; at += block.length) block.copy(out, at);
    return out;
  }

  /** Random printable ASCII; incompressible enough to defeat gzip on the way to Kafka. */
  text(length: number): string {
    return this.bytes(Math.ceil((length * 3) / 4) + 3)
      .toString('base64')
      .slice(0, length);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

// ---- protobuf wire format -------------------------------------------------------------------

export const WIRE = { VARINT: 0, I64: 1, LEN: 2, START_GROUP: 3, END_GROUP: 4, I32: 5 } as const;

/** Unsigned LEB128 of the low 64 bits (negative numbers become 10-byte two's complement). */
export function varint(value: number | bigint): Buffer {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Buffer.from(out);
}

export const tag = (field: number | bigint, wire: number): Buffer =>
  varint((BigInt(field) << 3n) | BigInt(wire));

export const lenField = (field: number, payload: Buffer): Buffer =>
  Buffer.concat([tag(field, WIRE.LEN), varint(payload.length), payload]);

export const varintField = (field: number, value: number | bigint): Buffer =>
  Buffer.concat([tag(field, WIRE.VARINT), varint(value)]);

// ---- gRPC -----------------------------------------------------------------------------------

export interface GrpcObservation {
  code: GrpcJs.status;
  details: string;
  /** Trailers of a failed call, binary values base64. */
  trailers: Record<string, string>;
  response: Buffer | undefined;
  ms: number;
}

/**
 * One unary call with the request bytes exactly as given: identity (de)serializers, so grpc-js
 * only frames them. Resolves with the status; a client-side failure becomes a status too.
 */
export function rawUnary(
  client: GrpcJs.Client,
  method: string,
  payload: Buffer,
  authorization: string | readonly string[] | undefined,
  timeoutMs: number,
): Promise<GrpcObservation> {
  const started = Date.now();
  return new Promise((resolve) => {
    try {
      const metadata = new grpc.Metadata();
      for (const value of authorization === undefined ? [] : [authorization].flat()) {
        metadata.add('authorization', value);
      }
      client.makeUnaryRequest(
        method,
        (bytes: Buffer) => bytes,
        (bytes: Buffer) => bytes,
        payload,
        metadata,
        { deadline: Date.now() + timeoutMs },
        (err, response) => {
          const ms = Date.now() - started;
          if (err) {
            resolve({
              code: err.code,
              details: err.details ?? '',
              trailers: flatten(err.metadata),
              response: undefined,
              ms,
            });
          } else {
            resolve({ code: grpc.status.OK, details: '', trailers: {}, response, ms });
          }
        },
      );
    } catch (err) {
      resolve({
        code: grpc.status.UNKNOWN,
        details: `test client could not send: ${(err as Error).message}`,
        trailers: {},
        response: undefined,
        ms: Date.now() - started,
      });
    }
  });
}

function flatten(metadata: GrpcJs.Metadata | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata?.getMap() ?? {})) {
    out[key] = typeof value === 'string' ? value : value.toString('base64');
  }
  return out;
}

// ---- HTTP -----------------------------------------------------------------------------------

export interface HttpObservation {
  /** Undefined when no response arrived. */
  status: number | undefined;
  headers: Record<string, string>;
  body: Buffer;
  /** A transport failure (ECONNRESET, EPIPE, TIMEOUT, CLOSED_WITHOUT_RESPONSE...). */
  error: string | undefined;
  ms: number;
}

export interface HttpRequestSpec {
  method?: string;
  path?: string;
  headers?: Record<string, string | string[]>;
  /** Sent with a Content-Length (unless the headers set one). */
  body?: Buffer | string;
  /** Sent with Transfer-Encoding: chunked, one chunk per element. */
  chunks?: Buffer[];
  /**
   * Declares `declaredLength` bytes but sends only `first`, then waits for the answer: how a
   * client that reads while it writes sees a server that refuses a body from its headers.
   */
  partial?: { declaredLength: number; first: Buffer };
}

/** One request on its own connection (no keep-alive: one request's fate cannot touch another). */
export function httpRequest(
  port: number,
  spec: HttpRequestSpec,
  timeoutMs: number,
): Promise<HttpObservation> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    let gotResponse = false;
    let req: http.ClientRequest | undefined;
    const timer = setTimeout(() => {
      settle({ status: undefined, headers: {}, body: Buffer.alloc(0), error: 'TIMEOUT' });
      req?.destroy();
    }, timeoutMs);
    const settle = (observation: Omit<HttpObservation, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...observation, ms: Date.now() - started });
    };
    const headers: Record<string, string | string[]> = { ...(spec.headers ?? {}) };
    const hasLength = Object.keys(headers).some((h) => h.toLowerCase() === 'content-length');
    if (spec.body !== undefined && !hasLength) {
      headers['content-length'] = String(Buffer.byteLength(spec.body));
    }
    if (spec.partial) headers['content-length'] = String(spec.partial.declaredLength);
    try {
      req = http.request({
        host: '127.0.0.1',
        port,
        method: spec.method ?? 'POST',
        path: spec.path ?? '/v1/events',
        headers,
        agent: false,
      });
    } catch (err) {
      settle({
        status: undefined,
        headers: {},
        body: Buffer.alloc(0),
        error: `test client could not send: ${(err as Error).message}`,
      });
      return;
    }
    const request = req;
    request.on('response', (res) => {
      gotResponse = true;
      const parts: Buffer[] = [];
      const finish = (error: string | undefined) => {
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) flat[k] = [v ?? ''].flat().join(', ');
        settle({ status: res.statusCode, headers: flat, body: Buffer.concat(parts), error });
        if (spec.partial) request.destroy();
      };
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => finish(undefined));
      res.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
      res.on('aborted', () => finish('RESPONSE_ABORTED'));
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      // A write error after the answer arrived (the server closing behind a refused body) is
      // not the request's outcome; the response decides.
      if (!gotResponse) {
        settle({
          status: undefined,
          headers: {},
          body: Buffer.alloc(0),
          error: err.code ?? err.message,
        });
      }
    });
    if (spec.partial) {
      request.write(spec.partial.first);
    } else if (spec.chunks) {
      for (const chunk of spec.chunks) request.write(chunk);
      request.end();
    } else {
      request.end(spec.body);
    }
  });
}

/**
 * Writes `request` verbatim on a fresh TCP connection, half-closes, and parses whatever comes
 * back (status line, headers, rest as body) until the server closes.
 */
export function rawHttp(
  port: number,
  request: Buffer | string,
  timeoutMs: number,
): Promise<HttpObservation> {
  const started = Date.now();
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let settled = false;
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    const timer = setTimeout(() => finish('TIMEOUT'), timeoutMs);
    const finish = (error: string | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseRawResponse(Buffer.concat(parts), error), ms: Date.now() - started });
    };
    socket.on('data', (chunk: Buffer) => parts.push(chunk));
    socket.on('close', () => finish(undefined));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
  });
}

function parseRawResponse(bytes: Buffer, error: string | undefined): Omit<HttpObservation, 'ms'> {
  const end = bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, end < 0 ? bytes.length : end).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: match ? Number(match[1]) : undefined,
    headers,
    body: end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4),
    error: match ? error : (error ?? (bytes.length === 0 ? 'CLOSED_WITHOUT_RESPONSE' : 'NOT_HTTP')),
  };
}

// ---- metrics --------------------------------------------------------------------------------

/** The service's /metrics text. */
export async function scrapeMetrics(opsPort: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${opsPort}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
}

/** Sum of a metric's samples (over all label sets, or those whose labels contain `labels`). */
export function metricValue(text: string, name: string, labels = ''): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name || !(m[2] ?? '').includes(labels)) continue;
    sum = (sum ?? 0) + Number(m[3]);
  }
  return sum;
}
