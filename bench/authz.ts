/**
 * Benchmark of the risk service: `pnpm --filter @vigil/risk bench` (after a build).
 *
 * 1. Authorize against the real service (a separate `node dist/main.js` process on real Kafka and
 *    Redis, with seeded user state) and against a no-op grpc-js server implementing the same
 *    AuthorizationServiceDefinition (also a separate process), measured the same way:
 *    - closed loop: a fixed number of calls in flight over a few channels -> max rps, latency;
 *    - open loop: a fixed arrival rate (default 5,000/s), latency measured from each call's
 *      scheduled start, so a stalled server cannot hide queueing (no coordinated omission).
 *    Between the two, a floor server (authz-floor.ts, its own process) does only what every
 *    Authorize owes, with risk's own modules and settings: one snapshot read from Redis and one
 *    decision handed to the decision log (Kafka). Risk over the floor is risk's own work; the
 *    floor over the no-op server is that I/O.
 *    Each load runs on every server back to back (no-op, floor, Authorize, Check), after all of
 *    them have gone quiet, so that the two sides of a ratio are measured seconds apart.
 *    The same load through Envoy's ext_authz Check (envoy.service.auth.v3.Authorization, the
 *    request built as Envoy's filter builds it, mapped by the dev mapping file), next to
 *    Authorize on the same process.
 * 2. Risk update lag under a sustained event stream: from Kafka acknowledging an event to its
 *    effect being visible in Redis (what Authorize and GetRiskProfile read).
 * 3. The Redis round trip, the reference for the update lag: `redis-benchmark -n N -c 1 -P 1
 *    -t ping --csv` (one connection, unpipelined), and the same N PINGs through ioredis.
 *
 * Results go to bench-results/risk.json. Settings (environment): BENCH_DURATION_S (10),
 * BENCH_CONCURRENCY (64), BENCH_CHANNELS (4), BENCH_RATE (5000), BENCH_EVENT_RATE (2000),
 * BENCH_USERS (2000), BENCH_REDIS_REQUESTS (20000), plus KAFKA_BROKERS and REDIS_URL.
 * To profile the risk service: BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (given to its
 * node and the floor's), with BENCH_RISK_APIS=authorize to leave out the Check phases.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as readline from 'node:readline';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import {
  AuthorizationServiceDefinition,
  envoyAuthProtos,
  timestampFromMillis,
  vigil,
  type envoyAuth,
} from '@vigil/proto';
import { hashToken, kafkaConnectionFromEnv } from '@vigil/runtime';
import Redis from 'ioredis';
import { Kafka, logLevel, type Producer } from 'kafkajs';

const env = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number`);
  return value;
};

const DURATION_S = env('BENCH_DURATION_S', 10);
const CONCURRENCY = env('BENCH_CONCURRENCY', 64);
const CHANNELS = env('BENCH_CHANNELS', 4);
const RATE = env('BENCH_RATE', 5_000);
const EVENT_RATE = env('BENCH_EVENT_RATE', 2_000);
const USERS = env('BENCH_USERS', 2_000);
const REDIS_REQUESTS = Math.round(env('BENCH_REDIS_REQUESTS', 20_000));
/** The APIs driven on the risk service: authorize, check or both (the default). */
const APIS = (process.env.BENCH_RISK_APIS ?? 'authorize,check').split(',').filter(Boolean);
if (!APIS.includes('authorize') || APIS.some((a) => a !== 'authorize' && a !== 'check')) {
  throw new Error('BENCH_RISK_APIS: a list of authorize and check, authorize included');
}
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = `bench-${randomUUID()}`;
/** The checkout: this file runs from bench/dist/. */
const ROOT = path.resolve(__dirname, '../..');
const out = (line: string) => process.stdout.write(`${line}\n`);

