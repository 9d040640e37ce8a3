import { sign } from 'node:crypto';
import {
  Keyring,
  canonicalRootBytes,
  sealedRootHash,
  signRoot,
  verifyChain,
  type ChainProblem,
  type SealedRootRecord,
} from '../src';
import { PARTITION, TOPIC, newKey, range, sealChain } from './fixtures';

const kinds = (problems: ChainProblem[]) => problems.map((p) => p.kind);

describe('verifyChain', () => {
  const k1 = newKey();
  const k2 = newKey();
  const keyring = Keyring.fromPublicKeys([k1.publicKey, k2.publicKey]);
  // Five batches over offsets 0..49, signed alternately by a retired and a current key.
  const batches = [range(0, 9), range(10, 19), range(20, 29), range(30, 39), range(40, 49)];
  const chain = sealChain(batches, [k1, k2]).map((b) => b.root);

  /** Re-signs a modified root with the key that signed the original, so only the change counts. */
  const resign = (root: SealedRootRecord, change: Partial<SealedRootRecord>): SealedRootRecord => {
    const key = root.keyId === chain[0]?.keyId ? k1 : k2;
    return signRoot({ ...root, ...change }, key.privateKey);
  };
  /** Signs without signRoot's consistency checks, as a buggy or hostile sealer could. */
  const rawSign = (root: SealedRootRecord, change: Partial<SealedRootRecord>): SealedRootRecord => {
    const key = root.keyId === chain[0]?.keyId ? k1 : k2;
    const body = { ...root, ...change };
    return {
      ...body,
      signature: new Uint8Array(sign(null, canonicalRootBytes(body), key.privateKey)),
    };
  };

  it('finds nothing wrong with a clean chain spanning a key rotation', () => {
    expect(verifyChain(chain, keyring)).toEqual([]);
    expect(
      verifyChain(chain, keyring, { expectedFirstOffset: 0, contiguousOffsets: true }),
    ).toEqual([]);
    expect(verifyChain(chain, keyring, 0)).toEqual([]);
    expect(verifyChain([], keyring)).toEqual([]);
  });

  it('accepts offset holes left by transaction markers unless contiguity is asked for', () => {
    // Markers at 10, 21-22 and 35: the batches skip them and count only real records.
    const holey = sealChain(
      [range(0, 9), range(11, 20), [23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 36]],
      [k1],
    ).map((b) => b.root);
    expect(verifyChain(holey, keyring)).toEqual([]);
    const strict = verifyChain(holey, keyring, { contiguousOffsets: true });
    expect(kinds(strict)).toEqual(['GAP', 'BAD_LEAF_COUNT', 'GAP']);
    expect(strict[0]).toMatchObject({
      topic: TOPIC,
      partition: PARTITION,
      batchSequence: 1,
      firstOffset: 11,
      lastOffset: 20,
    });
    expect(strict[0]?.message).toContain('offsets 10..10');
  });

  it('reports bad signatures and unknown keys with the root’s coordinates', () => {
    const forged = { ...(chain[2] as SealedRootRecord), rootHash: new Uint8Array(32).fill(7) };
    const problems = verifyChain(
      [chain[0], chain[1], forged, chain[3], chain[4]] as SealedRootRecord[],
      keyring,
    );
    // The altered root also changes its hash, so the next link breaks too.
    expect(kinds(problems)).toEqual(['BAD_SIGNATURE', 'FORK']);
    expect(problems[0]).toMatchObject({
      topic: TOPIC,
      partition: PARTITION,
      batchSequence: 2,
      firstOffset: 20,
      lastOffset: 29,
    });
    expect(problems[1]).toMatchObject({ batchSequence: 3 });

    const onlyCurrent = Keyring.fromPublicKeys([k2.publicKey]);
    const unknown = verifyChain(chain, onlyCurrent);
    expect(kinds(unknown)).toEqual(['UNKNOWN_KEY', 'UNKNOWN_KEY', 'UNKNOWN_KEY']);
    expect(unknown.map((p) => p.batchSequence)).toEqual([0, 2, 4]);
  });

  it('detects a fork: two different roots with one sequence', () => {
    const rival = resign(chain[2] as SealedRootRecord, { rootHash: new Uint8Array(32).fill(1) });
    const problems = verifyChain(
      [chain[0], chain[1], chain[2], rival, chain[3]] as SealedRootRecord[],
      keyring,
    );
    expect(kinds(problems)).toEqual(['FORK']);
    expect(problems[0]).toMatchObject({ batchSequence: 2, firstOffset: 20, lastOffset: 29 });
  });

  it('detects a fork: a prevRootHash that is not the previous root’s hash', () => {
    const relinked = resign(chain[3] as SealedRootRecord, {
      prevRootHash: sealedRootHash(chain[1] as SealedRootRecord),
    });
    const problems = verifyChain(
      [chain[0], chain[1], chain[2], relinked, chain[4]] as SealedRootRecord[],
      keyring,
    );
    // The rewritten root 3 breaks its own link, and root 4 no longer links to it.
    expect(kinds(problems)).toEqual(['FORK', 'FORK']);
    expect(problems.map((p) => p.batchSequence)).toEqual([3, 4]);

    const badGenesis = rawSign(chain[0] as SealedRootRecord, {
      prevRootHash: new Uint8Array(32).fill(2),
    });
    expect(kinds(verifyChain([badGenesis], keyring))).toEqual(['FORK']);
  });

  it('reports re-published roots as duplicates and nothing else', () => {
    const problems = verifyChain(
      [chain[0], chain[1], chain[1], chain[2], chain[3], chain[4]] as SealedRootRecord[],
      keyring,
    );
    expect(kinds(problems)).toEqual(['DUPLICATE']);
    expect(problems[0]).toMatchObject({ batchSequence: 1, firstOffset: 10, lastOffset: 19 });
  });

  it('detects missing and out-of-order sequences', () => {
    const gap = verifyChain(
      [chain[0], chain[1], chain[3], chain[4]] as SealedRootRecord[],
      keyring,
    );
    expect(kinds(gap)).toEqual(['SEQUENCE_GAP']);
    expect(gap[0]).toMatchObject({ batchSequence: 3, firstOffset: 30 });
    expect(gap[0]?.message).toContain('sequence 2 is missing');

    const late = verifyChain(
      [chain[0], chain[1], chain[3], chain[2], chain[4]] as SealedRootRecord[],
      keyring,
    );
    expect(kinds(late)).toEqual(['SEQUENCE_GAP', 'OUT_OF_ORDER']);

    const headless = verifyChain(chain.slice(2), keyring);
    expect(kinds(headless)).toEqual(['SEQUENCE_GAP']);
    expect(headless[0]?.message).toContain('starts at sequence 2');
  });

  it('detects overlapping offset ranges', () => {
    const overlapping = sealChain([range(0, 9), range(5, 14)], [k1]).map((b) => b.root);
    const problems = verifyChain(overlapping, keyring);
    expect(kinds(problems)).toEqual(['OVERLAP']);
    expect(problems[0]).toMatchObject({ batchSequence: 1, firstOffset: 5, lastOffset: 14 });
  });

  it('detects gaps between roots and before the first one', () => {
    const gapped = sealChain([range(0, 9), range(15, 19)], [k1]).map((b) => b.root);
    const problems = verifyChain(gapped, keyring, { contiguousOffsets: true });
    expect(kinds(problems)).toEqual(['GAP']);
    expect(problems[0]).toMatchObject({ batchSequence: 1, firstOffset: 15, lastOffset: 19 });
    expect(problems[0]?.message).toContain('offsets 10..14');

    expect(verifyChain(chain, keyring, { expectedFirstOffset: 0 })).toEqual([]);
    const missingHead = verifyChain(
      sealChain([range(3, 9)], [k1]).map((b) => b.root),
      keyring,
      0,
    );
    expect(kinds(missingHead)).toEqual(['GAP']);
    expect(missingHead[0]?.message).toContain('offsets 0..2');
    const tooEarly = verifyChain(chain, keyring, 5);
    expect(kinds(tooEarly)).toEqual(['BAD_OFFSETS']);
  });

  it('detects impossible leaf counts', () => {
    const inflated = rawSign(chain[1] as SealedRootRecord, { leafCount: 11 });
    const problems = verifyChain([chain[0], inflated, chain[2]] as SealedRootRecord[], keyring);
    expect(kinds(problems)).toEqual(['BAD_LEAF_COUNT', 'FORK']);
    expect(problems[0]).toMatchObject({ batchSequence: 1, firstOffset: 10, lastOffset: 19 });
  });

  it('flags roots of other partitions and malformed roots, and keeps checking the rest', () => {
    const elsewhere = sealChain([range(0, 9)], [k1], { topic: TOPIC, partition: PARTITION + 1 })[0]
      ?.root as SealedRootRecord;
    const broken = { ...(chain[2] as SealedRootRecord), signature: new Uint8Array(3) };
    const problems = verifyChain(
      [chain[0], elsewhere, chain[1], broken, chain[2], chain[3]] as SealedRootRecord[],
      keyring,
    );
    expect(kinds(problems)).toEqual(['WRONG_PARTITION', 'MALFORMED_ROOT']);
    expect(problems[0]).toMatchObject({ partition: PARTITION + 1 });
  });

  it('continues from a verified checkpoint', () => {
    expect(verifyChain(chain.slice(3), keyring, { previous: chain[2] })).toEqual([]);
    const problems = verifyChain(chain.slice(3), keyring, { previous: chain[1] });
    expect(kinds(problems)).toEqual(['SEQUENCE_GAP']);
    const replay = verifyChain(chain.slice(2), keyring, { previous: chain[2] });
    expect(kinds(replay)).toEqual(['DUPLICATE']);
  });
});
