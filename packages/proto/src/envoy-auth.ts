import './number-longs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';
import { unary, type MessageCodec } from './grpc';

/**
 * Envoy's external authorization API (envoy.service.auth.v3), loaded at start-up from the
 * upstream .proto files vendored in proto/third_party (see its README).
 *
 * Loaded at run time with protobufjs rather than generated like vigil.v1: the files are Envoy's,
 * not ours, so there is nothing to keep in step with `pnpm proto:gen`; loading 14 files takes
 * tens of milliseconds once per process, and the reflected Type encodes and decodes with the
 * same code protobufjs generates for static modules. @grpc/proto-loader would add a conversion
 * to plain objects on every call, which Check (on the request path of every proxied request)
 * does not need.
 *
 * The TypeScript types below describe the decoded messages as far as Vigil reads or writes
 * them (protobufjs names fields in lowerCamelCase); they are not generated and do not cover
 * every field.
 */

/** Directory holding the vendored upstream protos (envoy/, google/rpc/, xds/). */
export const THIRD_PARTY_PROTO_ROOT = path.resolve(__dirname, '../../../proto/third_party');
export const ENVOY_AUTH_PROTO_FILE = 'envoy/service/auth/v3/external_auth.proto';
export const ENVOY_CHECK_PATH = '/envoy.service.auth.v3.Authorization/Check';

export namespace envoyAuth {
  export interface SocketAddress {
    address?: string;
    portValue?: number;
  }
  export interface Address {
    socketAddress?: SocketAddress | null;
  }
  export interface Peer {
    address?: Address | null;
    principal?: string;
  }
  export interface HttpRequest {
    id?: string;
    method?: string;
    /** Lower-cased header names; Envoy joins repeated headers with ",". */
    headers?: Record<string, string>;
    path?: string;
    host?: string;
    scheme?: string;
    protocol?: string;
  }
  export interface Request {
    http?: HttpRequest | null;
  }
  export interface Value {
    nullValue?: number;
    numberValue?: number;
    stringValue?: string;
    boolValue?: boolean;
    structValue?: Struct | null;
    listValue?: { values?: Value[] } | null;
  }
  export interface Struct {
    fields?: Record<string, Value>;
  }
  export interface Metadata {
    filterMetadata?: Record<string, Struct>;
  }
  export interface AttributeContext {
    source?: Peer | null;
    destination?: Peer | null;
    request?: Request | null;
    contextExtensions?: Record<string, string>;
    metadataContext?: Metadata | null;
  }
  export interface CheckRequest {
    attributes?: AttributeContext | null;
  }

  /** config.core.v3.HeaderValueOption.HeaderAppendAction */
  export const HeaderAppendAction = {
    APPEND_IF_EXISTS_OR_ADD: 0,
    ADD_IF_ABSENT: 1,
    OVERWRITE_IF_EXISTS_OR_ADD: 2,
    OVERWRITE_IF_EXISTS: 3,
  } as const;
  export interface HeaderValueOption {
    header: { key: string; value: string };
    appendAction?: number;
  }
  export interface DeniedHttpResponse {
    /** type.v3.HttpStatus; `code` is the HTTP status number. */
    status?: { code: number };
    headers?: HeaderValueOption[];
    body?: string;
  }
  export interface OkHttpResponse {
    headers?: HeaderValueOption[];
    headersToRemove?: string[];
    responseHeadersToAdd?: HeaderValueOption[];
  }
  export interface CheckResponse {
    /** google.rpc.Status; code 0 (OK) allows. */
    status?: { code: number; message?: string };
    deniedResponse?: DeniedHttpResponse;
    okResponse?: OkHttpResponse;
    errorResponse?: DeniedHttpResponse;
    dynamicMetadata?: Struct;
  }
}

export interface EnvoyAuthProtos {
  readonly root: protobuf.Root;
  readonly CheckRequest: protobuf.Type;
  readonly CheckResponse: protobuf.Type;
  /** grpc-js definition of envoy.service.auth.v3.Authorization. */
  readonly AuthorizationServiceDefinition: ServiceDefinition;
}

let loaded: EnvoyAuthProtos | undefined;

/** The Envoy auth protos, loaded once per process (synchronously: call it at start-up). */
export function envoyAuthProtos(): EnvoyAuthProtos {
  loaded ??= loadEnvoyAuthProtos();
  return loaded;
}

function loadEnvoyAuthProtos(): EnvoyAuthProtos {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => resolveProto(target, [THIRD_PARTY_PROTO_ROOT]);
  root.loadSync(ENVOY_AUTH_PROTO_FILE);
  root.resolveAll();
  const CheckRequest = root.lookupType('envoy.service.auth.v3.CheckRequest');
  const CheckResponse = root.lookupType('envoy.service.auth.v3.CheckResponse');
  const check = unary<envoyAuth.CheckRequest, envoyAuth.CheckResponse>(
    ENVOY_CHECK_PATH,
    CheckRequest as unknown as MessageCodec<envoyAuth.CheckRequest>,
    CheckResponse as unknown as MessageCodec<envoyAuth.CheckResponse>,
  );
  warmUp(check);
  return {
    root,
    CheckRequest,
    CheckResponse,
    AuthorizationServiceDefinition: { check } as ServiceDefinition,
  };
}

/**
 * protobufjs generates each type's encoder and decoder on first use (~35 ms for these types).
 * Paying that at start-up keeps it off the first Check, which Envoy gives 200 ms by default.
 */
function warmUp(check: MethodDefinition<envoyAuth.CheckRequest, envoyAuth.CheckResponse>): void {
  const value = { stringValue: 'x' };
  const request: envoyAuth.CheckRequest = {
    attributes: {
      source: { address: { socketAddress: { address: '192.0.2.1', portValue: 1 } } },
      destination: { address: { socketAddress: { address: '192.0.2.2', portValue: 2 } } },
      request: { http: { id: 'x', method: 'GET', headers: { a: 'b' }, path: '/', host: 'h' } },
      contextExtensions: { a: 'b' },
      metadataContext: {
        filterMetadata: { n: { fields: { p: { structValue: { fields: { c: value } } } } } },
      },
    },
  };
  check.requestDeserialize(check.requestSerialize(request));
  const header = { header: { key: 'a', value: 'b' }, appendAction: 2 };
  for (const response of [
    {
      status: { code: 0 },
      okResponse: { headers: [header] },
      dynamicMetadata: { fields: { a: value } },
    },
    {
      status: { code: 7 },
      deniedResponse: { status: { code: 403 }, headers: [header], body: 'x' },
    },
  ]) {
    check.responseDeserialize(check.responseSerialize(response));
  }
}

const PROTOBUFJS_DIR = path.dirname(require.resolve('protobufjs/package.json'));

/**
 * Where an imported .proto file is: in one of `dirs`, or, for google/protobuf/descriptor.proto
 * (imported by Envoy's own annotations), the copy protobufjs ships. The other well-known types
 * (any, struct, timestamp, ...) are built into protobufjs and never reach this function.
 */
export function resolveProto(target: string, dirs: readonly string[]): string {
  if (target === 'google/protobuf/descriptor.proto') return path.join(PROTOBUFJS_DIR, target);
  for (const dir of dirs) {
    const candidate = path.join(dir, target);
    if (fs.existsSync(candidate)) return candidate;
  }
  return target;
}