interface LatencyStats {
  calls: number;
  errors: number;
  /** Calls answered with the Redis-unavailable fallback. */
  degraded?: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

function stats(latencies: number[], errors: number, seconds: number): LatencyStats {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    calls: latencies.length,
    errors,
    rps: Math.round(latencies.length / seconds),
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

// ---- Authorize load ------------------------------------------------------------------------

/** CPU seconds (user + system) a process has used so far; undefined off Linux. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Runs a load phase and adds the server's CPU time per call (µs) to its stats. */
type PhaseStats = LatencyStats & {
  serverCpuUsPerCall?: number;
  /** Time inside the risk service (see serverHistogram), bucket bounds for this phase. */
  inService?: { p50AtMostMs: number | string; p99AtMostMs: number | string };
};

/**
 * Runs a load phase and adds the server's CPU time per call (µs) and, for the risk service, the
 * phase's in-service latency from its own histogram.
 */
async function measured(service: Service, phase: () => Promise<LatencyStats>): Promise<PhaseStats> {
  const pid = service.child.pid;
  const histogramBefore = service.opsPort ? await serverHistogram(service.opsPort) : undefined;
  const before = cpuSeconds(pid);
  degraded = 0;
  const result: PhaseStats = { ...(await phase()), degraded };
  const after = cpuSeconds(pid);
  if (before !== undefined && after !== undefined && result.calls > 0) {
    result.serverCpuUsPerCall = Math.round(((after - before) / result.calls) * 1e6);
  }
  if (histogramBefore) {
    const histogramAfter = await serverHistogram(service.opsPort);
    const phaseBuckets = histogramAfter.map(([le, count], i): [number, number] => [
      le,
      count - (histogramBefore[i]?.[1] ?? 0),
    ]);
    result.inService = percentileBounds(phaseBuckets);
  }
  return result;
}

/**
 * Waits until no service is still busy with the previous phase (the risk service flushing
 * decisions or collecting garbage after an overload), so that it cannot slow down the next
 * phase's target: under 5% of a core over half a second, for at most 10 s.
 */
async function settled(services: readonly Service[]): Promise<void> {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const before = services.map((s) => cpuSeconds(s.child.pid) ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const busiest = Math.max(
      0,
      ...services.map((s, i) => (cpuSeconds(s.child.pid) ?? 0) - (before[i] ?? 0)),
    );
    if (busiest / 0.5 < 0.05 || performance.now() > deadline) return;
  }
}

type Request = vigil.v1.IAuthorizeRequest;

/** Plain grpc-js clients on separate connections, as a platform service would hold them. */
function channels(port: number): grpc.Client[] {
  return Array.from(
    { length: CHANNELS },
    () =>
      new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
        'grpc.use_local_subchannel_pool': 1,
      }),
  );
}

/** Answers given from the policy fallback (Redis too slow): counted, they are not real decisions. */
let degraded = 0;

type Api = 'authorize' | 'check';

/** One call of `api`, with the i-th request of the bench's request set. */
function call(api: Api, client: grpc.Client, i: number, metadata: grpc.Metadata): Promise<void> {
  return api === 'check'
    ? callCheck(client, checkRequests[i % checkRequests.length] as envoyAuth.CheckRequest, metadata)
    : callAuthorize(client, authorizeRequests[i % authorizeRequests.length] as Request, metadata);
}

function callCheck(client: grpc.Client, request: envoyAuth.CheckRequest, metadata: grpc.Metadata) {
  const method = envoyAuthProtos().AuthorizationServiceDefinition.check as grpc.MethodDefinition<
    envoyAuth.CheckRequest,
    envoyAuth.CheckResponse
  >;
  return new Promise<void>((resolve, reject) => {
    client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      request,
      metadata.clone(),
      { deadline: Date.now() + 5_000 },
      (err, response) => {
        if (err) return reject(err);
        // Denials are answers; only the fallback for an unreadable risk state is marked apart.
        const reasons = response?.dynamicMetadata?.fields?.reasons?.stringValue ?? '';
        if (reasons.includes('RISK_STATE_UNAVAILABLE')) degraded += 1;
        resolve();
      },
    );
  });
}

function callAuthorize(client: grpc.Client, request: Request, metadata: grpc.Metadata) {
  const method = AuthorizationServiceDefinition.authorize;
  return new Promise<void>((resolve, reject) => {
    client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      request,
      metadata.clone(),
      { deadline: Date.now() + 5_000 },
      (err, response) => {
        if (err) return reject(err);
        if (response?.reasons?.includes('RISK_STATE_UNAVAILABLE')) degraded += 1;
        resolve();
      },
    );
  });
}

