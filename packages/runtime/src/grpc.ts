import * as fs from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { VigilError } from './errors';
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
    server.addService(service.definition, service.implementation);
  }
  const credentials = options.tls
    ? serverCredentials(options.tls)
    : grpc.ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, credentials, (err, bound) =>
      err
        ? reject(
            new VigilError(
              'PORT_IN_USE',
              `${options.portSetting ?? 'gRPC port'} ${options.port} on ${options.host} cannot be bound (already in use?): ${err.message}`,
            ),
          )
        : resolve(bound),
    );
  });
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
