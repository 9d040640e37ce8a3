import {
  BatchVerifier,
  CoverageSweep,
  encodeLeafData,
  findUnsealed,
  leafHashesForRecords,
  verifyBatch,
  type BatchProblem,
  type BatchRecord,
  type SealedRootRecord,
} from '../src';
import { createHash } from 'node:crypto';
import { PARTITION, TOPIC, expectCode, newKey, range, recordValue, sealChain } from './fixtures';

const kinds = (problems: { kind: string }[]) => problems.map((p) => p.kind);

describe('leafHashesForRecords', () => {
  it('is SHA-256(0x00 || leaf encoding) of each record, for values of every scratch size', () => {
    const position = { topic: TOPIC, partition: PARTITION };
    // Empty, small, around the exact-size scratch limit (512 prefixed bytes), the shared
    // scratch, and beyond it (64 KiB).
    const sizes = [0, 1, 64, 300, 470, 480, 490, 511, 512, 513, 1_000, 5_000, 70_000, 3, 300];
    const records = sizes.map((size, i) => ({
      offset: String(1_000 + i),
      value: Buffer.alloc(size, i + 1),
    }));
    const expected = records.map((r) =>
      createHash('sha256')
        .update(Uint8Array.of(0x00))
        .update(encodeLeafData({ ...position, offset: r.offset }, r.value))
        .digest(),
    );
    // Compared after all are computed: a hash that were a view of a reused scratch would show.
    const hashes = leafHashesForRecords(position, records);
    expect(hashes.map((h) => Buffer.from(h).toString('hex'))).toEqual(
      expected.map((h) => h.toString('hex')),
    );
  });

  it('refuses a bad topic, partition, offset or value with INVALID_ARGUMENT', () => {
    const value = Buffer.from('v');
    const bad: [Parameters<typeof leafHashesForRecords>[0], BatchRecord][] = [
      [
        { topic: 'no spaces', partition: 0 },
        { offset: 1, value },
      ],
      [
        { topic: TOPIC, partition: -1 },
        { offset: 1, value },
      ],
      [
        { topic: TOPIC, partition: 0 },
        { offset: '1.5', value },
      ],
      [
        { topic: TOPIC, partition: 0 },
        { offset: 1, value: 'v' as unknown as Uint8Array },
      ],
    ];
    for (const [position, record] of bad) {
      expectCode(() => leafHashesForRecords(position, [record]), 'INVALID_ARGUMENT');
    }
  });
});

