import * as fs from 'node:fs';
import * as grpc from '@grpc/grpc-js';

export interface ConnectionOptions {
  /** host:port of the service. */
  address: string;
  /** Sent as `authorization: Bearer <token>` on every call. */
  token?: string;
  /** TLS: the CA that signed the server certificate; plaintext when absent. */
  caFile?: string;
  /** mTLS: this client's certificate and key. */
  certFile?: string;
  keyFile?: string;
  /** Default per-call deadline. */
  timeoutMs?: number;
}

/** Channel credentials for plaintext, TLS or mTLS, with the bearer token attached per call. */
export function channelCredentials(options: ConnectionOptions): grpc.ChannelCredentials {
  if (!options.caFile) return grpc.credentials.createInsecure();
  return grpc.credentials.createSsl(
    fs.readFileSync(options.caFile),
    options.keyFile ? fs.readFileSync(options.keyFile) : null,
    options.certFile ? fs.readFileSync(options.certFile) : null,
  );
}

export function callMetadata(options: ConnectionOptions): grpc.Metadata {
  const metadata = new grpc.Metadata();
  if (options.token) metadata.set('authorization', `Bearer ${options.token}`);
  return metadata;
}

export function deadlineFrom(options: ConnectionOptions, overrideMs?: number): Date {
  return new Date(Date.now() + (overrideMs ?? options.timeoutMs ?? 10_000));
}
