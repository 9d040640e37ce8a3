import * as grpc from '@grpc/grpc-js';
import { grpcError, VigilError, type Logger } from '@vigil/runtime';

const STATUS_BY_CODE: Record<string, grpc.status> = {
  INVALID_REQUEST: grpc.status.INVALID_ARGUMENT,
  DECISION_LOG_FULL: grpc.status.UNAVAILABLE,
  RISK_STATE_UNAVAILABLE: grpc.status.UNAVAILABLE,
  AUDIT_PUBLISH_FAILED: grpc.status.UNAVAILABLE,
};

/**
 * Maps errors to gRPC statuses. Vigil errors keep their stable code in the `vigil-error-code`
 * trailer; anything else is a bug, logged here and reported as INTERNAL without details.
 */
export function toGrpcError(err: unknown, logger: Logger, method: string): grpc.ServiceError {
  if (err instanceof VigilError) {
    const status = STATUS_BY_CODE[err.code] ?? grpc.status.INTERNAL;
    return grpcError(status, err.message, { 'vigil-error-code': err.code });
  }
  logger.error({ err, method }, 'unexpected error');
  return grpcError(grpc.status.INTERNAL, 'internal error');
}

export const unauthenticated = (what: string): grpc.ServiceError =>
  grpcError(grpc.status.UNAUTHENTICATED, `${what} is required`, {
    'vigil-error-code': 'UNAUTHENTICATED',
  });
