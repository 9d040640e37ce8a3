import type * as grpc from '@grpc/grpc-js';
import { bearerToken, type TokenTable } from '@vigil/runtime';

type AnyCall = grpc.ServerUnaryCall<unknown, unknown>;

/** Who is calling, or undefined when the call is not authenticated. */
export type Authenticate = (call: AnyCall) => string | undefined;

function presentedToken(call: AnyCall): string | undefined {
  const values = call.metadata.get('authorization');
  const first = values[0];
  return bearerToken(typeof first === 'string' ? first : undefined);
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