describe('verifyBatch', () => {
  const key = newKey();
  // Offset 13 is a transaction marker: no record, no leaf.
  const [sealed] = sealChain([[10, 11, 12, 14, 15]], [key]);
  const root = sealed?.root as SealedRootRecord;
  const records = sealed?.records ?? [];

  it('accepts exactly the sealed records, offsets as numbers, bigints or strings', () => {
    expect(verifyBatch(root, records)).toEqual([]);
    expect(
      verifyBatch(
        root,
        records.map((r) => ({ ...r, offset: Number(r.offset) })),
      ),
    ).toEqual([]);
    expect(
      verifyBatch(
        root,
        records.map((r) => ({ ...r, offset: BigInt(r.offset) })),
      ),
    ).toEqual([]);
  });

  it('reports a changed value as ROOT_MISMATCH with the batch coordinates', () => {
    const changed = records.map((r, i) => (i === 2 ? { ...r, value: Buffer.from('edited') } : r));
    const problems = verifyBatch(root, changed);
    expect(kinds(problems)).toEqual(['ROOT_MISMATCH']);
    expect(problems[0]).toMatchObject<Partial<BatchProblem>>({
      topic: TOPIC,
      partition: PARTITION,
      batchSequence: 0,
      firstOffset: 10,
      lastOffset: 15,
    });
  });

  it('reports a deleted or an inserted record as BAD_LEAF_COUNT and ROOT_MISMATCH', () => {
    expect(
      kinds(
        verifyBatch(
          root,
          records.filter((_, i) => i !== 1),
        ),
      ),
    ).toEqual(['BAD_LEAF_COUNT', 'ROOT_MISMATCH']);
    const inserted = [
      ...records.slice(0, 3),
      { offset: '13', value: recordValue(13) },
      ...records.slice(3),
    ];
    expect(kinds(verifyBatch(root, inserted))).toEqual(['BAD_LEAF_COUNT', 'ROOT_MISMATCH']);
  });

  it('reports a record moved to another offset as ROOT_MISMATCH', () => {
    const moved = records.map((r, i) => (i === 3 ? { ...r, offset: '13' } : r));
    expect(kinds(verifyBatch(root, moved))).toEqual(['ROOT_MISMATCH']);
  });

  it('reports records outside the range and leaves them out of the root', () => {
    const extra = [
      { offset: '9', value: recordValue(9) },
      ...records,
      { offset: '16', value: recordValue(16) },
    ];
    const problems = verifyBatch(root, extra);
    expect(kinds(problems)).toEqual(['OUT_OF_RANGE', 'OUT_OF_RANGE']);
    expect(problems.map((p) => p.offset)).toEqual(['9', '16']);
  });

  it('reports repeated and reordered offsets', () => {
    const swapped = [records[0], records[2], records[1], records[3], records[4]] as typeof records;
    expect(kinds(verifyBatch(root, swapped))).toEqual(['OUT_OF_ORDER', 'ROOT_MISMATCH']);
    const repeated = [...records.slice(0, 2), records[1], ...records.slice(2)] as typeof records;
    const problems = verifyBatch(root, repeated);
    expect(kinds(problems)).toEqual(['OUT_OF_ORDER', 'BAD_LEAF_COUNT', 'ROOT_MISMATCH']);
    expect(problems[0]?.message).toContain('offset 11 appears twice');
  });

  it('reports unusable records and malformed roots', () => {
    const bad = [
      ...records,
      { offset: 'x', value: recordValue(1) },
      { offset: '12', value: null as unknown as Uint8Array },
    ];
    expect(kinds(verifyBatch(root, bad))).toEqual(['MALFORMED_RECORD', 'MALFORMED_RECORD']);
    expect(kinds(verifyBatch({ ...root, rootHash: new Uint8Array(2) }, records))).toEqual([
      'MALFORMED_ROOT',
    ]);
  });
});

describe('findUnsealed', () => {
  const key = newKey();
  const roots = sealChain([range(0, 9), range(10, 19), range(25, 29)], [key]).map((b) => b.root);

  it('finds nothing when every record is sealed once, offset holes included', () => {
    // 20-24 hold no records (markers), so nothing is missing.
    expect(findUnsealed([...range(0, 19), ...range(25, 29)], roots)).toEqual([]);
    expect(findUnsealed([...range(0, 19), ...range(25, 29)].map(String).reverse(), roots)).toEqual(
      [],
    );
  });

  it('reports runs of records no root covers', () => {
    const problems = findUnsealed([...range(0, 29), 30, 31], roots);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'UNSEALED',
        topic: TOPIC,
        partition: PARTITION,
        firstOffset: '20',
        lastOffset: '24',
        count: 5,
      }),
      expect.objectContaining({ kind: 'UNSEALED', firstOffset: '30', lastOffset: '31', count: 2 }),
    ]);
  });

  it('reports records covered by two roots, naming the batches', () => {
    const overlapping = sealChain([range(0, 9), range(8, 12)], [key]).map((b) => b.root);
    const problems = findUnsealed(range(0, 12), overlapping);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'DUPLICATE',
        firstOffset: '8',
        lastOffset: '9',
        count: 2,
        batchSequences: [0, 1],
      }),
    ]);
  });

  it('counts a re-published root once and validates its input', () => {
    expect(findUnsealed(range(0, 9), [roots[0], roots[0]] as SealedRootRecord[])).toEqual([]);
    expect(findUnsealed([1], [], { topic: 't', partition: 0 })).toEqual([
      expect.objectContaining({ kind: 'UNSEALED', topic: 't', partition: 0, count: 1 }),
    ]);
    expectCode(() => findUnsealed(['-1'], roots), 'INVALID_ARGUMENT');
    expectCode(
      () => findUnsealed([1], [{ batchSequence: 0, firstOffset: 1.5, lastOffset: 2 }]),
      'INVALID_ARGUMENT',
    );
  });
});

