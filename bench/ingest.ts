/**
 * Throughput and latency of ingest against the local broker, next to Kafka's own
 * ProducerPerformance on the same broker, record size and acks.
 *
 *   node bench/dist/ingest.js      (pnpm bench ingest)
 *
 * Starts the built service as a child process (its own event loop, as in production) on a
 * dedicated 6-partition topic, drives it over gRPC with ~300-byte events through PublishBatch
 * (batches of 100) and Publish (64 concurrent calls), runs ProducerPerformance, prints a table
 * and writes bench-results/ingest.json. Topics and Redis keys it made are deleted afterwards.
 *
 * The reference for PublishBatch is a plain kafkajs producer on the same broker, in this process,
 * doing the Kafka work ingest does without ingest: records of the size ingest stored, keyed by
 * user, acks=all, idempotent, as many producers as ingest has lanes (INGEST_PRODUCERS) with one
 * produce in flight each, every produce as large as the coalescer's mean under PublishBatch, and
 * compressed when ingest's settings would compress it. Its CPU per event is this process's. It
 * runs right after PublishBatch, while the service idles, so that the two sides of the ratio see
 * the same machine.
 *
 * The floor under both gRPC loads is a server with nothing of ingest but its Kafka publisher:
 * grpc-js and the same protobufjs codecs in front of ingest's coalescer and producers, with
 * ingest's settings (ingest-floor.ts). Each load runs on it right after ingest, so ingest's CPU
 * per event minus the floor's is what Vigil's own work (authentication, validation, enrichment,
 * dedup, metrics) costs, and the floor's rate over the plain producer bounds what an ingest
 * that decodes each event with protobufjs and stores it through kafkajs can reach.
 *
 * The same floor without Kafka (it answers each event at once) runs both loads too: what is left
 * is grpc-js and protobufjs, server and this process's client. Its Publish rate bounds what any
 * server on grpc-js can reach with single-event calls from this client on this machine.
 *
 * The Kubernetes audit webhook (POST /v1/k8s/audit) is driven too, with EventLists of 400 kept
 * exec items as kube-apiserver's batching backend sends them, 4 in flight (its default
 * --audit-webhook-batch-max-size and a few throttled senders), next to PublishBatch.
 *
 * Settings: BENCH_BATCH_EVENTS (default 200000), BENCH_SINGLE_EVENTS (50000),
 * BENCH_K8S_EVENTS (40000),
 * BENCH_KAFKA_RECORDS (500000), BENCH_BATCH_CONCURRENCY (8), plus any INGEST_* variable, which is
 * passed to the service (e.g. INGEST_PRODUCERS, INGEST_COMPRESSION).
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import Redis from 'ioredis';
import { CompressionTypes, Kafka, logLevel, type Message } from 'kafkajs';
import { IngestServiceDefinition, vigil } from '@vigil/proto';
import {
  hashToken,
  javaClientProperties,
  kafkaClientEnv,
  kafkaConnectionFromEnv,
  kafkaSecurityEnvOf,
  loadConfig,
} from '@vigil/runtime';

/** The checkout: this file runs from bench/dist/. */
const REPO = path.resolve(__dirname, '../..');
const MAIN = path.join(REPO, 'services/ingest/dist/main.js');
/** grpc-js and protobufjs in front of ingest's publisher, nothing else (see ingest-floor.ts). */
const FLOOR = path.join(__dirname, 'ingest-floor.js');
/** The same server answering at once without Kafka: grpc-js and protobufjs alone. */
const WITHOUT_KAFKA = ['--without-kafka'];
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RECORD_SIZE = 300;
const TOKEN = `bench-${randomUUID()}`;

const intEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer`);
  return value;
};
const BATCH_EVENTS = intEnv('BENCH_BATCH_EVENTS', 200_000);
const SINGLE_EVENTS = intEnv('BENCH_SINGLE_EVENTS', 50_000);
const KAFKA_RECORDS = intEnv('BENCH_KAFKA_RECORDS', 500_000);
const BATCH_CONCURRENCY = intEnv('BENCH_BATCH_CONCURRENCY', 8);
const K8S_EVENTS = intEnv('BENCH_K8S_EVENTS', 40_000);
const K8S_BATCH = 400;
const K8S_CONCURRENCY = 4;
const BATCH_SIZE = 100;
const PARTITIONS = 6;
const SINGLE_CONCURRENCY = 64;

interface Result {
  name: string;
  /** From the service's own metrics: events per Kafka produce and its mean latency. */
  meanFlushEvents?: number;
  meanProduceMs?: number;
  /** Mean bytes per record in the service's produce calls. */
  meanRecordBytes?: number;
  /** Dedup script calls to Redis (claims and receipts) per event. */
  dedupCallsPerEvent?: number;
  /** CPU time the service process used per event (user + system), in microseconds. */
  serviceCpuMicrosPerEvent?: number;
  /** This process (the gRPC or HTTP client) while the phase ran. */
  clientCpuMicrosPerEvent?: number;
  /**
   * Marks a reference: the plain kafkajs producer (for PublishBatch), or the floor server
   * (grpc-js and protobufjs in front of ingest's publisher, see ingest-floor.ts), or that server
   * without Kafka (transport: grpc-js and protobufjs alone).
   */
  reference?: 'kafkajs-producer' | 'floor' | 'transport';
  /** Produce calls of the reference: events per call, calls in flight, compression. */
  produceEvents?: number;
  inFlight?: number;
  compression?: string;
  eventsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  events: number;
  seconds: number;
}

const say = (text: string) => process.stderr.write(`[bench] ${text}\n`);

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const topic = `vigil-bench-ingest-${run}`;
  const kafkaTopic = `vigil-bench-kafka-${run}`;
  const plainTopic = `vigil-bench-kafkajs-${run}`;
  const floorTopic = `vigil-bench-floor-${run}`;
  const prefix = `vigil:bench:${run}`;
  const kafka = new Kafka({
    clientId: 'ingest-bench',
    ...kafkaConnectionFromEnv({ ...process.env, KAFKA_BROKERS: BROKERS }),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [topic, floorTopic, kafkaTopic, plainTopic].map((t) => ({
      topic: t,
      numPartitions: PARTITIONS,
    })),
    waitForLeaders: true,
  });
  const load = os.loadavg();
  say(
    `topics ${topic}, ${plainTopic}, ${floorTopic}, ${kafkaTopic} (${PARTITIONS} partitions); load average ${load.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const results: Result[] = [];
  let kafkaResult: Result | undefined;
  let service: Service | undefined;
  let floorService: Service | undefined;
  let transportService: Service | undefined;
  try {
    service = await startService(topic, prefix, MAIN);
    const ingest = target(service);
    const sample = makeEvent(0);
    say(
      `event size ${vigil.v1.AccessEvent.encode(sample).finish().length} bytes (encoded by the client)`,
    );
    await drive(ingest.client, 'warm-up', 5_000, 4, BATCH_SIZE);
    const batchResult = await phase(
      ingest,
      `PublishBatch (batch ${BATCH_SIZE}, ${BATCH_CONCURRENCY} concurrent)`,
      BATCH_EVENTS,
      BATCH_CONCURRENCY,
      BATCH_SIZE,
    );
    results.push(batchResult);
    // The references right after the phase they are compared with, not minutes later: the load
    // of this shared VM drifts within one run. The service is idle meanwhile (nothing in flight).
    results.push(
      await plainProducer(kafka, plainTopic, {
        total: BATCH_EVENTS,
        recordBytes: Math.round(batchResult.meanRecordBytes ?? RECORD_SIZE),
        produceEvents: Math.max(1, Math.round(batchResult.meanFlushEvents ?? 1)),
      }),
    );
    floorService = await startService(floorTopic, prefix, FLOOR);
    const floor = target(floorService);
    await drive(floor.client, 'floor warm-up', 5_000, 4, BATCH_SIZE);
    results.push({
      ...(await phase(
        floor,
        `floor ${batchResult.name}`,
        BATCH_EVENTS,
        BATCH_CONCURRENCY,
        BATCH_SIZE,
      )),
      reference: 'floor',
    });
    const singleName = `Publish (${SINGLE_CONCURRENCY} concurrent)`;
    results.push(await phase(ingest, singleName, SINGLE_EVENTS, SINGLE_CONCURRENCY, 1));
    results.push({
      ...(await phase(floor, `floor ${singleName}`, SINGLE_EVENTS, SINGLE_CONCURRENCY, 1)),
      reference: 'floor',
    });
    floor.client.close();
    await floorService.stop();
    floorService = undefined;
    // After the floor, so the Kafka-less server never shares the machine with a publisher.
    transportService = await startService(floorTopic, prefix, FLOOR, WITHOUT_KAFKA);
    const transport = target(transportService);
    await drive(transport.client, 'transport warm-up', 5_000, 4, BATCH_SIZE);
    for (const [name, total, concurrency, batch] of [
      [batchResult.name, BATCH_EVENTS, BATCH_CONCURRENCY, BATCH_SIZE],
      [singleName, SINGLE_EVENTS, SINGLE_CONCURRENCY, 1],
    ] as const) {
      const result = await phase(transport, `transport ${name}`, total, concurrency, batch);
      results.push({ ...result, reference: 'transport' });
    }
    transport.client.close();
    await transportService.stop();
    transportService = undefined;
    results.push(
      await phase(
        ingest,
        `Kubernetes audit webhook (EventLists of ${K8S_BATCH}, ${K8S_CONCURRENCY} concurrent)`,
        K8S_EVENTS,
        K8S_CONCURRENCY,
        K8S_BATCH,
        'k8s',
      ),
    );
    ingest.client.close();
    await service.stop();
    service = undefined;
    kafkaResult = await producerPerformance(kafkaTopic);
  } finally {
    await transportService?.stop();
    await floorService?.stop();
    await service?.stop();
    await admin
      .deleteTopics({ topics: [topic, floorTopic, kafkaTopic, plainTopic] })
      .catch(() => undefined);
    await admin.disconnect();
    await deleteKeys(prefix);
  }

  const rows = [...results, kafkaResult];
  const table = [
    ['path', 'events/s', 'p50 ms', 'p99 ms', 'vs Kafka'],
    ...rows.map((r) => [
      r.name,
      r.eventsPerSec.toFixed(0),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      (r.eventsPerSec / kafkaResult.eventsPerSec).toFixed(2),
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const row of table) {
    process.stdout.write(
      `${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}\n`,
    );
  }
  const out = path.join(REPO, 'bench-results', 'ingest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const settings = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k.startsWith('INGEST_')),
  );
  fs.writeFileSync(
    out,
    `${JSON.stringify(
      {
        benchmark: 'ingest',
        at: new Date().toISOString(),
        // Set by scripts/bench.cjs, so it only reports results of its own invocation.
        run: process.env.VIGIL_BENCH_RUN ?? null,
        machine: { cpus: os.cpus().length, loadAverageBefore: load, node: process.version },
        recordBytes: RECORD_SIZE,
        acks: 'all',
        settings,
        results: rows.map((r) => ({
          ...r,
          ratioToKafka: r.eventsPerSec / kafkaResult.eventsPerSec,
        })),
      },
      null,
      2,
    )}\n`,
  );
  say(`wrote ${path.relative(REPO, out)}`);
}

// ---- The phases --------------------------------------------------------------------------------

type Service = Awaited<ReturnType<typeof startService>>;

/** A started server (ingest or its floor) and a client of it. */
function target(service: Service) {
  const client = new IngestServiceClient(
    `127.0.0.1:${service.grpcPort}`,
    grpc.credentials.createInsecure(),
  );
  return { service, client };
}

/** One load on one server, with the server's CPU and produce calls while it ran. */
async function phase(
  { service, client }: ReturnType<typeof target>,
  name: string,
  total: number,
  concurrency: number,
  batch: number,
  via: 'grpc' | 'k8s' = 'grpc',
): Promise<Result> {
  const before = await flushStats(service.opsPort);
  const cpuBefore = cpuSeconds(service.pid);
  const clientCpuBefore = process.cpuUsage();
  const result =
    via === 'grpc'
      ? await drive(client, name, total, concurrency, batch)
      : await driveAuditWebhook(service.httpPort, name, total, concurrency, batch);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const after = await flushStats(service.opsPort);
  result.serviceCpuMicrosPerEvent = ((cpuSeconds(service.pid) - cpuBefore) / total) * 1e6;
  result.clientCpuMicrosPerEvent = (clientCpu.user + clientCpu.system) / total;
  const flushes = after.count - before.count;
  const cpu =
    `service CPU ${result.serviceCpuMicrosPerEvent.toFixed(0)} µs per event, ` +
    `client ${result.clientCpuMicrosPerEvent.toFixed(0)} µs`;
  if (flushes === 0) {
    say(`  no produce calls; ${cpu}`);
    return result;
  }
  result.meanFlushEvents = (after.events - before.events) / flushes;
  result.meanProduceMs = ((after.seconds - before.seconds) / flushes) * 1000;
  result.meanRecordBytes = (after.bytes - before.bytes) / (after.events - before.events);
  result.dedupCallsPerEvent = (after.dedupCalls - before.dedupCalls) / total;
  say(
    `  ${flushes} produce calls of ${result.meanFlushEvents.toFixed(1)} events, ` +
      `${result.meanProduceMs.toFixed(1)} ms each; ${cpu}; ` +
      `${result.dedupCallsPerEvent.toFixed(3)} Redis dedup calls per event`,
  );
  return result;
}

// ---- The ingest side --------------------------------------------------------------------------

/** IngestService with pre-encoded requests and unread responses: the bench measures the server. */
const passThrough = (bytes: Buffer) => bytes;
const IngestServiceClient = grpc.makeGenericClientConstructor(
  Object.fromEntries(
    Object.entries(IngestServiceDefinition).map(([name, method]) => [
      name,
      {
        ...method,
        requestSerialize: passThrough,
        requestDeserialize: passThrough,
        responseSerialize: passThrough,
        responseDeserialize: passThrough,
      },
    ]),
  ),
  'IngestService',
);
type Unary = (
  request: unknown,
  metadata: grpc.Metadata,
  callback: (err: grpc.ServiceError | null) => void,
) => void;

let sequence = 0;

/** A ~300-byte event, as a gateway would send it. */
function makeEvent(n: number): vigil.v1.AccessEvent {
  const now = Date.now();
  return vigil.v1.AccessEvent.create({
    eventId: `bench-${n}-${randomUUID().slice(0, 8)}`,
    occurredAt: { seconds: Math.floor(now / 1000), nanos: (now % 1000) * 1e6 },
    actor: {
      userId: `user-${n % 5000}`,
      sessionId: `sess-${(n * 7919) % 100_000}`,
      deviceId: 'laptop-7f3a9c',
      ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0',
      geo: { countryCode: 'DE', latitude: 52.52, longitude: 13.405, hasPosition: true },
    },
    action: 'db.query',
    resource: 'db/prod-payments/accounts',
    outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
    attributes: { statement: 'SELECT', rows: String(n % 100), region: 'eu-central-1' },
  });
}

async function drive(
  client: grpc.Client,
  name: string,
  total: number,
  concurrency: number,
  batch: number,
): Promise<Result> {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${TOKEN}`);
  const method = batch === 1 ? 'publish' : 'publishBatch';
  const send = (client as unknown as Record<typeof method, Unary>)[method].bind(client);
  // Requests are encoded before the clock starts, as ProducerPerformance prepares its payload:
  // the machine's cores should go to the service and Kafka, not to making test data.
  const requests: Buffer[] = [];
  for (let sent = 0; sent < total; sent += batch) {
    const events = Array.from({ length: Math.min(batch, total - sent) }, () =>
      makeEvent(sequence++),
    );
    const encoded =
      batch === 1
        ? vigil.v1.AccessEvent.encode(events[0] as vigil.v1.AccessEvent).finish()
        : vigil.v1.PublishBatchRequest.encode({ events }).finish();
    requests.push(Buffer.from(encoded));
  }
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const request = requests[next++] as Buffer;
        const t0 = process.hrtime.bigint();
        await new Promise<void>((resolve, reject) =>
          send(request, metadata, (err) => (err ? reject(err) : resolve())),
        );
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return summarize(name, total, started, latencies);
}

/**
 * Drives POST /v1/k8s/audit with EventLists of `batch` exec items (ResponseStarted, each a
 * distinct request), prepared before the clock starts. Every item must be accepted.
 */
async function driveAuditWebhook(
  httpPort: number,
  name: string,
  total: number,
  concurrency: number,
  batch: number,
): Promise<Result> {
  const bodies: string[] = [];
  for (let sent = 0; sent < total; sent += batch) {
    const items = Array.from({ length: Math.min(batch, total - sent) }, () =>
      auditExecItem(sequence++),
    );
    bodies.push(JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items }));
  }
  const url = `http://127.0.0.1:${httpPort}/v1/k8s/audit`;
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as string;
        const t0 = process.hrtime.bigint();
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body,
        });
        const answer = (await response.json()) as { accepted?: number };
        if (response.status !== 200 || answer.accepted !== JSON.parse(body).items.length) {
          throw new Error(`audit webhook answered ${response.status}: ${JSON.stringify(answer)}`);
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return summarize(name, total, started, latencies);
}

/** A `kubectl exec` as the audit webhook reports it, about 1 KB of JSON. */
function auditExecItem(n: number): Record<string, unknown> {
  const at = new Date().toISOString();
  return {
    level: 'Metadata',
    auditID: `${randomUUID()}`,
    stage: 'ResponseStarted',
    requestURI: `/api/v1/namespaces/prod/pods/web-${n % 50}/exec?command=%2Fbin%2Fsh&container=app&stdin=true&stdout=true&tty=true`,
    verb: 'get',
    user: { username: `user-${n % 1000}@example.com`, groups: ['sre', 'system:authenticated'] },
    sourceIPs: [`10.0.${(n >> 8) % 256}.${n % 256}`],
    userAgent: 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46',
    objectRef: {
      resource: 'pods',
      namespace: 'prod',
      name: `web-${n % 50}`,
      apiVersion: 'v1',
      subresource: 'exec',
    },
    responseStatus: { metadata: {}, code: 101 },
    requestReceivedTimestamp: at,
    stageTimestamp: at,
    annotations: {
      'authorization.k8s.io/decision': 'allow',
      'authorization.k8s.io/reason': 'RBAC: allowed by RoleBinding "sre/prod" of Role "sre"',
    },
  };
}

function summarize(name: string, total: number, started: bigint, latencies: number[]): Result {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const result = {
    name,
    eventsPerSec: total / seconds,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    events: total,
    seconds,
  };
  say(
    `${name}: ${total} events in ${seconds.toFixed(1)} s = ${result.eventsPerSec.toFixed(0)}/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`,
  );
  return result;
}

async function startService(topic: string, prefix: string, script: string, args: string[] = []) {
  const label = path.basename(script, '.js') === 'main' ? 'ingest' : path.basename(script, '.js');
  // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the service.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      KAFKA_BROKERS: BROKERS,
      // The bench's own Kafka settings (a secure local stack: the admin's).
      ...kafkaSecurityEnvOf(process.env),
      REDIS_URL,
      INGEST_API_TOKENS: `bench=sha256:${hashToken(TOKEN)}`,
      INGEST_K8S_AUDIT_CLUSTERS: 'bench=bench',
      INGEST_GRPC_PORT: '0',
      INGEST_HTTP_PORT: '0',
      OPS_PORT: '0',
      INGEST_REDIS_PREFIX: prefix,
      // Events are made before each phase starts, and a phase on a busy machine takes minutes.
      INGEST_CLOCK_SKEW_PAST_MS: '900000',
      LOG_LEVEL: 'info',
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INGEST_'))),
      INGEST_TOPIC: topic,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ports = await new Promise<{ grpcPort: number; httpPort: number; opsPort: number }>(
    (resolve, reject) => {
      void exited.then((code) => reject(new Error(`${label} exited with ${code} before starting`)));
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        try {
          const entry = JSON.parse(line) as {
            msg?: string;
            grpcPort: number;
            httpPort: number;
            opsPort: number;
            level?: string;
          };
          if (entry.msg === 'ingest started') resolve(entry);
          else if (entry.level === 'error' || entry.level === 'warn') say(`${label}: ${line}`);
        } catch {
          say(`${label}: ${line}`);
        }
      });
    },
  );
  return {
    ...ports,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) say(`${label} exited with ${code}`);
    },
  };
}

