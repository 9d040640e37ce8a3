import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { listen, type Logger } from '@vigil/runtime';
import { authenticate } from './auth';
import type { SourceRegistry } from './sources';
import { httpErrorBody, type TransportError } from './error-mapping';
import { IngestError } from './errors';
import { bodyEncoding, decodeBody, type BodyEncoding } from './http-body';
import {
  EVENTS_BODY_ALIASES,
  MalformedBodyError,
  decodeJsonBody,
  parseEventsBody,
  receiptJson,
} from './http-json';
import type { Ingestor } from './ingest';
import type { IngestMetrics } from './metrics';
import { recordFailure, recordSuccess } from './outcome';

export interface HttpIngestOptions {
  host: string;
  port: number;
  ingestor: Ingestor;
  /** Who may send, and what (the sources file). */
  sources: SourceRegistry;
  metrics: IngestMetrics;
  logger: Logger;
  /** Largest accepted body. JSON is bulkier than protobuf, so this is a multiple of the batch limit. */
  maxBodyBytes: number;
  /** How long a request waits for Kafka's acknowledgement. */
  ackTimeoutMs: number;
  /** Serve HTTPS with this certificate (the gRPC one); plain HTTP when absent. */
  tls?: { certFile: string; keyFile: string };
  /** More endpoints by exact path, each with its own handler (e.g. the Kubernetes audit webhook). */
  routes?: Readonly<Record<string, HttpRoute>>;
}

export type HttpRoute = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export interface HttpIngestServer {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then closes. */
  close(graceMs: number): Promise<void>;
}

const PATH = '/v1/events';

/**
 * POST /v1/events for webhook sources: the same events, validation, authentication and receipts
 * as gRPC, as JSON (see http-json.ts). Errors carry `{ error: { code, message, violations? } }`
 * and, when retrying helps, a Retry-After header.
 */
export async function startHttpIngest(options: HttpIngestOptions): Promise<HttpIngestServer> {
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void handle(options, req, res).catch((err: unknown) => {
      options.logger.error({ err }, 'http handler failed');
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'INTERNAL', message: 'internal error' } });
      else res.destroy();
    });
  };
  const server = options.tls
    ? https.createServer(
        { cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) },
        handler,
      )
    : http.createServer(handler);
  server.on('clientError', answerClientError);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  await listen(server, { host: options.host, port: options.port, setting: 'INGEST_HTTP_PORT' });
  const port = (server.address() as AddressInfo).port;
  options.logger.info(
    { host: options.host, port, tls: Boolean(options.tls) },
    'HTTP ingest listening',
  );
  return {
    port,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

async function handle(
  options: HttpIngestOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = Object.hasOwn(options.routes ?? {}, path) ? options.routes?.[path] : undefined;
  if (route) return route(req, res);
  if (path !== PATH) {
    sendJson(res, 404, {
      error: { code: 'NOT_FOUND', message: `no such endpoint; use POST ${PATH}` },
    });
    req.resume();
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'use POST' } });
    req.resume();
    return;
  }
  const startedAt = Date.now();
  let source: string | undefined;
  let events = 0;
  const context = () => ({
    transport: 'http' as const,
    method: 'POST /v1/events',
    events,
    source,
    metrics: options.metrics,
    logger: options.logger,
    startedAt,
  });
  try {
    // Authenticate before reading the body: unknown senders cost no more than their headers.
    // headersDistinct: req.headers keeps only the first of two authorization headers.
    const scope = authenticate(
      { authorization: req.headersDistinct.authorization },
      options.sources,
    );
    source = scope.name;
    const encoding = acceptBody(req);
    const body = await decodeBody(
      await readBody(req, options.maxBodyBytes),
      encoding,
      options.maxBodyBytes,
    );
    let parsed: ReturnType<typeof parseEventsBody>;
    try {
      parsed = parseEventsBody(decodeJsonBody(body, EVENTS_BODY_ALIASES));
    } catch (err) {
      const message =
        err instanceof MalformedBodyError ? err.message : 'the body is not valid JSON';
      throw new IngestError('MALFORMED_REQUEST', message);
    }
    events = parsed.events.length;
    const receipts = await options.ingestor.publish({
      source,
      scope,
      events: parsed.events,
      transport: 'http',
      deadlineMs: Date.now() + options.ackTimeoutMs,
      priorViolations: parsed.violations,
    });
    recordSuccess(context());
    const json = receipts.map(receiptJson);
    sendJson(res, 200, parsed.batch ? { receipts: json } : json[0]);
  } catch (err) {
    sendError(res, recordFailure(err, context()));
  }
}

/**
 * The body's encoding if its headers are acceptable (http-body.ts); otherwise the body is
 * drained unread and UNSUPPORTED_MEDIA_TYPE thrown.
 */
export function acceptBody(req: http.IncomingMessage): BodyEncoding {
  try {
    return bodyEncoding(req.headers);
  } catch (err) {
    req.resume();
    throw err;
  }
}

export function sendError(res: http.ServerResponse, error: TransportError): void {
  if (error.retryAfterSeconds !== undefined) {
    res.setHeader('retry-after', String(error.retryAfterSeconds));
  }
  if (error.httpStatus === 401) res.setHeader('www-authenticate', 'Bearer');
  if (error.code === 'BATCH_TOO_LARGE') res.setHeader('connection', 'close');
  sendJson(res, error.httpStatus, httpErrorBody(error));
}

/** Reads the body up to `limit` bytes; beyond that the rest is discarded and BATCH_TOO_LARGE thrown. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new IngestError('BATCH_TOO_LARGE', `the body exceeds ${limit} bytes`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let exceeded = false;
    req.on('data', (chunk: Buffer) => {
      if (exceeded) return;
      size += chunk.length;
      if (size > limit) {
        exceeded = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!exceeded) resolve(Buffer.concat(chunks));
    });
    // 'error' here means the client went away mid-body ("aborted") or broke the chunked
    // framing: a client error, not a failure of the service (see clientAborted).
    req.on('error', (err) => reject(clientAborted(err)));
  });
}

/** An error of the request stream, as the client-side problem it is. */
export function clientAborted(err: unknown): IngestError {
  return new IngestError('CLIENT_ABORTED', 'the request body was not received completely', {
    cause: err,
  });
}

/**
 * Malformed HTTP framing (bad chunk size, oversized headers, non-HTTP bytes) is found by Node's
 * parser: answer it like every other error, as JSON, with the status Node itself would use,
 * unless a response has already begun or the client is gone.
 */
function answerClientError(err: Error & { code?: string }, stream: Duplex): void {
  const socket = stream as net.Socket & { _httpMessage?: http.ServerResponse | null };
  const status = clientErrorStatus(err.code);
  // Node's own rule: answer only if no response is under way on this connection.
  if (status !== undefined && socket.writable && !socket._httpMessage?.headersSent) {
    const body = JSON.stringify({
      error: { code: 'MALFORMED_REQUEST', message: 'malformed HTTP request' },
    });
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n` +
        'content-type: application/json\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
    socket.destroySoon();
  } else {
    socket.destroy();
  }
}

/** The status for a parser error (as Node's default handler picks it); undefined: just close. */
export function clientErrorStatus(code: string | undefined): number | undefined {
  switch (code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined;
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
