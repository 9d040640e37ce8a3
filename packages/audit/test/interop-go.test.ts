/**
 * Interop, tested rather than claimed: Vigil's checkpoints, vkeys, consistency and inclusion
 * proofs, witness bodies and tlog proofs are checked by Go's golang.org/x/mod/sumdb/note and
 * sumdb/tlog, an implementation Vigil did not write (test/interop/go/main.go drives them).
 *
 * It needs `go` and golang.org/x/mod in GOPATH form (Debian: golang-go and
 * golang-golang-x-mod-dev, which scripts/install-test-tools.sh installs and `./dev test` runs).
 * Without them the suite fails when CI is set and otherwise says loudly that it did not run.
 * It is a unit test: no Kafka, no network, only the Go toolchain and the program it builds.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  EMPTY_ROOT_HASH,
  buildRecordTlogProof,
  checkpointOrigin,
  consistencyProof,
  consistencyProofFromFrontier,
  encodeLeafData,
  extendLog,
  formatAddCheckpoint,
  formatCheckpoint,
  formatVerifierKey,
  inclusionProof,
  leafHash,
  noteSigner,
  rootFromLeafHashes,
  signCheckpoint,
  signNote,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
  type SealedRootLog,
} from '../src';
import {
  EXAMPLE_CHECKPOINT_5,
  EXAMPLE_CHECKPOINT_6,
  EXAMPLE_CONSISTENCY_5_6,
  EXAMPLE_LEAVES,
  EXAMPLE_ORIGIN,
  EXAMPLE_TLOG_PROOF,
  EXAMPLE_VKEY,
} from './c2sp-example';
import { newKey } from './fixtures';
import { seededRandom } from './random';

const REPO = path.resolve(__dirname, '../../..');
const PROGRAM = path.join(REPO, 'test/interop/go');
const GOPATH = process.env.VIGIL_X_MOD_GOPATH ?? '/usr/share/gocode';

const goEnv = {
  ...process.env,
  // GOPATH mode against the Debian sources: no go.mod, no module proxy, no network.
  GO111MODULE: 'off',
  GOPATH,
  GOFLAGS: '',
  GOPROXY: 'off',
  GOTOOLCHAIN: 'local',
  GOCACHE: process.env.GOCACHE ?? path.join(os.tmpdir(), 'vigil-go-build-cache'),
};

/** Why the Go toolchain cannot run here, or undefined when it can. */
function goMissing(): string | undefined {
  const version = spawnSync('go', ['version'], { env: goEnv, encoding: 'utf8' });
  if (version.error || version.status !== 0) return '`go` is not on PATH';
  const xmod = path.join(GOPATH, 'src/golang.org/x/mod/sumdb/note/note.go');
  if (!fs.existsSync(xmod)) return `golang.org/x/mod is not in GOPATH ${GOPATH} (${xmod} missing)`;
  return undefined;
}

const missing = goMissing();
const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

