import { status as GrpcStatus } from '@grpc/grpc-js';
import { IngestError, type IngestErrorCode, type Violation } from './errors';
import { capEncoded, capText } from './text';

/** How one error code looks on each transport. */
interface Mapping {
  grpc: GrpcStatus;
  http: number;
}

export const ERROR_MAPPINGS: Readonly<Record<IngestErrorCode, Mapping>> = {
  INVALID_ARGUMENT: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 400 },
  MALFORMED_REQUEST: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 400 },
  CLIENT_ABORTED: { grpc: GrpcStatus.CANCELLED, http: 400 },
  BATCH_TOO_LARGE: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 413 },
  UNAUTHENTICATED: { grpc: GrpcStatus.UNAUTHENTICATED, http: 401 },
  CONFLICTING_CREDENTIALS: { grpc: GrpcStatus.UNAUTHENTICATED, http: 401 },
  UNSUPPORTED_MEDIA_TYPE: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 415 },
  PERMISSION_DENIED: { grpc: GrpcStatus.PERMISSION_DENIED, http: 403 },
  EVENT_ID_CONFLICT: { grpc: GrpcStatus.ALREADY_EXISTS, http: 409 },
  OVERLOADED: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 429 },
  KAFKA_UNAVAILABLE: { grpc: GrpcStatus.UNAVAILABLE, http: 503 },
  DEDUP_UNAVAILABLE: { grpc: GrpcStatus.UNAVAILABLE, http: 503 },
  DUPLICATE_IN_FLIGHT: { grpc: GrpcStatus.UNAVAILABLE, http: 503 },
  DRAINING: { grpc: GrpcStatus.UNAVAILABLE, http: 503 },
  ACK_TIMEOUT: { grpc: GrpcStatus.DEADLINE_EXCEEDED, http: 504 },
  INTERNAL: { grpc: GrpcStatus.INTERNAL, http: 500 },
};

/** Metadata keys of a failed gRPC call (trailers). Values are ASCII JSON. */
export const METADATA = {
  errorCode: 'vigil-error-code',
  violations: 'vigil-violations',
  violationCount: 'vigil-violation-count',
  eventIds: 'vigil-event-ids',
  retryAfterMs: 'retry-after-ms',
} as const;

/**
 * Trailers travel as HTTP/2 headers, which peers cap (grpc-js: 8 KiB by default). The full list
 * goes over HTTP; over gRPC the list is cut to what fits and `vigil-violation-count` tells the
 * total, while the status message always names the first problem.
 */
const MAX_TRAILER_JSON = 6 * 1024;

export interface TransportError {
  code: IngestErrorCode;
  message: string;
  grpcStatus: GrpcStatus;
  httpStatus: number;
  retryAfterSeconds: number | undefined;
  violations: readonly Violation[];
  eventIds: readonly string[];
}

/**
 * Anything thrown inside a call, reduced to what callers see. Unknown errors become INTERNAL.
 * The message is capped (MAX_ERROR_MESSAGE_BYTES) and made well-formed: it may quote client
 * input, and it becomes the gRPC status, the HTTP error body and a log field.
 */
export function describeError(err: unknown): TransportError {
  const error =
    err instanceof IngestError
      ? err
      : new IngestError('INTERNAL', 'internal error', { cause: err });
  const mapping = ERROR_MAPPINGS[error.code];
  return {
    code: error.code,
    message: capText(error.message),
    grpcStatus: mapping.grpc,
    httpStatus: mapping.http,
    retryAfterSeconds:
      error.retryAfterMs === undefined
        ? undefined
        : Math.max(1, Math.ceil(error.retryAfterMs / 1000)),
    violations: error.violations,
    eventIds: error.eventIds,
  };
}

/**
 * The gRPC status message: at most 1 KiB on the wire (grpc-js percent-encodes it into the
 * `grpc-message` trailer, so non-ASCII text counts three times per byte).
 */
export function grpcStatusMessage(error: TransportError): string {
  return capEncoded(error.message);
}

/** The trailers of a failed gRPC call. */
export function grpcErrorMetadata(error: TransportError): Record<string, string> {
  const metadata: Record<string, string> = { [METADATA.errorCode]: error.code };
  if (error.violations.length > 0) {
    metadata[METADATA.violations] = fitViolations(error.violations);
    metadata[METADATA.violationCount] = String(error.violations.length);
  }
  if (error.eventIds.length > 0) {
    // A partial list would be worse than none: ids are matched to events by position. Sources
    // that send large batches should set their own event ids (they then know them anyway).
    const ids = asciiJson(error.eventIds);
    if (ids.length <= MAX_TRAILER_JSON) metadata[METADATA.eventIds] = ids;
  }
  if (error.retryAfterSeconds !== undefined) {
    metadata[METADATA.retryAfterMs] = String(error.retryAfterSeconds * 1000);
  }
  return metadata;
}

/** The JSON body of a failed HTTP call. */
export function httpErrorBody(error: TransportError): Record<string, unknown> {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.violations.length > 0 ? { violations: error.violations } : {}),
      ...(error.eventIds.length > 0 ? { eventIds: error.eventIds } : {}),
      ...(error.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: error.retryAfterSeconds }
        : {}),
    },
  };
}

function fitViolations(violations: readonly Violation[]): string {
  let json = asciiJson(violations);
  if (json.length <= MAX_TRAILER_JSON) return json;
  // Binary search for the longest prefix that fits; messages are dropped first to keep indexes.
  const compact = violations.map(({ index, field, reason }) => ({ index, field, reason }));
  let lo = 0;
  let hi = compact.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (asciiJson(compact.slice(0, mid)).length <= MAX_TRAILER_JSON) lo = mid;
    else hi = mid - 1;
  }
  json = asciiJson(compact.slice(0, lo));
  return json;
}

/** JSON with every non-ASCII character escaped: gRPC metadata values must be printable ASCII. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
