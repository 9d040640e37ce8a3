import type { Logger } from '@vigil/runtime';
import type { vigil } from '@vigil/proto';
import type { Admission, Permit } from './admission';
import { claimedIds, type Claim, type DedupItem } from './dedup';
import { enrichEvent, type EnrichedEvent } from './enrichment';
import { IngestError, invalidArgument, permissionDenied, type Violation } from './errors';
import type { IngestMetrics, Transport } from './metrics';
import type { Placement } from './publisher';
import type { Receipt } from './receipts';
import { scopeViolations, type SourceScope } from './sources';
import type { StoredEventLookup } from './stored-events';
import { checkEvents, type ValidationLimits } from './validation';

export interface IngestLimits extends ValidationLimits {
  maxBatchEvents: number;
  maxBatchBytes: number;
  maxEventBytes: number;
  /** The longest a caller waits for Kafka's acknowledgement (its own deadline may be shorter). */
  ackTimeoutMs: number;
  /** The longest a caller waits for a concurrent request with the same event id. */
  dedupWaitMs: number;
}

export interface IngestRequest {
  /** The authenticated sender's name (scope.name). */
  source: string;
  /** What the sender may send and establish (its entry in the sources file). */
  scope: SourceScope;
  events: readonly vigil.v1.AccessEvent.$Properties[];
  transport: Transport;
  /** The caller's deadline (epoch ms); Infinity when it set none. */
  deadlineMs: number;
  /** Problems the transport already found (e.g. JSON fields of the wrong type). */
  priorViolations?: readonly Violation[];
}

/** What the ingest use case needs from Kafka. */
export interface EventSink {
  publish(record: { eventId: string; key: string; value: Buffer }): Promise<Placement>;
  isAvailable(): boolean;
}

/** What the ingest use case needs from the dedup store (DedupStore, over Redis). */
export interface ReceiptStore {
  claim(source: string, items: readonly DedupItem[]): Promise<Claim[]>;
  complete(source: string, items: readonly (DedupItem & { placement: Placement })[]): Promise<void>;
  release(source: string, eventIds: readonly string[]): Promise<void>;
  takeOver(source: string, item: DedupItem, orphan: string): Promise<Claim>;
  awaitReceipt(source: string, item: DedupItem, deadlineMs: number): Promise<Placement | 'gone'>;
}

export interface IngestDependencies {
  sink: EventSink;
  dedup: ReceiptStore;
  /** Where to look for the events of orphaned claims. */
  storedEvents: StoredEventLookup;
  admission: Admission;
  metrics: IngestMetrics;
  logger: Logger;
  topic: string;
  now?: () => number;
  newEventId: () => string;
}

/**
 * The front door, independent of transport: validate everything, enrich, take room, claim the
 * event ids, publish what is new, and answer only once Kafka has acknowledged.
 *
 * Order matters. Nothing touches Redis or Kafka until every event of the request is valid (all or
 * nothing), and nothing is claimed until there is room for it (a refused request leaves no
 * trace). Once events are handed to the producer they are never abandoned: their permit and
 * claims are settled when Kafka answers, whether or not the caller is still waiting.
 */
export class Ingestor {
  private draining = false;
  /** Settlement of accepted events (receipts stored, room returned); awaited on shutdown. */
  private readonly settling = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(
    private readonly limits: IngestLimits,
    private readonly deps: IngestDependencies,
  ) {
    this.now = deps.now ?? Date.now;
  }