// Results as test/interop/go/main.go writes them.
interface GoResult {
  ok: boolean;
  error?: string;
  [field: string]: unknown;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const flipByte = (hash: Uint8Array, at: number): Uint8Array => {
  const copy = new Uint8Array(hash);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

describe('interop with Go golang.org/x/mod/sumdb (note, tlog)', () => {
  if (missing !== undefined) {
    // A runtime branch, not it.skip: CI must run this suite, a laptop may lack Go.
    it('needs Go and golang.org/x/mod', () => {
      const message =
        `Go interop test cannot run: ${missing}. ` +
        'Install them with scripts/install-test-tools.sh (Debian packages golang-go and ' +
        'golang-golang-x-mod-dev; run as root), or set VIGIL_X_MOD_GOPATH to a GOPATH holding ' +
        'golang.org/x/mod.';
      if (inCi) throw new Error(`${message} CI is set, so this is a failure.`);
      const bar = '!'.repeat(100);
      console.warn(`\n${bar}\n!! SKIPPED: ${message}\n!! (With CI set this fails.)\n${bar}\n`);
    });
    return;
  }

  let dir: string;
  let binary: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-interop-'));
    binary = path.join(dir, 'vigil-interop');
    const build = spawnSync('go', ['build', '-o', binary, '.'], {
      cwd: PROGRAM,
      env: goEnv,
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      throw new Error(`go build of ${PROGRAM} failed:\n${build.stderr}${build.stdout}`);
    }
  }, 180_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs checks through the Go program, one result per check. */
  function go(checks: Record<string, unknown>[]): GoResult[] {
    const run = spawnSync(binary, [], {
      input: JSON.stringify({ checks }),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`vigil-interop failed: ${run.stderr}`);
    const results = JSON.parse(run.stdout) as GoResult[];
    expect(results).toHaveLength(checks.length);
    return results;
  }

  const key = newKey();
  const origin = checkpointOrigin('vigil.example.com/audit', 'access-events', 3);
  const vkey = formatVerifierKey(origin, key.publicKey);

  // A partition's log of 300 sealed records with random values: leaf i is record i.
  const random = seededRandom(13);
  const leaves = Array.from({ length: 300 }, (_, i) =>
    leafHash(
      encodeLeafData(
        { topic: 'access-events', partition: 3, offset: 10 + i * 3 },
        random.bytes(random.int(200)),
      ),
    ),
  );
  const roots = Array.from({ length: leaves.length + 1 }, (_, n) =>
    rootFromLeafHashes(leaves.slice(0, n)),
  );
  const at = (size: number): Checkpoint => ({
    origin,
    size,
    rootHash: roots[size] as Uint8Array,
  });
  const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 100, 255, 256, 257, 300];

  it('note.Open accepts our signed checkpoints given our vkey line, and parses the same body', () => {
    const notes = SIZES.map((size) => signCheckpoint(at(size), key.privateKey));
    const results = go(notes.map((note) => ({ kind: 'note', vkeys: [vkey], note })));
    results.forEach((result, i) => {
      const size = SIZES[i] as number;
      expect([size, result.error]).toEqual([size, undefined]);
      expect(result.text).toBe(formatCheckpoint(at(size)));
      expect(result.sigs).toEqual([vkey.split('+').slice(0, 2).join('+')]);
      expect(result.checkpoint).toEqual({ origin, size, root: b64(roots[size] as Uint8Array) });
    });
  });

  it('accepts the worked example of the README: checkpoints, witness body, tlog proof', () => {
    const [five, six, body, proof] = go([
      { kind: 'note', vkeys: [EXAMPLE_VKEY], note: EXAMPLE_CHECKPOINT_5 },
      { kind: 'note', vkeys: [EXAMPLE_VKEY], note: EXAMPLE_CHECKPOINT_6 },
      {
        kind: 'witness',
        vkeys: [EXAMPLE_VKEY],
        oldRoot: b64(rootFromLeafHashes(EXAMPLE_LEAVES.slice(0, 5))),
        body: `old 5\n${EXAMPLE_CONSISTENCY_5_6}\n${EXAMPLE_CHECKPOINT_6}`,
      },
      {
        kind: 'tlog-proof',
        vkeys: [EXAMPLE_VKEY],
        proofText: EXAMPLE_TLOG_PROOF,
        leaf: b64(EXAMPLE_LEAVES[2] as Uint8Array),
      },
    ]);
    expect(five).toMatchObject({ ok: true, checkpoint: { origin: EXAMPLE_ORIGIN, size: 5 } });
    expect(six).toMatchObject({ ok: true, checkpoint: { origin: EXAMPLE_ORIGIN, size: 6 } });
    expect(body).toMatchObject({ ok: true, size: 6 });
    expect(proof).toMatchObject({ ok: true, index: 2, origin: EXAMPLE_ORIGIN });
  });

  it('note.Open refuses tampered checkpoints and foreign keys, and honours rotation', () => {
    const note = signCheckpoint(at(17), key.privateKey);
    const next = newKey();
    const nextVkey = formatVerifierKey(origin, next.publicKey);
    const rotated = signCheckpoint(at(17), [key.privateKey, next.privateKey]);
    const otherPartition = formatVerifierKey(
      checkpointOrigin('vigil.example.com/audit', 'access-events', 4),
      key.publicKey,
    );
    const [tampered, foreign, stranger, oldKey, newKeyOnly, emptyLines] = go([
      { kind: 'note', vkeys: [vkey], note: note.replace(`${origin}\n17\n`, `${origin}\n18\n`) },
      { kind: 'note', vkeys: [otherPartition], note },
      { kind: 'note', vkeys: [formatVerifierKey(origin, newKey().publicKey)], note },
      { kind: 'note', vkeys: [vkey], note: rotated },
      { kind: 'note', vkeys: [nextVkey], note: rotated },
      {
        kind: 'note',
        vkeys: [vkey],
        note: signNote('a note\n\nwith an empty line\n', [noteSigner(origin, key.privateKey)]),
      },
    ]);
    expect(tampered).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid signature/),
    });
    expect(foreign).toMatchObject({ ok: false, error: 'note has no verifiable signatures' });
    // Same name and (by construction) a different key id: Go ignores it, so nothing verifies.
    expect(stranger).toMatchObject({ ok: false, error: 'note has no verifiable signatures' });
    expect(oldKey).toMatchObject({ ok: true, unverified: 1 });
    expect(newKeyOnly).toMatchObject({ ok: true, unverified: 1 });
    expect(emptyLines).toMatchObject({ ok: true, text: 'a note\n\nwith an empty line\n' });
  });