/**
 * The Authorize requests as Envoy would send them to Check: the same users, devices and IPs; the
 * payments resource as a /payments/ path (the dev mapping's route), the rest through the default.
 */
function toCheckRequests(requests: readonly Request[]): envoyAuth.CheckRequest[] {
  return requests.map((r, i) => {
    const path = r.resource === 'db/prod-payments' ? `/payments/${i}` : `/orders/${i}`;
    return {
      attributes: {
        source: { address: { socketAddress: { address: r.context?.ip ?? '', portValue: 51234 } } },
        destination: { address: { socketAddress: { address: '10.0.0.2', portValue: 8080 } } },
        request: {
          http: {
            id: `req-${i}`,
            method: 'GET',
            host: 'shop.example.com',
            path,
            scheme: 'https',
            protocol: 'HTTP/1.1',
            headers: {
              ':path': path,
              'x-user-id': r.userId ?? '',
              'x-device-id': r.context?.deviceId ?? '',
              'x-session-id': r.context?.sessionId ?? '',
              'user-agent': 'bench/1.0',
            },
          },
        },
      },
    } as envoyAuth.CheckRequest;
  });
}

function requests(): Request[] {
  const resources = ['db/prod-orders', 'db/prod-payments', 'docs/handbook', 'app/portal'];
  return Array.from({ length: 4_096 }, (_, i) => {
    const u = (i * 7919) % USERS;
    return {
      userId: `bench-user-${u}`,
      action: 'read',
      resource: resources[i % resources.length] as string,
      // Mostly the user's known IP and device; every 16th request from somewhere new.
      context: {
        ip: i % 16 === 0 ? '192.0.2.1' : `10.${u % 250}.0.1`,
        deviceId: `device-${u}`,
        sessionId: `s-${i}`,
      },
    };
  });
}

const authorizeRequests = requests();
const checkRequests = toCheckRequests(authorizeRequests);

async function closedLoop(
  port: number,
  seconds: number,
  api: Api = 'authorize',
): Promise<LatencyStats> {
  const clients = channels(port);
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${TOKEN}`);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async (w: number) => {
    const client = clients[w % clients.length] as grpc.Client;
    while (performance.now() < deadline) {
      const i = next++;
      const started = performance.now();
      try {
        await call(api, client, i, metadata);
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  const result = stats(latencies, errors, (performance.now() - started) / 1000);
  for (const client of clients) client.close();
  return result;
}

async function openLoop(
  port: number,
  seconds: number,
  rate: number,
  api: Api = 'authorize',
): Promise<LatencyStats> {
  const clients = channels(port);
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${TOKEN}`);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Array<Promise<void>> = [];
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      for (; sent < due; sent++) {
        const scheduled = start + (sent / rate) * 1000;
        const client = clients[sent % clients.length] as grpc.Client;
        pending.push(
          call(api, client, sent, metadata).then(
            () => void latencies.push(performance.now() - scheduled),
            () => void (errors += 1),
          ),
        );
      }
      if (sent < total) setImmediate(tick);
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  const result = stats(latencies, errors, (performance.now() - start) / 1000);
  for (const client of clients) client.close();
  return result;
}

// ---- Processes -------------------------------------------------------------------------------

interface Service {
  child: ChildProcess;
  grpcPort: number;
  /** Set for the risk service (its /metrics). */
  opsPort: number;
  stop(): Promise<void>;
}

/** What each server says once it serves (risk then knows both its gRPC and ops ports). */
const READY = ['risk service started', 'noop listening', 'floor listening'];

