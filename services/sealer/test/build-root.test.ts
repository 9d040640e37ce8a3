import { generateKeyPairSync } from 'node:crypto';
import {
  Keyring,
  encodeLeafData,
  leafHash,
  rootFromLeafHashes,
  verifyChain,
  type SealedRootRecord,
} from '@vigil/audit';
import { buildRoot } from '../src/build-root';
import type { ChainHead } from '../src/chain-head';
import { loadSealerConfig } from '../src/config';

const key = generateKeyPairSync('ed25519');
const records = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    offset: from + i,
    value: Buffer.from(`event ${from + i}`),
    timestampMs: 0,
  }));
const leaves = (from: number, to: number) =>
  records(from, to).map((r) =>
    leafHash(encodeLeafData({ topic: 'access-events', partition: 2, offset: r.offset }, r.value)),
  );

function seal(batches: [number, number][], resumeFromChain: boolean): SealedRootRecord[] {
  const roots: SealedRootRecord[] = [];
  let head: ChainHead | undefined;
  for (const [from, to] of batches) {
    const built = buildRoot({
      topic: 'access-events',
      partition: 2,
      logName: 'vigil.test/audit',
      records: records(from, to),
      previous: head,
      privateKey: key.privateKey,
      nowMs: 1_700_000_000_000,
    });
    roots.push(built.root);
    // A new owner knows only what the published root says (chain-scan builds the head from it).
    head = resumeFromChain
      ? {
          ...built.head,
          log: { treeSize: built.root.log!.treeSize, frontier: built.root.log!.frontier },
        }
      : built.head;
  }
  return roots;
}

describe('buildRoot and the partition log', () => {
  it('extends one log batch after batch, also when every batch is sealed by a new owner', () => {
    const batches: [number, number][] = [
      [0, 6],
      [7, 7],
      [8, 40],
      [41, 99],
    ];
    for (const resume of [false, true]) {
      const roots = seal(batches, resume);
      expect(roots.at(-1)!.log!.treeSize).toBe(100);
      expect(roots.at(-1)!.log!.treeRoot).toEqual(rootFromLeafHashes(leaves(0, 99)));
      expect(roots.at(-1)!.log!.checkpoint).toMatch(/^vigil\.test\/audit\/access-events\/2\n100\n/);
      expect(verifyChain(roots, Keyring.fromPublicKeys([key.publicKey]))).toEqual([]);
    }
  });

  it('starts the log at the first root after a head without one (a version-1 chain)', () => {
    const built = buildRoot({
      topic: 'access-events',
      partition: 2,
      logName: 'vigil.test/audit',
      records: records(10, 14),
      previous: { batchSequence: 4, lastOffset: 9, rootHash: new Uint8Array(32).fill(1) },
      privateKey: key.privateKey,
      nowMs: 1_700_000_000_000,
    });
    expect(built.root.log!.treeSize).toBe(5);
    expect(built.head.log?.treeSize).toBe(5);
  });

  it('validates SEALER_LOG_NAME at startup, naming the setting', () => {
    const base = { SEALER_SIGNING_KEY: 'unused', KAFKA_BROKERS: '127.0.0.1:9092' };
    expect(loadSealerConfig(base).SEALER_LOG_NAME).toBe('vigil.local/audit');
    expect(
      loadSealerConfig({ ...base, SEALER_LOG_NAME: 'audit.example.com/prod' }).SEALER_LOG_NAME,
    ).toBe('audit.example.com/prod');
    expect(() => loadSealerConfig({ ...base, SEALER_LOG_NAME: 'has space' })).toThrow(
      /SEALER_LOG_NAME/,
    );
  });
});