  async publish(request: IngestRequest): Promise<Receipt[]> {
    if (this.draining) {
      throw new IngestError('DRAINING', 'the service is shutting down; retry on another instance', {
        retryAfterMs: 1_000,
      });
    }
    const events = this.prepare(request);
    const permit = this.admit(events);
    const claims = await this.claimAll(request, events, permit);

    // Only claimed events go to Kafka; the room taken for the others is returned now.
    const fresh = events.filter((_, i) => claims[i]?.kind === 'claimed');
    permit.release(events.length - fresh.length, sizeOf(events) - sizeOf(fresh));
    this.reportInFlight();
    const stored = this.publishClaimed(request, fresh, () => {
      permit.release();
      this.reportInFlight();
    });

    const waitUntil = Math.min(request.deadlineMs, this.now() + this.limits.ackTimeoutMs);
    const placements = await this.awaitStored(stored, events, waitUntil);
    const receipts: Receipt[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as EnrichedEvent;
      const claim = claims[i] as Claim;
      const placement =
        claim.kind === 'claimed'
          ? (placements.get(event.eventId) as Placement)
          : claim.kind === 'done'
            ? claim.placement
            : await this.awaitOtherRequest(request, event, waitUntil);
      receipts.push({ eventId: event.eventId, ...placement, duplicate: claim.kind !== 'claimed' });
    }
    const duplicates = events.length - fresh.length;
    if (duplicates > 0)
      this.deps.metrics.dedupHits.inc({ transport: request.transport }, duplicates);
    return receipts;
  }

  /** From now on requests are refused with DRAINING; those already accepted carry on. */
  stopAccepting(): void {
    this.draining = true;
  }

  /** Stops taking requests and waits until every accepted event is settled. */
  async drain(): Promise<void> {
    this.stopAccepting();
    while (this.settling.size > 0) await Promise.allSettled([...this.settling]);
  }

  /** Refuses at once, accepting nothing, when Kafka is stalled or the in-flight bound is full. */
  private admit(events: readonly EnrichedEvent[]): Permit {
    if (!this.deps.sink.isAvailable()) {
      throw new IngestError(
        'KAFKA_UNAVAILABLE',
        'Kafka is not acknowledging writes; nothing was accepted, retry later',
        { retryAfterMs: 2_000 },
      );
    }
    const permit = this.deps.admission.acquire(events.length, sizeOf(events));
    this.reportInFlight();
    return permit;
  }

  /**
   * Claims every event id. On failure, or when an id is in use for a different event, the
   * request is refused as a whole and leaves nothing behind: no claims, no room taken.
   */
  private async claimAll(
    request: IngestRequest,
    events: readonly EnrichedEvent[],
    permit: Permit,
  ): Promise<Claim[]> {
    let claims: Claim[];
    try {
      claims = await this.settleOrphans(
        request,
        events,
        await this.deps.dedup.claim(request.source, events),
      );
    } catch (err) {
      permit.release();
      this.reportInFlight();
      throw err;
    }
    const conflicts = claims.flatMap((c, index) => (c.kind === 'conflict' ? [index] : []));
    if (conflicts.length === 0) return claims;
    permit.release();
    this.reportInFlight();
    await this.deps.dedup.release(request.source, claimedIds(events, claims));
    throw new IngestError(
      'EVENT_ID_CONFLICT',
      'event id(s) already used within the dedup window for different events; nothing was published',
      {
        violations: conflicts.map((index) => ({
          index,
          field: 'event_id',
          reason: 'EVENT_ID_REUSED',
          message: 'was already used for a different event',
        })),
      },
    );
  }

