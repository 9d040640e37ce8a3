#!/usr/bin/env node
// `pnpm bench [ingest|sealer|risk ...]`: runs the ingest, sealer and authz benchmarks (or the
// named ones) one after another (each needs the machine to itself), then prints one table of
// every figure next to its same-run reference and the ratio, and saves it as
// bench-results/summary.json (plus a timestamped copy) so figures can be compared across commits.
// Only results written by this invocation are reported: each bench is given a run id and its
// JSON must carry it. A bench that fails is reported below the table and makes the exit status
// non-zero; the others still run. Needs ./dev up (Kafka and Redis) and a build.
'use strict';
const { execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'bench-results');
const benches = [
  ['ingest', 'bench/dist/ingest.js'],
  ['sealer', 'bench/dist/sealer.js'],
  ['risk', 'bench/dist/authz.js'],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !benches.some(([b]) => b === name));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(', ')}; choose from ${benches.map(([b]) => b).join(', ')}\n`,
  );
  process.exit(2);
}

const run = `${new Date().toISOString()}-${randomUUID().slice(0, 8)}`;
/** name -> the JSON that bench wrote in this run. */
const data = {};
/** One entry per bench that did not produce results in this run. */
const failures = [];
for (const [name, entry] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`\n== ${name} benchmark ==\n`);
  try {
    execFileSync(process.execPath, [path.join(root, entry)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1', VIGIL_BENCH_RUN: run },
    });
  } catch (err) {
    const why =
      err.signal != null
        ? `killed by ${err.signal}`
        : err.status != null
          ? `exited with status ${err.status} (its output is above)`
          : err.message;
    failures.push({ bench: name, error: why });
    continue;
  }
  const file = path.join(results, `${name}.json`);
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    failures.push({
      bench: name,
      error: `no readable ${path.relative(root, file)}: ${err.message}`,
    });
    continue;
  }
  if (json.run !== run) {
    // An older file: reporting it would pass off an earlier run's figures as this one's.
    failures.push({
      bench: name,
      error: `${path.relative(root, file)} is from another run (${json.at ?? 'undated'}), not this one`,
    });
    continue;
  }
  data[name] = json;
}

/** Each benchmark writes its own JSON; these turn them into rows of one table. */
const rows = [];
/** Missing references, repeated loudly below the table. */
const warnings = [];
const row = (bench, figure, value, unit, reference, referenceValue, ratio) =>
  rows.push({
    bench,
    figure,
    value,
    unit,
    reference: reference ?? null,
    referenceValue: referenceValue ?? null,
    ratio: ratio ?? null,
    target: null,
  });

/**
 * Issue #16's targets, each on the ratio or on the value of the last row added: e.g.
 * target('ratio', '>=', 0.6). Judged below the table (an idle machine is assumed).
 */
const target = (on, op, bound) => {
  const r = rows[rows.length - 1];
  const x = r[on];
  r.target = {
    on,
    op,
    bound,
    met: typeof x === 'number' && !Number.isNaN(x) ? (op === '>=' ? x >= bound : x <= bound) : null,
  };
};

const ingest = data.ingest;
if (ingest) {
  const kafka = ingest.results.find((r) => /ProducerPerformance/.test(r.name));
  const plain = ingest.results.find((r) => r.reference === 'kafkajs-producer');
  if (plain) {
    // The plain kafkajs producer's own figures: what the client library reaches on this broker.
    row(
      'ingest',
      `${plain.name} rate (${plain.produceEvents} per produce, ${plain.inFlight} in flight, ${plain.compression})`,
      plain.eventsPerSec,
      'events/s',
      'Kafka ProducerPerformance, same broker, acks=all',
      kafka?.eventsPerSec,
      kafka ? plain.eventsPerSec / kafka.eventsPerSec : null,
    );
  }
  for (const r of ingest.results.filter((x) => x !== kafka && x.reference === undefined)) {
    row(
      'ingest',
      `${r.name} rate`,
      r.eventsPerSec,
      'events/s',
      'Kafka ProducerPerformance, same broker, acks=all',
      kafka?.eventsPerSec,
      kafka ? r.eventsPerSec / kafka.eventsPerSec : null,
    );
    row(
      'ingest',
      `${r.name} p50`,
      r.p50Ms,
      'ms',
      'ProducerPerformance p50',
      kafka?.p50Ms,
      kafka ? r.p50Ms / kafka.p50Ms : null,
    );
    row(
      'ingest',
      `${r.name} p99`,
      r.p99Ms,
      'ms',
      'ProducerPerformance p99',
      kafka?.p99Ms,
      kafka ? r.p99Ms / kafka.p99Ms : null,
    );
  }
}

// The Kubernetes audit webhook against PublishBatch of the same run: what JSON and the mapping
// cost on top of the gRPC path.
const auditWebhook = ingest?.results.find((r) => r.name.startsWith('Kubernetes audit webhook'));
const publishBatch = ingest?.results.find((r) => r.name.startsWith('PublishBatch'));
const publishOne = ingest?.results.find((r) => r.name.startsWith('Publish ('));
const plainProducer = ingest?.results.find((r) => r.reference === 'kafkajs-producer');
if (publishBatch) {
  row(
    'ingest',
    'PublishBatch rate / plain kafkajs producer',
    publishBatch.eventsPerSec,
    'events/s',
    plainProducer
      ? 'plain kafkajs producer: same records, produce sizes, acks=all, idempotent'
      : 'MISSING: no plain kafkajs producer result',
    plainProducer?.eventsPerSec,
    plainProducer ? publishBatch.eventsPerSec / plainProducer.eventsPerSec : null,
  );
  target('ratio', '>=', 0.6);
  row(
    'ingest',
    'ingest service CPU per event, PublishBatch',
    publishBatch.serviceCpuMicrosPerEvent,
    'µs',
    'plain kafkajs producer CPU per event',
    plainProducer?.serviceCpuMicrosPerEvent,
    plainProducer
      ? publishBatch.serviceCpuMicrosPerEvent / plainProducer.serviceCpuMicrosPerEvent
      : null,
  );
  target('value', '<=', 35);
}
// The floor: grpc-js and protobufjs in front of ingest's own publisher, nothing else (no auth,
// validation, enrichment, dedup). Ingest over it is Vigil's own work; it over the plain producer
// is what gRPC, protobuf and coalescing cost any ingest built on these libraries.
const floorOf = (r) =>
  r && ingest.results.find((x) => x.reference === 'floor' && x.name === `floor ${r.name}`);
const floorBatch = floorOf(publishBatch);
const floorOne = floorOf(publishOne);
if (publishBatch && floorBatch) {
  row(
    'ingest',
    'floor PublishBatch rate / plain kafkajs producer',
    floorBatch.eventsPerSec,
    'events/s',
    plainProducer
      ? 'plain kafkajs producer: same records, produce sizes, acks=all, idempotent'
      : 'MISSING: no plain kafkajs producer result',
    plainProducer?.eventsPerSec,
    plainProducer ? floorBatch.eventsPerSec / plainProducer.eventsPerSec : null,
  );
  row(
    'ingest',
    'PublishBatch rate / floor PublishBatch rate',
    publishBatch.eventsPerSec,
    'events/s',
    'floor server: grpc-js + protobufjs + ingest publisher, no checks',
    floorBatch.eventsPerSec,
    publishBatch.eventsPerSec / floorBatch.eventsPerSec,
  );
  row(
    'ingest',
    'ingest service CPU per event, PublishBatch, vs floor',
    publishBatch.serviceCpuMicrosPerEvent,
    'µs',
    'floor server CPU per event, PublishBatch',
    floorBatch.serviceCpuMicrosPerEvent,
    publishBatch.serviceCpuMicrosPerEvent / floorBatch.serviceCpuMicrosPerEvent,
  );
}
if (floorBatch && floorOne) {
  row(
    'ingest',
    'floor Publish rate / floor PublishBatch rate',
    floorOne.eventsPerSec,
    'events/s',
    'floor server PublishBatch, this run',
    floorBatch.eventsPerSec,
    floorOne.eventsPerSec / floorBatch.eventsPerSec,
  );
}
// The transport: the floor server without Kafka, answering each event at once. The floor's CPU
// splits into it (grpc-js, protobufjs) and the rest (storing through kafkajs); its Publish rate
// over ingest's PublishBatch rate bounds the Publish target for any server on grpc-js.
const transportOf = (r) =>
  r && ingest.results.find((x) => x.reference === 'transport' && x.name === `transport ${r.name}`);
const transportBatch = transportOf(publishBatch);
const transportOne = transportOf(publishOne);
if (floorBatch && transportBatch) {
  row(
    'ingest',
    'transport CPU per event, PublishBatch (floor without Kafka)',
    transportBatch.serviceCpuMicrosPerEvent,
    'µs',
    'floor server CPU per event, PublishBatch',
    floorBatch.serviceCpuMicrosPerEvent,
    transportBatch.serviceCpuMicrosPerEvent / floorBatch.serviceCpuMicrosPerEvent,
  );
}
if (publishBatch && transportOne) {
  row(
    'ingest',
    'transport Publish rate / PublishBatch rate (bound on the Publish target)',
    transportOne.eventsPerSec,
    'events/s',
    `ingest ${publishBatch.name}, this run`,
    publishBatch.eventsPerSec,
    transportOne.eventsPerSec / publishBatch.eventsPerSec,
  );
  row(
    'ingest',
    'client CPU per event, transport Publish',
    transportOne.clientCpuMicrosPerEvent,
    'µs',
    'transport server CPU per event, Publish',
    transportOne.serviceCpuMicrosPerEvent,
    transportOne.clientCpuMicrosPerEvent / transportOne.serviceCpuMicrosPerEvent,
  );
}
if (publishOne && publishBatch) {
  row(
    'ingest',
    `${publishOne.name} rate / PublishBatch rate`,
    publishOne.eventsPerSec,
    'events/s',
    `ingest ${publishBatch.name}, this run`,
    publishBatch.eventsPerSec,
    publishOne.eventsPerSec / publishBatch.eventsPerSec,
  );
  target('ratio', '>=', 0.4);
  row(
    'ingest',
    'ingest service CPU per event, Publish',
    publishOne.serviceCpuMicrosPerEvent,
    'µs',
    'ingest service CPU per event, PublishBatch',
    publishBatch.serviceCpuMicrosPerEvent,
    publishOne.serviceCpuMicrosPerEvent / publishBatch.serviceCpuMicrosPerEvent,
  );
}
if (auditWebhook && publishBatch) {
  row(
    'ingest',
    `${auditWebhook.name} rate vs PublishBatch`,
    auditWebhook.eventsPerSec,
    'events/s',
    `ingest ${publishBatch.name}, this run`,
    publishBatch.eventsPerSec,
    auditWebhook.eventsPerSec / publishBatch.eventsPerSec,
  );
}

const sealer = data.sealer;
if (sealer) {
  for (const r of sealer.rows) {
    row('sealer', r.metric, r.value, r.unit, r.reference?.name, r.reference?.value, r.ratio);
    if (r.metric === 'leafHash, 64-byte records') target('ratio', '>=', 0.2);
    if (r.metric.startsWith('sealing a')) target('ratio', '>=', 0.3);
  }
  // Whether sealing keeps up with ingest at its fastest, when both ran in this invocation.
  const sealing = sealer.rows.find((r) => r.unit === 'events/s');
  const batch = ingest?.results.find((r) => r.name.startsWith('PublishBatch'));
  if (sealing && batch) {
    row(
      'sealer',
      'sealing throughput vs ingest peak',
      sealing.value,
      'events/s',
      `ingest ${batch.name}, this run`,
      batch.eventsPerSec,
      sealing.value / batch.eventsPerSec,
    );
  }
}

const risk = data.risk;
if (risk) {
  const pick = (o) => o?.closedLoop ?? o;
  const ours = pick(risk.risk);
  const noop = pick(risk.noop);
  if (ours && noop) {
    row(
      'authz',
      'Authorize rps',
      ours.rps,
      'calls/s',
      'no-op grpc-js server, same proto',
      noop.rps,
      ours.rps / noop.rps,
    );
    target('ratio', '>=', 0.85);
    row(
      'authz',
      'risk service CPU per Authorize call, closed loop',
      ours.serverCpuUsPerCall,
      'µs',
      'no-op server CPU per call',
      noop.serverCpuUsPerCall,
      ours.serverCpuUsPerCall / noop.serverCpuUsPerCall,
    );
    row(
      'authz',
      'Authorize p50',
      ours.p50Ms,
      'ms',
      'no-op server p50',
      noop.p50Ms,
      ours.p50Ms / noop.p50Ms,
    );
    row(
      'authz',
      'Authorize p99',
      ours.p99Ms,
      'ms',
      'no-op server p99',
      noop.p99Ms,
      ours.p99Ms / noop.p99Ms,
    );
  }
  // The floor: one Redis read and one logged decision through risk's own modules, answered
  // ALLOW. It over the no-op server is the I/O every Authorize owes; risk over it is risk's work.
  const floor = pick(risk.floor);
  if (ours && noop && floor) {
    row(
      'authz',
      'floor rps (one Redis read, one logged decision)',
      floor.rps,
      'calls/s',
      'no-op grpc-js server, same proto',
      noop.rps,
      floor.rps / noop.rps,
    );
    row(
      'authz',
      'Authorize rps / floor rps',
      ours.rps,
      'calls/s',
      'floor server, this run',
      floor.rps,
      ours.rps / floor.rps,
    );
    row(
      'authz',
      'floor CPU per call, closed loop',
      floor.serverCpuUsPerCall,
      'µs',
      'no-op server CPU per call',
      noop.serverCpuUsPerCall,
      floor.serverCpuUsPerCall / noop.serverCpuUsPerCall,
    );
  }
  // Envoy's ext_authz Check against Authorize on the same process, same load.
  const check = pick(risk.check);
  if (ours && check) {
    row(
      'authz',
      'Check rps',
      check.rps,
      'calls/s',
      'Authorize rps, this run',
      ours.rps,
      check.rps / ours.rps,
    );
    for (const q of ['p50', 'p99']) {
      const key = `${q}Ms`;
      row(
        'authz',
        `Check ${q}`,
        check[key],
        'ms',
        `Authorize ${q}, this run`,
        ours[key],
        check[key] / ours[key],
      );
    }
  }
  // Open loop: calls at a fixed rate, so latency is measured at that load (the risk target is
  // stated at >= 5,000 rps), the no-op server at the same rate as the reference.
  for (const [rate, mine] of Object.entries(risk.risk?.openLoop ?? {})) {
    const theirs = risk.noop?.openLoop?.[rate];
    if (!theirs) continue;
    for (const q of ['p50', 'p99']) {
      const key = `${q}Ms`;
      row(
        'authz',
        `Authorize ${q}, open loop at ${rate} calls/s`,
        mine[key],
        'ms',
        // A phase with no answered call (every call failed) has no latency to compare with.
        theirs.calls > 0
          ? `no-op server ${q} at ${rate} calls/s`
          : `MISSING: the no-op server answered none of ${theirs.errors} calls at ${rate} calls/s`,
        theirs.calls > 0 ? theirs[key] : null,
        theirs.calls > 0 && mine.calls > 0 ? mine[key] / theirs[key] : null,
      );
      if (rate === '1000') target('ratio', '<=', q === 'p50' ? 1.5 : 2.5);
    }
  }
  // The floor at 1,000 calls/s: how far the owed I/O alone moves the tail on this machine.
  const floorAt = risk.floor?.openLoop?.['1000'];
  const noopAt = risk.noop?.openLoop?.['1000'];
  if (floorAt && noopAt && floorAt.calls > 0 && noopAt.calls > 0) {
    for (const q of ['p50', 'p99']) {
      const key = `${q}Ms`;
      row(
        'authz',
        `floor ${q}, open loop at 1000 calls/s`,
        floorAt[key],
        'ms',
        `no-op server ${q} at 1000 calls/s`,
        noopAt[key],
        floorAt[key] / noopAt[key],
      );
    }
  }
  // The Redis round trip, as redis-benchmark measures it (one connection, no pipelining).
  const redis = risk.redis ?? {};
  const bench = redis.redisBenchmark;
  const measured = bench && typeof bench.p50Ms === 'number';
  if (!measured) {
    warnings.push(
      `NO REDIS REFERENCE: ${bench?.error ?? 'risk.json has no redis-benchmark result'}; ` +
        'the Redis round-trip rows have no reference value and no ratio',
    );
  }
  const versusRedis = (figure, value, quantile) =>
    row(
      'authz',
      figure,
      value,
      'ms',
      measured
        ? `${redis.command ?? 'redis-benchmark'}: ${bench.test} ${quantile}`
        : `MISSING: ${bench?.error ?? 'redis-benchmark did not run'}`,
      measured ? bench[`${quantile}Ms`] : null,
      measured ? value / bench[`${quantile}Ms`] : null,
    );
  if (risk.updateLag) {
    versusRedis('risk update lag p50 (event acked -> score visible)', risk.updateLag.p50Ms, 'p50');
    versusRedis('risk update lag p99 (event acked -> score visible)', risk.updateLag.p99Ms, 'p99');
  }
  if (redis.ioredisPing) {
    versusRedis('ioredis PING round trip p50 (ours)', redis.ioredisPing.p50Ms, 'p50');
    versusRedis('ioredis PING round trip p99 (ours)', redis.ioredisPing.p99Ms, 'p99');
  }
}

const fmt = (n) =>
  n === null || n === undefined || Number.isNaN(n)
    ? ''
    : Math.abs(n) >= 100
      ? Math.round(n).toLocaleString('en-US')
      : Math.abs(n) >= 1
        ? Number(n).toFixed(2)
        : Number(n).toFixed(3);
const table = rows.map((r) => [
  r.bench,
  r.figure,
  `${fmt(r.value)} ${r.unit}`,
  r.reference
    ? `${r.referenceValue === null ? '' : `${fmt(r.referenceValue)} `}(${r.reference})`
    : '',
  r.ratio === null ? '' : Number(r.ratio).toFixed(2),
  r.target
    ? `${r.target.on} ${r.target.op === '>=' ? '≥' : '≤'} ${r.target.bound}: ${
        r.target.met === null ? 'no figure' : r.target.met ? 'met' : 'NOT met'
      }`
    : '',
]);
const header = ['bench', 'figure', 'value', 'reference (same run)', 'ratio', 'target (#16)'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
let report = `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`;
report += table.length > 0 ? `${table.map(line).join('\n')}\n` : '(no results)\n';
report += `load average now: ${os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')} on ${os.cpus().length} CPUs (targets assume an idle machine)\n`;
for (const w of warnings) report += `WARNING: ${w}\n`;
for (const f of failures) report += `FAILED: ${f.bench} benchmark: ${f.error}\n`;
process.stdout.write(report);

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
} catch {
  // not a git checkout
}
const summary = {
  at: new Date().toISOString(),
  run,
  commit,
  // Load average when the table was made: the machine may be shared, and that skews the figures.
  machine: { cpus: os.cpus().length, load: os.loadavg() },
  benches: Object.fromEntries(Object.entries(data).map(([name, json]) => [name, json.at ?? null])),
  complete: failures.length === 0,
  failures,
  warnings,
  rows,
};
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'summary.json'), JSON.stringify(summary, null, 2));
fs.writeFileSync(
  path.join(results, `summary-${summary.at.replace(/[:.]/g, '-')}-${commit}.json`),
  JSON.stringify(summary, null, 2),
);
process.stdout.write(`saved bench-results/summary.json\n`);
if (failures.length > 0) process.exitCode = 1;