describe('BatchVerifier', () => {
  const key = newKey();
  const [sealed] = sealChain([[10, 11, 12, 14, 15]], [key]);
  const root = sealed?.root as SealedRootRecord;
  const records = sealed?.records ?? [];
  const feed = (batch: BatchVerifier, list: readonly BatchRecord[]) => {
    for (const record of list) batch.add(record);
    return batch.finish();
  };

  it('reports what verifyBatch reports, one record at a time', () => {
    expect(feed(new BatchVerifier(root), records)).toEqual([]);
    const tampered = [
      { offset: '9', value: recordValue(9) },
      records[0],
      records[0],
      { ...records[1], value: Buffer.from('edited') },
      { offset: 'x', value: recordValue(1) },
      ...records.slice(2),
    ] as BatchRecord[];
    const problems = feed(new BatchVerifier(root), tampered);
    expect(kinds(problems)).toEqual([
      'OUT_OF_RANGE',
      'OUT_OF_ORDER',
      'MALFORMED_RECORD',
      'BAD_LEAF_COUNT',
      'ROOT_MISMATCH',
    ]);
    expect(problems).toEqual(verifyBatch(root, tampered));
    expect(problems[2]?.message).toBe(
      'batch 0: record 4: offset must be a Kafka offset: an integer in 0..2^63-1 as a safe-integer number, bigint or decimal string',
    );
  });

  it('checks an empty batch against its root when finished', () => {
    expect(kinds(new BatchVerifier(root).finish())).toEqual(['BAD_LEAF_COUNT', 'ROOT_MISMATCH']);
  });

  it('ignores records of a malformed root, reporting only the root', () => {
    const batch = new BatchVerifier({ ...root, signature: new Uint8Array(3) });
    expect(kinds(feed(batch, records))).toEqual(['MALFORMED_ROOT']);
  });

  it('is not affected by later changes to the root object', () => {
    const copy = { ...root, rootHash: new Uint8Array(root.rootHash) };
    const batch = new BatchVerifier(copy);
    copy.rootHash.fill(0);
    copy.leafCount = 99;
    expect(feed(batch, records)).toEqual([]);
  });

  it('refuses records and a second finish once finished', () => {
    const batch = new BatchVerifier(root);
    batch.finish();
    expectCode(() => batch.add(records[0] as BatchRecord), 'INVALID_ARGUMENT');
    expectCode(() => batch.finish(), 'INVALID_ARGUMENT');
  });
});

describe('CoverageSweep', () => {
  const key = newKey();
  const roots = sealChain([range(0, 9), range(10, 19), range(25, 29)], [key]).map((b) => b.root);
  const sweep = (offsets: readonly (number | bigint | string)[], list = roots) => {
    const s = new CoverageSweep(list);
    for (const offset of offsets) s.add(offset);
    return s.finish();
  };

  it('reports what findUnsealed reports, from ascending offsets one at a time', () => {
    const offsets = [...range(0, 29), 30, 31];
    expect(sweep(offsets)).toEqual(findUnsealed(offsets, roots));
    expect(sweep(offsets.map(String))).toEqual(findUnsealed(offsets, roots));
    const overlapping = sealChain([range(0, 9), range(8, 12)], [key]).map((b) => b.root);
    expect(sweep(range(0, 12), overlapping)).toEqual(findUnsealed(range(0, 12), overlapping));
  });

  it('ignores a repeated offset, as findUnsealed ignores duplicates', () => {
    expect(sweep([0, 1, 1, 2, 20, 20n, '20', 21])).toEqual(findUnsealed([0, 1, 2, 20, 21], roots));
  });

  it('refuses a step back, a malformed offset and use after finish', () => {
    const s = new CoverageSweep(roots);
    s.add(5);
    expectCode(() => s.add(4), 'INVALID_ARGUMENT');
    expectCode(() => s.add('-1'), 'INVALID_ARGUMENT');
    s.add(6);
    expect(s.finish()).toEqual([]);
    expectCode(() => s.add(7), 'INVALID_ARGUMENT');
    expectCode(() => s.finish(), 'INVALID_ARGUMENT');
    expectCode(
      () => new CoverageSweep([{ batchSequence: 0, firstOffset: -1, lastOffset: 2 }]),
      'INVALID_ARGUMENT',
    );
  });
});