  /**
   * An orphaned claim was left by an instance that died holding it, maybe after Kafka stored the
   * event and before its receipt was written. Kafka decides: a stored event gets its original
   * receipt; otherwise this request takes the claim over and publishes. If Kafka cannot be read,
   * the request is refused and every claim it made is given up.
   */
  private async settleOrphans(
    request: IngestRequest,
    events: readonly EnrichedEvent[],
    claims: Claim[],
  ): Promise<Claim[]> {
    if (!claims.some((c) => c.kind === 'orphaned')) return claims;
    const { dedup, storedEvents, logger } = this.deps;
    const settled = [...claims];
    try {
      for (let i = 0; i < events.length; i++) {
        const claim = claims[i] as Claim;
        const event = events[i] as EnrichedEvent;
        if (claim.kind !== 'orphaned') continue;
        const placement = await storedEvents.find({
          eventId: event.eventId,
          source: request.source,
          userId: event.userId,
          fingerprint: event.fingerprint,
          sinceMs: claim.claimedAtMs,
        });
        logger.warn(
          { source: request.source, eventId: event.eventId, stored: placement ?? null },
          placement
            ? 'orphaned claim: the event is in Kafka; answering with its receipt'
            : 'orphaned claim: the event is not in Kafka; publishing it',
        );
        this.deps.metrics.orphanedClaims.inc({ outcome: placement ? 'found' : 'not_found' });
        if (placement) {
          await dedup.complete(request.source, [{ ...event, placement }]);
          settled[i] = { kind: 'done', placement };
        } else {
          settled[i] = await dedup.takeOver(request.source, event, claim.value);
        }
      }
    } catch (err) {
      await dedup.release(request.source, claimedIds(events, settled));
      if (err instanceof IngestError) throw err;
      throw new IngestError(
        'KAFKA_UNAVAILABLE',
        'could not check Kafka for an event whose earlier publisher died; nothing was accepted, retry later',
        { retryAfterMs: 2_000, cause: err },
      );
    }
    return settled;
  }

  /** Validation and enrichment: pure, and all of it happens before any I/O. */
  private prepare(request: IngestRequest): EnrichedEvent[] {
    const { events } = request;
    if (events.length === 0) {
      throw new IngestError('MALFORMED_REQUEST', 'the request carries no events');
    }
    if (events.length > this.limits.maxBatchEvents) {
      throw new IngestError(
        'BATCH_TOO_LARGE',
        `${events.length} events in one request; the limit is ${this.limits.maxBatchEvents}`,
      );
    }
    const now = this.now();
    // Canonical forms first (pure), so the scope is checked on what would be stored: `AUTH.Login`
    // is `auth.login` for the sources file as for the risk model.
    const checked = checkEvents(events, this.limits, now);
    // Authorization before validation: a source learns nothing about events it may not send.
    // A field that is no valid value at all (an action with a newline) is a validation problem,
    // reported as such, not a question of scope.
    const refused = new Set(checked.violations.map((v) => `${v.index}\u0000${v.field}`));
    const outOfScope = scopeViolations(request.scope, checked.events).filter(
      (v) => !refused.has(`${v.index}\u0000${v.field}`),
    );
    if (outOfScope.length > 0) throw permissionDenied(request.source, outOfScope);
    const prior = request.priorViolations ?? [];
    // A field the transport could not read is reported once, not again as "missing".
    const seen = new Set(prior.map((v) => `${v.index}\u0000${v.field}`));
    const violations = [
      ...prior,
      ...checked.violations.filter((v) => !seen.has(`${v.index}\u0000${v.field}`)),
    ];
    if (violations.length > 0) throw invalidArgument(sortByIndex(violations));

    const enriched = checked.events.map((event) =>
      enrichEvent(event, {
        source: request.source,
        defaultTenant: request.scope.defaultTenant,
        establishes: request.scope.establishes,
        receivedAtMs: now,
        // Validation refuses an occurred_at older than the past skew, so a retry is accepted
        // until then; the future skew on top covers instances whose clocks differ from ours.
        acceptedAfterOccurredMs: this.limits.clockSkewPastMs + this.limits.clockSkewFutureMs,
        newEventId: this.deps.newEventId,
      }),
    );
    const tooLarge: Violation[] = [];
    let total = 0;
    enriched.forEach((event, index) => {
      total += event.value.length;
      if (event.value.length > this.limits.maxEventBytes) {
        tooLarge.push({
          index,
          field: '',
          reason: 'TOO_LARGE',
          message: `encodes to ${event.value.length} bytes; the limit is ${this.limits.maxEventBytes}`,
        });
      }
    });
    if (tooLarge.length > 0) throw invalidArgument(tooLarge);
    if (total > this.limits.maxBatchBytes) {
      throw new IngestError(
        'BATCH_TOO_LARGE',
        `the events encode to ${total} bytes; the limit per request is ${this.limits.maxBatchBytes}`,
      );
    }
    return enriched;
  }

