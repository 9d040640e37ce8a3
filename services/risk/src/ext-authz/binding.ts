import { envoyAuthProtos } from '@vigil/proto';
import type { GrpcServiceBinding, Logger } from '@vigil/runtime';
import type { Authorizer } from '../authz/authorizer';
import { rejectUnauthenticated, type Authenticate } from '../authz/caller-auth';
import type { RiskMetrics } from '../metrics';
import type { Mapping } from './mapping';
import { extAuthzService } from './service';

/**
 * envoy.service.auth.v3.Authorization for the risk gRPC server, or nothing when no mapping file
 * is configured (Envoy then gets UNIMPLEMENTED, which it treats as an error: fail closed).
 */
export function extAuthzBindings(
  mapping: Mapping | undefined,
  deps: {
    authorizer: Authorizer;
    authenticate: Authenticate;
    metrics: RiskMetrics;
    logger: Logger;
  },
): GrpcServiceBinding[] {
  if (mapping === undefined) return [];
  const { authorizer, metrics, logger } = deps;
  return [
    {
      name: 'envoy.service.auth.v3.Authorization',
      definition: envoyAuthProtos().AuthorizationServiceDefinition,
      implementation: extAuthzService({
        mapping,
        authenticate: deps.authenticate,
        decide: (facts, source) => authorizer.decide(facts, source),
        countError: (code) => metrics.authorizeErrors.labels(code).inc(),
        logger,
      }),
      rejectUndecodable: rejectUnauthenticated(
        deps.authenticate,
        'a valid API token or client certificate',
      ),
    },
  ];
}
