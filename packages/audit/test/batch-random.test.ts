/**
 * Randomized equivalence: the incremental BatchVerifier and CoverageSweep, and the verifyBatch and
 * findUnsealed wrappers over them, against verbatim copies of the all-in-memory originals
 * (batch-reference.ts), on seeded random inputs covering every problem either can report. A
 * failure names its seed; seededRandom(seed) regenerates the case.
 */
import {
  BatchVerifier,
  CoverageSweep,
  EMPTY_ROOT_HASH,
  SEALED_ROOT_VERSION,
  ZERO_HASH,
  findUnsealed,
  leafHashesForRecords,
  rootFromLeafHashes,
  verifyBatch,
  type BatchRecord,
  type SealedRootRecord,
} from '../src';
import { parseOffset } from '../src/fields';
import { refFindUnsealed, refVerifyBatch } from './batch-reference';
import { PARTITION, TOPIC, recordValue } from './fixtures';
import { seededRandom, type Random } from './random';

const CASES = 3000;

/** What a call returned or threw, in a form toStrictEqual compares exactly. */
function outcome<T>(fn: () => T): { value: T } | { error: { code: unknown; message: string } } {
  try {
    return { value: fn() };
  } catch (err) {
    const e = err as { code?: unknown; message: string };
    return { error: { code: e.code, message: e.message } };
  }
}

type Offset = BatchRecord['offset'];

/** The same offset as a number, bigint or decimal string, as callers may pass it. */
const represent = (r: Random, offset: number): Offset =>
  Number.isSafeInteger(offset) && offset >= 0
    ? r.pick([offset, BigInt(offset), String(offset)] as Offset[])
    : offset; // derived from a damaged root: left as it is, to be reported malformed

const MALFORMED_OFFSETS: unknown[] = ['x', -1, '-1', 1.5, 2 ** 60, '01', '', null];

function randomBatch(r: Random): { root: SealedRootRecord; records: BatchRecord[] } {
  const start = r.int(50);
  const offsets: number[] = [];
  const n = r.chance(0.1) ? 0 : 1 + r.int(12);
  // Offset holes inside the batch, as transaction markers leave them.
  for (let i = 0, o = start; i < n; i++, o += 1 + (r.chance(0.25) ? 1 + r.int(3) : 0)) {
    offsets.push(o);
  }
  const sealed = offsets.map((offset) => ({ offset: String(offset), value: recordValue(offset) }));
  const position = { topic: TOPIC, partition: PARTITION };
  const root: SealedRootRecord = {
    version: SEALED_ROOT_VERSION,
    topic: TOPIC,
    partition: PARTITION,
    batchSequence: r.int(5),
    firstOffset: offsets[0] ?? start,
    lastOffset: offsets.at(-1) ?? start + r.int(3),
    leafCount: n,
    rootHash: new Uint8Array(
      n === 0 ? EMPTY_ROOT_HASH : rootFromLeafHashes(leafHashesForRecords(position, sealed)),
    ),
    prevRootHash: ZERO_HASH,
    sealedAtMillis: 1_795_000_000_000,
    keyId: 'ed25519:00112233445566778899aabbccddeeff',
    // verifyBatch does not look at signatures; a well-formed one is all it needs.
    signature: r.bytes(64),
  };
  const damaged = damageRoot(r, root);

  let records: BatchRecord[] = sealed.map((record) => ({
    offset: represent(r, Number(record.offset)),
    value: record.value,
  }));
  for (let m = r.int(4); m > 0; m--) records = damageRecords(r, records, damaged);
  return { root: damaged, records };
}

function damageRoot(r: Random, root: SealedRootRecord): SealedRootRecord {
  switch (r.int(14)) {
    case 0:
      return { ...root, leafCount: root.leafCount + (r.chance(0.5) ? 1 : -1) };
    case 1:
      return { ...root, rootHash: r.bytes(32) };
    case 2: // an inverted range, which only a forged or buggy root could have
      return { ...root, firstOffset: root.lastOffset + 1 + r.int(3), lastOffset: root.firstOffset };
    case 3:
      return { ...root, rootHash: r.bytes(31) };
    case 4:
      return { ...root, version: 2 };
    case 5:
      return { ...root, signature: r.bytes(10) };
    case 6:
      return { ...root, firstOffset: 1.5 };
    case 7:
      return { ...root, lastOffset: Math.max(0, root.lastOffset - 1 - r.int(2)) };
    case 8:
      return { ...root, firstOffset: root.firstOffset + 1 + r.int(2) };
    case 9:
      return { ...root, topic: 'other-topic' };
    default:
      return root;
  }
}

function damageRecords(r: Random, records: BatchRecord[], root: SealedRootRecord): BatchRecord[] {
  const out = [...records];
  const i = r.int(out.length + 1);
  const at = out[Math.min(i, out.length - 1)];
  switch (r.int(10)) {
    case 0: // a deleted record
      out.splice(i, 1);
      break;
    case 1: // the same record delivered twice
      if (at) out.splice(i, 0, { ...at });
      break;
    case 2: // two records swapped
      if (i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1] as BatchRecord, at as BatchRecord];
      break;
    case 3: {
      // a record outside the range, before or after
      const before = Math.max(0, Number(root.firstOffset) - 1 - r.int(3));
      const after = Number(root.lastOffset) + 1 + r.int(3);
      const offset = r.chance(0.5) ? before : after;
      out.splice(i, 0, { offset: represent(r, offset), value: recordValue(offset) });
      break;
    }
    case 4: // an edited value
      if (at) out.splice(i, 1, { ...at, value: r.bytes(r.int(8)) });
      break;
    case 5: // a record moved to the next offset
      if (at) out.splice(i, 1, { ...at, offset: represent(r, Number(at.offset) + 1) });
      break;
    case 6: // an unusable offset, or no record at all
      out.splice(
        i,
        0,
        r.chance(0.2)
          ? (null as unknown as BatchRecord)
          : { offset: r.pick(MALFORMED_OFFSETS) as Offset, value: recordValue(1) },
      );
      break;
    case 7: // no byte value
      if (at) out.splice(i, 1, { ...at, value: r.pick([null, 'text', [1, 2]]) as never });
      break;
    case 8: {
      // an extra record in an offset hole (or just after the last one)
      const offset = Number(at?.offset ?? root.firstOffset) + 1;
      out.splice(i + 1, 0, { offset: represent(r, offset), value: recordValue(offset) });
      break;
    }
    default:
      break;
  }
  return out;
}

