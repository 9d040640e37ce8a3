/**
 * In-memory stand-ins for the sealer's Kafka ports (src/ports.ts), with the broker semantics the
 * sealer relies on: transactions that make roots and offsets visible together or not at all,
 * fencing of older producers of a transactional id, and reads that see committed roots only.
 */
import { generateKeyPairSync } from 'node:crypto';
import {
  Keyring,
  decodeSealedRoot,
  keyIdFor,
  sealedRootHash,
  verifyRootSignature,
  type SealedRootRecord,
} from '@vigil/audit';
import type { ChainHead } from '../src/chain-head';
import type {
  CommittedOffset,
  ConsumedBatch,
  ConsumedMessage,
  ConsumerCrash,
  PartitionOffsets,
  RootMessage,
  RootsProducer,
  RootsProducers,
  RootsTransaction,
  SealedRoots,
  SealerConsumer,
  SealerKafka,
  SentRecord,
  TransactionalOffset,
  TransactionalProducerOptions,
} from '../src/ports';
import type { SigningKey } from '../src/signing-key';

/** A fresh Ed25519 signing key, trusted by its own keyring. */
export function testSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, keyId: keyIdFor(publicKey), trusted: Keyring.fromPublicKeys([publicKey]) };
}

/** A typed broker error, shaped like kafkajs's (the sealer labels failures by `type`). */
export class FakeKafkaError extends Error {
  override readonly name = 'FakeKafkaError';
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** One record of the sealed-roots log, with the fate of the transaction that wrote it. */
export interface StoredRoot {
  partition: number;
  offset: number;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
  state: 'open' | 'committed' | 'aborted';
}

/** What one transaction did, for assertions about atomicity. */
export interface TransactionLog {
  transactionalId: string;
  roots: StoredRoot[];
  offsets: TransactionalOffset[];
  outcome: 'open' | 'committed' | 'aborted';
}

/** A transaction step that fails the next time it runs. */
export type InjectedFailure =
  | 'send'
  | 'sendOffsets'
  | 'commit'
  /** The commit lands, but the client hears an error: the outcome is unknown to the sealer. */
  | 'commitLands';

const offsetKey = (groupId: string, topic: string, partition: number) =>
  `${groupId}/${topic}/${partition}`;

/** The sealed-roots topic (one partition) and the group offsets, kept by one fake broker. */
export class FakeBroker implements SealerKafka {
  readonly log: StoredRoot[] = [];
  readonly transactions: TransactionLog[] = [];
  readonly committed = new Map<string, CommittedOffset>();
  /** Low watermark per `topic/partition`; 0 unless set. */
  readonly lowWatermarks = new Map<string, number>();
  readonly consumers: FakeConsumer[] = [];
  /** Failures the next transaction steps meet, in order. */
  readonly failures: InjectedFailure[] = [];
  /** Producers connected so far, by transactional id (each connect fences the earlier ones). */
  readonly epochs = new Map<string, number>();
  /** When set, OffsetFetch answers with this instead of the committed value (KIP-447 lag). */
  staleCommitted: CommittedOffset | undefined;
  scans = 0;
  connected = false;

  constructor(private readonly keyring: Keyring) {}

  async connect(): Promise<void> {
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    this.connected = false;
  }

  consumer(): SealerConsumer {
    const consumer = new FakeConsumer();
    this.consumers.push(consumer);
    return consumer;
  }

  get currentConsumer(): FakeConsumer {
    const consumer = this.consumers.at(-1);
    if (!consumer) throw new Error('no consumer created yet');
    return consumer;
  }

  readonly producers: RootsProducers = {
    connect: async (options: TransactionalProducerOptions): Promise<RootsProducer> => {
      const id = options.transactionalId;
      const epoch = (this.epochs.get(id) ?? 0) + 1;
      this.epochs.set(id, epoch);
      // InitProducerId settles what an older holder left open (Kafka does it at the timeout).
      for (const txn of this.transactions) {
        if (txn.transactionalId === id && txn.outcome === 'open') this.abort(txn);
      }
      return new FakeProducer(this, id, epoch);
    },
  };

