import { generateKeyPairSync } from 'node:crypto';
import {
  Keyring,
  PartitionVerifier,
  SealedLogVerifier,
  sealedRootHash,
  type SealedRootRecord,
  type StoredRecord,
} from '../src';
import { sealRecords } from './fixtures';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyring = Keyring.fromPublicKeys([publicKey]);
const topic = 'access-events';
const partition = 2;

const record = (offset: number): StoredRecord => ({ offset, value: Buffer.from(`e${offset}`) });

const seal = (records: StoredRecord[], previous?: SealedRootRecord): SealedRootRecord =>
  sealRecords({ topic, partition }, records, previous, privateKey);

// Offsets 4 and 8 are transaction markers: holes with no record.
const records = [0, 1, 2, 3, 5, 6, 7, 9, 10].map(record);
const first = seal(records.slice(0, 4));
const second = seal(records.slice(4), first);

function verify(roots: SealedRootRecord[], list: StoredRecord[], allowPending = false) {
  const verifier = new PartitionVerifier({ topic, partition, roots, keyring, allowPending });
  for (const r of list) verifier.add(r);
  return verifier.finish();
}

describe('PartitionVerifier', () => {
  it('passes an intact partition and summarises it', () => {
    expect(verify([first, second], records)).toEqual({
      summary: {
        topic,
        partition,
        records: 9,
        batches: 2,
        firstSealedOffset: 0,
        lastSealedOffset: 10,
        pending: 0,
        head: { batchSequence: 1, rootHash: Buffer.from(sealedRootHash(second)).toString('hex') },
        abortedRoots: [],
        ok: true,
      },
      findings: [],
    });
  });

  it('names an aborted root that a committed root extends, with where it is stored', () => {
    // The sealer published batch 1 in a transaction Kafka aborted, then batch 2 extended it
    // (issue #17): read_committed readers see batches 0 and 2 only.
    const aborted = seal(records.slice(4, 6), first);
    const third = seal(records.slice(6), aborted);
    const verifier = new PartitionVerifier({
      topic,
      partition,
      roots: [first, third],
      keyring,
      abortedRoots: [{ root: aborted, rootsPartition: 0, rootsOffset: 41 }],
      rootsTopic: 'sealed-roots',
    });
    records.forEach((r) => verifier.add(r));
    const { findings, summary } = verifier.finish();
    expect(summary.abortedRoots).toEqual([
      { batchSequence: 1, rootsPartition: 0, rootsOffset: 41 },
    ]);
    const named = findings.find((f) => f.kind === 'EXTENDS_ABORTED_ROOT');
    expect(named).toMatchObject({ batchSequence: 2, firstOffset: '5', lastOffset: '6' });
    expect(named?.message).toContain(
      'extends batch 1 (offsets 5..6) stored at sealed-roots/0 offset 41',
    );
    // The chain and the coverage checks still say what a reader of committed data is missing.
    expect(findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['SEQUENCE_GAP', 'UNSEALED']),
    );
    expect(summary.ok).toBe(false);
  });

  it('ignores an aborted root that the chain does not extend, but still lists it', () => {
    // A sealer died mid-commit; its successor sealed the same records again as batch 1.
    const aborted = seal(records.slice(4, 6), first);
    const verifier = new PartitionVerifier({
      topic,
      partition,
      roots: [first, second],
      keyring,
      abortedRoots: [{ root: aborted, rootsPartition: 0, rootsOffset: 7 }],
    });
    records.forEach((r) => verifier.add(r));
    const { findings, summary } = verifier.finish();
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({
      ok: true,
      abortedRoots: [{ batchSequence: 1, rootsOffset: 7 }],
    });
  });

  it('reports chain, then batch, then coverage findings', () => {
    const tampered = records.map((r) => (r.offset === 6 ? { ...r, value: Buffer.from('x') } : r));
    const { findings, summary } = verify([second, first], [...tampered, record(11)]);
    expect(findings.map((f) => [f.kind, f.batchSequence, f.firstOffset])).toEqual([
      ['SEQUENCE_GAP', 1, '5'],
      ['OUT_OF_ORDER', 0, '0'],
      // Batch 1 comes first in sealed-roots order, so its findings do too.
      ['ROOT_MISMATCH', 1, '5'],
      ['UNSEALED', undefined, '11'],
    ]);
    expect(summary).toMatchObject({ ok: false, records: 10, pending: 1, lastSealedOffset: 10 });
  });

  it('counts the tail after the last trusted root as pending, and only then forgives it', () => {
    const strict = verify([first], records);
    expect(strict.findings.map((f) => [f.kind, f.firstOffset, f.lastOffset])).toEqual([
      ['UNSEALED', '5', '10'],
    ]);
    expect(verify([first], records, true)).toMatchObject({
      summary: { pending: 5, lastSealedOffset: 3, ok: true },
      findings: [],
    });
  });

  it('checks roots that no record arrives for', () => {
    const { summary, findings } = verify([first, second], []);
    expect(summary).toMatchObject({ records: 0, batches: 2, pending: 0, ok: false });
    expect(summary.firstSealedOffset).toBeUndefined();
    expect(findings.map((f) => f.kind)).toEqual([
      'BAD_LEAF_COUNT',
      'ROOT_MISMATCH',
      'BAD_LEAF_COUNT',
      'ROOT_MISMATCH',
    ]);
  });

  it('feeds a record to every trusted batch whose range holds it', () => {
    const fork = seal(records.slice(2, 6), first);
    const { findings } = verify([first, second, fork], records);
    expect(findings.map((f) => [f.kind, f.batchSequence ?? null, f.firstOffset])).toEqual([
      ['FORK', 1, '2'],
      ['DUPLICATE', null, '2'],
      ['DUPLICATE', null, '5'],
    ]);
  });

  it('takes a repeated offset as a second record, and refuses a step back', () => {
    const repeated = [...records.slice(0, 2), record(1), ...records.slice(2)];
    expect(verify([first, second], repeated).findings.map((f) => f.kind)).toEqual([
      'OUT_OF_ORDER',
      'BAD_LEAF_COUNT',
      'ROOT_MISMATCH',
    ]);
    const verifier = new PartitionVerifier({ topic, partition, roots: [first], keyring });
    verifier.add(record(3));
    expect(() => verifier.add(record(2))).toThrow('records must come in offset order');
    expect(() => verifier.add({ offset: -1, value: Buffer.alloc(0) })).toThrow(
      'not a Kafka offset',
    );
    verifier.finish();
    expect(() => verifier.add(record(4))).toThrow('already finished');
    expect(() => verifier.finish()).toThrow('already finished');
  });
});

describe('SealedLogVerifier', () => {
  it('verifies partitions whose records arrive interleaved, and reports unsealed ones', () => {
    const log = new SealedLogVerifier({
      rootsTopic: 'sealed-roots',
      roots: [first, second].map((root, i) => ({ root, rootsPartition: 0, rootsOffset: i })),
      unreadable: [],
      keyring,
    });
    for (const r of records) {
      log.add(topic, partition, r);
      log.add(topic, 0, r);
    }
    const report = log.finish();
    expect(report.partitions.map((p) => [p.partition, p.ok, p.records])).toEqual([
      [0, false, 9],
      [2, true, 9],
    ]);
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'UNSEALED', partition: 0, firstOffset: '0' }),
    ]);
    expect(() => log.add(topic, 0, record(11))).toThrow('already finished');
  });
});