/** User + system CPU seconds of a process so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat(5), i.e. 12 and 13 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Totals of the service's flush histograms: produce calls, events in them, seconds spent. */
async function flushStats(opsPort: number) {
  const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
  /** A metric's value, summed over its label sets (most have one). */
  const value = (name: string) =>
    [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
  return {
    count: value('vigil_ingest_flush_events_count'),
    events: value('vigil_ingest_flush_events_sum'),
    seconds: value('vigil_ingest_produce_latency_seconds_sum'),
    bytes: value('vigil_ingest_flush_bytes_sum'),
    dedupCalls: value('vigil_ingest_dedup_call_keys_count'),
  };
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5_000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

// ---- The kafkajs reference ------------------------------------------------------------------

/** The value of one of ingest's settings as the service reads it (its own schema and default). */
function ingestSetting(name: string): unknown {
  // The build the bench starts, so the reference follows the service's defaults.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ingestEnv } = require(path.join(REPO, 'services/ingest/dist/config.js')) as {
    ingestEnv: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  };
  const raw = process.env[name];
  const parsed = ingestEnv[name]?.safeParse(raw === '' ? undefined : raw);
  if (!parsed?.success) throw new Error(`${name}: not a valid ingest setting (${raw})`);
  return parsed.data;
}

/**
 * A plain kafkajs producer doing ingest's Kafka work without ingest (see the header). Records are
 * made before the clock starts, as ProducerPerformance prepares its payload.
 */
async function plainProducer(
  kafka: Kafka,
  topic: string,
  {
    total,
    recordBytes,
    produceEvents,
  }: { total: number; recordBytes: number; produceEvents: number },
): Promise<Result> {
  const lanes = Number(ingestSetting('INGEST_PRODUCERS'));
  const gzip = ingestSetting('INGEST_COMPRESSION') === 'gzip';
  const compressFrom = Number(ingestSetting('INGEST_COMPRESSION_MIN_BYTES'));
  const compression =
    gzip && produceEvents * recordBytes >= compressFrom
      ? CompressionTypes.GZIP
      : CompressionTypes.None;
  // Each lane owns the partitions p with p % lanes === lane, as ingest's lanes do.
  const batches: Message[][][] = Array.from({ length: lanes }, () => []);
  const open: Message[][] = Array.from({ length: lanes }, () => []);
  for (let n = 0; n < total; n++) {
    const event = makeEvent(sequence++);
    const encoded = vigil.v1.AccessEvent.encode(event).finish();
    const value = Buffer.alloc(recordBytes);
    value.set(encoded.subarray(0, recordBytes));
    const partition = n % PARTITIONS;
    const lane = partition % lanes;
    const batch = open[lane] as Message[];
    batch.push({ key: event.actor?.userId ?? '', value, partition });
    if (batch.length === produceEvents) {
      batches[lane]?.push(batch);
      open[lane] = [];
    }
  }
  open.forEach((batch, lane) => batch.length > 0 && batches[lane]?.push(batch));
  const producers = Array.from({ length: lanes }, () =>
    kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
  );
  await Promise.all(producers.map((p) => p.connect()));
  const name = 'plain kafkajs producer';
  say(
    `${name}: ${total} records of ${recordBytes} B, produce calls of ${produceEvents}, ` +
      `${lanes} in flight, ${compression === CompressionTypes.GZIP ? 'gzip' : 'uncompressed'}, acks=all, idempotent`,
  );
  const latencies: number[] = [];
  try {
    // A warm-up send per producer (connections, producer ids), off the clock.
    await Promise.all(
      producers.map((p, lane) =>
        p.send({
          topic,
          acks: -1,
          messages: [{ key: 'warm-up', value: 'x', partition: lane % PARTITIONS }],
        }),
      ),
    );
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    await Promise.all(
      producers.map(async (producer, lane) => {
        for (const messages of batches[lane] ?? []) {
          const t0 = process.hrtime.bigint();
          await producer.send({ topic, acks: -1, compression, messages });
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const result = summarize(name, total, started, latencies);
    result.serviceCpuMicrosPerEvent = (cpu.user + cpu.system) / total;
    say(`  CPU of this process: ${result.serviceCpuMicrosPerEvent.toFixed(1)} µs per event`);
    return {
      ...result,
      reference: 'kafkajs-producer',
      meanRecordBytes: recordBytes,
      produceEvents,
      inFlight: lanes,
      compression: compression === CompressionTypes.GZIP ? 'gzip' : 'none',
    };
  } finally {
    await Promise.all(producers.map((p) => p.disconnect()));
  }
}

// ---- The Kafka side -----------------------------------------------------------------------------

async function producerPerformance(topic: string): Promise<Result> {
  // It may hold a password: a file of its own that only this user can read, deleted after.
  const clientConfig = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-')),
    'client.properties',
  );
  fs.writeFileSync(
    clientConfig,
    javaClientProperties(loadConfig(kafkaClientEnv, { ...process.env, KAFKA_BROKERS: BROKERS })),
    { mode: 0o600 },
  );
  const home = (
    await promisify(execFile)(path.join(REPO, 'deploy/local/kafka.sh'), ['home'])
  ).stdout.trim();
  const args = [
    '-Xmx512m',
    '-cp',
    `${home}/libs/*`,
    'org.apache.kafka.tools.ProducerPerformance',
    '--topic',
    topic,
    '--num-records',
    String(KAFKA_RECORDS),
    '--record-size',
    String(RECORD_SIZE),
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${BROKERS}`,
    'acks=all',
    // TLS/SASL as for the service: the same settings, as Java client properties.
    '--command-config',
    clientConfig,
  ];
  say(`ProducerPerformance: ${KAFKA_RECORDS} records of ${RECORD_SIZE} bytes, acks=all`);
  const { stdout } = await promisify(execFile)('java', args, {
    maxBuffer: 16 * 1024 * 1024,
  }).finally(() => fs.rmSync(path.dirname(clientConfig), { recursive: true, force: true }));
  // e.g. "500000 records sent, 181554.1 records/sec (51.94 MB/sec), 120.51 ms avg latency,
  //       411.00 ms max latency, 112 ms 50th, 250 ms 95th, 395 ms 99th, 409 ms 99.9th."
  const summary = stdout.trim().split('\n').pop() ?? '';
  const m =
    /(\d+) records sent, ([\d.]+) records\/sec .* ([\d.]+) ms 50th, ([\d.]+) ms 95th, ([\d.]+) ms 99th/.exec(
      summary,
    );
  if (!m) throw new Error(`cannot parse ProducerPerformance output: ${summary}`);
  const eventsPerSec = Number(m[2]);
  const result = {
    name: `Kafka ProducerPerformance (${RECORD_SIZE} B, acks=all)`,
    eventsPerSec,
    p50Ms: Number(m[3]),
    p99Ms: Number(m[5]),
    events: Number(m[1]),
    seconds: Number(m[1]) / eventsPerSec,
  };
  say(`ProducerPerformance: ${summary}`);
  return result;
}

main().catch((err: unknown) => {
  process.stderr.write(
    `ingest-bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
