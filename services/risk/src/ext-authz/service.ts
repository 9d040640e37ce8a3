import * as grpc from '@grpc/grpc-js';
import { vigil, type envoyAuth } from '@vigil/proto';
import type { Logger } from '@vigil/runtime';
import type { DecisionFacts, DecisionSource } from '../authz/authorizer';
import type { Authenticate } from '../authz/caller-auth';
import { toGrpcError, unauthenticated } from '../authz/grpc-errors';
import { InvalidRequestError } from '../errors';
import { decisionResponse, invalidResponse } from './answer';
import { checkFacts } from './facts';
import type { Mapping } from './mapping';

/** What Check needs from the rest of the service. */
export interface ExtAuthzPorts {
  mapping: Mapping;
  /** The same caller check as Authorize (Envoy sends the token as grpc_service.initial_metadata). */
  authenticate: Authenticate;
  /** Authorize's decision path: risk state, policy, fallback and the decision log. */
  decide(facts: DecisionFacts, source: DecisionSource): Promise<vigil.v1.IAuthorizeResponse>;
  /** Counts calls answered with a gRPC error, by status name. */
  countError(code: string): void;
  logger: Logger;
}

/**
 * envoy.service.auth.v3.Authorization over Authorize's decision path. Decisions are answers
 * inside an OK RPC (Envoy acts on the HTTP status they carry). Only a caller that is not
 * authenticated, or a decision that cannot be made or logged (decision log full), fails the RPC
 * itself: Envoy then takes its error path, which `failure_mode_allow: false` turns into a denial
 * (status_on_error, 403 by default), instead of a denial that would hide an outage.
 */
export function extAuthzService(ports: ExtAuthzPorts): grpc.UntypedServiceImplementation {
  const { mapping, logger } = ports;
  const check: grpc.handleUnaryCall<envoyAuth.CheckRequest, envoyAuth.CheckResponse> = (
    call,
    callback,
  ) => {
    const caller = ports.authenticate(call);
    if (caller === undefined) {
      ports.countError('UNAUTHENTICATED');
      callback(unauthenticated('a valid API token or client certificate'));
      return;
    }
    const facts = checkFacts(call.request, mapping);
    if (facts.kind === 'invalid') {
      callback(null, invalidResponse(facts.message));
      return;
    }
    const hadUser = Boolean(facts.request.userId);
    ports
      .decide(
        {
          request: vigil.v1.AuthorizeRequest.create(facts.request),
          caller,
          sensitivity: facts.route.sensitivity,
          extAuthz: facts.extAuthz,
          withoutUser: facts.route.allowAnonymous ? 'ALLOW' : 'DENY',
        },
        'ext_authz',
      )
      .then(
        (decision) =>
          callback(
            null,
            decisionResponse(decision, {
              hadUser,
              stepUp: facts.route.stepUp,
              errorDescription: mapping.errorDescription,
            }),
          ),
        (err: unknown) => {
          if (err instanceof InvalidRequestError) {
            callback(null, invalidResponse(err.message));
            return;
          }
          const error = toGrpcError(err, logger, 'Check');
          ports.countError(grpc.status[error.code] ?? String(error.code));
          callback(error);
        },
      );
  };
  return { check } as grpc.UntypedServiceImplementation;
}