  readonly offsets: PartitionOffsets = {
    committed: async (groupId, topic, partition) =>
      this.staleCommitted ??
      this.committed.get(offsetKey(groupId, topic, partition)) ?? { offset: -1, metadata: null },
    lowWatermark: async (topic, partition) => this.lowWatermarks.get(`${topic}/${partition}`) ?? 0,
  };

  readonly roots: SealedRoots = {
    scan: async (from) => {
      this.scans += 1;
      const heads = new Map<string, ChainHead>();
      for (const stored of this.log) {
        if (stored.state !== 'committed') continue;
        if (from && !(stored.offset >= (from.get(stored.partition) ?? Infinity))) continue;
        const root = decodeRoot(stored.value);
        if (!verifyRootSignature(root, this.keyring).ok) continue;
        const chain = `${root.topic}/${root.partition}`;
        const known = heads.get(chain);
        if (known && known.batchSequence >= root.batchSequence) continue;
        heads.set(chain, {
          batchSequence: root.batchSequence,
          lastOffset: root.lastOffset,
          rootHash: sealedRootHash(root),
          stored: { partition: stored.partition, offset: stored.offset },
          ...(root.log && { log: { treeSize: root.log.treeSize, frontier: root.log.frontier } }),
        });
      }
      return heads;
    },
    partitionOf: async () => 0,
  };

  /** The committed roots of one chain, in sealed-roots order: what auditors see. */
  chain(chain: string): SealedRootRecord[] {
    return this.log
      .filter((r) => r.state === 'committed' && r.key === chain)
      .map((r) => decodeRoot(r.value));
  }

  /** Roots of one chain whose transaction was aborted (never visible to auditors). */
  abortedRoots(chain: string): SealedRootRecord[] {
    return this.log
      .filter((r) => r.state === 'aborted' && r.key === chain)
      .map((r) => decodeRoot(r.value));
  }

  committedOffset(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.committed.get(offsetKey(groupId, topic, partition));
  }

  /** Throws the injected failure for `step`, if it is next. */
  failIfInjected(step: InjectedFailure): void {
    if (this.failures[0] !== step) return;
    this.failures.shift();
    throw new FakeKafkaError('INJECTED', `injected failure in ${step}`);
  }

  isFenced(transactionalId: string, epoch: number): boolean {
    return this.epochs.get(transactionalId) !== epoch;
  }

  commit(txn: TransactionLog): void {
    txn.outcome = 'committed';
    for (const root of txn.roots) root.state = 'committed';
    for (const o of txn.offsets) {
      this.committed.set(offsetKey(o.consumerGroupId, o.topic, o.partition), {
        offset: Number(o.offset),
        metadata: o.metadata,
      });
    }
  }

  abort(txn: TransactionLog): void {
    txn.outcome = 'aborted';
    for (const root of txn.roots) root.state = 'aborted';
  }
}

/** A broker round trip: lets timers run, as real I/O does, even if the sealer loops. */
const roundTrip = () => new Promise((resolve) => setImmediate(resolve));

class FakeProducer implements RootsProducer {
  disconnected = false;

  constructor(
    private readonly broker: FakeBroker,
    private readonly transactionalId: string,
    private readonly epoch: number,
  ) {}

  async transaction(): Promise<RootsTransaction> {
    await roundTrip();
    this.checkUsable();
    const txn: TransactionLog = {
      transactionalId: this.transactionalId,
      roots: [],
      offsets: [],
      outcome: 'open',
    };
    this.broker.transactions.push(txn);
    const broker = this.broker;
    const inOpenTransaction = async () => {
      await roundTrip();
      this.checkUsable();
      if (txn.outcome !== 'open') {
        throw new FakeKafkaError('INVALID_TXN_STATE', `transaction is ${txn.outcome}`);
      }
    };
    return {
      send: async (record: {
        topic: string;
        acks: number;
        messages: RootMessage[];
      }): Promise<SentRecord[]> => {
        await inOpenTransaction();
        broker.failIfInjected('send');
        return record.messages.map((message) => {
          const stored: StoredRoot = {
            partition: 0,
            offset: broker.log.length,
            ...message,
            state: 'open',
          };
          broker.log.push(stored);
          txn.roots.push(stored);
          return { partition: stored.partition, baseOffset: String(stored.offset) };
        });
      },
      sendOffsets: async (offset) => {
        await inOpenTransaction();
        broker.failIfInjected('sendOffsets');
        txn.offsets.push(offset);
      },
      commit: async () => {
        await inOpenTransaction();
        broker.failIfInjected('commit');
        broker.commit(txn);
        broker.failIfInjected('commitLands');
      },
      abort: async () => {
        await inOpenTransaction();
        broker.abort(txn);
      },
    };
  }

