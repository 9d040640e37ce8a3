/**
 * Sealer benchmark. Prints, and saves to bench-results/sealer.json:
 *   1. leafHash rate on 64-byte records vs `openssl speed -evp sha256 -bytes 64`, and vs Node's
 *      floor, crypto.hash of the same bytes in one call with a string result (same run);
 *   2. sealing throughput: events/s to seal a backlog with the default 1,000-event batches, vs a
 *      plain kafkajs consumer reading the same backlog from the same broker (same run): sealing
 *      has to read every record, so that read rate is its ceiling, and the ratio is what hashing,
 *      signing and the transactional root publication leave of it;
 *   3. seal latency p50/p99 (record timestamp -> root published) under a steady stream, 1 s batches,
 *      vs the batching floor: a record waits in its batch until the batch is cut, so with evenly
 *      arriving records and a window of W ms, p50 is at least W/2 and p99 at least 0.99 W. The
 *      ratio is how much sealing and publishing add to the wait the batch interval imposes.
 * With the backlog it reports the sealer's CPU per event (this process's, while only the sealer
 * runs) next to the plain consumer's. BENCH_SEALER_CPU_PROF_DIR=<dir> writes a CPU profile of the
 * backlog sealing alone (node:inspector, as --cpu-prof would) to <dir>/sealer-backlog-<time>.cpuprofile.
 * Needs the local broker (./dev up). Uses its own topics and deletes them afterwards.
 * Settings: BENCH_SEALER_BACKLOG (200000), BENCH_SEALER_STREAM_RATE (5000 events/s),
 * BENCH_SEALER_STREAM_SECONDS (15).
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, hash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Registry } from 'prom-client';
import { decodeSealedRoot, keyIdFor, leafHash, Keyring } from '@vigil/audit';
import { createLogger, kafkaConnectionFromEnv, readTopicToEnd } from '@vigil/runtime';
import { Sealer, createSealerMetrics, kafkaSealerPorts, loadSealerConfig } from '@vigil/sealer';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const BACKLOG = Number(process.env.BENCH_SEALER_BACKLOG ?? 200_000);
const STREAM_RATE = Number(process.env.BENCH_SEALER_STREAM_RATE ?? 5_000);
const STREAM_SECONDS = Number(process.env.BENCH_SEALER_STREAM_SECONDS ?? 15);
const RECORD_BYTES = 300;
const PARTITIONS = 6;
const MAX_BATCH_EVENTS = 1_000;
const STREAM_BATCH_MS = 1_000;

interface Row {
  metric: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number; unit: string };
  ratio?: number;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  rows.push(...hashingRates());

  const kafka = new Kafka({
    clientId: 'vigil-sealer-bench',
    ...kafkaConnectionFromEnv({ ...process.env, KAFKA_BROKERS: BROKERS.join(',') }),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const run = `bench-sealer-${Date.now()}`;
  try {
    rows.push(...(await backlogThroughput(kafka, admin, `${run}-backlog`)));
    rows.push(...(await steadyLatency(kafka, admin, `${run}-stream`)));
  } finally {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(run));
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
  print(rows);
  // The checkout's bench-results/: this file runs from bench/dist/.
  const out = path.resolve(__dirname, '../../bench-results/sealer.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        bench: 'sealer',
        at: new Date().toISOString(),
        // Set by scripts/bench.cjs, so it only reports results of its own invocation.
        run: process.env.VIGIL_BENCH_RUN ?? null,
        rows,
      },
      null,
      2,
    ),
  );
  process.stdout.write(`saved ${path.relative(process.cwd(), out)}\n`);
}

/**
 * leafHash next to openssl and to Node's own floor: crypto.hash on the same 65 prefixed bytes,
 * one native call per hash returning a string (a Buffer result costs more to make than the
 * hash), and nothing else: what no hash computed from JavaScript can beat.
 * Each is timed three times, interleaved, and its best run kept, so a burst of other load
 * does not land on one side only.
 */
