import type * as grpc from '@grpc/grpc-js';
import { bearerToken, type TokenTable } from '@vigil/runtime';
import { unauthenticated } from './grpc-errors';

type AnyCall = grpc.ServerUnaryCall<unknown, unknown>;

/** Who is calling, or undefined when the call is not authenticated. */
export type Authenticate = (call: AnyCall) => string | undefined;

function presentedToken(call: AnyCall): string | undefined {
  const values = call.metadata.get('authorization');
  // Two values are conflicting credentials, never "the first one": the gRPC server refuses them
  // as CONFLICTING_CREDENTIALS before any handler runs (runtime grpc-decode.ts); fail closed here too.
  if (values.length !== 1) return undefined;
  const only = values[0];
  return bearerToken(typeof only === 'string' ? only : undefined);
}

/**
 * For a request that cannot be decoded (runtime grpc-decode.ts): UNAUTHENTICATED when the caller
 * is not authenticated, as for any request, so authentication still comes first.
 */
export function rejectUnauthenticated(
  authenticate: Authenticate,
  required: string,
): (call: AnyCall) => grpc.ServiceError | undefined {
  return (call) => (authenticate(call) === undefined ? unauthenticated(required) : undefined);
}

/**
 * Authorize callers: a bearer token from RISK_API_TOKENS, or, when the server requires client
 * certificates (mTLS), the verified certificate itself ("mtls:<subject CN>").
 */
export function apiAuthenticator(tokens: TokenTable | undefined, mtls: boolean): Authenticate {
  return (call) => {
    const byToken = tokens?.authenticate(presentedToken(call));
    if (byToken !== undefined) return byToken;
    if (!mtls) return undefined;
    const cert = call.getAuthContext()?.sslPeerCertificate;
    return cert ? `mtls:${cert.subject?.CN ?? 'unknown'}` : undefined;
  };
}

/** Admin callers: only a token from RISK_ADMIN_TOKENS (a client certificate is not enough). */
export function adminAuthenticator(tokens: TokenTable | undefined): Authenticate {
  return (call) => tokens?.authenticate(presentedToken(call));
}
