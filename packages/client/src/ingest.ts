import * as grpc from '@grpc/grpc-js';
import { IngestServiceDefinition, vigil } from '@vigil/proto';
import {
  callMetadata,
  channelCredentials,
  deadlineFrom,
  type ConnectionOptions,
} from './connection';

/** Where Kafka stored one event. */
export interface IngestReceipt {
  eventId: string;
  topic: string;
  partition: number;
  offset: number;
  /** True when the event id was seen before and this is the original receipt. */
  duplicate: boolean;
}

/** One rejected field of one event (`index` is its position in the request). */
export interface IngestViolation {
  index: number;
  field: string;
  reason: string;
  message?: string;
}

/** The event as sent: any subset of vigil.v1.AccessEvent's fields. */
export type AccessEventInput = vigil.v1.AccessEvent.$Properties;

export interface CallOptions {
  /** Per-call deadline, overriding the connection's `timeoutMs`. */
  timeoutMs?: number;
}

/** Statuses after which the same request (same event ids) may be sent again. */
const RETRYABLE = new Set<grpc.status>([
  grpc.status.UNAVAILABLE,
  grpc.status.RESOURCE_EXHAUSTED,
  grpc.status.DEADLINE_EXCEEDED,
]);

/**
 * A failed ingest call. `code` is the gRPC status, `reason` the service's stable error code
 * (e.g. "INVALID_ARGUMENT", "OVERLOADED", "ACK_TIMEOUT"), `violations` the rejected fields.
 */
export class IngestCallError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
    readonly reason: string | undefined,
    readonly violations: readonly IngestViolation[],
    /** How many violations there were (the trailer may carry fewer when there are very many). */
    readonly violationCount: number,
    /** For ACK_TIMEOUT: the ids the server gave the events, to retry with. */
    readonly eventIds: readonly string[],
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'IngestCallError';
  }

  /** Whether sending the same events again (with the same event ids) is safe and may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  static fromServiceError(err: grpc.ServiceError): IngestCallError {
    const md = err.metadata ?? new grpc.Metadata();
    const text = (key: string): string | undefined => {
      const value = md.get(key)[0];
      return typeof value === 'string' ? value : undefined;
    };
    const violations = parseJson<IngestViolation[]>(text('vigil-violations')) ?? [];
    const retryAfter = Number(text('retry-after-ms'));
    return new IngestCallError(
      err.code,
      err.details || err.message,
      text('vigil-error-code'),
      violations,
      Number(text('vigil-violation-count') ?? violations.length),
      parseJson<string[]>(text('vigil-event-ids')) ?? [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
}

const IngestServiceClient = grpc.makeGenericClientConstructor(
  IngestServiceDefinition,
  'IngestService',
);

/**
 * Typed client of vigil.v1.IngestService.
 *
 *   const client = new IngestClient({ address: 'ingest:7001', token: process.env.VIGIL_TOKEN });
 *   const receipt = await client.publish({ eventId, occurredAt, actor: { userId }, action });
 *
 * Give events their own ids when you may retry: the service then answers a retry with the
 * original receipt instead of storing the event twice.
 */
export class IngestClient {
  private readonly client: grpc.Client;

  constructor(
    private readonly options: ConnectionOptions & { channelOptions?: grpc.ChannelOptions },
  ) {
    this.client = new IngestServiceClient(
      options.address,
      channelCredentials(options),
      options.channelOptions,
    );
  }

  async publish(event: AccessEventInput, call: CallOptions = {}): Promise<IngestReceipt> {
    const receipt = await this.unary<vigil.v1.AccessEvent, vigil.v1.PublishReceipt>(
      'publish',
      vigil.v1.AccessEvent.create(event),
      call,
    );
    return toReceipt(receipt);
  }

  async publishBatch(
    events: readonly AccessEventInput[],
    call: CallOptions = {},
  ): Promise<IngestReceipt[]> {
    const response = await this.unary<vigil.v1.PublishBatchRequest, vigil.v1.PublishBatchResponse>(
      'publishBatch',
      vigil.v1.PublishBatchRequest.create({
        events: events.map((e) => vigil.v1.AccessEvent.create(e)),
      }),
      call,
    );
    return (response.receipts ?? []).map(toReceipt);
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

  private unary<Req, Res>(method: string, request: Req, call: CallOptions): Promise<Res> {
    const fn = (this.client as unknown as Record<string, UnaryMethod<Req, Res>>)[method];
    if (!fn) throw new Error(`unknown method ${method}`);
    return new Promise<Res>((resolve, reject) => {
      fn.call(
        this.client,
        request,
        callMetadata(this.options),
        { deadline: deadlineFrom(this.options, call.timeoutMs) },
        (err: grpc.ServiceError | null, response?: Res) => {
          if (err) reject(IngestCallError.fromServiceError(err));
          else resolve(response as Res);
        },
      );
    });
  }
}

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (err: grpc.ServiceError | null, response?: Res) => void,
) => grpc.ClientUnaryCall;

function toReceipt(receipt: vigil.v1.PublishReceipt.$Properties): IngestReceipt {
  return {
    eventId: receipt.eventId ?? '',
    topic: receipt.topic ?? '',
    partition: receipt.partition ?? 0,
    offset: Number(receipt.offset ?? 0),
    duplicate: receipt.duplicate ?? false,
  };
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
