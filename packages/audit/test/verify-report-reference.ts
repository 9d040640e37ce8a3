/**
 * verifySealedLog as it was before verification streamed: every record of every partition in
 * memory, batches cut out of them with a binary search, coverage by a sort-and-sweep. Kept (only
 * renamed, and using the audit package's verbatim copies of the old verifyBatch and findUnsealed)
 * as the oracle for the streaming verifier's randomized equivalence test.
 */
import {
  sealedRootHash,
  verifyChain,
  verifyRootSignature,
  type Finding,
  type PartitionSummary,
  type SealedRootRecord,
  type StoredRecord,
  type VerifyInput,
  type VerifyReport,
} from '../src';
import { refFindUnsealed, refVerifyBatch } from './batch-reference';

/**
 * Decides whether the sealed log is intact: every chain continuous and signed by a trusted key,
 * every batch recomputing from the records Kafka holds, and every record in exactly one batch.
 * Pure: the caller reads Kafka.
 */
export function referenceVerifySealedLog(input: VerifyInput): VerifyReport {
  const findings: Finding[] = input.unreadable.map((u) => ({
    kind: 'MALFORMED_ROOT',
    topic: input.rootsTopic,
    partition: u.rootsPartition,
    firstOffset: String(u.rootsOffset),
    lastOffset: String(u.rootsOffset),
    message: `${input.rootsTopic}/${u.rootsPartition} offset ${u.rootsOffset} is not a sealed root: ${u.reason}`,
  }));

  const rootsByPartition = new Map<string, SealedRootRecord[]>();
  for (const { root } of input.roots) {
    const key = `${root.topic}/${root.partition}`;
    let list = rootsByPartition.get(key);
    if (!list) rootsByPartition.set(key, (list = []));
    list.push(root);
  }
  const keys = new Set(rootsByPartition.keys());
  for (const [topic, partitions] of input.records) {
    for (const [partition, records] of partitions)
      if (records.length > 0) keys.add(`${topic}/${partition}`);
  }

  const partitions: PartitionSummary[] = [];
  const keyIds = new Set<string>();
  for (const key of [...keys].sort(comparePartitionKeys)) {
    const slash = key.lastIndexOf('/');
    const topic = key.slice(0, slash);
    const partition = Number(key.slice(slash + 1));
    const roots = rootsByPartition.get(key) ?? [];
    const records = input.records.get(topic)?.get(partition) ?? [];
    const before = findings.length;

    for (const problem of verifyChain(roots, input.keyring, {
      expectedFirstOffset: records[0]?.offset,
    })) {
      findings.push({
        kind: problem.kind,
        topic,
        partition,
        batchSequence: problem.batchSequence,
        firstOffset: problem.firstOffset?.toString(),
        lastOffset: problem.lastOffset?.toString(),
        message: problem.message,
      });
    }

    // Only roots a trusted key signed can vouch for records.
    const trusted = roots.filter((root) => verifyRootSignature(root, input.keyring).ok);
    trusted.forEach((root) => keyIds.add(root.keyId));
    for (const root of trusted) {
      const inRange = recordsBetween(records, root.firstOffset, root.lastOffset);
      for (const problem of refVerifyBatch(root, inRange)) {
        findings.push({
          kind: problem.kind,
          topic,
          partition,
          batchSequence: problem.batchSequence,
          firstOffset: problem.offset ?? String(problem.firstOffset),
          lastOffset: problem.offset ?? String(problem.lastOffset),
          message: problem.message,
        });
      }
    }

    const lastSealed = trusted.reduce((max, r) => Math.max(max, r.lastOffset), -1);
    const mustBeSealed = input.allowPending
      ? records.filter((r) => r.offset <= lastSealed)
      : records;
    for (const problem of refFindUnsealed(
      mustBeSealed.map((r) => r.offset),
      trusted,
      { topic, partition },
    )) {
      findings.push({
        kind: problem.kind,
        topic,
        partition,
        firstOffset: problem.firstOffset,
        lastOffset: problem.lastOffset,
        message: problem.message,
      });
    }

    const sealed = records.filter((r) => r.offset <= lastSealed);
    partitions.push({
      topic,
      partition,
      records: records.length,
      batches: trusted.length,
      firstSealedOffset: sealed[0]?.offset,
      lastSealedOffset: sealed.at(-1)?.offset,
      pending: records.length - sealed.length,
      ...headOf(trusted),
      // Added with aborted-root reporting (issue #17); this reference never has aborted roots.
      abortedRoots: [],
      ok: findings.length === before,
    });
  }

  return {
    ok: findings.length === 0,
    rootsTopic: input.rootsTopic,
    totals: {
      partitions: partitions.length,
      records: partitions.reduce((n, p) => n + p.records, 0),
      batches: partitions.reduce((n, p) => n + p.batches, 0),
      keyIds: [...keyIds].sort(),
      pending: partitions.reduce((n, p) => n + p.pending, 0),
      abortedRoots: 0,
    },
    partitions,
    findings,
  };
}

/** The records with first <= offset <= last; `records` is in offset order. */
function recordsBetween(
  records: readonly StoredRecord[],
  first: number,
  last: number,
): StoredRecord[] {
  const start = lowerBound(records, first);
  const end = lowerBound(records, last + 1);
  return records.slice(start, end);
}

function lowerBound(records: readonly StoredRecord[], offset: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if ((records[mid] as StoredRecord).offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function comparePartitionKeys(a: string, b: string): number {
  const [ta = '', pa = '0'] = [a.slice(0, a.lastIndexOf('/')), a.slice(a.lastIndexOf('/') + 1)];
  const [tb = '', pb = '0'] = [b.slice(0, b.lastIndexOf('/')), b.slice(b.lastIndexOf('/') + 1)];
  return ta.localeCompare(tb) || Number(pa) - Number(pb);
}

/** Added with the head in the summary (issue #17): the newest trusted root. */
function headOf(trusted: readonly SealedRootRecord[]) {
  const head = trusted.reduce<SealedRootRecord | undefined>(
    (newest, root) => (!newest || root.batchSequence > newest.batchSequence ? root : newest),
    undefined,
  );
  return head
    ? {
        head: {
          batchSequence: head.batchSequence,
          rootHash: Buffer.from(sealedRootHash(head)).toString('hex'),
        },
      }
    : {};
}
