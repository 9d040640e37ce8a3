import { vigil } from '@vigil/proto';
import { IngestError } from '../errors';
import type { Receipt } from '../receipts';
import type { ActionClass } from './classify';
import { shortHash } from './fit';

type AccessEventInput = vigil.v1.AccessEvent.$Properties;

/** One mapped audit item on its way to ingest. */
export interface MappedItem {
  /** Position in the EventList. */
  index: number;
  auditId: string;
  class: ActionClass;
  event: AccessEventInput;
}

/** Ingest's use case as this module needs it: all-or-nothing publish of a request's events. */
export interface PublishPort {
  publish(events: readonly AccessEventInput[]): Promise<Receipt[]>;
}

export interface StoreLimits {
  /** INGEST_MAX_BATCH_EVENTS: events per publish call. */
  maxBatchEvents: number;
  /** INGEST_MAX_BATCH_BYTES: encoded bytes per publish call. */
  maxBatchBytes: number;
}

export interface StoreResult {
  /** Items now in Kafka; `receipt.duplicate` when they already were (a retried batch). */
  stored: { item: MappedItem; receipt: Receipt }[];
  /** Items ingest refused on their own (e.g. dated beyond the allowed clock skew). */
  refused: { item: MappedItem; problem: string }[];
}

/**
 * Stores the mapped items of one EventList with as few refusals as possible. Ingest's publish is
 * all or nothing, and the API server answers any failure by resending the whole batch (and then
 * dropping it), so one bad item must not hold the others hostage:
 *
 * - items are split into publish calls within ingest's per-request limits (and split further if
 *   ingest still finds a call too large);
 * - an item that ingest's validation refuses is set aside and the rest are published again;
 * - an event id already used for a different event (a client can choose its request's
 *   `Audit-ID`, so it can reuse another request's) is replaced by the id plus a digest of the
 *   event's content: still deterministic, so a retry of the batch is deduplicated as well;
 * - two items with the same id within the list are stored once if they are equal, else the
 *   second one gets the content-qualified id.
 *
 * Errors that concern the whole request (Kafka or Redis unavailable, overload, draining) are
 * thrown after every call has settled: the API server retries, and dedup answers what is stored.
 */
export async function storeItems(
  items: readonly MappedItem[],
  port: PublishPort,
  limits: StoreLimits,
): Promise<StoreResult> {
  const result: StoreResult = { stored: [], refused: [] };
  const { unique, copies } = resolveIdsWithinList(items);
  const chunks = chunk(unique, limits);
  const outcomes = await Promise.allSettled(chunks.map((c) => publishChunk(c, port, result)));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
  const receiptOf = new Map(result.stored.map((s) => [s.item, s.receipt]));
  for (const { item, original } of copies) {
    const receipt = receiptOf.get(original);
    if (receipt) result.stored.push({ item, receipt: { ...receipt, duplicate: true } });
    else result.refused.push({ item, problem: 'repeats an item that was refused' });
  }
  return result;
}

/** A content digest of an event, its id left out: equal events, equal digest. */
export function contentDigest(event: AccessEventInput): string {
  const bytes = vigil.v1.AccessEvent.encode({ ...event, eventId: '' }).finish();
  return shortHash(Buffer.from(bytes).toString('base64'), 16);
}

/** The id used when an event's own id is taken by a different event: id and content digest. */
export const qualifiedId = (event: AccessEventInput): string =>
  `${event.eventId ?? ''}:${contentDigest(event)}`;

const isQualified = (event: AccessEventInput): boolean =>
  (event.eventId ?? '').endsWith(`:${contentDigest(event)}`);

function resolveIdsWithinList(items: readonly MappedItem[]): {
  unique: MappedItem[];
  copies: { item: MappedItem; original: MappedItem }[];
} {
  const byId = new Map<string, { item: MappedItem; digest: string }>();
  const unique: MappedItem[] = [];
  const copies: { item: MappedItem; original: MappedItem }[] = [];
  for (const item of items) {
    const digest = contentDigest(item.event);
    let id = item.event.eventId ?? '';
    let seen = byId.get(id);
    if (seen && seen.digest !== digest) {
      id = qualifiedId(item.event);
      item.event = { ...item.event, eventId: id };
      seen = byId.get(id);
    }
    if (seen) {
      copies.push({ item, original: seen.item });
      continue;
    }
    byId.set(id, { item, digest });
    unique.push(item);
  }
  return { unique, copies };
}

/** Room left in a publish call for ingest's own fields (received_at, source) per event. */
const ENRICHMENT_BYTES = 96;

function chunk(items: readonly MappedItem[], limits: StoreLimits): MappedItem[][] {
  const chunks: MappedItem[][] = [];
  let current: MappedItem[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = vigil.v1.AccessEvent.encode(item.event).finish().length + ENRICHMENT_BYTES;
    if (
      current.length > 0 &&
      (current.length >= limits.maxBatchEvents || bytes + size > limits.maxBatchBytes)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function publishChunk(
  items: MappedItem[],
  port: PublishPort,
  result: StoreResult,
): Promise<void> {
  let pending = items;
  while (pending.length > 0) {
    try {
      const receipts = await port.publish(pending.map((item) => item.event));
      pending.forEach((item, i) => result.stored.push({ item, receipt: receipts[i] as Receipt }));
      return;
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      if (err.code === 'BATCH_TOO_LARGE') {
        if (pending.length === 1) {
          result.refused.push({ item: pending[0] as MappedItem, problem: err.message });
          return;
        }
        const half = Math.ceil(pending.length / 2);
        await publishChunk(pending.slice(0, half), port, result);
        await publishChunk(pending.slice(half), port, result);
        return;
      }
      const named = new Map<number, string>();
      for (const v of err.violations) {
        if (!named.has(v.index)) named.set(v.index, `${v.field}: ${v.message}`);
      }
      if (
        named.size === 0 ||
        (err.code !== 'INVALID_ARGUMENT' &&
          err.code !== 'PERMISSION_DENIED' &&
          err.code !== 'EVENT_ID_CONFLICT')
      ) {
        throw err;
      }
      const next: MappedItem[] = [];
      pending.forEach((item, i) => {
        const problem = named.get(i);
        if (problem === undefined) next.push(item);
        else if (err.code === 'EVENT_ID_CONFLICT' && !isQualified(item.event)) {
          item.event = { ...item.event, eventId: qualifiedId(item.event) };
          next.push(item);
        } else {
          result.refused.push({ item, problem: `${err.code}: ${problem}` });
        }
      });
      pending = next;
    }
  }
}