function hashingRates(): Row[] {
  const data = randomBytes(64);
  // Its own allocation, as leafHash's scratch is (a pooled Buffer is a view into a shared one).
  const prefixed = Buffer.allocUnsafeSlow(1 + data.length);
  prefixed[0] = 0x00;
  prefixed.set(data, 1);
  const n = 1_000_000;
  const rate = (hash: () => unknown): number => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) hash();
    return n / (Number(process.hrtime.bigint() - started) / 1e9);
  };
  const ours = () => leafHash(data);
  const floor = () => hash('sha256', prefixed, 'binary');
  for (let i = 0; i < 50_000; i++) {
    ours();
    floor();
  }
  let best = { ours: 0, floor: 0 };
  for (let round = 0; round < 3; round++) {
    best = { ours: Math.max(best.ours, rate(ours)), floor: Math.max(best.floor, rate(floor)) };
  }
  const text = execFileSync(
    'openssl',
    ['speed', '-evp', 'sha256', '-bytes', '64', '-seconds', '2'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const match = /^sha256\s+([\d.]+)k/m.exec(text);
  if (!match) throw new Error(`cannot parse openssl speed output:\n${text}`);
  const opensslHashes = (Number(match[1]) * 1000) / 64;
  const openssl = {
    name: 'openssl speed -evp sha256 -bytes 64',
    value: opensslHashes,
    unit: 'hashes/s',
  };
  return [
    {
      metric: 'leafHash, 64-byte records',
      value: best.ours,
      unit: 'hashes/s',
      reference: openssl,
      ratio: best.ours / opensslHashes,
    },
    {
      metric: "Node's floor: crypto.hash of the same 65 prefixed bytes, string result",
      value: best.floor,
      unit: 'hashes/s',
      reference: openssl,
      ratio: best.floor / opensslHashes,
    },
    {
      metric: "leafHash vs Node's floor (crypto.hash, same bytes)",
      value: best.ours,
      unit: 'hashes/s',
      reference: {
        name: 'crypto.hash one-shot, string result, same run',
        value: best.floor,
        unit: 'hashes/s',
      },
      ratio: best.ours / best.floor,
    },
  ];
}

function startSealer(kafka: Kafka, topic: string, overrides: Record<string, string>) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const config = loadSealerConfig({
    SEALER_TOPICS: topic,
    SEALER_ROOTS_TOPIC: `${topic}-roots`,
    SEALER_GROUP_ID: `${topic}-sealer`,
    SEALER_TRANSACTIONAL_ID_PREFIX: `${topic}-sealer`,
    SEALER_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ...overrides,
  });
  const logger = createLogger({ service: 'sealer-bench', level: 'warn' });
  const registry = new Registry();
  const metrics = createSealerMetrics(registry);
  const key = {
    privateKey,
    keyId: keyIdFor(publicKey),
    trusted: Keyring.fromPublicKeys([publicKey]),
  };
  const sealer = new Sealer({
    kafka: kafkaSealerPorts({ kafka, config, logger, keyring: key.trusted }),
    config,
    key,
    logger,
    metrics,
  });
  const sealed = async () =>
    (await metrics.eventsSealed.get()).values.reduce((n, v) => n + v.value, 0);
  return { sealer, sealed };
}

async function createTopics(admin: ReturnType<Kafka['admin']>, topic: string): Promise<void> {
  await admin.createTopics({
    topics: [
      { topic, numPartitions: PARTITIONS },
      { topic: `${topic}-roots`, numPartitions: 1 },
    ],
    waitForLeaders: true,
  });
}

function payload(i: number): Buffer {
  const body = Buffer.alloc(RECORD_BYTES, 0x61);
  body.write(`event-${i}`);
  return body;
}

async function backlogThroughput(
  kafka: Kafka,
  admin: ReturnType<Kafka['admin']>,
  topic: string,
): Promise<Row[]> {
  await createTopics(admin, topic);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let sent = 0; sent < BACKLOG; sent += 5_000) {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: Math.min(5_000, BACKLOG - sent) }, (_, j) => ({
        key: `user-${(sent + j) % 997}`,
        value: payload(sent + j),
      })),
    });
  }
  await producer.disconnect();

  // The reference first: a fresh consumer group reading the whole backlog, timed like the sealer
  // below (group join included, until the last record is in hand).
  let read = 0;
  let readDone = 0;
  let readCpu: NodeJS.CpuUsage | undefined;
  const readCpuBefore = process.cpuUsage();
  const readStarted = Date.now();
  await readTopicToEnd({
    kafka,
    admin,
    topic,
    timeoutMs: 600_000,
    onBatch: (batch) => {
      read += batch.messages.length;
      if (read >= BACKLOG && readDone === 0) {
        readDone = Date.now();
        readCpu = process.cpuUsage(readCpuBefore);
      }
    },
  });
  if (read < BACKLOG) throw new Error(`read ${read} of ${BACKLOG} backlog records`);
  const readRate = BACKLOG / ((readDone - readStarted) / 1000);

  const { sealer, sealed } = startSealer(kafka, topic, {
    SEALER_MAX_BATCH_EVENTS: String(MAX_BATCH_EVENTS),
  });
  const profile = await startProfile();
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  await sealer.start();
  while ((await sealed()) < BACKLOG) await sleep(50);
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await profile?.stop();
  await sealer.stop();
  const value = BACKLOG / seconds;
  const micros = (usage: NodeJS.CpuUsage | undefined) =>
    usage ? (usage.user + usage.system) / BACKLOG : NaN;
  const cpuRow: Row = {
    metric: 'sealer CPU per event, backlog',
    value: micros(cpu),
    unit: 'µs/event',
    reference: {
      name: 'plain kafkajs consumer CPU per event, same backlog',
      value: micros(readCpu),
      unit: 'µs/event',
    },
    ratio: micros(cpu) / micros(readCpu),
  };
  const rateRow: Row = {
    metric: `sealing a ${BACKLOG}-event backlog (${PARTITIONS} partitions, batches of ${MAX_BATCH_EVENTS})`,
    value,
    unit: 'events/s',
    reference: {
      name: 'plain kafkajs consumer reading the same backlog, same broker',
      value: readRate,
      unit: 'events/s',
    },
    ratio: value / readRate,
  };
  return [rateRow, cpuRow];
}