interface Range {
  batchSequence: number;
  firstOffset: number;
  lastOffset: number;
  topic?: string;
  partition?: number;
}

function randomCoverage(r: Random): {
  offsets: Offset[];
  roots: Range[];
  position?: { topic: string; partition: number };
} {
  const located = r.chance(0.5);
  const roots: Range[] = [];
  // Often a proper chain over 0..79 with holes between batches; then roots at random.
  for (let i = 0, first = r.int(3); r.chance(0.3) && first < 80; i++) {
    const last = first + r.int(20);
    roots.push({ batchSequence: i, firstOffset: first, lastOffset: last });
    first = last + 1 + r.int(2);
  }
  for (let i = roots.length, k = roots.length + r.int(7); i < k; i++) {
    const first = r.int(60);
    roots.push({
      // Mostly a chain; sometimes a sequence again (a fork).
      batchSequence: r.chance(0.2) ? r.int(3) : i,
      firstOffset: first,
      // Overlaps happen by chance; an inverted range now and then.
      lastOffset: r.chance(0.05) ? Math.max(0, first - 1 - r.int(3)) : first + r.int(15),
    });
  }
  if (located)
    for (const root of roots) Object.assign(root, { topic: TOPIC, partition: PARTITION });
  // A root published twice.
  if (roots.length > 0 && r.chance(0.3)) roots.splice(r.int(roots.length), 0, r.pick(roots));
  if (r.chance(0.03)) roots.push({ batchSequence: 0, firstOffset: 1.5, lastOffset: 2 });

  // Offsets in any order, with repeats and holes.
  const offsets: Offset[] = Array.from({ length: r.int(90) }, () => represent(r, r.int(80)));
  if (r.chance(0.03))
    offsets.splice(r.int(offsets.length + 1), 0, r.pick(MALFORMED_OFFSETS) as Offset);
  return {
    offsets,
    roots,
    ...(r.chance(0.5) ? { position: { topic: 'located-topic', partition: 7 } } : {}),
  };
}

describe('BatchVerifier and verifyBatch against the original verifyBatch', () => {
  it(`agree on ${CASES} random batches`, () => {
    const seen = new Map<string, number>();
    for (let seed = 1; seed <= CASES; seed++) {
      const { root, records } = randomBatch(seededRandom(seed));
      const expected = outcome(() => refVerifyBatch(root, records));
      expect({ seed, wrapper: outcome(() => verifyBatch(root, records)) }).toStrictEqual({
        seed,
        wrapper: expected,
      });
      const incremental = outcome(() => {
        const batch = new BatchVerifier(root);
        for (const record of records) batch.add(record);
        return batch.finish();
      });
      expect({ seed, incremental }).toStrictEqual({ seed, incremental: expected });
      const kinds = 'value' in expected ? expected.value.map((p) => p.kind) : ['THROWS'];
      for (const kind of kinds.length > 0 ? kinds : ['OK'])
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
    }
    // The generator must exercise every outcome, or agreeing proves little.
    for (const kind of [
      'OK',
      'ROOT_MISMATCH',
      'BAD_LEAF_COUNT',
      'OUT_OF_RANGE',
      'OUT_OF_ORDER',
      'MALFORMED_RECORD',
      'MALFORMED_ROOT',
    ]) {
      expect([kind, (seen.get(kind) ?? 0) >= 30]).toEqual([kind, true]);
    }
  });
});

describe('CoverageSweep and findUnsealed against the original findUnsealed', () => {
  it(`agree on ${CASES} random partitions`, () => {
    const seen = new Map<string, number>();
    for (let seed = 1; seed <= CASES; seed++) {
      const { offsets, roots, position } = randomCoverage(seededRandom(seed));
      const expected = outcome(() => refFindUnsealed(offsets, roots, position));
      expect({
        seed,
        wrapper: outcome(() => findUnsealed(offsets, roots, position)),
      }).toStrictEqual({ seed, wrapper: expected });
      const parsed = offsets.map((o) => parseOffset(o));
      if (parsed.every((o) => o !== undefined)) {
        // The sweep's caller delivers offsets in order; here, in whatever form they came.
        const ascending = offsets
          .map((o, i) => ({ o, big: parsed[i] as bigint }))
          .sort((a, b) => (a.big < b.big ? -1 : a.big > b.big ? 1 : 0));
        const incremental = outcome(() => {
          const sweep = new CoverageSweep(roots, position);
          for (const { o } of ascending) sweep.add(o);
          return sweep.finish();
        });
        expect({ seed, incremental }).toStrictEqual({ seed, incremental: expected });
      }
      const kinds = 'value' in expected ? expected.value.map((p) => p.kind) : ['THROWS'];
      for (const kind of new Set(kinds.length > 0 ? kinds : ['OK'])) {
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
      }
    }
    for (const kind of ['OK', 'UNSEALED', 'DUPLICATE', 'THROWS']) {
      expect([kind, (seen.get(kind) ?? 0) >= 30]).toEqual([kind, true]);
    }
  });
});
