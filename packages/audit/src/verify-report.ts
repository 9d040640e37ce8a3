/**
 * The verdict of `vigil audit verify` over the whole sealed log: every chain continuous and signed
 * by a trusted key, every batch recomputing from the records Kafka holds, every record in exactly
 * one batch. Pure: the caller reads Kafka and streams records in; one PartitionVerifier per
 * topic-partition does the checking (see partition-verifier.ts for what memory that takes).
 */
import type { Keyring } from './keyring';
import {
  type Finding,
  type PartitionSummary,
  type StoredRecord,
  PartitionVerifier,
} from './partition-verifier';
import type { SealedRootRecord } from './root';

/** A root as found in the sealed-roots topic, with where it was found. */
export interface LoadedRoot {
  root: SealedRootRecord;
  rootsPartition: number;
  rootsOffset: number;
}

/** A record in sealed-roots that is not a well-formed SealedRoot (see decodeSealedRoot). */
export interface UnreadableRoot {
  rootsPartition: number;
  rootsOffset: number;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  rootsTopic: string;
  totals: {
    partitions: number;
    records: number;
    batches: number;
    keyIds: string[];
    pending: number;
    abortedRoots: number;
  };
  partitions: PartitionSummary[];
  findings: Finding[];
}

/** What verification needs besides the records: the sealed-roots topic, read in full. */
export interface SealedRootsInput {
  rootsTopic: string;
  roots: readonly LoadedRoot[];
  unreadable: readonly UnreadableRoot[];
  /** Roots whose transaction Kafka aborted: named, never counted as part of the log. */
  aborted?: readonly LoadedRoot[];
  keyring: Keyring;
  /** Records after a partition's last root are "pending" rather than unsealed. */
  allowPending?: boolean;
}

export interface VerifyInput extends SealedRootsInput {
  /** topic -> partition -> records in offset order. */
  records: ReadonlyMap<string, ReadonlyMap<number, readonly StoredRecord[]>>;
}

/**
 * Verifies the sealed log from records streamed in with add(), each partition's in offset order
 * (partitions may interleave), then finish() for the report. Holds the roots, the open batches
 * and the findings, never the records.
 */
export class SealedLogVerifier {
  /** The input but its roots, which the partition verifiers hold. */
  private readonly input: Omit<SealedRootsInput, 'roots' | 'aborted'>;
  private readonly abortedByPartition = new Map<string, LoadedRoot[]>();
  /** By "topic/partition": one for every partition with roots, and any that records arrive for. */
  private readonly partitions = new Map<string, PartitionVerifier>();
  private finished = false;

  constructor(input: SealedRootsInput) {
    const { rootsTopic, unreadable, keyring, allowPending } = input;
    this.input = { rootsTopic, unreadable, keyring, allowPending };
    const rootsByPartition = new Map<string, SealedRootRecord[]>();
    for (const { root } of input.roots) {
      const key = `${root.topic}/${root.partition}`;
      let list = rootsByPartition.get(key);
      if (!list) rootsByPartition.set(key, (list = []));
      list.push(root);
    }
    for (const aborted of input.aborted ?? []) {
      const key = `${aborted.root.topic}/${aborted.root.partition}`;
      let list = this.abortedByPartition.get(key);
      if (!list) this.abortedByPartition.set(key, (list = []));
      list.push(aborted);
      rootsByPartition.set(key, rootsByPartition.get(key) ?? []);
    }
    for (const [key, roots] of rootsByPartition)
      this.partitions.set(key, this.verifier(key, roots));
  }

  /** The next record of topic/partition. */
  add(topic: string, partition: number, record: StoredRecord): void {
    if (this.finished) throw new Error('the sealed log verification is already finished');
    const key = `${topic}/${partition}`;
    let verifier = this.partitions.get(key);
    // Records nobody sealed still make a partition, to be reported unsealed.
    if (!verifier) this.partitions.set(key, (verifier = this.verifier(key, [])));
    verifier.add(record);
  }

  finish(): VerifyReport {
    if (this.finished) throw new Error('the sealed log verification is already finished');
    this.finished = true;
    const { rootsTopic } = this.input;
    const findings: Finding[] = this.input.unreadable.map((u) => ({
      kind: 'MALFORMED_ROOT',
      topic: rootsTopic,
      partition: u.rootsPartition,
      firstOffset: String(u.rootsOffset),
      lastOffset: String(u.rootsOffset),
      message: `${rootsTopic}/${u.rootsPartition} offset ${u.rootsOffset} is not a sealed root: ${u.reason}`,
    }));
    const partitions: PartitionSummary[] = [];
    const keyIds = new Set<string>();
    for (const key of [...this.partitions.keys()].sort(comparePartitionKeys)) {
      const verifier = this.partitions.get(key) as PartitionVerifier;
      const result = verifier.finish();
      verifier.trusted.forEach((root) => keyIds.add(root.keyId));
      partitions.push(result.summary);
      findings.push(...result.findings);
    }
    return {
      ok: findings.length === 0,
      rootsTopic,
      totals: {
        partitions: partitions.length,
        records: partitions.reduce((n, p) => n + p.records, 0),
        batches: partitions.reduce((n, p) => n + p.batches, 0),
        keyIds: [...keyIds].sort(),
        pending: partitions.reduce((n, p) => n + p.pending, 0),
        abortedRoots: partitions.reduce((n, p) => n + p.abortedRoots.length, 0),
      },
      partitions,
      findings,
    };
  }

  /** The key is parsed back rather than taken from a root, so both kinds of partition match. */
  private verifier(key: string, roots: readonly SealedRootRecord[]): PartitionVerifier {
    const slash = key.lastIndexOf('/');
    return new PartitionVerifier({
      topic: key.slice(0, slash),
      partition: Number(key.slice(slash + 1)),
      roots,
      keyring: this.input.keyring,
      allowPending: this.input.allowPending,
      abortedRoots: this.abortedByPartition.get(key) ?? [],
      rootsTopic: this.input.rootsTopic,
    });
  }
}

/**
 * Decides whether the sealed log is intact from records already in memory: SealedLogVerifier fed
 * every record. Each partition's records must be in offset order.
 */
export function verifySealedLog(input: VerifyInput): VerifyReport {
  const verifier = new SealedLogVerifier(input);
  for (const [topic, partitions] of input.records) {
    for (const [partition, records] of partitions) {
      for (const record of records) verifier.add(topic, partition, record);
    }
  }
  return verifier.finish();
}

function comparePartitionKeys(a: string, b: string): number {
  const [ta = '', pa = '0'] = [a.slice(0, a.lastIndexOf('/')), a.slice(a.lastIndexOf('/') + 1)];
  const [tb = '', pb = '0'] = [b.slice(0, b.lastIndexOf('/')), b.slice(b.lastIndexOf('/') + 1)];
  return ta.localeCompare(tb) || Number(pa) - Number(pb);
}
