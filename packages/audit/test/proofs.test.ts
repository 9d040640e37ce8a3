import {
  AuditError,
  EMPTY_ROOT_HASH,
  consistencyProof,
  inclusionProof,
  leafHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '../src';
import {
  hex,
  inputs,
  refMth,
  refPath,
  refProof,
  refProofLength,
  splitPoint,
  unhex,
} from './reference';

/** Which side each audit path element sits on for leaf m of a tree of n, per RFC 6962 PATH. */
function refSides(m: number, n: number): string {
  if (n === 1) return '';
  const k = splitPoint(n);
  return m < k ? `${refSides(m, k)}R` : `${refSides(m - k, n - k)}L`;
}

const MAX = 64;
const data = inputs(MAX);
const hashes = data.map(leafHash);
const roots = Array.from({ length: MAX + 1 }, (_, n) => rootFromLeafHashes(hashes.slice(0, n)));

const flip = (bytes: Uint8Array, at = 0): Uint8Array => {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

describe('inclusion proofs', () => {
  it('round-trips and matches RFC 6962 PATH for every index < size <= 64', () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      const tree = hashes.slice(0, n);
      const root = roots[n] as Uint8Array;
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(tree, m);
        expect(proof.map(hex)).toEqual(refPath(m, data.slice(0, n)).map(hex));
        const leaf = tree[m] as Uint8Array;
        expect(verifyInclusion(leaf, m, n, proof, root)).toBe(true);
        expect(verifyInclusion(leaf, BigInt(m), BigInt(n), proof, root)).toBe(true);
        // Wrong index, wrong size, index >= size.
        if (m > 0) expect(verifyInclusion(leaf, m - 1, n, proof, root)).toBe(false);
        if (m + 1 < n) expect(verifyInclusion(leaf, m + 1, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, n, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, m + n, n, proof, root)).toBe(false);
        // A wrong size verifies exactly when it gives the leaf the same path shape: the root hash
        // does not commit to the tree size (Vigil signs it as leafCount instead).
        for (const wrong of [n - 1, n + 1, n * 2, n + 7]) {
          if (wrong <= m || wrong === n) continue;
          expect(verifyInclusion(leaf, m, wrong, proof, root)).toBe(
            refSides(m, wrong) === refSides(m, n),
          );
        }
        // Wrong leaf, wrong root.
        expect(verifyInclusion(flip(leaf), m, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, m, n, proof, flip(root, 31))).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it('matches the Certificate Transparency reference paths', () => {
    // google/certificate-transparency MerkleTreeTest.cc kSHA256Paths (leaf numbers there are
    // 1-based) over the kInputs reference tree.
    const ct = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ].map((h) => leafHash(unhex(h)));
    const vectors: [number, number, string[]][] = [
      [
        0,
        8,
        [
          '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
          '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
          '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
        ],
      ],
      [
        5,
        8,
        [
          'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
          'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
          'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
        ],
      ],
      [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
      [
        1,
        5,
        [
          '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
          '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
          'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        ],
      ],
    ];
    for (const [index, size, path] of vectors) {
      const tree = ct.slice(0, size);
      expect(inclusionProof(tree, index).map(hex)).toEqual(path);
      expect(
        verifyInclusion(
          tree[index] as Uint8Array,
          index,
          size,
          path.map(unhex),
          rootFromLeafHashes(tree),
        ),
      ).toBe(true);
    }
    expect(inclusionProof(ct.slice(0, 1), 0)).toEqual([]);
  });

  it('does not bind the tree size by itself: same-shape sizes verify, as RFC 9162 allows', () => {
    const tree = hashes.slice(0, 13);
    const proof = inclusionProof(tree, 6);
    // Leaf 6 has the path shape RLLR in every tree of 9..16 leaves.
    for (let n = 9; n <= 16; n++) {
      expect(verifyInclusion(tree[6] as Uint8Array, 6, n, proof, roots[13] as Uint8Array)).toBe(
        true,
      );
    }
    expect(verifyInclusion(tree[6] as Uint8Array, 6, 8, proof, roots[13] as Uint8Array)).toBe(
      false,
    );
    expect(verifyInclusion(tree[6] as Uint8Array, 6, 17, proof, roots[13] as Uint8Array)).toBe(
      false,
    );
  });

  it('refuses indices outside the tree when generating', () => {
    expect(() => inclusionProof(hashes.slice(0, 4), 4)).toThrow(
      expect.objectContaining({ code: 'INDEX_OUT_OF_RANGE' }),
    );
    expect(() => inclusionProof([], 0)).toThrow(
      expect.objectContaining({ code: 'INDEX_OUT_OF_RANGE' }),
    );
    expect(() => inclusionProof(hashes.slice(0, 4), 2n ** 70n)).toThrow(
      expect.objectContaining({ code: 'INDEX_OUT_OF_RANGE' }),
    );
    expect(() => inclusionProof(hashes.slice(0, 4), -1)).toThrow(AuditError);
    expect(() => inclusionProof(hashes.slice(0, 4), 1.5)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(inclusionProof(hashes.slice(0, 4), 3n)).toHaveLength(2);
  });

  it('handles indices and sizes beyond 2^32 without 32-bit wrap-around', () => {
    // A tree of 2^40 + 1 leaves: the last leaf is the root's right child, so its path is the
    // single left subtree root. Any 32-bit truncation of size or index breaks this.
    const size = 2n ** 40n + 1n;
    const left = leafHash(Buffer.from('stand-in for the left subtree'));
    const leaf = leafHash(Buffer.from('last'));
    const root = rootFromLeafHashes([left, leaf]);
    expect(verifyInclusion(leaf, size - 1n, size, [left], root)).toBe(true);
    expect(verifyInclusion(leaf, Number(size - 1n), Number(size), [left], root)).toBe(true);
    expect(verifyInclusion(leaf, 2 ** 32, 2 ** 32 + 1, [left], root)).toBe(true);
    expect(verifyInclusion(leaf, 0, 2 ** 32 + 1, [left], root)).toBe(false);
    expect(verifyInclusion(leaf, size - 2n, size, [left], root)).toBe(false);
  });

  describe('tampered proofs fail', () => {
    const n = 13;
    const m = 6;
    const tree = hashes.slice(0, n);
    const root = roots[n] as Uint8Array;
    const leaf = tree[m] as Uint8Array;
    const proof = inclusionProof(tree, m);
    const other = hashes[40] as Uint8Array;

    const cases: [string, () => boolean][] = [
      [
        'first path byte flipped',
        () => verifyInclusion(leaf, m, n, [flip(proof[0] as Uint8Array), ...proof.slice(1)], root),
      ],
      [
        'last path byte flipped',
        () =>
          verifyInclusion(
            leaf,
            m,
            n,
            [...proof.slice(0, -1), flip(proof.at(-1) as Uint8Array, 31)],
            root,
          ),
      ],
      [
        'middle element replaced',
        () =>
          verifyInclusion(
            leaf,
            m,
            n,
            proof.map((p, i) => (i === 1 ? other : p)),
            root,
          ),
      ],
      ['truncated by one', () => verifyInclusion(leaf, m, n, proof.slice(0, -1), root)],
      ['first element dropped', () => verifyInclusion(leaf, m, n, proof.slice(1), root)],
      ['empty proof', () => verifyInclusion(leaf, m, n, [], root)],
      ['extended with the root', () => verifyInclusion(leaf, m, n, [...proof, root], root)],
      ['extended with a hash', () => verifyInclusion(leaf, m, n, [...proof, other], root)],
      ['prefixed with a hash', () => verifyInclusion(leaf, m, n, [other, ...proof], root)],
      [
        'two elements swapped',
        () =>
          verifyInclusion(
            leaf,
            m,
            n,
            [proof[1], proof[0], ...proof.slice(2)] as Uint8Array[],
            root,
          ),
      ],
      ['reversed', () => verifyInclusion(leaf, m, n, [...proof].reverse(), root)],
      [
        'element of 31 bytes',
        () =>
          verifyInclusion(
            leaf,
            m,
            n,
            [proof[0]?.subarray(1) as Uint8Array, ...proof.slice(1)],
            root,
          ),
      ],
      [
        'element of 33 bytes',
        () =>
          verifyInclusion(
            leaf,
            m,
            n,
            [Buffer.concat([proof[0] as Uint8Array, Buffer.from([0])]), ...proof.slice(1)],
            root,
          ),
      ],
      ['size 8: the path is too long', () => verifyInclusion(leaf, m, 8, proof, root)],
      ['size 17: the path is too short', () => verifyInclusion(leaf, m, 17, proof, root)],
      ['size 7: the leaf becomes a right child', () => verifyInclusion(leaf, m, 7, proof, root)],
      ['size doubled', () => verifyInclusion(leaf, m, 2 * n, proof, root)],
      ['size zero', () => verifyInclusion(leaf, 0, 0, [], root)],
      ['index = size', () => verifyInclusion(leaf, n, n, proof, root)],
      ['index negative', () => verifyInclusion(leaf, -1, n, proof, root)],
      ['index fractional', () => verifyInclusion(leaf, 6.5, n, proof, root)],
      ['index unsafe number', () => verifyInclusion(leaf, 2 ** 53 + 2, 2 ** 54, proof, root)],
      ['index as string', () => verifyInclusion(leaf, '6' as unknown as number, n, proof, root)],
      [
        'leaf data instead of leaf hash',
        () => verifyInclusion(data[m] as Uint8Array, m, n, proof, root),
      ],
      [
        'leaf hash of a neighbour',
        () => verifyInclusion(tree[m + 1] as Uint8Array, m, n, proof, root),
      ],
      [
        'node hash used as root of a subtree',
        () => verifyInclusion(leaf, m, n, proof.slice(0, -1), rootFromLeafHashes(tree.slice(0, 8))),
      ],
      [
        'root of another size',
        () => verifyInclusion(leaf, m, n, proof, roots[n + 1] as Uint8Array),
      ],
      [
        'proof not an array',
        () => verifyInclusion(leaf, m, n, proof[0] as unknown as Uint8Array[], root),
      ],
    ];
    it.each(cases)('%s', (_name, attempt) => {
      expect(attempt()).toBe(false);
    });
    it('the untampered proof verifies', () => {
      expect(verifyInclusion(leaf, m, n, proof, root)).toBe(true);
    });
  });
});

describe('consistency proofs', () => {
  it('round-trips and matches RFC 6962 PROOF for every 0 <= size1 <= size2 <= 64', () => {
    let checked = 0;
    for (let n = 0; n <= MAX; n++) {
      const tree = hashes.slice(0, n);
      const root2 = roots[n] as Uint8Array;
      for (let m = 0; m <= n; m++) {
        const root1 = roots[m] as Uint8Array;
        const proof = consistencyProof(tree, m, n);
        const expected = m === 0 || m === n ? [] : refProof(m, data.slice(0, n));
        expect(proof.map(hex)).toEqual(expected.map(hex));
        if (m > 0 && m < n) expect(refProofLength(m, n)).toBe(proof.length);
        expect(verifyConsistency(m, n, proof, root1, root2)).toBe(true);
        expect(verifyConsistency(BigInt(m), BigInt(n), proof, root1, root2)).toBe(true);
        if (m !== n) {
          // Wrong roots fail (for size1 = 0 only root1 is constrained).
          expect(verifyConsistency(m, n, proof, flip(root1), root2)).toBe(false);
          if (m > 0) expect(verifyConsistency(m, n, proof, root1, flip(root2, 17))).toBe(false);
          if (m > 0) expect(verifyConsistency(m, n, proof, root2, root1)).toBe(false);
          // Wrong sizes whose proofs have another length cannot verify.
          for (const [m2, n2] of [
            [m, n + 1],
            [m, n * 2],
            [m - 1, n],
            [m + 1, n],
          ] as const) {
            if (m2 <= 0 || m2 >= n2 || refProofLength(m2, n2) === proof.length) continue;
            expect(verifyConsistency(m2, n2, proof, root1, root2)).toBe(false);
          }
          expect(verifyConsistency(n, m, proof, root2, root1)).toBe(false);
        } else {
          expect(verifyConsistency(m, n, [], root1, flip(root2))).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBe(((MAX + 1) * (MAX + 2)) / 2);
  });

  it('matches the Certificate Transparency reference proofs', () => {
    // google/certificate-transparency MerkleTreeTest.cc kSHA256Proofs.
    const ct = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ].map((h) => leafHash(unhex(h)));
    const vectors: [number, number, string[]][] = [
      [1, 1, []],
      [
        1,
        8,
        [
          '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
          '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
          '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
        ],
      ],
      [
        6,
        8,
        [
          '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
          'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
          'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
        ],
      ],
      [
        2,
        5,
        [
          '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
          'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        ],
      ],
    ];
    for (const [m, n, proof] of vectors) {
      expect(consistencyProof(ct, m, n).map(hex)).toEqual(proof);
      expect(
        verifyConsistency(
          m,
          n,
          proof.map(unhex),
          rootFromLeafHashes(ct.slice(0, m)),
          rootFromLeafHashes(ct.slice(0, n)),
        ),
      ).toBe(true);
    }
  });

  it('decides the size1 = 0 and size1 = size2 edges as documented', () => {
    const root5 = roots[5] as Uint8Array;
    // size1 = 0: empty proof, root1 must be the empty tree's root, root2 is unconstrained.
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT_HASH, root5)).toBe(true);
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT_HASH, roots[9] as Uint8Array)).toBe(true);
    expect(verifyConsistency(0, 5, [], root5, root5)).toBe(false);
    expect(verifyConsistency(0, 5, [root5], EMPTY_ROOT_HASH, root5)).toBe(false);
    expect(verifyConsistency(0, 0, [], EMPTY_ROOT_HASH, EMPTY_ROOT_HASH)).toBe(true);
    expect(verifyConsistency(0, 0, [], root5, root5)).toBe(false);
    // size1 = size2: empty proof and equal roots.
    expect(verifyConsistency(5, 5, [], root5, root5)).toBe(true);
    expect(verifyConsistency(5, 5, [root5], root5, root5)).toBe(false);
    expect(verifyConsistency(5, 5, [], root5, roots[4] as Uint8Array)).toBe(false);
  });

  it('refuses impossible sizes when generating', () => {
    expect(() => consistencyProof(hashes.slice(0, 4), 3, 5)).toThrow(
      expect.objectContaining({ code: 'INDEX_OUT_OF_RANGE' }),
    );
    expect(() => consistencyProof(hashes.slice(0, 4), 4, 3)).toThrow(
      expect.objectContaining({ code: 'INDEX_OUT_OF_RANGE' }),
    );
    expect(() => consistencyProof(hashes.slice(0, 4), -1, 3)).toThrow(AuditError);
    // Generation over a prefix of a longer list uses only the first size2 leaves.
    expect(consistencyProof(hashes, 3, 7).map(hex)).toEqual(refProof(3, data.slice(0, 7)).map(hex));
  });

  describe('tampered proofs fail', () => {
    const m = 7;
    const n = 23;
    const proof = consistencyProof(hashes.slice(0, n), m, n);
    const root1 = roots[m] as Uint8Array;
    const root2 = roots[n] as Uint8Array;
    const other = hashes[50] as Uint8Array;
    // A power-of-two size1, whose proof omits root1.
    const p8 = consistencyProof(hashes.slice(0, n), 8, n);
    const root8 = roots[8] as Uint8Array;

    const cases: [string, () => boolean][] = [
      [
        'first element byte flipped',
        () =>
          verifyConsistency(m, n, [flip(proof[0] as Uint8Array), ...proof.slice(1)], root1, root2),
      ],
      [
        'last element byte flipped',
        () =>
          verifyConsistency(
            m,
            n,
            [...proof.slice(0, -1), flip(proof.at(-1) as Uint8Array, 9)],
            root1,
            root2,
          ),
      ],
      [
        'element replaced',
        () =>
          verifyConsistency(
            m,
            n,
            proof.map((p, i) => (i === 2 ? other : p)),
            root1,
            root2,
          ),
      ],
      ['truncated by one', () => verifyConsistency(m, n, proof.slice(0, -1), root1, root2)],
      ['first element dropped', () => verifyConsistency(m, n, proof.slice(1), root1, root2)],
      ['empty proof', () => verifyConsistency(m, n, [], root1, root2)],
      ['extended with a hash', () => verifyConsistency(m, n, [...proof, other], root1, root2)],
      [
        'extended with its last element',
        () => verifyConsistency(m, n, [...proof, proof.at(-1) as Uint8Array], root1, root2),
      ],
      ['prefixed with a hash', () => verifyConsistency(m, n, [other, ...proof], root1, root2)],
      [
        'two elements swapped',
        () =>
          verifyConsistency(
            m,
            n,
            [proof[1], proof[0], ...proof.slice(2)] as Uint8Array[],
            root1,
            root2,
          ),
      ],
      [
        'element of 31 bytes',
        () =>
          verifyConsistency(
            m,
            n,
            [proof[0]?.subarray(1) as Uint8Array, ...proof.slice(1)],
            root1,
            root2,
          ),
      ],
      ['size1 > size2', () => verifyConsistency(n, m, proof, root2, root1)],
      ['size1 one smaller', () => verifyConsistency(m - 1, n, proof, root1, root2)],
      ['size1 one larger', () => verifyConsistency(m + 1, n, proof, root1, root2)],
      ['size2 past the next power of two', () => verifyConsistency(m, 33, proof, root1, root2)],
      ['size2 halved', () => verifyConsistency(m, Math.floor(n / 2), proof, root1, root2)],
      ['roots swapped', () => verifyConsistency(m, n, proof, root2, root1)],
      [
        'root1 of another tree',
        () => verifyConsistency(m, n, proof, roots[m + 1] as Uint8Array, root2),
      ],
      ['size1 = size2 with a non-empty proof', () => verifyConsistency(n, n, proof, root2, root2)],
      [
        'size1 = 0 with a non-empty proof',
        () => verifyConsistency(0, n, proof, EMPTY_ROOT_HASH, root2),
      ],
      [
        'power-of-two size1 with root1 prepended',
        () => verifyConsistency(8, n, [root8, ...p8], root8, root2),
      ],
      ['power-of-two size1 with a wrong root1', () => verifyConsistency(8, n, p8, root1, root2)],
      ['negative size1', () => verifyConsistency(-1, n, proof, root1, root2)],
      ['root of 31 bytes', () => verifyConsistency(m, n, proof, root1, root2.subarray(1))],
    ];
    it.each(cases)('%s', (_name, attempt) => {
      expect(attempt()).toBe(false);
    });
    it('the untampered proofs verify', () => {
      expect(verifyConsistency(m, n, proof, root1, root2)).toBe(true);
      expect(verifyConsistency(8, n, p8, root8, root2)).toBe(true);
    });
  });

  it('agrees with the reference MTH it is checked against', () => {
    expect(hex(roots[37] as Uint8Array)).toBe(hex(refMth(data.slice(0, 37))));
  });
});
