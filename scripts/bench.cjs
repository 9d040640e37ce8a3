#!/usr/bin/env node
// `pnpm bench`: runs the ingest, sealer and authz benchmarks one after another (each needs the
// machine to itself), then prints one table of every figure next to its same-run reference and
// the ratio, and saves it as bench-results/summary.json (plus a timestamped copy) so figures
// can be compared across commits. Needs ./dev up (Kafka and Redis) and a build.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'bench-results');
const benches = [
  ['ingest', 'services/ingest/dist/bench/ingest-bench.js'],
  ['sealer', 'services/sealer/dist/bench/sealer-bench.js'],
  ['risk', 'services/risk/dist/bench/authz-bench.js'],
];

const only = process.argv.slice(2);
for (const [name, entry] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`\n== ${name} benchmark ==\n`);
  execFileSync(process.execPath, [path.join(root, entry)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
  });
}

const read = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(results, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
};

/** Each benchmark writes its own JSON; these turn them into rows of one table. */
const rows = [];
const row = (bench, figure, value, unit, reference, referenceValue, ratio) =>
  rows.push({
    bench,
    figure,
    value,
    unit,
    reference: reference ?? null,
    referenceValue: referenceValue ?? null,
    ratio: ratio ?? null,
  });

const ingest = read('ingest');
if (ingest) {
  const kafka = ingest.results.find((r) => /ProducerPerformance/.test(r.name));
  for (const r of ingest.results.filter((x) => x !== kafka)) {
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

const sealer = read('sealer');
if (sealer) {
  for (const r of sealer.rows) {
    row('sealer', r.metric, r.value, r.unit, r.reference?.name, r.reference?.value, r.ratio);
  }
}

const risk = read('risk');
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
  const ping = risk.redis?.pingRoundTrip;
  if (risk.updateLag) {
    row(
      'authz',
      'risk update lag p99 (event acked -> score visible)',
      risk.updateLag.p99Ms,
      'ms',
      'redis round trip p99',
      ping?.p99Ms,
      ping ? risk.updateLag.p99Ms / ping.p99Ms : null,
    );
  }
  if (ping)
    row(
      'authz',
      'Redis round trip p50 (reference)',
      ping.p50Ms,
      'ms',
      risk.redis.redisBenchmarkGet ?? 'redis-benchmark',
      null,
      null,
    );
}

const fmt = (n) =>
  n === null || n === undefined || Number.isNaN(n)
    ? ''
    : Math.abs(n) >= 100
      ? Math.round(n).toLocaleString('en-US')
      : Number(n).toFixed(2);
const table = rows.map((r) => [
  r.bench,
  r.figure,
  `${fmt(r.value)} ${r.unit}`,
  r.reference ? `${fmt(r.referenceValue)} (${r.reference})` : '',
  fmt(r.ratio),
]);
const header = ['bench', 'figure', 'value', 'reference (same run)', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
process.stdout.write(
  `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${table.map(line).join('\n')}\n`,
);

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
  commit,
  machine: { cpus: os.cpus().length, load: os.loadavg() },
  rows,
};
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'summary.json'), JSON.stringify(summary, null, 2));
fs.writeFileSync(
  path.join(results, `summary-${summary.at.replace(/[:.]/g, '-')}-${commit}.json`),
  JSON.stringify(summary, null, 2),
);
process.stdout.write(`saved bench-results/summary.json\n`);
