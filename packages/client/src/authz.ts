import * as grpc from '@grpc/grpc-js';
import {
  AuthorizationServiceDefinition,
  RiskAdminServiceDefinition,
  type vigil,
} from '@vigil/proto';
import {
  callMetadata,
  channelCredentials,
  deadlineFrom,
  type ConnectionOptions,
} from './connection';

export interface RiskCallOptions {
  /** Per-call deadline, overriding the connection's `timeoutMs`. */
  timeoutMs?: number;
}

export type RiskConnectionOptions = ConnectionOptions & { channelOptions?: grpc.ChannelOptions };

/**
 * A failed risk call. `code` is the gRPC status; `reason` the service's stable error code when
 * it gave one (e.g. "INVALID_REQUEST", "DECISION_LOG_FULL", "AUDIT_PUBLISH_FAILED").
 */
export class RiskCallError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
    readonly reason: string | undefined,
  ) {
    super(message);
    this.name = 'RiskCallError';
  }

  static fromServiceError(err: grpc.ServiceError): RiskCallError {
    const reason = err.metadata?.get('vigil-error-code')[0];
    return new RiskCallError(
      err.code,
      err.details || err.message,
      typeof reason === 'string' ? reason : undefined,
    );
  }
}

/** One channel, the bearer token and a deadline on every call, typed errors. */
abstract class RiskUnaryClient {
  private readonly client: grpc.Client;
  private readonly metadata: grpc.Metadata;

  constructor(private readonly options: RiskConnectionOptions) {
    this.client = new grpc.Client(
      options.address,
      channelCredentials(options),
      options.channelOptions ?? {},
    );
    this.metadata = callMetadata(options);
  }

  /**
   * `Res` is the generated message class: that is what the static decoder returns, although the
   * service definitions type responses as the looser `$Properties` shape.
   */
  protected unary<Req, Res>(
    method: Pick<grpc.MethodDefinition<Req, unknown>, 'path' | 'requestSerialize'> & {
      responseDeserialize: (bytes: Buffer) => unknown;
    },
    request: Req,
    call: RiskCallOptions = {},
  ): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize as (bytes: Buffer) => Res,
        request,
        // grpc-js may add to the metadata it is given; every call gets its own copy.
        this.metadata.clone(),
        { deadline: deadlineFrom(this.options, call.timeoutMs) },
        (err, response) => {
          if (err) reject(RiskCallError.fromServiceError(err));
          else resolve(response as Res);
        },
      );
    });
  }

  /** Resolves when the channel is connected, or rejects after `timeoutMs`. */
  waitForReady(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve()));
    });
  }

  close(): void {
    this.client.close();
  }
}

/**
 * Typed client of vigil.v1.AuthorizationService.
 *
 *   const authz = new AuthorizationClient({ address: 'risk:7002', token, timeoutMs: 250 });
 *   const { decision, reasons } = await authz.authorize({ userId, action, resource, context });
 *
 * Treat an error (including UNAVAILABLE) as "no decision": fail closed for anything sensitive.
 */
export class AuthorizationClient extends RiskUnaryClient {
  authorize(
    request: vigil.v1.IAuthorizeRequest,
    call?: RiskCallOptions,
  ): Promise<vigil.v1.AuthorizeResponse> {
    return this.unary(AuthorizationServiceDefinition.authorize, request, call);
  }
}

/** Typed client of vigil.v1.RiskAdminService; the token must be an admin token. */
export class RiskAdminClient extends RiskUnaryClient {
  getRiskProfile(userId: string, call?: RiskCallOptions): Promise<vigil.v1.RiskProfile> {
    return this.unary(RiskAdminServiceDefinition.getRiskProfile, { userId }, call);
  }

  /** Lifts a restriction; the action is published as an audit event before it takes effect. */
  clearRestriction(
    request: vigil.v1.IClearRestrictionRequest,
    call?: RiskCallOptions,
  ): Promise<vigil.v1.ClearRestrictionResponse> {
    return this.unary(RiskAdminServiceDefinition.clearRestriction, request, call);
  }

  /** Restricts a user by hand (MANUAL_RESTRICTION); audited like clearRestriction. */
  restrictUser(
    request: vigil.v1.IRestrictUserRequest,
    call?: RiskCallOptions,
  ): Promise<vigil.v1.RestrictUserResponse> {
    return this.unary(RiskAdminServiceDefinition.restrictUser, request, call);
  }
}
