import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ZERO_HASH, decodeSealedRoot, sealedRootHash, type SealedRootRecord } from '@vigil/audit';
import {
  javaClientProperties,
  kafkaClientEnv,
  kafkaConnectionFromEnv,
  loadConfig,
} from '@vigil/runtime';
import { Kafka, logLevel } from 'kafkajs';
import { sharedKafkaSecurityEnv } from './infra';

const run = promisify(execFile);

/**
 * A reader of Kafka that Vigil did not write: Apache Kafka's own console consumer (the Java
 * client, from the jars `deploy/local/kafka.sh` provisions), as any compliance team's tooling
 * would read the sealed log. Tests judge Vigil's reader by it: what a `read_committed` Java
 * consumer returns is what "committed" means.
 */

/** One record as the outside reader saw it. */
export interface OutsideRecord {
  partition: number;
  offset: number;
  /** The value's bytes. */
  value: Buffer;
}

export interface OutsideReadOptions {
  brokers: string | string[];
  topic: string;
  /** The partition to read (one at a time: no consumer group, see readSealedRootsOutside). */
  partition: number;
  /** Where to start (default: the beginning). */
  offset?: number;
  isolation?: 'read_committed' | 'read_uncommitted';
  /** The reader ends after this long without a new record (default 10 s). */
  idleTimeoutMs?: number;
  /**
   * Kafka security settings (KAFKA_SECURITY_PROTOCOL, ...) to read with, e.g. the auditor's on a
   * secure broker; default: the shared test broker's.
   */
  kafkaEnv?: Record<string, string>;
}

/** The Kafka client settings to read `brokers` with, validated as every Vigil client's are. */
function clientEnv(brokers: string, kafkaEnv?: Record<string, string>): NodeJS.ProcessEnv {
  return { ...(kafkaEnv ?? sharedKafkaSecurityEnv()), KAFKA_BROKERS: brokers };
}

function kafkaHome(): string {
  const versions = fs.readFileSync(
    path.resolve(__dirname, '../../deploy/local/versions.env'),
    'utf8',
  );
  const version = /^KAFKA_VERSION=(\S+)$/m.exec(versions)?.[1];
  if (!version) throw new Error('deploy/local/versions.env: KAFKA_VERSION not found');
  const cache =
    process.env.VIGIL_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'vigil');
  return path.join(cache, `kafka-${version}`);
}

/**
 * Reads one partition with `kafka-console-consumer` and returns its records in offset order.
 */
export async function readWithConsoleConsumer(
  options: OutsideReadOptions,
): Promise<OutsideRecord[]> {
  const brokers = Array.isArray(options.brokers) ? options.brokers.join(',') : options.brokers;
  // Records end with a marker no value will contain, so binary values need no escaping: the
  // default formatter writes value bytes as they are, and latin1 maps each byte to one char.
  const marker = `\n--vigil-record-end-${randomUUID()}--\n`;
  // TLS/SASL as Java client properties: a file of its own (it may hold a password), deleted after.
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-outside-'));
  const clientConfig = path.join(configDir, 'client.properties');
  fs.writeFileSync(
    clientConfig,
    javaClientProperties(loadConfig(kafkaClientEnv, clientEnv(brokers, options.kafkaEnv))),
    { mode: 0o600 },
  );
  const args = [
    '-cp',
    `${kafkaHome()}/libs/*`,
    // The tools log to stdout by default, which is where the records go.
    '-Dorg.apache.logging.log4j.level=OFF',
    'org.apache.kafka.tools.consumer.ConsoleConsumer',
    '--bootstrap-server',
    brokers,
    '--topic',
    options.topic,
    '--isolation-level',
    options.isolation ?? 'read_committed',
    '--timeout-ms',
    String(options.idleTimeoutMs ?? 10_000),
    '--formatter-property',
    'print.partition=true',
    '--formatter-property',
    'print.offset=true',
    '--formatter-property',
    `line.separator=${marker}`,
    // Not --consumer.config: deprecated in Kafka 4, its warning would land among the records.
    '--command-config',
    clientConfig,
  ];
  args.push('--partition', String(options.partition), '--offset', String(options.offset ?? 0));
  const { stdout } = await run('java', args, {
    encoding: 'latin1',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 180_000,
  }).finally(() => fs.rmSync(configDir, { recursive: true, force: true }));
  return parseConsoleOutput(stdout, marker);
}

/** Parses `Partition:P\tOffset:O\t<value><marker>` records; anything after the last marker is not one. */
export function parseConsoleOutput(stdout: string, marker: string): OutsideRecord[] {
  const chunks = stdout.split(marker);
  chunks.pop();
  const records = chunks.map((chunk) => {
    const header = /^Partition:(\d+)\tOffset:(\d+)\t/.exec(chunk);
    if (!header)
      throw new Error(`kafka-console-consumer printed an unexpected record: ${chunk.slice(0, 80)}`);
    return {
      partition: Number(header[1]),
      offset: Number(header[2]),
      value: Buffer.from(chunk.slice(header[0].length), 'latin1'),
    };
  });
  records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  return records;
}

