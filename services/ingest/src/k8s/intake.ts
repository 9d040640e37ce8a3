import { capText } from '../text';
import { parseEventList } from './audit-event';
import type { ActionClass, DropReason } from './classify';
import { mapAuditEvent, type MappingOptions } from './mapping';
import { storeItems, type MappedItem, type PublishPort, type StoreLimits } from './store';

/** An item that was not stored and never will be: unreadable, or refused by ingest. */
export interface MalformedItem {
  index: number;
  /** `unreadable`: not an audit event Vigil can read; `refused`: mapped, but ingest refused it. */
  kind: 'unreadable' | 'refused';
  /** Undefined when the item has no string auditID. */
  auditId: string | undefined;
  problem: string;
}

/** What happened to every item of one EventList. */
export interface IntakeReport {
  items: number;
  /** Newly stored, per action class. */
  accepted: MappedItem[];
  /** Already stored by an earlier delivery of the same batch (or twice in this one). */
  duplicates: MappedItem[];
  dropped: { index: number; reason: DropReason }[];
  malformed: MalformedItem[];
}

/** How many malformed items the answer lists (all are counted and logged). */
export const MAX_LISTED_MALFORMED = 20;

/** Audit IDs are client-chosen (the Audit-ID header): answers and logs repeat at most this much. */
export const MAX_ECHOED_AUDIT_ID_BYTES = 128;

/** The JSON answer to the API server (and to whoever reads its logs). */
export interface IntakeSummary {
  items: number;
  accepted: number;
  duplicates: number;
  dropped: number;
  droppedByReason: Partial<Record<DropReason, number>>;
  malformed: number;
  malformedItems: { index: number; auditID: string | null; problem: string }[];
}

/**
 * Reads an EventList body, maps each item and stores the events. Throws MalformedEventListError
 * for a bad envelope, and ingest's error when the batch as a whole could not be stored (it is then
 * retried by the API server, and what was stored is answered from dedup).
 */
export async function intakeEventList(
  body: unknown,
  mapping: MappingOptions,
  port: PublishPort,
  limits: StoreLimits,
): Promise<IntakeReport> {
  const results = parseEventList(body);
  const report: IntakeReport = {
    items: results.length,
    accepted: [],
    duplicates: [],
    dropped: [],
    malformed: [],
  };
  const mapped: MappedItem[] = [];
  for (const result of results) {
    if (!result.ok) {
      report.malformed.push({
        index: result.index,
        kind: 'unreadable',
        auditId: result.auditId,
        problem: result.problem,
      });
      continue;
    }
    const { event } = result;
    const outcome = mapAuditEvent(event, mapping);
    if (outcome.kind === 'dropped')
      report.dropped.push({ index: result.index, reason: outcome.reason });
    else if (outcome.kind === 'malformed') {
      report.malformed.push({
        index: result.index,
        kind: 'unreadable',
        auditId: event.auditID,
        problem: outcome.problem,
      });
    } else {
      mapped.push({
        index: result.index,
        auditId: event.auditID,
        class: outcome.class,
        event: outcome.event,
      });
    }
  }
  if (mapped.length > 0) {
    const stored = await storeItems(mapped, port, limits);
    for (const { item, receipt } of stored.stored) {
      (receipt.duplicate ? report.duplicates : report.accepted).push(item);
    }
    for (const { item, problem } of stored.refused) {
      report.malformed.push({ index: item.index, kind: 'refused', auditId: item.auditId, problem });
    }
  }
  report.malformed.sort((a, b) => a.index - b.index);
  return report;
}

export function summarize(report: IntakeReport): IntakeSummary {
  const droppedByReason: Partial<Record<DropReason, number>> = {};
  for (const { reason } of report.dropped)
    droppedByReason[reason] = (droppedByReason[reason] ?? 0) + 1;
  return {
    items: report.items,
    accepted: report.accepted.length,
    duplicates: report.duplicates.length,
    dropped: report.dropped.length,
    droppedByReason,
    malformed: report.malformed.length,
    malformedItems: report.malformed.slice(0, MAX_LISTED_MALFORMED).map((m) => ({
      index: m.index,
      auditID: m.auditId === undefined ? null : capText(m.auditId, MAX_ECHOED_AUDIT_ID_BYTES),
      problem: m.problem,
    })),
  };
}

/** Counts per action class, for metrics. */
export function countByClass(items: readonly MappedItem[]): Map<ActionClass, number> {
  const counts = new Map<ActionClass, number>();
  for (const item of items) counts.set(item.class, (counts.get(item.class) ?? 0) + 1);
  return counts;
}
