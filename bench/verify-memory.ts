/**
 * Memory of `vigil audit verify`, without Kafka: N synthetic ~300-byte records of a sealed topic
 * (6 partitions, 1,000-record batches as the sealer cuts them, an offset hole every 100 records
 * for transaction markers, every root signed and chained) are verified twice, each in a fresh
 * process started with --expose-gc:
 *   stream:  records handed to SealedLogVerifier a fetch (500 records) at a time, partitions
 *            interleaved, and dropped, as auditVerify now does;
 *   collect: the same records first collected per partition, as loadRecords did for verify
 *            before it streamed, then verified: the same-run reference.
 * Prints, per N and mode, the heap after the roots are built (the roots must be held either way),
 * the peak live heap (sampled after a forced GC every 25,000 records and at the end), the peak
 * heapUsed, external memory and RSS sampled after every fetch, and the time. Both runs must
 * verify all N records as intact, or the bench fails.
 *
 *   node bench/dist/verify-memory.js [N ...]     (default: 100000 1000000)
 *   add --json for one JSON document instead of the table
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  Keyring,
  MerkleAccumulator,
  ZERO_HASH,
  encodeLeafData,
  SealedLogVerifier,
  leafHash,
  sealedRootHash,
  signRoot,
  verifySealedLog,
  type LoadedRoot,
  type SealedRootRecord,
  type StoredRecord,
  type VerifyReport,
} from '@vigil/audit';

const TOPIC = 'access-events';
const PARTITIONS = 6;
const BATCH_RECORDS = 1_000;
const FETCH_RECORDS = 500;
const HOLE_EVERY = 100;
const GC_EVERY_RECORDS = 25_000;
const MB = 1024 * 1024;

type Mode = 'stream' | 'collect';

interface Result {
  n: number;
  mode: Mode;
  roots: number;
  seconds: number;
  /** Heap in use after the roots were built, after a GC. */
  baselineHeapMB: number;
  peakLiveHeapMB: number;
  peakHeapUsedMB: number;
  peakExternalMB: number;
  peakRssMB: number;
}

// An access event of about 300 bytes, different for every record.
const PAD = 'x'.repeat(196);
const valueOf = (partition: number, offset: number): Buffer =>
  Buffer.from(
    `{"user":"user-${offset % 997}","action":"db.query","resource":"db/prod","partition":${partition},"offset":${offset},"pad":"${PAD}"}`,
  );

/** Records of one partition in offset order, generated on demand so nothing holds them. */
function* partitionRecords(partition: number, count: number): Generator<StoredRecord> {
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % HOLE_EVERY === 0) offset++; // a transaction marker's offset: no record
    yield { offset, value: valueOf(partition, offset) };
    offset++;
  }
}

const perPartition = (n: number, p: number) =>
  Math.floor(n / PARTITIONS) + (p < n % PARTITIONS ? 1 : 0);

/** Seals the synthetic log as the sealer would: one signed, chained root per 1,000 records. */
function sealLog(n: number): { roots: LoadedRoot[]; keyring: Keyring } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const roots: LoadedRoot[] = [];
  for (let partition = 0; partition < PARTITIONS; partition++) {
    let previous: SealedRootRecord | undefined;
    let leaves = new MerkleAccumulator();
    let first = 0;
    let last = 0;
    const cut = () => {
      previous = signRoot(
        {
          version: 1,
          topic: TOPIC,
          partition,
          batchSequence: previous ? previous.batchSequence + 1 : 0,
          firstOffset: first,
          lastOffset: last,
          leafCount: leaves.size,
          rootHash: leaves.root(),
          prevRootHash: previous ? sealedRootHash(previous) : ZERO_HASH,
          sealedAtMillis: 1_795_000_000_000,
        },
        privateKey,
      );
      roots.push({ root: previous, rootsPartition: 0, rootsOffset: roots.length });
      leaves = new MerkleAccumulator();
    };
    for (const record of partitionRecords(partition, perPartition(n, partition))) {
      if (leaves.size === 0) first = record.offset;
      last = record.offset;
      leaves.add(leafHash(encodeLeafData({ topic: TOPIC, partition, offset: last }, record.value)));
      if (leaves.size === BATCH_RECORDS) cut();
    }
    if (leaves.size > 0) cut();
  }
  return { roots, keyring: Keyring.fromPublicKeys([publicKey]) };
}

class Sampler {
  peakLiveHeap = 0;
  peakHeapUsed = 0;
  peakExternal = 0;
  peakRss = 0;
  private sinceGc = 0;

  /** After every fetch: cheap counters, and a forced GC now and then for the live heap. */
  sample(records: number): void {
    this.sinceGc += records;
    if (this.sinceGc >= GC_EVERY_RECORDS) {
      this.sinceGc = 0;
      this.live();
    }
    const usage = process.memoryUsage();
    this.peakHeapUsed = Math.max(this.peakHeapUsed, usage.heapUsed);
    this.peakExternal = Math.max(this.peakExternal, usage.external);
    this.peakRss = Math.max(this.peakRss, usage.rss);
  }