  async disconnect(): Promise<void> {
    this.disconnected = true;
  }

  private checkUsable(): void {
    if (this.disconnected) throw new FakeKafkaError('KAFKAJS_ERROR', 'producer disconnected');
    if (this.broker.isFenced(this.transactionalId, this.epoch)) {
      throw new FakeKafkaError('INVALID_PRODUCER_EPOCH', 'fenced by a newer producer');
    }
  }
}

/** A group member whose joins, batches and crashes the test drives. */
export class FakeConsumer implements SealerConsumer {
  readonly seeks: { topic: string; partition: number; offset: string }[] = [];
  subscribed: string[] = [];
  connected = false;
  running = false;
  /** Whether fetched batches are stale (a rebalance is under way). */
  stale = false;
  private eachBatch: ((batch: ConsumedBatch) => Promise<void>) | undefined;
  private readonly joinListeners: ((assignment: Record<string, number[]>) => void)[] = [];
  private readonly crashListeners: ((crash: ConsumerCrash) => void)[] = [];

  async connect(): Promise<void> {
    this.connected = true;
  }

  async subscribe(topics: string[]): Promise<void> {
    this.subscribed = topics;
  }

  async run(eachBatch: (batch: ConsumedBatch) => Promise<void>): Promise<void> {
    this.eachBatch = eachBatch;
    this.running = true;
  }

  seek(topic: string, partition: number, offset: string): void {
    this.seeks.push({ topic, partition, offset });
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  async disconnect(): Promise<void> {
    this.running = false;
    this.connected = false;
  }

  onGroupJoin(listener: (assignment: Record<string, number[]>) => void): void {
    this.joinListeners.push(listener);
  }

  onCrash(listener: (crash: ConsumerCrash) => void): void {
    this.crashListeners.push(listener);
  }

  /** The group assigned these partitions to this member. */
  join(assignment: Record<string, number[]>): void {
    for (const listener of this.joinListeners) listener(assignment);
  }

  crash(crash: ConsumerCrash): void {
    for (const listener of this.crashListeners) listener(crash);
  }

  /** Hands one fetched batch to the sealer and waits until it has handled it. */
  async deliver(
    topic: string,
    partition: number,
    messages: ConsumedMessage[],
    highWatermark = Number(messages.at(-1)?.offset ?? -1) + 1,
  ): Promise<void> {
    if (!this.eachBatch) throw new Error('consumer is not running');
    await this.eachBatch({
      topic,
      partition,
      highWatermark: String(highWatermark),
      messages,
      heartbeat: async () => undefined,
      isRunning: () => this.running,
      isStale: () => this.stale,
    });
  }
}

/** Records at `first`, `first + 1`, …: their bytes name their offset. */
export function messages(first: number, count: number, timestampMs = 0): ConsumedMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    offset: String(first + i),
    value: Buffer.from(`record-${first + i}`),
    timestamp: String(timestampMs),
  }));
}

/** The stored bytes of records `first`..`last`, as verifyBatch takes them. */
export function recordsOf(first: number, last: number): { offset: number; value: Buffer }[] {
  return messages(first, last - first + 1).map((m) => ({
    offset: Number(m.offset),
    value: m.value as Buffer,
  }));
}

export const decodeRoot = (value: Uint8Array): SealedRootRecord => decodeSealedRoot(value);

/**
 * Polls `condition` until it holds, or fails naming `what` after `timeoutMs`. Tests wait on
 * conditions, never on bare sleeps.
 */
export async function waitFor(
  what: string,
  condition: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
