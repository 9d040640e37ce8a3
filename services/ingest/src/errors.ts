import { VigilError } from '@vigil/runtime';

/** One rejected field of one event. `index` is the event's position in the request. */
export interface Violation {
  index: number;
  /** Proto field path relative to the event, e.g. "actor.geo.latitude" or "attributes[\"k\"]". */
  field: string;
  /** Stable machine-readable code, e.g. "REQUIRED", "TOO_LONG". */
  reason: ViolationReason;
  message: string;
}

export type ViolationReason =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'TOO_MANY'
  | 'TOO_LARGE'
  | 'INVALID_FORMAT'
  | 'INVALID_TYPE'
  | 'UNKNOWN_FIELD'
  | 'OUT_OF_RANGE'
  | 'TOO_FAR_IN_PAST'
  | 'TOO_FAR_IN_FUTURE'
  | 'DUPLICATE_IN_BATCH'
  | 'EVENT_ID_REUSED'
  /** Outside the authenticated source's scope (sources file): its message names the rule. */
  | 'NOT_PERMITTED';

/**
 * The stable reasons an ingest call fails. Each maps to one gRPC status and one HTTP status
 * (see error-mapping.ts); clients branch on these, messages may change.
 */
export type IngestErrorCode =
  /** One or more events are invalid; `violations` lists every one. Nothing was published. */
  | 'INVALID_ARGUMENT'
  /** The request carries more events or bytes than allowed. Nothing was published. */
  | 'BATCH_TOO_LARGE'
  /** No valid token or client certificate. */
  | 'UNAUTHENTICATED'
  /**
   * More than one `authorization` header (HTTP) or metadata value (gRPC). Refused rather than
   * picking one: a proxy and a backend that pick differently would disagree about the caller.
   */
  | 'CONFLICTING_CREDENTIALS'
  /**
   * The source may not send one or more of the events (an action or tenant outside its scope),
   * or may not use this endpoint (a source that is no Kubernetes cluster posting audit events);
   * `violations` names each event and the rule. Nothing was published.
   */
  | 'PERMISSION_DENIED'
  /** An event id was already used within the dedup window for a different event. */
  | 'EVENT_ID_CONFLICT'
  /** The in-flight bound is reached (Kafka slow); nothing was accepted, retry later. */
  | 'OVERLOADED'
  /** Kafka is not acknowledging; nothing was accepted, retry later. */
  | 'KAFKA_UNAVAILABLE'
  /** The dedup store (Redis) cannot be reached; nothing was accepted (fail closed). */
  | 'DEDUP_UNAVAILABLE'
  /** Another request with the same event id is still being published; retry later. */
  | 'DUPLICATE_IN_FLIGHT'
  /**
   * The events were accepted but Kafka had not acknowledged them in time. They stay queued and
   * will be written; retry with the same event ids (`eventIds`) to get their receipts.
   */
  | 'ACK_TIMEOUT'
  /** The service is shutting down; nothing was accepted. */
  | 'DRAINING'
  /**
   * The request cannot be decoded: the HTTP body is not JSON of the expected shape, not UTF-8,
   * not valid gzip, or repeats a key; the gRPC message is not valid protobuf or has invalid
   * UTF-8 in a string.
   */
  | 'MALFORMED_REQUEST'
  /** HTTP: a Content-Type, charset or Content-Encoding the service does not take (415). */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /**
   * The client went away or broke the HTTP framing (e.g. a bad chunk size) while sending the
   * body: the client's problem, not the service's. Usually no one is left to read the answer.
   */
  | 'CLIENT_ABORTED'
  /** A bug or an unexpected dependency failure. */
  | 'INTERNAL';

export class IngestError extends VigilError {
  declare readonly code: IngestErrorCode;
  readonly violations: readonly Violation[];
  /** For retryable errors: how long the caller should wait before retrying. */
  readonly retryAfterMs: number | undefined;
  /** For ACK_TIMEOUT: the ids of the accepted events, so a retry deduplicates against them. */
  readonly eventIds: readonly string[];

  constructor(
    code: IngestErrorCode,
    message: string,
    options: {
      violations?: readonly Violation[];
      retryAfterMs?: number;
      eventIds?: readonly string[];
      cause?: unknown;
    } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.violations = options.violations ?? [];
    this.retryAfterMs = options.retryAfterMs;
    this.eventIds = options.eventIds ?? [];
  }
}

/**
 * The INVALID_ARGUMENT error for a list of violations. Its message summarises ("N violation(s) in
 * M event(s) ...; first: ...") instead of listing them: the message becomes the gRPC status
 * (an HTTP/2 trailer) and is capped anyway (see error-mapping.ts); the full list travels in
 * `violations`.
 */
export function invalidArgument(violations: readonly Violation[]): IngestError {
  const events = new Set(violations.map((v) => v.index)).size;
  const first = violations[0];
  const summary = first ? `; first: event ${first.index}: ${first.field}: ${first.message}` : '';
  return new IngestError(
    'INVALID_ARGUMENT',
    `${violations.length} violation(s) in ${events} event(s), nothing was published${summary}`,
    { violations },
  );
}

/** The PERMISSION_DENIED error for events outside the source's scope (see sources.ts). */
export function permissionDenied(source: string, violations: readonly Violation[]): IngestError {
  const first = violations[0];
  const summary = first ? `; first: event ${first.index}: ${first.field}: ${first.message}` : '';
  return new IngestError(
    'PERMISSION_DENIED',
    `${violations.length} event(s) outside the scope of source "${source}", nothing was published${summary}`,
    { violations },
  );
}
