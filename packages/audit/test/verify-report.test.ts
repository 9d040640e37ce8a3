import { generateKeyPairSync } from 'node:crypto';
import {
  Keyring,
  signRoot,
  verifySealedLog,
  type LoadedRoot,
  type SealedRootRecord,
  type StoredRecord,
} from '../src';
import { sealRecords } from './fixtures';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyring = Keyring.fromPublicKeys([publicKey]);
const topic = 'access-events';

const record = (offset: number): StoredRecord => ({
  offset,
  value: Buffer.from(`event-${offset}`),
});

const seal = (records: StoredRecord[], previous?: SealedRootRecord, partition = 0) =>
  sealRecords({ topic, partition }, records, previous, privateKey);

const loaded = (roots: SealedRootRecord[]): LoadedRoot[] =>
  roots.map((root, i) => ({ root, rootsPartition: 0, rootsOffset: i }));

describe('verifySealedLog', () => {
  const records = Array.from({ length: 10 }, (_, i) => record(i));
  const first = seal(records.slice(0, 6));
  const second = seal(records.slice(6), first);

  it('passes an intact log and summarises it', () => {
    const report = verifySealedLog({
      rootsTopic: 'sealed-roots',
      roots: loaded([first, second]),
      unreadable: [],
      records: new Map([[topic, new Map([[0, records]])]]),
      keyring,
    });
    expect(report.ok).toBe(true);
    expect(report.totals).toMatchObject({ partitions: 1, records: 10, batches: 2, pending: 0 });
    expect(report.partitions[0]).toMatchObject({
      firstSealedOffset: 0,
      lastSealedOffset: 9,
      ok: true,
    });
  });

  it('names the partition and offsets of an unsealed record, unless pending is allowed', () => {
    const withTail = [...records, record(10)];
    const input = {
      rootsTopic: 'sealed-roots',
      roots: loaded([first, second]),
      unreadable: [],
      records: new Map([[topic, new Map([[0, withTail]])]]),
      keyring,
    };
    const strict = verifySealedLog(input);
    expect(strict.ok).toBe(false);
    expect(strict.findings).toEqual([
      expect.objectContaining({
        kind: 'UNSEALED',
        topic,
        partition: 0,
        firstOffset: '10',
        lastOffset: '10',
      }),
    ]);
    expect(verifySealedLog({ ...input, allowPending: true }).ok).toBe(true);
  });

  it('reports a batch whose stored records no longer hash to its root', () => {
    const tampered = records.map((r) =>
      r.offset === 3 ? { offset: 3, value: Buffer.from('changed') } : r,
    );
    const report = verifySealedLog({
      rootsTopic: 'sealed-roots',
      roots: loaded([first, second]),
      unreadable: [],
      records: new Map([[topic, new Map([[0, tampered]])]]),
      keyring,
    });
    expect(report.findings.map((f) => [f.kind, f.batchSequence])).toEqual([['ROOT_MISMATCH', 0]]);
  });

  it('reports a fork and an unreadable root record with their positions', () => {
    const fork = seal(records.slice(6, 8), first);
    const report = verifySealedLog({
      rootsTopic: 'sealed-roots',
      roots: loaded([first, second, fork]),
      unreadable: [{ rootsPartition: 0, rootsOffset: 7, reason: 'invalid wire type' }],
      records: new Map([[topic, new Map([[0, records]])]]),
      keyring,
    });
    const kinds = report.findings.map((f) => f.kind);
    expect(kinds).toContain('MALFORMED_ROOT');
    expect(kinds).toContain('FORK');
    expect(report.findings.find((f) => f.kind === 'MALFORMED_ROOT')).toMatchObject({
      topic: 'sealed-roots',
      firstOffset: '7',
    });
  });

  it('does not let a root signed by an unknown key vouch for records', () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const foreign = signRoot({ ...first, keyId: undefined } as never, stranger);
    const report = verifySealedLog({
      rootsTopic: 'sealed-roots',
      roots: loaded([foreign]),
      unreadable: [],
      records: new Map([[topic, new Map([[0, records.slice(0, 6)]])]]),
      keyring,
    });
    expect(report.findings.map((f) => f.kind).sort()).toEqual(['UNKNOWN_KEY', 'UNSEALED']);
  });
});
