import type { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Registry } from 'prom-client';
import { VigilError } from './errors';
import { decodingInHandler, type RejectUndecodable } from './grpc-decode';
import type { Logger } from './logger';

export interface GrpcTlsOptions {
  certFile: string;
  keyFile: string;
  /** CA bundle for client certificates; with `requireClientCert` this is mTLS. */
  clientCaFile?: string;
  requireClientCert?: boolean;
}

export interface GrpcServiceBinding {
  /** Fully qualified name, as health checks and reflection know it, e.g. "vigil.v1.IngestService". */
  name: string;
  definition: grpc.ServiceDefinition;
  implementation: grpc.UntypedServiceImplementation;
  /**
   * The service's authentication, run when a request cannot be decoded: the error it returns
   * (UNAUTHENTICATED) is the answer instead of MALFORMED_REQUEST, so authentication still comes
   * first for a malformed request (grpc-decode.ts).
   */
  rejectUndecodable?: RejectUndecodable;
}

export interface GrpcServerOptions {
  host: string;
  port: number;
  /** The setting `port` came from, named when the port cannot be bound. */
  portSetting?: string;
  services: GrpcServiceBinding[];
  logger: Logger;
  tls?: GrpcTlsOptions;
  /** The .proto files to serve over reflection (relative to protoRoot). */
  reflection?: { protoRoot: string; protoFiles: readonly string[] };
  /** Largest accepted request, in bytes. */
  maxReceiveMessageBytes?: number;
  /** Where `vigil_grpc_refused_requests_total` is registered (undecodable requests, ...). */
  registry?: Registry;
}

export interface RunningGrpcServer {
  readonly server: grpc.Server;
  readonly port: number;
  /** grpc.health.v1 status for the whole server ("") and every service. */
  setServing(serving: boolean): void;
  /** Stops taking new calls and waits for in-flight ones, up to `graceMs`, then cancels them. */
  drain(graceMs: number): Promise<void>;
}

/**
 * A grpc-js server with the standard grpc.health.v1 service and server reflection, plaintext or
 * TLS/mTLS. Health starts NOT_SERVING; the service flips it once its dependencies are connected.
 */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': options.maxReceiveMessageBytes ?? 4 * 1024 * 1024,
    'grpc.keepalive_permit_without_calls': 1,
  });
  const names = ['', ...options.services.map((s) => s.name)];
  const health = new HealthImplementation(Object.fromEntries(names.map((n) => [n, 'NOT_SERVING'])));
  health.addToServer(server);
  if (options.reflection) {
    const definition = protoLoader.loadSync([...options.reflection.protoFiles], {
      includeDirs: [options.reflection.protoRoot],
    });
    new ReflectionService(definition).addToServer(server);
  }
  for (const service of options.services) {
    // Requests are decoded in the handler, so an undecodable one gets INVALID_ARGUMENT with a
    // vigil-error-code instead of grpc-js's INTERNAL (grpc-decode.ts).
    const decoding = decodingInHandler(
      service.definition,
      service.implementation,
      service.rejectUndecodable,
      { logger: options.logger, ...(options.registry ? { registry: options.registry } : {}) },
    );
    server.addService(decoding.definition, decoding.implementation);
  }
  const credentials = options.tls
    ? serverCredentials(options.tls)
    : grpc.ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, credentials, (err, bound) => {
      if (!err) return resolve(bound);
      // Nothing is listening, but the server holds timers and its health service: release
      // them, so a service whose start failed can exit (or start again) cleanly.
      server.forceShutdown();
      reject(
        new VigilError(
          'PORT_IN_USE',
          `${options.portSetting ?? 'gRPC port'} ${options.port} on ${options.host} cannot be bound (already in use?): ${err.message}`,
        ),
      );
    });
  });
  keepRepeatedAuthorization(server, options.logger);
  options.logger.info(
    {
      host: options.host,
      port,
      tls: Boolean(options.tls),
      mtls: Boolean(options.tls?.requireClientCert),
    },
    'gRPC listening',
  );
  return {
    server,
    port,
    setServing(serving) {
      for (const name of names) health.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
    },
    drain(graceMs) {
      for (const name of names) health.setStatus(name, 'NOT_SERVING');
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/**
 * Node's HTTP/2 layer keeps only the first of two `authorization` headers (it is a single-value
 * header to Node), so grpc-js, and every handler, would see one credential where the client sent
 * two. This puts every value back, from the raw header list, before grpc-js reads the headers;
 * the handler wrapper then refuses the call as CONFLICTING_CREDENTIALS (grpc-decode.ts).
 *
 * grpc-js does not expose its HTTP/2 servers; `http2Servers` is private to the pinned version
 * (1.14). Without it, the check is logged as unavailable instead of failing the start, and the
 * hostile-input test, which sends two values, fails.
 */
function keepRepeatedAuthorization(server: grpc.Server, logger: Logger): void {
  const http2Servers = (server as unknown as { http2Servers?: Map<EventEmitter, unknown> })
    .http2Servers;
  if (!(http2Servers instanceof Map)) {
    logger.warn('grpc-js internals changed: repeated authorization headers cannot be detected');
    return;
  }
  for (const http2Server of http2Servers.keys()) {
    http2Server.prependListener('stream', restoreRepeatedAuthorization);
  }
}

/** A 'stream' listener: all `authorization` values of the raw headers, when there are several. */
export function restoreRepeatedAuthorization(
  _stream: unknown,
  headers: Record<string, string | string[] | undefined>,
  _flags: unknown,
  rawHeaders: unknown,
): void {
  if (!Array.isArray(rawHeaders)) return;
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (String(rawHeaders[i]).toLowerCase() === 'authorization') {
      values.push(String(rawHeaders[i + 1]));
    }
  }
  if (values.length > 1) headers.authorization = values;
}

function serverCredentials(tls: GrpcTlsOptions): grpc.ServerCredentials {
  const ca = tls.clientCaFile ? fs.readFileSync(tls.clientCaFile) : null;
  return grpc.ServerCredentials.createSsl(
    ca,
    [{ cert_chain: fs.readFileSync(tls.certFile), private_key: fs.readFileSync(tls.keyFile) }],
    tls.requireClientCert ?? false,
  );
}

/** A gRPC error with a status code, for `callback(grpcError(...))`. */
export function grpcError(
  code: grpc.status,
  message: string,
  metadata?: Record<string, string>,
): grpc.ServiceError {
  const md = new grpc.Metadata();
  for (const [key, value] of Object.entries(metadata ?? {})) md.set(key, value);
  return Object.assign(new Error(message), { code, details: message, metadata: md });
}