  live(): number {
    gc();
    const heap = process.memoryUsage().heapUsed;
    this.peakLiveHeap = Math.max(this.peakLiveHeap, heap);
    return heap;
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Every partition's records, a fetch at a time, partitions taking turns as fetches do. */
function* fetches(n: number): Generator<{ partition: number; records: StoredRecord[] }> {
  const sources = Array.from({ length: PARTITIONS }, (_, p) =>
    partitionRecords(p, perPartition(n, p)),
  );
  let live = sources.map((source, partition) => ({ source, partition, done: false }));
  while (live.length > 0) {
    for (const cursor of live) {
      const records: StoredRecord[] = [];
      while (records.length < FETCH_RECORDS) {
        const next = cursor.source.next();
        if (next.done) {
          cursor.done = true;
          break;
        }
        records.push(next.value);
      }
      if (records.length > 0) yield { partition: cursor.partition, records };
    }
    live = live.filter((cursor) => !cursor.done);
  }
}

function runChild(mode: Mode, n: number): Result {
  const { roots, keyring } = sealLog(n);
  const sampler = new Sampler();
  const baseline = sampler.live();
  const started = process.hrtime.bigint();
  const input = { rootsTopic: 'sealed-roots', roots, unreadable: [], keyring };
  let report: VerifyReport;
  if (mode === 'stream') {
    const verifier = new SealedLogVerifier(input);
    for (const { partition, records } of fetches(n)) {
      for (const record of records) verifier.add(TOPIC, partition, record);
      sampler.sample(records.length);
    }
    report = verifier.finish();
  } else {
    const byPartition = new Map<number, StoredRecord[]>();
    for (const { partition, records } of fetches(n)) {
      let list = byPartition.get(partition);
      if (!list) byPartition.set(partition, (list = []));
      for (const record of records) list.push(record);
      sampler.sample(records.length);
    }
    sampler.live();
    report = verifySealedLog({ ...input, records: new Map([[TOPIC, byPartition]]) });
    sampler.sample(0);
  }
  sampler.live();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!report.ok || report.totals.records !== n || report.totals.batches !== roots.length) {
    throw new Error(
      `${mode} n=${n}: expected an intact log of ${n} records in ${roots.length} batches, got ${JSON.stringify(report.totals)} with ${report.findings.length} findings`,
    );
  }
  return {
    n,
    mode,
    roots: roots.length,
    seconds,
    baselineHeapMB: baseline / MB,
    peakLiveHeapMB: sampler.peakLiveHeap / MB,
    peakHeapUsedMB: sampler.peakHeapUsed / MB,
    peakExternalMB: sampler.peakExternal / MB,
    peakRssMB: sampler.peakRss / MB,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const result = runChild(args[1] as Mode, Number(args[2]));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const json = args.includes('--json');
  const sizes = args.filter((a) => a !== '--json').map(Number);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    process.stderr.write('usage: verify-memory [--json] [N ...]  (N: records, default 1e5 1e6)\n');
    process.exitCode = 2;
    return;
  }
  const results: Result[] = [];
  for (const n of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    for (const mode of ['stream', 'collect'] as const) {
      // A process per run: peaks of one run must not carry over into the next.
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', __filename, '--child', mode, String(n)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
      );
      if (child.status !== 0) {
        process.stderr.write(`verify-memory: ${mode} n=${n} failed (status ${child.status})\n`);
        process.exitCode = 1;
        return;
      }
      results.push(JSON.parse(child.stdout) as Result);
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ bench: 'verify-memory', results }, null, 2)}\n`);
    return;
  }
  const mb = (v: number) => v.toFixed(1).padStart(9);
  process.stdout.write(
    `${'records'.padStart(9)} ${'mode'.padEnd(7)} ${'roots'.padStart(6)} ${'time s'.padStart(7)}` +
      ` ${'roots MB'.padStart(9)} ${'live MB'.padStart(9)} ${'heap MB'.padStart(9)}` +
      ` ${'ext MB'.padStart(9)} ${'rss MB'.padStart(9)}\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `${String(r.n).padStart(9)} ${r.mode.padEnd(7)} ${String(r.roots).padStart(6)} ${r.seconds.toFixed(1).padStart(7)}` +
        `${mb(r.baselineHeapMB)} ${mb(r.peakLiveHeapMB)} ${mb(r.peakHeapUsedMB)} ${mb(r.peakExternalMB)} ${mb(r.peakRssMB)}\n`,
    );
  }
  process.stdout.write(
    'roots MB: heap after building the roots (held in both modes); live MB: peak heap after a ' +
      'forced GC; heap/ext/rss MB: peaks sampled after every fetch (heap includes garbage not ' +
      'yet collected; record values are Buffers, counted in ext).\n',
  );
}

main();