  /**
   * Hands the claimed events to Kafka and arranges their settlement, which runs to completion
   * even if the caller gives up: receipts are stored for what Kafka acknowledged and claims are
   * released for what it refused. Resolves with eventId -> placement, or rejects.
   */
  private publishClaimed(
    request: IngestRequest,
    events: readonly EnrichedEvent[],
    settled: () => void,
  ): Promise<Map<string, Placement>> {
    const { sink, dedup, metrics } = this.deps;
    const attempts = events.map((e) =>
      sink.publish({ eventId: e.eventId, key: e.userId, value: e.value }),
    );
    const settlement = Promise.allSettled(attempts).then(async (results) => {
      const ok: (EnrichedEvent & { placement: Placement })[] = [];
      const failed: string[] = [];
      results.forEach((result, i) => {
        const event = events[i] as EnrichedEvent;
        if (result.status === 'fulfilled') ok.push({ ...event, placement: result.value });
        else failed.push(event.eventId);
      });
      if (ok.length > 0) {
        metrics.eventsAccepted.inc({ transport: request.transport }, ok.length);
        await dedup.complete(request.source, ok);
      }
      await dedup.release(request.source, failed);
      settled();
      const firstError = results.find((r) => r.status === 'rejected');
      if (firstError) {
        throw new IngestError(
          'KAFKA_UNAVAILABLE',
          'Kafka did not store the events; retry with the same event ids',
          { retryAfterMs: 1_000, cause: firstError.reason },
        );
      }
      return new Map(ok.map((e) => [e.eventId, e.placement]));
    });
    const tracked = settlement.then(
      () => undefined,
      () => undefined,
    );
    this.settling.add(tracked);
    void tracked.finally(() => this.settling.delete(tracked));
    return settlement;
  }

  private async awaitStored(
    stored: Promise<Map<string, Placement>>,
    events: readonly EnrichedEvent[],
    waitUntil: number,
  ): Promise<Map<string, Placement>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new IngestError(
              'ACK_TIMEOUT',
              'the events were accepted but Kafka has not acknowledged them yet; they will be ' +
                'written: retry with the same event ids to get their receipts',
              { retryAfterMs: 1_000, eventIds: events.map((e) => e.eventId) },
            ),
          ),
        Math.max(0, waitUntil - this.now()),
      );
    });
    try {
      return await Promise.race([stored, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Another request holds the claim: wait for its receipt (or claim the id if it gave up). */
  private async awaitOtherRequest(
    request: IngestRequest,
    event: EnrichedEvent,
    waitUntil: number,
  ): Promise<Placement> {
    const deadline = Math.min(waitUntil, this.now() + this.limits.dedupWaitMs);
    const result = await this.deps.dedup.awaitReceipt(request.source, event, deadline);
    if (result !== 'gone') return result;
    throw new IngestError(
      'DUPLICATE_IN_FLIGHT',
      `event id ${event.eventId} was being published by another request that failed; retry`,
      { retryAfterMs: 1_000 },
    );
  }

  private reportInFlight(): void {
    this.deps.metrics.inFlightEvents.set(this.deps.admission.inFlightEvents);
    this.deps.metrics.inFlightBytes.set(this.deps.admission.inFlightBytes);
  }
}

function sizeOf(events: readonly EnrichedEvent[]): number {
  let bytes = 0;
  for (const event of events) bytes += event.value.length;
  return bytes;
}

function sortByIndex(violations: Violation[]): Violation[] {
  return violations.sort((a, b) => a.index - b.index);
}
