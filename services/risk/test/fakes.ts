/**
 * In-memory stand-ins for the risk service's ports, in the style of ingest's test fakes: a
 * Redis-like state store with the APPLY script's rules, a Kafka-like group member the test
 * drives batch by batch, and a decision sink that records what Authorize handed it.
 */
import { Writable } from 'node:stream';
import { timestampFromMillis, vigil } from '@vigil/proto';
import { createLogger } from '@vigil/runtime';
import type { DecisionSink, RiskSnapshotReader } from '../src/authz/authorizer';
import { RiskStateUnavailableError } from '../src/errors';
import type { RequestFacts, RiskSnapshot } from '../src/model/assess';
import {
  decodeSnapshot,
  diffFields,
  FIELD,
  newFields,
  watermarkField,
  type EncodedState,
  type Fields,
} from '../src/store/codec';
import type { UserWrite, WriteOutcome } from '../src/store/store';
import type {
  ConsumedBatch,
  ConsumerHandlers,
  StreamConsumer,
  StreamConsumerFactory,
  TopicPartitionOffset,
} from '../src/stream/consumer';
import type { RiskStateStore } from '../src/stream/processor';

export const silentLogger = () =>
  createLogger({
    service: 'risk-test',
    level: 'silent',
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });

const SECTIONS = ['core', 'ips', 'devices', 'countries'] as const;

const copyState = (state: EncodedState): EncodedState => ({
  core: Object.assign(newFields(), state.core),
  ips: Object.assign(newFields(), state.ips),
  devices: Object.assign(newFields(), state.devices),
  countries: Object.assign(newFields(), state.countries),
});

const emptyEncoded = (): EncodedState => ({
  core: newFields(),
  ips: newFields(),
  devices: newFields(),
  countries: newFields(),
});

/**
 * Risk state in a Map, by the rules of store/scripts.ts: a write lands only if the user's
 * applied-events counter is unchanged and the partition's watermark is below its first offset.
 */
