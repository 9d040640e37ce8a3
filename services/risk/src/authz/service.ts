import type * as grpc from '@grpc/grpc-js';
import type { vigil } from '@vigil/proto';
import type { Logger } from '@vigil/runtime';
import * as grpcjs from '@grpc/grpc-js';
import type { RiskMetrics } from '../metrics';
import type { Authorizer } from './authorizer';
import type { Authenticate } from './caller-auth';
import { toGrpcError, unauthenticated } from './grpc-errors';

/** vigil.v1.AuthorizationService over an Authorizer. */
export function authorizationService(
  authorizer: Authorizer,
  authenticate: Authenticate,
  metrics: RiskMetrics,
  logger: Logger,
): grpc.UntypedServiceImplementation {
  const authorize: grpc.handleUnaryCall<vigil.v1.AuthorizeRequest, vigil.v1.IAuthorizeResponse> = (
    call,
    callback,
  ) => {
    const caller = authenticate(call);
    if (caller === undefined) {
      metrics.authorizeErrors.labels('UNAUTHENTICATED').inc();
      callback(unauthenticated('a valid API token or client certificate'));
      return;
    }
    authorizer.authorize(call.request, caller).then(
      (response) => callback(null, response),
      (err: unknown) => {
        const error = toGrpcError(err, logger, 'Authorize');
        metrics.authorizeErrors.labels(grpcjs.status[error.code] ?? String(error.code)).inc();
        callback(error);
      },
    );
  };
  return { authorize } as grpc.UntypedServiceImplementation;
}