/** Starts a process and waits until it says it is serving (READY). */
function startProcess(args: string[], extraEnv: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    let grpcPort = 0;
    let opsPort = 0;
    const input = child.stdout as NodeJS.ReadableStream;
    readline.createInterface({ input }).on('line', (line) => {
      let entry: { msg?: string; port?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.msg === 'gRPC listening' && entry.port) grpcPort = entry.port;
      if (entry.msg === 'ops endpoints listening' && entry.port) opsPort = entry.port;
      if (READY.includes(entry.msg ?? '')) {
        clearTimeout(timer);
        resolve({
          child,
          grpcPort,
          opsPort,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

/** `--noop-server`: the same service definition, answering ALLOW at once. */
async function runNoopServer(): Promise<void> {
  const server = new grpc.Server();
  const response: vigil.v1.IAuthorizeResponse = {
    decision: vigil.v1.Decision.DECISION_ALLOW,
    riskScore: 0,
    reasons: [],
    decisionId: '01JD0000000000000000000000',
    policyVersion: 'noop',
  };
  server.addService(AuthorizationServiceDefinition as unknown as grpc.ServiceDefinition, {
    authorize: (_call: unknown, callback: grpc.sendUnaryData<vigil.v1.IAuthorizeResponse>) =>
      callback(null, response),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  out(JSON.stringify({ msg: 'gRPC listening', port }));
  out(JSON.stringify({ msg: 'noop listening' }));
  process.once('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
}

/**
 * Authorize's time inside the service (request decoded to response ready: the Redis read
 * included, gRPC transport excluded), from the service's own cumulative histogram.
 */
async function serverHistogram(opsPort: number): Promise<Array<[number, number]>> {
  const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
  const buckets: Array<[number, number]> = [];
  for (const line of text.split('\n')) {
    const m = /^vigil_risk_authorize_duration_seconds_bucket\{le="([^"]+)".*\} (\d+)/.exec(line);
    if (m) buckets.push([m[1] === '+Inf' ? Infinity : Number(m[1]) * 1000, Number(m[2])]);
  }
  return buckets;
}

/** The upper bounds of the buckets holding p50 and p99. */
function percentileBounds(buckets: Array<[number, number]>): {
  p50AtMostMs: number | string;
  p99AtMostMs: number | string;
} {
  const total = buckets[buckets.length - 1]?.[1] ?? 0;
  const bound = (q: number) => {
    const le = buckets.find(([, count]) => count >= q * total)?.[0] ?? Infinity;
    return le === Infinity ? 'above 250' : le;
  };
  return { p50AtMostMs: bound(0.5), p99AtMostMs: bound(0.99) };
}

// ---- State seeding and update lag ------------------------------------------------------------

function event(userId: string, at: number, u: number): Buffer {
  const message = vigil.v1.AccessEvent.create({
    eventId: randomUUID(),
    occurredAt: timestampFromMillis(at),
    actor: { userId, ip: `10.${u % 250}.0.1`, deviceId: `device-${u}` },
    action: 'auth.login',
    resource: 'app/portal',
    outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
    source: 'bench',
  });
  return Buffer.from(vigil.v1.AccessEvent.encode(message).finish());
}

async function seed(producer: Producer, topic: string): Promise<void> {
  const now = Date.now();
  for (let start = 0; start < USERS; start += 500) {
    const messages = [];
    for (let u = start; u < Math.min(USERS, start + 500); u++) {
      for (let i = 0; i < 3; i++) {
        messages.push({
          key: `bench-user-${u}`,
          value: event(`bench-user-${u}`, now - 60_000 + i, u),
        });
      }
    }
    await producer.send({ topic, acks: -1, messages });
  }
}

async function updateLag(
  producer: Producer,
  redis: Redis,
  topic: string,
  prefix: string,
  seconds: number,
): Promise<LatencyStats & { eventsPerSecond: number }> {
  const lags: number[] = [];
  let streamed = 0;
  let stop = false;
  const started = performance.now();
  // Background load: EVENT_RATE events/s over the seeded users, in 20 ms batches.
  const background = (async () => {
    let n = 0;
    while (!stop) {
      const due = Math.floor(((performance.now() - started) / 1000) * EVENT_RATE);
      if (due > n) {
        const messages = [];
        for (; n < due; n++) {
          const u = n % USERS;
          messages.push({ key: `bench-user-${u}`, value: event(`bench-user-${u}`, Date.now(), u) });
        }
        await producer.send({ topic, acks: -1, messages });
        streamed += messages.length;
      } else {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  })();
  // Probes: a fresh user per probe; visible when its applied-events counter appears.
  const probes: Array<Promise<void>> = [];
  const probe = async (i: number) => {
    const userId = `bench-probe-${i}`;
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: userId, value: event(userId, Date.now(), i) }],
    });
    const acked = performance.now();
    for (;;) {
      if ((await redis.hget(`${prefix}:{${userId}}:s`, 'n')) !== null) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    lags.push(performance.now() - acked);
  };
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    probes.push(probe(i));
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(probes);
  stop = true;
  await background;
  const elapsed = (performance.now() - started) / 1000;
  return { ...stats(lags, 0, elapsed), eventsPerSecond: Math.round(streamed / elapsed) };
}

// ---- Redis reference -------------------------------------------------------------------------

/** One redis-benchmark test line of `--csv` (Redis 7: latencies in ms). */
interface RedisBenchmarkStats {
  test: string;
  requests: number;
  rps: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The Redis round trip, measured twice back to back with the same number of requests: by
 * `redis-benchmark -c 1 -P 1 -t ping --csv` (one connection, no pipelining: one request, one
 * reply, as the service's reads are), which is the reference, and by an ioredis PING loop (the
 * client the services use). When redis-benchmark cannot run, `redisBenchmark.error` says why.
 */
async function redisReference(redis: Redis): Promise<{
  command: string;
  redisBenchmark: RedisBenchmarkStats | { error: string };
  ioredisPing: LatencyStats;
}> {
  const url = new URL(REDIS_URL);
  const args = ['-h', url.hostname, '-p', url.port || '6379'];
  if (url.password) args.push('-a', decodeURIComponent(url.password));
  if (url.username) args.push('--user', decodeURIComponent(url.username));
  if (url.pathname.length > 1) args.push('--dbnum', url.pathname.slice(1));
  const shown = ['-n', String(REDIS_REQUESTS), '-c', '1', '-P', '1', '-t', 'ping', '--csv'];
  const command = `redis-benchmark ${shown.join(' ')}`;
  let redisBenchmark: RedisBenchmarkStats | { error: string };
  try {
    const { stdout } = await promisify(execFile)('redis-benchmark', [...args, ...shown]);
    redisBenchmark = parseRedisBenchmarkCsv(stdout, 'PING_MBULK', REDIS_REQUESTS);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    redisBenchmark = {
      error: e.code === 'ENOENT' ? 'redis-benchmark not found on PATH' : e.message.trim(),
    };
    out(`[bench] WARNING: no Redis reference: ${redisBenchmark.error}`);
  }
  const rtts: number[] = [];
  const started = performance.now();
  for (let i = 0; i < REDIS_REQUESTS; i++) {
    const t0 = performance.now();
    await redis.ping();
    rtts.push(performance.now() - t0);
  }
  const ioredisPing = stats(rtts, 0, (performance.now() - started) / 1000);
  return { command, redisBenchmark, ioredisPing };
}

/**
 * Picks one test from redis-benchmark's --csv output. PING_MBULK is PING sent as a RESP array,
 * as ioredis sends it (PING_INLINE is the telnet-style form).
 */
function parseRedisBenchmarkCsv(text: string, test: string, requests: number): RedisBenchmarkStats {
  const lines = text
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('"'));
  const cells = (line: string) => line.split(',').map((c) => c.replace(/^"|"$/g, ''));
  const header = cells(lines[0] ?? '');
  const row = lines.map(cells).find((c) => c[0] === test);
  const column = (name: string) => {
    const value = Number(row?.[header.indexOf(name)]);
    if (!row || header.indexOf(name) < 0 || !Number.isFinite(value)) {
      throw new Error(`cannot read ${test} ${name} from redis-benchmark --csv output:\n${text}`);
    }
    return value;
  };
  return {
    test,
    requests,
    rps: column('rps'),
    avgMs: column('avg_latency_ms'),
    p50Ms: column('p50_latency_ms'),
    p95Ms: column('p95_latency_ms'),
    p99Ms: column('p99_latency_ms'),
    maxMs: column('max_latency_ms'),
  };
}

// ---- Driver ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const id = `bench-risk-${randomUUID().slice(0, 8)}`;
  const eventsTopic = `${id}-events`;
  const decisionsTopic = `${id}-decisions`;
  const adminTopic = `${id}-admin`;
  const prefix = `${id}:risk`;
  const kafka = new Kafka({
    clientId: id,
    ...kafkaConnectionFromEnv({ ...process.env, KAFKA_BROKERS: BROKERS.join(',') }),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const redis = new Redis(REDIS_URL);
  const services: Service[] = [];
  await admin.connect();
  await producer.connect();
  try {
    await admin.createTopics({
      topics: [
        { topic: eventsTopic, numPartitions: 3 },
        { topic: decisionsTopic, numPartitions: 3 },
        { topic: adminTopic, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    out(`[bench] seeding ${USERS} users (${USERS * 3} events)`);
    await seed(producer, eventsTopic);

    // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the service.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // The risk service's settings; the floor takes them too, so its clients match the service's.
    const riskEnv = {
      LOG_LEVEL: 'info',
      RISK_GRPC_PORT: '0',
      OPS_PORT: '0',
      RISK_API_TOKENS: `bench=sha256:${hashToken(TOKEN)}`,
      RISK_EVENTS_TOPIC: eventsTopic,
      RISK_DECISIONS_TOPIC: decisionsTopic,
      RISK_ADMIN_TOPIC: adminTopic,
      RISK_EXT_AUTHZ_MAPPING_FILE: path.join(ROOT, 'services/risk/policy/ext-authz-dev.yaml'),
      RISK_GROUP_ID: `${id}-group`,
      RISK_REDIS_PREFIX: prefix,
      KAFKA_BROKERS: BROKERS.join(','),
      REDIS_URL,
    };
    const risk = await startProcess(
      [...nodeArgs, path.join(ROOT, 'services/risk/dist/main.js')],
      riskEnv,
    );
    services.push(risk);
    const noop = await startProcess([__filename, '--noop-server'], {});
    services.push(noop);
    const floor = await startProcess(
      [...nodeArgs, path.join(__dirname, 'authz-floor.js')],
      riskEnv,
    );
    services.push(floor);
    const last = `bench-user-${USERS - 1}`;
    const seeded = Date.now();
    while ((await redis.hget(`${prefix}:{${last}}:s`, 'n')) !== '3') {
      if (Date.now() - seeded > 60_000) throw new Error('seeding was not applied within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }

    const results: Record<string, unknown> = {
      bench: 'risk',
      at: new Date().toISOString(),
      // Set by scripts/bench.cjs, so it only reports results of its own invocation.
      run: process.env.VIGIL_BENCH_RUN ?? null,
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        node: process.version,
        // Other work on the machine skews everything; record how busy it was.
        loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
      },
      settings: { DURATION_S, CONCURRENCY, CHANNELS, RATE, EVENT_RATE, USERS, REDIS_REQUESTS },
    };
    const rates = [...new Set([1_000, 2_500, RATE])].sort((a, b) => a - b);
    const targets = (
      [
        ['noop', noop, 'authorize'],
        ['floor', floor, 'authorize'],
        ['risk', risk, 'authorize'],
        ['check', risk, 'check'],
      ] as const
    )
      .filter(([, , api]) => APIS.includes(api))
      .map(([name, service, api]) => ({
        name,
        service,
        api,
        closedLoop: undefined as PhaseStats | undefined,
        openLoop: {} as Record<string, PhaseStats>,
      }));
    /** A phase on one target, once no service is still busy with the previous one. */
    const measure = async (service: Service, phase: () => Promise<LatencyStats>) => {
      await settled(services);
      return measured(service, phase);
    };
    for (const { name, service, api } of targets) {
      out(`[bench] ${name}: warm-up`);
      await closedLoop(service.grpcPort, 2, api);
    }
    // Each load runs on every target back to back, so the two sides of a ratio are measured
    // seconds apart instead of a minute: the load of this shared VM drifts within one run.
    out(`[bench] closed loop, ${CONCURRENCY} in flight over ${CHANNELS} channels`);
    for (const target of targets) {
      out(`[bench] ${target.name}: closed loop`);
      const { service, api } = target;
      target.closedLoop = await measure(service, () =>
        closedLoop(service.grpcPort, DURATION_S, api),
      );
    }
    for (const rate of rates) {
      for (const target of targets) {
        out(`[bench] ${target.name}: open loop at ${rate}/s`);
        const { service, api } = target;
        target.openLoop[`${rate}`] = await measure(service, () =>
          openLoop(service.grpcPort, DURATION_S, rate, api),
        );
      }
    }
    for (const { name, closedLoop: closed, openLoop: open } of targets) {
      results[name] = { closedLoop: closed, openLoop: open };
      out(`[bench] ${name}: ${JSON.stringify(results[name])}`);
    }
    type Phase = LatencyStats & { serverCpuUsPerCall?: number };
    const r = results as Record<string, { closedLoop: Phase; openLoop: Record<string, Phase> }>;
    const ratio = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined ? undefined : Math.round((a / b) * 100) / 100;
    const [risky, noopy] = [r.risk as (typeof r)[string], r.noop as (typeof r)[string]];
    const versus = (ours: (typeof r)[string], theirs: (typeof r)[string]) => ({
      closedLoopRps: ratio(ours.closedLoop.rps, theirs.closedLoop.rps),
      closedLoopP50: ratio(ours.closedLoop.p50Ms, theirs.closedLoop.p50Ms),
      closedLoopP99: ratio(ours.closedLoop.p99Ms, theirs.closedLoop.p99Ms),
      serverCpuPerCall: ratio(
        ours.closedLoop.serverCpuUsPerCall,
        theirs.closedLoop.serverCpuUsPerCall,
      ),
      ...Object.fromEntries(
        rates.flatMap((rate) => [
          [`openLoop${rate}P50`, ratio(ours.openLoop[rate]?.p50Ms, theirs.openLoop[rate]?.p50Ms)],
          [`openLoop${rate}P99`, ratio(ours.openLoop[rate]?.p99Ms, theirs.openLoop[rate]?.p99Ms)],
        ]),
      ),
    });
    results.riskOverNoop = versus(risky, noopy);
    const floory = r.floor as (typeof r)[string];
    // How far one Redis read and one logged decision alone take the no-op server, and what
    // risk's own work adds on top.
    results.floorOverNoop = versus(floory, noopy);
    results.riskOverFloor = versus(risky, floory);
    const checky = r.check as (typeof r)[string] | undefined;
    if (checky)
      results.checkOverAuthorize = {
        closedLoopRps: ratio(checky.closedLoop.rps, risky.closedLoop.rps),
        closedLoopP50: ratio(checky.closedLoop.p50Ms, risky.closedLoop.p50Ms),
        closedLoopP99: ratio(checky.closedLoop.p99Ms, risky.closedLoop.p99Ms),
        serverCpuPerCall: ratio(
          checky.closedLoop.serverCpuUsPerCall,
          risky.closedLoop.serverCpuUsPerCall,
        ),
      };
    await noop.stop();
    await floor.stop();

    out(`[bench] update lag under ${EVENT_RATE} events/s`);
    (results.machine as Record<string, unknown>).loadAverageAfterAuthorize = os
      .loadavg()
      .map((l) => Math.round(l * 100) / 100);
    results.updateLag = await updateLag(producer, redis, eventsTopic, prefix, DURATION_S);
    results.redis = await redisReference(redis);

    // The targets, judged on the open loop at BENCH_RATE (a closed loop's latency is
    // just concurrency / throughput) and on the update lag.
    const atRate = risky.openLoop[RATE] as Phase;
    const lag = results.updateLag as LatencyStats;
    results.targets = {
      authorize: { rps: RATE, p50Ms: 0.5, p99Ms: 2 },
      updateLagP99Ms: 250,
      met: {
        authorize:
          atRate.rps >= RATE * 0.95 &&
          atRate.errors === 0 &&
          atRate.p50Ms <= 0.5 &&
          atRate.p99Ms <= 2,
        updateLag: lag.p99Ms <= 250,
      },
    };

    const dir = path.join(ROOT, 'bench-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'risk.json'), `${JSON.stringify(results, null, 2)}\n`);
    out(JSON.stringify(results, null, 2));
    out(`[bench] wrote ${path.relative(ROOT, path.join(dir, 'risk.json'))}`);
  } finally {
    for (const service of services) await service.stop();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await producer.disconnect();
    await admin.deleteGroups([`${id}-group`]).catch(() => undefined);
    await admin
      .deleteTopics({ topics: [eventsTopic, decisionsTopic, adminTopic] })
      .catch(() => undefined);
    await admin.disconnect();
  }
}

if (process.argv.includes('--noop-server')) {
  void runNoopServer();
} else {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`[bench] failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