export class MemoryRiskStore implements RiskStateStore, RiskSnapshotReader {
  private readonly users = new Map<string, EncodedState>();
  /** While false every call throws RiskStateUnavailableError, as RiskStore does on a Redis error. */
  available = true;
  /** The next this many calls fail as if Redis were away, then it is back. */
  failures = 0;
  /** Every call, in order: 'load', 'write', 'read'. */
  readonly calls: string[] = [];
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  /** Holds every write until `releaseWrites()`: what the store looks like while Redis is slow. */
  holdWrites(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  releaseWrites(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  /** The user's stored hashes (a copy), empty when unknown. */
  stateOf(userId: string): EncodedState {
    return copyState(this.users.get(userId) ?? emptyEncoded());
  }

  /** Everything stored, for before/after comparisons. */
  dump(): Record<string, EncodedState> {
    return Object.fromEntries([...this.users].map(([user, state]) => [user, copyState(state)]));
  }

  async loadMany(userIds: readonly string[]): Promise<EncodedState[]> {
    this.enter('load');
    return userIds.map((userId) => this.stateOf(userId));
  }

  async writeMany(writes: readonly UserWrite[]): Promise<WriteOutcome[]> {
    this.enter('write');
    if (this.gate) await this.gate;
    return writes.map((write) => this.apply(write));
  }

  async readSnapshot(userId: string, request: RequestFacts): Promise<RiskSnapshot> {
    this.enter('read');
    const state = this.stateOf(userId);
    const c = state.core;
    const lookup = (known: Fields, value: string) => {
      if (value === '') return [null, 0];
      const seen = known[value];
      return seen !== undefined ? [seen, 1] : [null, Object.keys(known).length];
    };
    // The reply of AUTHZ_READ, decoded by the same function RiskStore uses.
    return decodeSnapshot([
      c[FIELD.score] ?? null,
      c[FIELD.scoreAt] ?? null,
      c[FIELD.reasons] ?? null,
      c[FIELD.geo] ?? null,
      c[FIELD.restriction] ?? null,
      ...lookup(state.ips, request.ip),
      ...lookup(state.devices, request.deviceId),
      ...lookup(state.countries, request.country),
    ]);
  }

  private enter(call: string): void {
    this.calls.push(call);
    if (this.failures > 0) {
      this.failures -= 1;
      throw new RiskStateUnavailableError(`${call}: connection refused (fake)`);
    }
    if (!this.available) throw new RiskStateUnavailableError(`${call}: redis is down (fake)`);
  }

  private apply(write: UserWrite): WriteOutcome {
    const current = this.stateOf(write.userId);
    if ((current.core[FIELD.applied] ?? '0') !== String(write.expectedApplied)) return 'conflict';
    const mark = current.core[watermarkField(write.watermark)];
    if (mark !== undefined && Number(mark) >= write.firstOffset) return 'conflict';
    for (const section of SECTIONS) {
      const { set, del } = diffFields(write.before[section], write.after[section]);
      for (let i = 0; i < set.length; i += 2) current[section][set[i]!] = set[i + 1]!;
      for (const field of del) delete current[section][field];
    }
    this.users.set(write.userId, current);
    return 'written';
  }
}

/** One record of the fake log. */
interface LoggedRecord {
  key: Buffer | null;
  value: Buffer;
  timestamp: number;
}

/**
 * A Kafka cluster of one consumer group, in memory. Records are appended per topic/partition;
 * the test hands batches to the current group member with `deliver`, and reads back what the
 * processor resolved and committed.
 */
export class FakeKafka {
  private readonly log = new Map<string, LoggedRecord[]>();
  /** The group's committed offsets ("topic/partition" -> next offset to read). */
  readonly committed = new Map<string, string>();
  /** Every commit call, in order. */
  readonly commits: TopicPartitionOffset[][] = [];
  readonly members: FakeConsumer[] = [];

  /** A StreamConsumerFactory: each call is a new group member. */
  readonly consumers: StreamConsumerFactory = () => {
    const member = new FakeConsumer(this);
    this.members.push(member);
    return member;
  };

  /** The member created last. */
  get member(): FakeConsumer {
    const member = this.members[this.members.length - 1];
    if (!member) throw new Error('no consumer was created');
    return member;
  }

  append(topic: string, partition: number, records: LoggedRecord[]): void {
    const key = `${topic}/${partition}`;
    const list = this.log.get(key) ?? [];
    list.push(...records);
    this.log.set(key, list);
  }

  records(topic: string, partition: number): readonly LoggedRecord[] {
    return this.log.get(`${topic}/${partition}`) ?? [];
  }

  commit(offsets: readonly TopicPartitionOffset[]): void {
    this.commits.push(offsets.map((o) => ({ ...o })));
    for (const o of offsets) this.committed.set(`${o.topic}/${o.partition}`, o.offset);
  }
}

export class FakeConsumer implements StreamConsumer {
  private handlers: ConsumerHandlers | undefined;
  topics: readonly string[] = [];
  running = false;
  paused = false;
  disconnected = false;
  heartbeats = 0;
  /** "topic/partition" -> the offset the processor resolved last. */
  readonly resolved = new Map<string, string>();
  /** Set to make the batch in hand stale (its partition moved in a rebalance). */
  stale = false;
  /** Makes commit() reject, as a broker that left would. */
  failCommits = false;

  constructor(private readonly kafka: FakeKafka) {}

  async run(topics: readonly string[], handlers: ConsumerHandlers): Promise<void> {
    this.topics = topics;
    this.handlers = handlers;
    this.running = true;
  }

  pause(): void {
    if (!this.running) throw new Error('not running');
    this.paused = true;
  }

  async commit(offsets: readonly TopicPartitionOffset[]): Promise<void> {
    if (this.failCommits) throw new Error('commit refused (fake)');
    this.kafka.commit(offsets);
  }

  async disconnect(): Promise<void> {
    this.running = false;
    this.disconnected = true;
    this.handlers?.stopped();
  }

  join(assignment: Record<string, number[]>): void {
    this.handlers?.joined(assignment);
  }

  crash(err: Error, restarting: boolean): void {
    this.running = false;
    this.handlers?.crashed(err, restarting);
  }

  /**
   * Hands records [from, to) of one partition to the processor as one batch (default: from the
   * group's committed offset to the end), and resolves when the processor is done with it.
   */
  deliver(topic: string, partition: number, range: { from?: number; to?: number } = {}) {
    if (!this.handlers) throw new Error('consumer not running');
    const all = this.kafka.records(topic, partition);
    const from = range.from ?? Number(this.kafka.committed.get(`${topic}/${partition}`) ?? 0);
    const to = range.to ?? all.length;
    const messages = all.slice(from, to).map((r, i) => ({
      offset: String(from + i),
      timestamp: String(r.timestamp),
      key: r.key,
      value: r.value,
    }));
    const batch: ConsumedBatch = {
      topic,
      partition,
      messages,
      lastOffset: () => String(to - 1),
      offsetLag: () => String(all.length - to),
      resolveOffset: (offset) => this.resolved.set(`${topic}/${partition}`, offset),
      heartbeat: async () => {
        this.heartbeats += 1;
      },
      isRunning: () => this.running && !this.paused,
      isStale: () => this.stale,
    };
    return this.handlers.eachBatch(batch);
  }
}

/** Records every decision offered; refuses them while `accepting` is false (a full log). */
export class RecordingDecisionSink implements DecisionSink {
  readonly records: Array<{ key: string; decidedAt: number; record: vigil.v1.IAuthzDecision }> = [];
  accepting = true;
  get depth(): number {
    return this.records.length;
  }
  offer(key: string, decidedAt: number, record: vigil.v1.IAuthzDecision): boolean {
    if (!this.accepting) return false;
    this.records.push({ key, decidedAt, record });
    return true;
  }
}

export interface EventSpec {
  user: string;
  /** Event time, epoch ms. */
  at: number;
  action?: string;
  resource?: string;
  outcome?: vigil.v1.Outcome;
  ip?: string;
  device?: string;
  /** When ingest received it (default: `at`); far after `at` makes the event late. */
  receivedAt?: number;
  source?: string;
  establishes?: vigil.v1.IEstablishes | null;
  attributes?: Record<string, string>;
}

/** An AccessEvent record as ingest would store it; the source may teach everything by default. */
export function eventRecord(spec: EventSpec): LoggedRecord {
  const receivedAt = spec.receivedAt ?? spec.at;
  const value = vigil.v1.AccessEvent.encode({
    eventId: `${spec.user}-${spec.at}-${spec.action ?? 'db.query'}`,
    occurredAt: timestampFromMillis(spec.at),
    receivedAt: timestampFromMillis(receivedAt),
    actor: { userId: spec.user, ip: spec.ip ?? '', deviceId: spec.device ?? '' },
    action: spec.action ?? 'db.query',
    resource: spec.resource ?? 'db/staging-orders',
    outcome: spec.outcome ?? vigil.v1.Outcome.OUTCOME_SUCCESS,
    source: spec.source ?? 'okta',
    attributes: spec.attributes ?? {},
    ...(spec.establishes === null
      ? {}
      : {
          establishes: spec.establishes ?? { knownAttributes: true, failedAuthentication: true },
        }),
  }).finish();
  return { key: Buffer.from(spec.user), value: Buffer.from(value), timestamp: receivedAt };
}
