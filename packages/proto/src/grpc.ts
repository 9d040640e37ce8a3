import type { ServiceDefinition, MethodDefinition } from '@grpc/grpc-js';
import { vigil } from './generated';

import v1 = vigil.v1;

export interface MessageCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

export function unary<Req, Res>(
  path: string,
  request: MessageCodec<Req>,
  response: MessageCodec<Res>,
): MethodDefinition<Req, Res> {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: (message: Req) => Buffer.from(request.encode(message).finish()),
    requestDeserialize: (bytes: Buffer) => request.decode(bytes),
    responseSerialize: (message: Res) => Buffer.from(response.encode(message).finish()),
    responseDeserialize: (bytes: Buffer) => response.decode(bytes),
  };
}

/**
 * grpc-js service definitions built on the static protobufjs codecs, so servers and clients share
 * one encoding path with the Kafka records (no proto-loader re-encoding).
 */
export const IngestServiceDefinition = {
  publish: unary('/vigil.v1.IngestService/Publish', v1.AccessEvent, v1.PublishReceipt),
  publishBatch: unary(
    '/vigil.v1.IngestService/PublishBatch',
    v1.PublishBatchRequest,
    v1.PublishBatchResponse,
  ),
} satisfies ServiceDefinition;

export const AuthorizationServiceDefinition = {
  authorize: unary(
    '/vigil.v1.AuthorizationService/Authorize',
    v1.AuthorizeRequest,
    v1.AuthorizeResponse,
  ),
} satisfies ServiceDefinition;

export const RiskAdminServiceDefinition = {
  getRiskProfile: unary(
    '/vigil.v1.RiskAdminService/GetRiskProfile',
    v1.GetRiskProfileRequest,
    v1.RiskProfile,
  ),
  clearRestriction: unary(
    '/vigil.v1.RiskAdminService/ClearRestriction',
    v1.ClearRestrictionRequest,
    v1.ClearRestrictionResponse,
  ),
  restrictUser: unary(
    '/vigil.v1.RiskAdminService/RestrictUser',
    v1.RestrictUserRequest,
    v1.RestrictUserResponse,
  ),
} satisfies ServiceDefinition;