/**
 * When BENCH_SEALER_CPU_PROF_DIR is set, a CPU profile of this process from now until stop():
 * the sealer runs in this process, so --cpu-prof would mix in the hashing loop and the consumer.
 */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const dir = process.env.BENCH_SEALER_CPU_PROF_DIR;
  if (!dir) return undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `sealer-backlog-${Date.now()}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      process.stderr.write(`[bench] wrote ${file}\n`);
    },
  };
}

async function steadyLatency(
  kafka: Kafka,
  admin: ReturnType<Kafka['admin']>,
  topic: string,
): Promise<Row[]> {
  await createTopics(admin, topic);
  const { sealer, sealed } = startSealer(kafka, topic, {
    SEALER_MAX_BATCH_MS: String(STREAM_BATCH_MS),
    SEALER_MAX_BATCH_EVENTS: String(MAX_BATCH_EVENTS),
  });
  await sealer.start();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  // A steady stream in 50 ms ticks at STREAM_RATE events/s.
  const perTick = Math.max(1, Math.round(STREAM_RATE / 20));
  const ticks = STREAM_SECONDS * 20;
  let sent = 0;
  const began = Date.now();
  for (let t = 0; t < ticks; t++) {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: perTick }, (_, j) => ({
        key: `user-${(sent + j) % 997}`,
        value: payload(sent + j),
      })),
    });
    sent += perTick;
    const due = began + (t + 1) * 50;
    if (due > Date.now()) await sleep(due - Date.now());
  }
  const achievedRate = sent / ((Date.now() - began) / 1000);
  await producer.disconnect();
  while ((await sealed()) < sent) await sleep(50);
  await sealer.stop();

  // Exact latencies: each record's timestamp against the publication time of its root.
  const published = new Map<number, { first: number; last: number; at: number }[]>();
  await readTopicToEnd({
    kafka,
    admin,
    topic: `${topic}-roots`,
    onBatch: (batch) => {
      for (const m of batch.messages) {
        const root = decodeSealedRoot(m.value ?? Buffer.alloc(0));
        const list = published.get(root.partition) ?? [];
        list.push({ first: root.firstOffset, last: root.lastOffset, at: Number(m.timestamp) });
        published.set(root.partition, list);
      }
    },
  });
  const latencies: number[] = [];
  await readTopicToEnd({
    kafka,
    admin,
    topic,
    onBatch: (batch) => {
      const roots = published.get(batch.partition) ?? [];
      for (const m of batch.messages) {
        const offset = Number(m.offset);
        const root = roots.find((r) => r.first <= offset && offset <= r.last);
        if (root) latencies.push(root.at - Number(m.timestamp));
      }
    },
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  if (latencies.length < sent) {
    throw new Error(`only ${latencies.length} of ${sent} streamed records found under a root`);
  }
  // A batch is cut when its window closes or when it is full, whichever comes first; at this
  // rate a partition fills MAX_BATCH_EVENTS in `fill` ms (keys spread evenly over partitions).
  const fill = (MAX_BATCH_EVENTS / (achievedRate / PARTITIONS)) * 1000;
  const window = Math.min(STREAM_BATCH_MS, fill);
  const cut = fill < STREAM_BATCH_MS ? `full at ${MAX_BATCH_EVENTS} events` : 'window closes';
  const label = `at ${Math.round(achievedRate)} events/s, ${STREAM_BATCH_MS} ms batches`;
  const floor = (p: number): Row => {
    const value = pct(p);
    const reference = (p / 100) * window;
    return {
      metric: `seal latency p${p} ${label}`,
      value,
      unit: 'ms',
      reference: {
        name: `batching floor: p${p} of an even wait for the ${Math.round(window)} ms cut (${cut})`,
        value: reference,
        unit: 'ms',
      },
      ratio: value / reference,
    };
  };
  return [floor(50), floor(99)];
}

function print(rows: Row[]): void {
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
  const lines = rows.map((r) => [
    r.metric,
    `${fmt(r.value)} ${r.unit}`,
    r.reference ? `${fmt(r.reference.value)} ${r.reference.unit} (${r.reference.name})` : '',
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
  ]);
  const header = ['sealer benchmark', 'figure', 'reference (same run)', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`${row(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const l of lines) process.stdout.write(`${row(l)}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((err: unknown) => {
  process.stderr.write(
    `sealer-bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
