/**
 * What the dedup store keeps per (source, event id), as a compact Redis string:
 *
 *   P|<fingerprint>|<claim token>|<claimed at>|<lease until>
 *                                                   being published by one request (a claim)
 *   R|<fingerprint>|<partition>|<offset>|<topic>    stored by Kafka; the original receipt
 *
 * Both live for the dedup window. A claim also carries a short lease (Redis server time, ms)
 * that its owner keeps renewing while the event is in flight. A claim whose lease ran out was
 * left by an instance that died, perhaps after Kafka stored the event but before the receipt
 * was written: the next request for that id must look in Kafka before publishing (an
 * "orphaned" claim), or a retry would store the event twice. The fingerprint lets a retry (same
 * content) be told apart from a different event that reuses the id.
 *
 * Claims written before leases existed (`P|<fingerprint>|<token>`, with a short TTL) still
 * decode, without a lease.
 */
export type DedupState =
  | {
      kind: 'pending';
      fingerprint: string;
      token: string;
      claimedAtMs?: number;
      leaseUntilMs?: number;
    }
  | { kind: 'done'; fingerprint: string; topic: string; partition: number; offset: number };

export function dedupKey(prefix: string, source: string, eventId: string): string {
  // Source names cannot contain ":" (see auth.ts), so the source part is unambiguous.
  // The source is a Redis Cluster hash tag: the keys of one request live in one slot, so one
  // script can claim them all.
  return `${prefix}:dedup:{${source}}:${eventId}`;
}

/**
 * The start of a claim's value; the dedup scripts append `|<claimed at>|<lease until>` from the
 * Redis clock, so that instances with skewed clocks never judge each other's leases.
 */
export function encodePendingPrefix(fingerprint: string, token: string): string {
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
  if (parts[0] === 'P' && parts.length === 5) {
    const claimedAtMs = Number(parts[3]);
    const leaseUntilMs = Number(parts[4]);
    if (!Number.isSafeInteger(claimedAtMs) || !Number.isSafeInteger(leaseUntilMs)) return undefined;
    return {
      kind: 'pending',
      fingerprint: parts[1] as string,
      token: parts[2] as string,
      claimedAtMs,
      leaseUntilMs,
    };
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