/** A root as the outside reader found it, and where. */
export interface OutsideRoot {
  root: SealedRootRecord;
  rootsPartition: number;
  rootsOffset: number;
}

/**
 * The sealed log as a read_committed Java consumer sees it: each chain's roots
 * ("topic/partition"), in the order sealed-roots holds them.
 *
 * Each partition is read on its own (`--partition`, no consumer group): a group join can take
 * longer than the reader's idle timeout on a loaded machine, and the reader would then end with
 * nothing read and no error. A partition that has records but yields none is read again, then
 * refused, rather than taken as empty.
 */
export async function readSealedRootsOutside(
  brokers: string | string[],
  rootsTopic = 'sealed-roots',
  kafkaEnv?: Record<string, string>,
): Promise<Map<string, OutsideRoot[]>> {
  const chains = new Map<string, OutsideRoot[]>();
  const security = kafkaEnv ? { kafkaEnv } : {};
  for (const { partition, end } of await partitionEnds(brokers, rootsTopic, kafkaEnv)) {
    let records = await readWithConsoleConsumer({
      brokers,
      topic: rootsTopic,
      partition,
      ...security,
    });
    for (let attempt = 1; records.length === 0 && end > 0 && attempt < 3; attempt++) {
      records = await readWithConsoleConsumer({
        brokers,
        topic: rootsTopic,
        partition,
        idleTimeoutMs: 20_000,
        ...security,
      });
    }
    if (records.length === 0 && end > 0) {
      throw new Error(
        `kafka-console-consumer read nothing from ${rootsTopic}/${partition}, which ends at offset ${end}`,
      );
    }
    for (const record of records) {
      const root = decodeSealedRoot(record.value);
      const key = `${root.topic}/${root.partition}`;
      let chain = chains.get(key);
      if (!chain) chains.set(key, (chain = []));
      chain.push({ root, rootsPartition: record.partition, rootsOffset: record.offset });
    }
  }
  return chains;
}

/** The topic's partitions and where each ends (what to read is decided by the outside reader). */
async function partitionEnds(
  brokers: string | string[],
  topic: string,
  kafkaEnv?: Record<string, string>,
): Promise<{ partition: number; end: number }[]> {
  const kafka = new Kafka({
    ...kafkaConnectionFromEnv(
      clientEnv(Array.isArray(brokers) ? brokers.join(',') : brokers, kafkaEnv),
    ),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.map((o) => ({ partition: o.partition, end: Number(o.high) }));
  } finally {
    await admin.disconnect();
  }
}

/** What the outside reader concludes about one chain. */
export interface OutsideChainVerdict {
  /** Broken links, repeated or missing sequences, overlapping ranges: empty when intact. */
  problems: string[];
  batches: number;
  /** The newest root: its sequence and sealedRootHash (hex), as `vigil audit verify` reports. */
  head?: { batchSequence: number; rootHash: string };
  /** How many committed batches cover `offset`: exactly 1 for every acknowledged record. */
  coverage(offset: number): number;
}

/**
 * Judges a chain as a reader with only the committed roots would: sequences 0..n-1 once each,
 * each root's prevRootHash the hash of the one before, ranges rising without overlap.
 */
export function judgeChain(roots: readonly OutsideRoot[]): OutsideChainVerdict {
  const ordered = [...roots].sort((a, b) => a.root.batchSequence - b.root.batchSequence);
  const problems: string[] = [];
  let previous: SealedRootRecord | undefined;
  ordered.forEach(({ root, rootsPartition, rootsOffset }, index) => {
    const at = `batch ${root.batchSequence} (sealed-roots ${rootsPartition}:${rootsOffset})`;
    if (root.batchSequence !== index) {
      problems.push(`${at}: expected sequence ${index}`);
    }
    const expectedPrev = previous ? sealedRootHash(previous) : ZERO_HASH;
    if (!Buffer.from(root.prevRootHash).equals(Buffer.from(expectedPrev))) {
      problems.push(`${at}: prevRootHash is not the hash of the committed batch before it`);
    }
    if (previous && root.firstOffset <= previous.lastOffset) {
      problems.push(`${at}: offsets ${root.firstOffset}.. overlap the batch before it`);
    }
    previous = root;
  });
  const head = ordered.at(-1)?.root;
  return {
    problems,
    batches: ordered.length,
    ...(head && {
      head: {
        batchSequence: head.batchSequence,
        rootHash: Buffer.from(sealedRootHash(head)).toString('hex'),
      },
    }),
    coverage: (offset) =>
      ordered.filter(({ root }) => root.firstOffset <= offset && offset <= root.lastOffset).length,
  };
}
