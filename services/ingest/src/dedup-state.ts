/**
 * What the dedup store keeps per (source, event id), as a compact Redis string:
 *
 *   P|<fingerprint>|<claim token>                   being published by one request (a claim)
 *   R|<fingerprint>|<partition>|<offset>|<topic>    stored by Kafka; the original receipt
 *
 * A claim has a short TTL that its owner keeps extending while the event is in flight, so a
 * crashed owner's claim lapses; a receipt lives for the dedup window. The fingerprint lets a
 * retry (same content) be told apart from a different event that reuses the id.
 */
export type DedupState =
  | { kind: 'pending'; fingerprint: string; token: string }
  | { kind: 'done'; fingerprint: string; topic: string; partition: number; offset: number };

export function dedupKey(prefix: string, source: string, eventId: string): string {
  // Source names cannot contain ":" (see auth.ts), so the source part is unambiguous.
  // The source is a Redis Cluster hash tag: the keys of one request live in one slot, so one
  // script can claim them all.
  return `${prefix}:dedup:{${source}}:${eventId}`;
}

export function encodePending(fingerprint: string, token: string): string {
  return `P|${fingerprint}|${token}`;
}

export function encodeDone(
  fingerprint: string,
  placement: { topic: string; partition: number; offset: number },
): string {
  return `R|${fingerprint}|${placement.partition}|${placement.offset}|${placement.topic}`;
}

/** Undefined for values this version does not understand; callers treat them as absent. */
export function decodeState(value: string | null | undefined): DedupState | undefined {
  if (!value) return undefined;
  const parts = value.split('|');
  if (parts[0] === 'P' && parts.length === 3) {
    return { kind: 'pending', fingerprint: parts[1] as string, token: parts[2] as string };
  }
  if (parts[0] === 'R' && parts.length === 5) {
    const partition = Number(parts[2]);
    const offset = Number(parts[3]);
    if (!Number.isSafeInteger(partition) || !Number.isSafeInteger(offset)) return undefined;
    return {
      kind: 'done',
      fingerprint: parts[1] as string,
      partition,
      offset,
      topic: parts[4] as string,
    };
  }
  return undefined;
}
