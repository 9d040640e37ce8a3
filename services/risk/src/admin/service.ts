import type * as grpc from '@grpc/grpc-js';
import * as grpcjs from '@grpc/grpc-js';
import type { vigil } from '@vigil/proto';
import type { Logger } from '@vigil/runtime';
import type { Authenticate } from '../authz/caller-auth';
import { toGrpcError, unauthenticated } from '../authz/grpc-errors';
import type { RiskMetrics } from '../metrics';
import type { AdminActions } from './actions';

/** vigil.v1.RiskAdminService: every call needs an admin token (RISK_ADMIN_TOKENS). */
export function riskAdminService(
  actions: AdminActions,
  authenticate: Authenticate,
  metrics: RiskMetrics,
  logger: Logger,
): grpc.UntypedServiceImplementation {
  const handler =
    <Req, Res>(
      action: string,
      run: (request: Req, caller: string) => Promise<Res>,
    ): grpc.handleUnaryCall<Req, Res> =>
    (call, callback) => {
      const caller = authenticate(call as grpc.ServerUnaryCall<unknown, unknown>);
      if (caller === undefined) {
        metrics.adminActions.labels(action, 'UNAUTHENTICATED').inc();
        callback(unauthenticated('a valid admin token'));
        return;
      }
      run(call.request, caller).then(
        (response) => {
          metrics.adminActions.labels(action, 'OK').inc();
          callback(null, response);
        },
        (err: unknown) => {
          const error = toGrpcError(err, logger, action);
          metrics.adminActions.labels(action, grpcjs.status[error.code] ?? 'UNKNOWN').inc();
          callback(error);
        },
      );
    };

  return {
    getRiskProfile: handler('GetRiskProfile', (req: vigil.v1.GetRiskProfileRequest) =>
      actions.profile(req.userId),
    ),
    clearRestriction: handler('ClearRestriction', (req: vigil.v1.ClearRestrictionRequest, caller) =>
      actions.clearRestriction(req, caller),
    ),
    restrictUser: handler('RestrictUser', (req: vigil.v1.RestrictUserRequest, caller) =>
      actions.restrictUser(req, caller),
    ),
  } as grpc.UntypedServiceImplementation;
}