  it("computes the same roots and proofs as Go's tlog (TreeHash, ProveTree, ProveRecord)", () => {
    const pairs: [number, number][] = [];
    const records: [number, number][] = [];
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) pairs.push([m, n]);
      for (let i = 0; i < n; i++) records.push([i, n]);
    }
    const r = seededRandom(62);
    for (let k = 0; k < 300; k++) {
      const n = 1 + r.int(leaves.length);
      pairs.push([1 + r.int(n), n]);
      records.push([r.int(n), n]);
    }
    const sizes = Array.from({ length: leaves.length + 1 }, (_, n) => n);
    const [result] = go([
      {
        kind: 'tree',
        leaves: leaves.map(b64),
        roots: sizes,
        consistency: pairs,
        inclusion: records,
      },
    ]);
    expect(result?.error).toBeUndefined();
    const goRoots = result?.roots as string[];
    // golang.org/x/mod before v0.19.0 (Debian bookworm ships v0.7.0) gives the empty tree 32 zero
    // bytes; v0.19.0 fixed it to RFC 6962's SHA-256(""), which is ours. Every other size agrees.
    expect([b64(new Uint8Array(32)), b64(EMPTY_ROOT_HASH)]).toContain(goRoots[0]);
    expect(b64(roots[0] as Uint8Array)).toBe(b64(EMPTY_ROOT_HASH));
    expect(goRoots.slice(1)).toEqual(roots.slice(1).map(b64));
    expect(result?.consistency).toEqual(
      pairs.map(([m, n]) => consistencyProof(leaves, m, n).map(b64)),
    );
    expect(result?.inclusion).toEqual(
      records.map(([i, n]) => inclusionProof(leaves.slice(0, n), i).map(b64)),
    );
  });

  it('tlog.CheckTree accepts our consistency proofs N -> M and refuses tampered ones', () => {
    const checks: Record<string, unknown>[] = [];
    const expected: [string, boolean][] = [];
    // `ok` undefined: a wrong size, which fails unless the proof happens to have the same shape
    // for it (a root hash does not commit to its tree size; RFC 9162 accepts such proofs, and
    // checkpoints bind the size by signing it). Go must then agree with our verifier.
    const wrongSizes: string[] = [];
    const add = (
      label: string,
      ok: boolean | undefined,
      m: number,
      n: number,
      proof: Uint8Array[],
      oldRoot = roots[m] as Uint8Array,
      newRoot = roots[n] as Uint8Array,
    ) => {
      checks.push({
        kind: 'consistency',
        oldSize: m,
        oldRoot: b64(oldRoot),
        newSize: n,
        newRoot: b64(newRoot),
        proof: proof.map(b64),
      });
      const ours = verifyConsistency(m, n, proof, oldRoot, newRoot);
      if (ok === undefined) wrongSizes.push(label);
      expected.push([label, ok ?? ours]);
      // Our verifier must agree with Go on every case it is given.
      expect([label, ours]).toEqual([label, ok ?? ours]);
    };
    const nonZero = SIZES.filter((s) => s > 0);
    for (const m of nonZero) {
      for (const n of nonZero) {
        if (m > n) continue;
        const proof = consistencyProof(leaves, m, n);
        add(`${m}->${n}`, true, m, n, proof);
        if (proof.length > 0) {
          // One flipped byte in each proof hash in turn.
          proof.forEach((_, j) => {
            const tampered = proof.map((h, k) => (k === j ? flipByte(h, (m + n + j) % 32) : h));
            add(`${m}->${n} flip hash ${j}`, false, m, n, tampered);
          });
          add(`${m}->${n} dropped hash`, false, m, n, proof.slice(0, -1));
        }
        add(`${m}->${n} extra hash`, false, m, n, [...proof, leaves[0] as Uint8Array]);
        // A wrong size, with the roots left as they are.
        if (n + 1 <= leaves.length)
          add(`${m}->${n + 1} wrong new size`, undefined, m, n + 1, proof, roots[m], roots[n]);
        if (m > 1 && m < n)
          add(`${m - 1}->${n} wrong old size`, undefined, m - 1, n, proof, roots[m], roots[n]);
        add(
          `${m}->${n} flipped new root`,
          false,
          m,
          n,
          proof,
          roots[m],
          flipByte(roots[n] as Uint8Array, 5),
        );
        if (m < n)
          add(
            `${m}->${n} flipped old root`,
            false,
            m,
            n,
            proof,
            flipByte(roots[m] as Uint8Array, 9),
          );
      }
    }
    const results = go(checks);
    const mismatches = results
      .map((result, i) => [...(expected[i] as [string, boolean]), result] as const)
      .filter(([, ok, result]) => result.ok !== ok)
      .map(
        ([label, ok, result]) =>
          `${label}: expected ${ok ? 'ok' : 'failure'}, Go said ${result.error ?? 'ok'}`,
      );
    expect(mismatches).toEqual([]);
    expect(checks.length).toBeGreaterThan(500);
    // Most wrong sizes change the proof's shape, and then Go refuses them (135 of 196 here).
    const refused = results.filter(
      (result, i) => wrongSizes.includes(expected[i]?.[0] as string) && !result.ok,
    );
    expect(refused.length).toBeGreaterThan(wrongSizes.length / 2);
  });

  it('tlog.CheckTree refuses old size 0, where the tlog-witness rule (empty proof) applies', () => {
    const [result] = go([
      {
        kind: 'consistency',
        oldSize: 0,
        oldRoot: b64(EMPTY_ROOT_HASH),
        newSize: 5,
        newRoot: b64(roots[5] as Uint8Array),
        proof: [],
      },
    ]);
    expect(result).toMatchObject({ ok: false, error: 'tlog: invalid inputs in CheckTree' });
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT_HASH, roots[5] as Uint8Array)).toBe(true);
  });

  it('a Go witness built on note and tlog accepts our add-checkpoint bodies and refuses tampered ones', () => {
    const checks: Record<string, unknown>[] = [];
    const expected: [string, boolean][] = [];
    const body = (m: number, n: number, proof = consistencyProof(leaves, m, n), size = n) =>
      formatAddCheckpoint({
        oldSize: m,
        proof,
        checkpoint: signCheckpoint(at(size), key.privateKey),
      });
    const add = (label: string, ok: boolean, m: number, text: string) => {
      checks.push({
        kind: 'witness',
        vkeys: [vkey],
        oldRoot: b64(roots[m] as Uint8Array),
        body: text,
      });
      expected.push([label, ok]);
    };
    for (const [m, n] of [
      [0, 0],
      [0, 9],
      [1, 1],
      [3, 7],
      [8, 17],
      [100, 300],
      [257, 300],
    ] as const) {
      add(`${m}->${n}`, true, m, body(m, n));
      const proof = consistencyProof(leaves, m, n);
      if (proof.length > 0) {
        add(
          `${m}->${n} flipped`,
          false,
          m,
          body(m, n, [flipByte(proof[0] as Uint8Array, 0), ...proof.slice(1)]),
        );
      }
      if (m > 0 && n + 1 <= leaves.length)
        add(`${m}->${n + 1} proof for ${n}`, false, m, body(m, n + 1, proof));
    }
    add('0->5 with a proof', false, 0, body(0, 5, [leaves[0] as Uint8Array]));
    add('9->5', false, 9, body(9, 5, []));
    const results = go(checks);
    const mismatches = results
      .map((result, i) => [...(expected[i] as [string, boolean]), result] as const)
      .filter(([, ok, result]) => result.ok !== ok)
      .map(
        ([label, ok, result]) =>
          `${label}: expected ${ok ? 'ok' : 'failure'}, Go said ${result.error ?? 'ok'}`,
      );
    expect(mismatches).toEqual([]);
  });

  it('tlog.CheckRecord accepts our inclusion proofs and refuses tampered ones', () => {
    const checks: Record<string, unknown>[] = [];
    const expected: [string, boolean][] = [];
    const add = (
      label: string,
      ok: boolean,
      i: number,
      n: number,
      proof: Uint8Array[],
      leaf = leaves[i],
    ) => {
      checks.push({
        kind: 'inclusion',
        size: n,
        root: b64(roots[n] as Uint8Array),
        index: i,
        leaf: b64(leaf as Uint8Array),
        proof: proof.map(b64),
      });
      expected.push([label, ok]);
      expect([
        label,
        verifyInclusion(leaf as Uint8Array, i, n, proof, roots[n] as Uint8Array),
      ]).toEqual([label, ok]);
    };
    const r = seededRandom(7);
    for (const n of SIZES.filter((s) => s > 0)) {
      for (const i of new Set([0, n - 1, r.int(n), r.int(n)])) {
        const proof = inclusionProof(leaves.slice(0, n), i);
        add(`${i} in ${n}`, true, i, n, proof);
        if (proof.length > 0) {
          add(`${i} in ${n} flipped`, false, i, n, [
            ...proof.slice(0, -1),
            flipByte(proof.at(-1) as Uint8Array, 31),
          ]);
          add(`${i} in ${n} short`, false, i, n, proof.slice(1));
        }
        if (n > 1) add(`${i} in ${n} other leaf`, false, i, n, proof, leaves[(i + 1) % n]);
      }
    }
    const results = go(checks);
    const mismatches = results
      .map((result, i) => [...(expected[i] as [string, boolean]), result] as const)
      .filter(([, ok, result]) => result.ok !== ok)
      .map(
        ([label, ok, result]) =>
          `${label}: expected ${ok ? 'ok' : 'failure'}, Go said ${result.error ?? 'ok'}`,
      );
    expect(mismatches).toEqual([]);
  });

  it('our tlog-proof records verify in Go (parsed from the spec, note.Open, tlog.CheckRecord)', () => {
    const size = 257;
    const checkpoint = signCheckpoint(at(size), key.privateKey);
    const r = seededRandom(99);
    const values = Array.from({ length: size }, () => r.bytes(1 + r.int(64)));
    const data = values.map((value, i) =>
      encodeLeafData({ topic: 'access-events', partition: 3, offset: 10 + i * 3 }, value),
    );
    // The values differ from those of `leaves`, so this log has its own roots.
    const own = data.map(leafHash);
    const ownCheckpoint = signCheckpoint(
      { origin, size, rootHash: rootFromLeafHashes(own) },
      key.privateKey,
    );
    const checks = [0, 1, 128, 255, 256].flatMap((index) => {
      const proof = buildRecordTlogProof({
        topic: 'access-events',
        partition: 3,
        offset: 10 + index * 3,
        value: values[index] as Uint8Array,
        index,
        proof: inclusionProof(own, index),
        checkpoint: ownCheckpoint,
      });
      return [
        {
          kind: 'tlog-proof',
          vkeys: [vkey],
          proofText: proof,
          leaf: b64(own[index] as Uint8Array),
        },
        // The same proof against another leaf hash, and against another log's checkpoint.
        {
          kind: 'tlog-proof',
          vkeys: [vkey],
          proofText: proof,
          leaf: b64(own[(index + 1) % size] as Uint8Array),
        },
        {
          kind: 'tlog-proof',
          vkeys: [vkey],
          proofText: proof.replace(ownCheckpoint, checkpoint),
          leaf: b64(own[index] as Uint8Array),
        },
      ];
    });
    const results = go(checks);
    results.forEach((result, i) => {
      expect([i, result.ok]).toEqual([i, i % 3 === 0]);
    });
  });
  it("a sealer's log, batch by batch: Go opens every checkpoint and checks each step's proof from the frontier", () => {
    // Batches as the sealer cuts them; each root's log is extended from the previous frontier
    // alone, and the proof between consecutive checkpoints is computed the same way.
    const cuts = [0, 7, 8, 40, 41, 64, 128, 129, 200, 300];
    let previous: SealedRootLog | undefined;
    const checks: Record<string, unknown>[] = [];
    for (let i = 1; i < cuts.length; i++) {
      const batch = leaves.slice(cuts[i - 1], cuts[i]);
      const log = extendLog({
        logName: 'vigil.example.com/audit',
        topic: 'access-events',
        partition: 3,
        previous,
        leafHashes: batch,
        privateKey: key.privateKey,
      });
      expect(log.treeRoot).toEqual(roots[cuts[i] as number]);
      checks.push({ kind: 'note', vkeys: [vkey], note: log.checkpoint });
      if (previous) {
        const proof = consistencyProofFromFrontier(previous, batch);
        const step = {
          kind: 'consistency',
          oldSize: previous.treeSize,
          oldRoot: b64(previous.treeRoot),
          newSize: log.treeSize,
          newRoot: b64(log.treeRoot),
        };
        checks.push({ ...step, proof: proof.map(b64) });
        checks.push({ ...step, proof: proof.map((h, j) => b64(j === 0 ? flipByte(h, 5) : h)) });
      }
      previous = log;
    }
    const results = go(checks);
    results.forEach((result, i) => {
      const tampered = checks[i]?.kind === 'consistency' && checks[i - 1]?.kind === 'consistency';
      expect([i, result.ok]).toEqual([i, !tampered]);
    });
  });
});
