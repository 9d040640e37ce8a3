import {
  Keyring,
  LogVerifier,
  MerkleAccumulator,
  SEALED_ROOT_VERSION,
  SEALED_ROOT_VERSION_LOG,
  ZERO_HASH,
  canonicalRootBytes,
  consistencyProof,
  consistencyProofFromFrontier,
  extendLog,
  decodeSealedRoot,
  encodeSealedRoot,
  leafHash,
  leafHashesForRecords,
  logInvariantProblem,
  noteVerifier,
  openCheckpoint,
  rootFromLeafHashes,
  rootOrigin,
  sealedRootFromJson,
  sealedRootHash,
  sealedRootToJson,
  signCheckpoint,
  signRoot,
  treeLevels,
  verifyChain,
  verifyConsistency,
  verifyLogStep,
  verifyRootSignature,
  type SealedRootRecord,
} from '../src';
import {
  PARTITION,
  SEALED_AT,
  TOPIC,
  expectCode,
  newKey,
  range,
  recordsAt,
  type TestKey,
} from './fixtures';
import { seededRandom } from './random';

const LOG_NAME = 'vigil.example.com/audit';
const ORIGIN = `${LOG_NAME}/${TOPIC}/${PARTITION}`;
const position = { topic: TOPIC, partition: PARTITION };

/**
 * A sealed chain as the sealer builds it: the first `v1` batches are version 1, the rest version
 * 2 with the cumulative log, which starts at the first version-2 batch.
 */
function sealLogChain(
  batches: readonly (readonly number[])[],
  key: TestKey,
  v1 = 0,
): { roots: SealedRootRecord[]; leaves: Uint8Array[][] } {
  const roots: SealedRootRecord[] = [];
  const leaves: Uint8Array[][] = [];
  let prev: SealedRootRecord | undefined;
  batches.forEach((offsets, i) => {
    const batchLeaves = leafHashesForRecords(position, recordsAt(offsets));
    const log =
      i < v1
        ? undefined
        : extendLog({
            logName: LOG_NAME,
            topic: TOPIC,
            partition: PARTITION,
            previous: prev?.log,
            leafHashes: batchLeaves,
            privateKey: key.privateKey,
          });
    const root = signRoot(
      {
        version: log ? SEALED_ROOT_VERSION_LOG : SEALED_ROOT_VERSION,
        topic: TOPIC,
        partition: PARTITION,
        batchSequence: i,
        firstOffset: offsets[0] as number,
        lastOffset: offsets.at(-1) as number,
        leafCount: offsets.length,
        rootHash: rootFromLeafHashes(batchLeaves),
        prevRootHash: prev ? sealedRootHash(prev) : ZERO_HASH,
        sealedAtMillis: SEALED_AT + i,
        ...(log && { log }),
      },
      key.privateKey,
    );
    roots.push(root);
    leaves.push(batchLeaves);
    prev = root;
  });
  return { roots, leaves };
}

const BATCHES = [range(0, 4), range(5, 5), range(6, 13), range(14, 30), range(31, 33)];

