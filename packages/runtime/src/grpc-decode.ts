/**
 * Decoding of gRPC requests inside the handler, so that an undecodable request gets a clear answer.
 *
 * grpc-js decodes a request before it calls the handler, and maps any decoder exception to
 * INTERNAL "Error deserializing request": no `vigil-error-code`, nothing logged, nothing counted,
 * and the same answer with or without credentials. Here every unary method is registered with a
 * pass-through deserializer (the bytes as received), and the wrapper below runs, in order:
 *
 * 1. Credentials that conflict (two `authorization` values) are refused: UNAUTHENTICATED,
 *    `vigil-error-code: CONFLICTING_CREDENTIALS`. Whichever a server picked, a proxy in front of
 *    it may have picked the other.
 * 2. The method's own deserializer. When it throws, the service's `rejectUndecodable` runs first
 *    (its authentication): a caller without valid credentials gets UNAUTHENTICATED, as for a
 *    well-formed request, and learns nothing about decoding. Otherwise: INVALID_ARGUMENT,
 *    `vigil-error-code: MALFORMED_REQUEST`, logged (method, size, decoder message; never the
 *    bytes) and counted.
 * 3. The service's handler, with `call.request` decoded, as before.
 */
import * as grpc from '@grpc/grpc-js';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from './logger';

type UnaryCall = grpc.ServerUnaryCall<unknown, unknown>;

/** What a service answers instead of MALFORMED_REQUEST (e.g. UNAUTHENTICATED); undefined: none. */
export type RejectUndecodable = (call: UnaryCall) => grpc.ServiceError | undefined;

export interface DecodeOptions {
  logger: Logger;
  /** Counts refused requests (`vigil_grpc_refused_requests_total`); none when absent. */
  registry?: Registry;
}

/** Longest decoder message repeated in an answer or a log line. */
const MAX_REASON_CHARS = 200;

/** Refusals per registry, so several servers of one process share one counter. */
const counters = new WeakMap<Registry, Counter<'method' | 'code'>>();

const refusalCounter = (registry: Registry | undefined) =>
  registry ? createGrpcRefusalMetrics(registry) : undefined;

/**
 * `vigil_grpc_refused_requests_total` in `registry` (once per registry): gRPC requests refused
 * before any service code saw them. startGrpcServer creates it; exported for deploy/check.cjs.
 */
export function createGrpcRefusalMetrics(registry: Registry): Counter<'method' | 'code'> {
  let counter = counters.get(registry);
  if (!counter) {
    counter = new Counter({
      name: 'vigil_grpc_refused_requests_total',
      help:
        'gRPC requests refused before the service saw them, by method and code: MALFORMED_REQUEST ' +
        '(not a valid protobuf message of the method, or invalid UTF-8 in a string), ' +
        'CONFLICTING_CREDENTIALS (more than one authorization value)',
      labelNames: ['method', 'code'] as const,
      registers: [registry],
    });
    counters.set(registry, counter);
  }
  return counter;
}

/**
 * The decoder's message, without anything it may have quoted from the payload (protobufjs
 * quotes nothing: "index out of range: 3 + 10 > 12", "invalid wire type 7 at offset 3"; other
 * decoders do): quoted parts are cut, non-printable characters replaced, the length bounded.
 */
export function decoderReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/(["'`]).*?(\1|$)/g, '…')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, MAX_REASON_CHARS);
}

function errorWithCode(code: grpc.status, message: string, vigilCode: string): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('vigil-error-code', vigilCode);
  return Object.assign(new Error(message), { code, details: message, metadata });
}

/**
 * The definition and implementation of one service, with every unary method decoding inside the
 * handler (see the module comment). Streaming methods are left as they are.
 */
export function decodingInHandler(
  definition: grpc.ServiceDefinition,
  implementation: grpc.UntypedServiceImplementation,
  rejectUndecodable: RejectUndecodable | undefined,
  options: DecodeOptions,
): { definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation } {
  const counter = refusalCounter(options.registry);
  const outDefinition: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  const outImplementation: grpc.UntypedServiceImplementation = { ...implementation };
  for (const [name, method] of Object.entries(definition)) {
    const handler = (implementation[name] ??
      (method.originalName ? implementation[method.originalName] : undefined)) as
      grpc.handleUnaryCall<unknown, unknown> | undefined;
    if (method.requestStream || method.responseStream || !handler) {
      outDefinition[name] = method;
      continue;
    }
    outDefinition[name] = { ...method, requestDeserialize: (bytes: Buffer) => bytes };
    const refuse = (
      callback: grpc.sendUnaryData<unknown>,
      code: 'MALFORMED_REQUEST' | 'CONFLICTING_CREDENTIALS',
      error: grpc.ServiceError,
      fields: Record<string, unknown>,
    ) => {
      counter?.inc({ method: method.path, code });
      options.logger.warn({ method: method.path, code, ...fields }, 'gRPC request refused');
      callback(error);
    };
    const wrapped: grpc.handleUnaryCall<unknown, unknown> = (call, callback) => {
      const authorizations = call.metadata.get('authorization').length;
      if (authorizations > 1) {
        refuse(
          callback,
          'CONFLICTING_CREDENTIALS',
          errorWithCode(
            grpc.status.UNAUTHENTICATED,
            `${authorizations} authorization values; send exactly one`,
            'CONFLICTING_CREDENTIALS',
          ),
          { values: authorizations },
        );
        return;
      }
      const bytes = call.request as Buffer;
      let request: unknown;
      try {
        request = method.requestDeserialize(bytes);
      } catch (err) {
        const refusal = rejectUndecodable?.(call);
        if (refusal) {
          callback(refusal);
          return;
        }
        const reason = decoderReason(err);
        refuse(
          callback,
          'MALFORMED_REQUEST',
          errorWithCode(
            grpc.status.INVALID_ARGUMENT,
            `the request is not a valid message of ${method.path}: ${reason}`,
            'MALFORMED_REQUEST',
          ),
          { bytes: bytes.length, reason },
        );
        return;
      }
      (call as { request: unknown }).request = request;
      handler(call, callback);
    };
    outImplementation[name] = wrapped;
    if (method.originalName) outImplementation[method.originalName] = wrapped;
  }
  return { definition: outDefinition as grpc.ServiceDefinition, implementation: outImplementation };
}
