import * as grpc from '@grpc/grpc-js';
import { vigil } from '@vigil/proto';
import { grpcError, type Logger } from '@vigil/runtime';
import { authenticate } from './auth';
import type { SourceRegistry } from './sources';
import { grpcErrorMetadata, grpcStatusMessage } from './error-mapping';
import type { Ingestor } from './ingest';
import type { IngestMetrics } from './metrics';
import { recordFailure, recordSuccess } from './outcome';
import type { Receipt } from './receipts';

export interface GrpcServiceDeps {
  ingestor: Ingestor;
  /** Who may send, and what (the sources file). */
  sources: SourceRegistry;
  /** Whether client certificates are verified (mTLS), so that they may name the source. */
  mtls: boolean;
  metrics: IngestMetrics;
  logger: Logger;
}

type Call<Req> = grpc.ServerUnaryCall<Req, unknown>;

/** vigil.v1.IngestService over grpc-js: authentication, deadlines and status mapping. */
export function ingestServiceImplementation(deps: GrpcServiceDeps) {
  return {
    publish(
      call: Call<vigil.v1.AccessEvent>,
      callback: grpc.sendUnaryData<vigil.v1.PublishReceipt>,
    ) {
      serve(deps, 'Publish', call, [call.request], callback, (receipts) =>
        toReceiptMessage(receipts[0] as Receipt),
      );
    },
    publishBatch(
      call: Call<vigil.v1.PublishBatchRequest>,
      callback: grpc.sendUnaryData<vigil.v1.PublishBatchResponse>,
    ) {
      serve(deps, 'PublishBatch', call, call.request.events ?? [], callback, (receipts) =>
        vigil.v1.PublishBatchResponse.create({ receipts: receipts.map(toReceiptMessage) }),
      );
    },
  } satisfies grpc.UntypedServiceImplementation;
}

function serve<Req, Res>(
  deps: GrpcServiceDeps,
  method: string,
  call: Call<Req>,
  events: vigil.v1.AccessEvent.$Properties[],
  callback: grpc.sendUnaryData<Res>,
  render: (receipts: Receipt[]) => Res,
): void {
  const startedAt = Date.now();
  let source: string | undefined;
  const context = () => ({
    transport: 'grpc' as const,
    method,
    events: events.length,
    source,
    metrics: deps.metrics,
    logger: deps.logger,
    startedAt,
  });
  const run = async () => {
    const scope = callerScope(deps, call);
    source = scope.name;
    return deps.ingestor.publish({
      source,
      scope,
      events,
      transport: 'grpc',
      deadlineMs: deadlineMs(call.getDeadline()),
    });
  };
  run().then(
    (receipts) => {
      recordSuccess(context());
      callback(null, render(receipts));
    },
    (err: unknown) => {
      const error = recordFailure(err, context());
      callback(grpcError(error.grpcStatus, grpcStatusMessage(error), grpcErrorMetadata(error)));
    },
  );
}

/** The authenticated source of a call (bearer token, mTLS certificate, or both). */
function callerScope(deps: GrpcServiceDeps, call: Call<unknown>) {
  return authenticate(
    {
      authorization: stringValues(call.metadata.get('authorization')),
      certificate: deps.mtls ? peerCertificate(call) : undefined,
    },
    deps.sources,
  );
}

/**
 * For a request grpc cannot decode (runtime's grpc-decode.ts): authentication first, as for any
 * request. A caller without valid credentials gets UNAUTHENTICATED, recorded like any refusal;
 * an authenticated one gets MALFORMED_REQUEST from the runtime (undefined here).
 */
export function ingestRejectUndecodable(deps: GrpcServiceDeps) {
  return (call: Call<unknown>): grpc.ServiceError | undefined => {
    const startedAt = Date.now();
    try {
      callerScope(deps, call);
      return undefined;
    } catch (err) {
      const error = recordFailure(err, {
        transport: 'grpc',
        method: methodName(call),
        events: 0,
        source: undefined,
        metrics: deps.metrics,
        logger: deps.logger,
        startedAt,
      });
      return grpcError(error.grpcStatus, grpcStatusMessage(error), grpcErrorMetadata(error));
    }
  };
}

/** "Publish" from "/vigil.v1.IngestService/Publish", as the method label of the metrics. */
function methodName(call: Call<unknown>): string {
  const path = call.getPath();
  return path.slice(path.lastIndexOf('/') + 1) || 'unknown';
}

export function toReceiptMessage(receipt: Receipt): vigil.v1.PublishReceipt {
  return vigil.v1.PublishReceipt.create({
    eventId: receipt.eventId,
    topic: receipt.topic,
    partition: receipt.partition,
    offset: receipt.offset,
    duplicate: receipt.duplicate,
  });
}

/** Every value of a metadata key (two `authorization` values are refused by authenticate). */
function stringValues(values: grpc.MetadataValue[]): string[] | undefined {
  return values.length === 0 ? undefined : values.map((v) => (typeof v === 'string' ? v : ''));
}

function peerCertificate(call: Call<unknown>) {
  const certificate = call.getAuthContext()?.sslPeerCertificate;
  // Node reports "no certificate" as an empty object.
  return certificate && certificate.subject ? certificate : undefined;
}

function deadlineMs(deadline: grpc.Deadline): number {
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : Infinity;
}