describe('the cumulative log of a partition', () => {
  const key = newKey();
  const keyring = Keyring.fromPublicKeys([key.publicKey]);

  it('is the RFC 6962 tree of every sealed record, batch after batch, with a signed checkpoint each', () => {
    const { roots, leaves } = sealLogChain(BATCHES, key);
    const all = leaves.flat();
    let size = 0;
    for (const root of roots) {
      size += root.leafCount;
      expect(root.log?.treeSize).toBe(size);
      expect(root.log?.treeRoot).toEqual(rootFromLeafHashes(all.slice(0, size)));
      expect(rootOrigin(root)).toBe(ORIGIN);
      const opened = openCheckpoint(root.log!.checkpoint, [noteVerifier(ORIGIN, key.publicKey)]);
      expect(opened.checkpoint).toMatchObject({ origin: ORIGIN, size });
    }
    expect(verifyChain(roots, keyring)).toEqual([]);
  });

  it('resumes from a frontier alone exactly where the full tree stands', () => {
    const { roots, leaves } = sealLogChain(BATCHES, key);
    const last = roots.at(-1)!.log!;
    const resumed = MerkleAccumulator.fromFrontier(last.treeSize, last.frontier);
    const extra = leafHashesForRecords(position, recordsAt(range(34, 40)));
    for (const leaf of extra) resumed.add(leaf);
    expect(resumed.root()).toEqual(rootFromLeafHashes([...leaves.flat(), ...extra]));
  });

  it('is the same log when the caller hands over the batch tree it built (its subtrees reused)', () => {
    const random = seededRandom(29);
    let plain: ReturnType<typeof extendLog> | undefined;
    let reusing: ReturnType<typeof extendLog> | undefined;
    let next = 0;
    for (let batch = 0; batch < 40; batch++) {
      // Mostly full batches of 8 or 16, as a backlog cuts them, with partial ones between.
      const n = [8, 16, 1 + random.int(20)][random.int(3)]!;
      const leafHashes = leafHashesForRecords(position, recordsAt(range(next, next + n)));
      next += n;
      const args = {
        logName: LOG_NAME,
        topic: TOPIC,
        partition: PARTITION,
        privateKey: key.privateKey,
      };
      plain = extendLog({ ...args, previous: plain, leafHashes });
      reusing = extendLog({
        ...args,
        previous: reusing,
        leafHashes,
        leafLevels: treeLevels(leafHashes),
      });
      expect(reusing).toEqual(plain);
    }
    expect(() =>
      extendLog({
        logName: LOG_NAME,
        topic: TOPIC,
        partition: PARTITION,
        previous: undefined,
        leafHashes: leafHashesForRecords(position, recordsAt(range(0, 3))),
        leafLevels: treeLevels(leafHashesForRecords(position, recordsAt(range(0, 2)))),
        privateKey: key.privateKey,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('computes consistency proofs from the old frontier that equal RFC 6962 PROOF', () => {
    const random = seededRandom(13);
    for (let trial = 0; trial < 300; trial++) {
      const m = random.int(70);
      const n = m + random.int(70);
      const leaves = Array.from({ length: n }, (_, i) => leafHash(Uint8Array.of(i, trial)));
      const old = new MerkleAccumulator();
      leaves.slice(0, m).forEach((l) => old.add(l));
      const proof = consistencyProofFromFrontier(
        { treeSize: m, frontier: old.frontier() },
        leaves.slice(m),
      );
      expect(proof).toEqual(consistencyProof(leaves, m, n));
      if (m > 0) {
        expect(verifyConsistency(m, n, proof, old.root(), rootFromLeafHashes(leaves))).toBe(true);
      }
    }
  });

  it('starts at the first version-2 root of a chain that began as version 1', () => {
    const { roots } = sealLogChain(BATCHES, key, 2);
    expect(roots[1]?.log).toBeUndefined();
    expect(roots[2]?.log?.treeSize).toBe(BATCHES[2]?.length);
    expect(verifyChain(roots, keyring)).toEqual([]);
  });

  it('is covered by the signature and the chain hash, and survives proto and JSON', () => {
    const { roots } = sealLogChain(BATCHES, key);
    const root = roots[3]!;
    expect(decodeSealedRoot(encodeSealedRoot(root))).toEqual(root);
    expect(sealedRootFromJson(JSON.parse(JSON.stringify(sealedRootToJson(root))))).toEqual(root);
    const v1 = sealLogChain(BATCHES, key, 5).roots[3]!;
    expect(decodeSealedRoot(encodeSealedRoot(v1))).toEqual(v1);

    const bigger = { ...root, log: { ...root.log!, treeSize: root.log!.treeSize + 1 } };
    expect(verifyRootSignature(bigger, keyring)).toMatchObject({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
    expect(canonicalRootBytes(bigger)).not.toEqual(canonicalRootBytes(root));
  });

  it('refuses to sign a root whose log fields contradict each other', () => {
    const { roots } = sealLogChain(BATCHES, key);
    const { keyId: _k, signature: _s, ...unsigned } = roots[2]!;
    const log = unsigned.log!;
    const wrongFrontier = { ...unsigned, log: { ...log, frontier: [...log.frontier].reverse() } };
    expect(logInvariantProblem(wrongFrontier)).toMatch(/frontier/);
    expectCode(() => signRoot(wrongFrontier, key.privateKey), 'MALFORMED_ROOT');
    const otherPartition = signCheckpoint(
      { origin: `${LOG_NAME}/${TOPIC}/9`, size: log.treeSize, rootHash: log.treeRoot },
      key.privateKey,
    );
    expect(
      logInvariantProblem({ ...unsigned, log: { ...log, checkpoint: otherPartition } }),
    ).toMatch(/origin/);
    expectCode(
      () =>
        signRoot({ ...unsigned, version: SEALED_ROOT_VERSION_LOG, log: undefined }, key.privateKey),
      'MALFORMED_ROOT',
    );
    expectCode(
      () => signRoot({ ...unsigned, version: SEALED_ROOT_VERSION }, key.privateKey),
      'MALFORMED_ROOT',
    );
  });

  it('reports wrong sizes, a foreign checkpoint signature and a downgrade with stable codes', () => {
    const { roots } = sealLogChain(BATCHES, key);
    const other = newKey();
    // A root that claims one leaf too many, re-signed consistently otherwise.
    const { keyId: _k, signature: _s, ...unsigned } = roots[2]!;
    const fake = extendLog({
      logName: LOG_NAME,
      topic: TOPIC,
      partition: PARTITION,
      previous: roots[1]!.log,
      leafHashes: [
        ...leafHashesForRecords(position, recordsAt(BATCHES[2]!)),
        leafHash(Uint8Array.of(1)),
      ],
      privateKey: key.privateKey,
    });
    const oversized = signRoot({ ...unsigned, log: fake }, key.privateKey);
    expect(
      verifyLogStep({ previous: roots[1], root: oversized, keyring }).map((p) => p.kind),
    ).toEqual(['LOG_SIZE']);

    const foreign = {
      ...unsigned,
      log: {
        ...unsigned.log!,
        checkpoint: signCheckpoint(
          { origin: ORIGIN, size: unsigned.log!.treeSize, rootHash: unsigned.log!.treeRoot },
          other.privateKey,
        ),
      },
    };
    const foreignRoot = signRoot(foreign, key.privateKey);
    expect(
      verifyLogStep({ previous: roots[1], root: foreignRoot, keyring }).map((p) => p.kind),
    ).toEqual(['LOG_CHECKPOINT']);

    const { roots: v1 } = sealLogChain(BATCHES, key, 5);
    const { keyId: _k2, signature: _s2, ...downgrade } = v1[3]!;
    const after = signRoot(
      { ...downgrade, prevRootHash: sealedRootHash(roots[2]!) },
      key.privateKey,
    );
    expect(verifyLogStep({ previous: roots[2], root: after, keyring }).map((p) => p.kind)).toEqual([
      'LOG_DOWNGRADE',
    ]);
  });

  it('checks each step against the records as they stream past (LogVerifier)', () => {
    const { roots } = sealLogChain(BATCHES, key);
    const stream = (values: (offset: number) => Uint8Array) => {
      const verifier = new LogVerifier(roots);
      for (const offset of range(0, 33)) verifier.add(TOPIC, PARTITION, offset, values(offset));
      return verifier.finish();
    };
    const honest = recordsAt(range(0, 33));
    expect(stream((o) => honest[o]!.value)).toEqual([]);
    const problems = stream((o) => (o === 20 ? Uint8Array.of(0) : honest[o]!.value));
    expect(problems).toEqual([expect.objectContaining({ kind: 'LOG_ROOT', batchSequence: 3 })]);
  });
});
