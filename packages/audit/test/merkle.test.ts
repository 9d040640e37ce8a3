import { createHash } from 'node:crypto';
import {
  AuditError,
  EMPTY_ROOT_HASH,
  ZERO_HASH,
  MerkleAccumulator,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  treeLevels,
} from '../src';
import { hex, inputs, refMth, unhex } from './reference';
import { seededRandom } from './random';

const leafHashes = (data: readonly Uint8Array[]) => data.map(leafHash);

// google/certificate-transparency src/merkletree/MerkleTreeTest.cc (kInputs, kSHA256Roots):
// the reference inputs and the roots of the trees over their first 1..8 elements.
const CT_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 hashing', () => {
  it('hashes leaves and nodes with their domain prefixes', () => {
    const data = Buffer.from('vigil');
    expect(hex(leafHash(data))).toBe(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), data]))
        .digest('hex'),
    );
    const l = leafHash(Buffer.from('l'));
    const r = leafHash(Buffer.from('r'));
    expect(hex(nodeHash(l, r))).toBe(
      createHash('sha256')
        .update(Buffer.from([1]))
        .update(l)
        .update(r)
        .digest('hex'),
    );
    expect(hex(nodeHash(l, r))).not.toBe(hex(nodeHash(r, l)));
  });

  it('hashes leaves of every size, in any order, as SHA-256 of 0x00 || data', () => {
    // Small leaves reuse a scratch buffer per size, larger ones a shared one: sizes on both
    // sides of each bound, interleaved, must never see another leaf's bytes.
    const random = seededRandom(6962);
    const sizes = [0, 1, 63, 64, 65, 300, 510, 511, 512, 1023, 1024, 5000, 70_000];
    for (let round = 0; round < 3; round++) {
      for (const size of [...sizes].sort(() => random.next() - 0.5)) {
        const data = random.bytes(size);
        const expected = createHash('sha256').update(Buffer.of(0)).update(data).digest('hex');
        expect(hex(leafHash(data))).toBe(expected);
      }
    }
  });

  it('returns every hash as a 32-byte Buffer of its own, as callers may keep or change it', () => {
    const a = leafHash(Buffer.from('a'));
    const b = nodeHash(a, a);
    for (const h of [a, b]) {
      expect(Buffer.isBuffer(h)).toBe(true);
      expect([h.byteOffset, h.byteLength, h.buffer.byteLength]).toEqual([0, 32, 32]);
    }
    const before = hex(b);
    a.fill(0);
    expect(hex(b)).toBe(before);
  });

  it('matches known answers for the empty tree and the empty leaf', () => {
    expect(hex(rootFromLeafHashes([]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(EMPTY_ROOT_HASH)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(leafHash(new Uint8Array(0)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(ZERO_HASH).toEqual(new Uint8Array(32));
  });

  it('hands out the empty root as a copy, so a caller cannot change the constant', () => {
    const root = rootFromLeafHashes([]);
    root.fill(0);
    expect(hex(EMPTY_ROOT_HASH)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('reproduces the Certificate Transparency reference roots', () => {
    for (let n = 1; n <= CT_INPUTS.length; n++) {
      const data = CT_INPUTS.slice(0, n);
      expect(hex(rootFromLeafHashes(leafHashes(data)))).toBe(CT_ROOTS[n - 1]);
      expect(hex(refMth(data))).toBe(CT_ROOTS[n - 1]);
    }
  });

  it('matches multi-leaf roots worked out by hand', () => {
    const sha = (...parts: (Buffer | number[])[]) =>
      createHash('sha256')
        .update(Buffer.concat(parts.map((p) => Buffer.from(p))))
        .digest();
    const [a, b, c] = ['a', 'b', 'c'].map((s) => sha([0], Buffer.from(s))) as Buffer[];
    // n = 3 splits at 2: ((a b) c).
    const root3 = sha([1], sha([1], a as Buffer, b as Buffer), c as Buffer);
    expect(hex(rootFromLeafHashes([a, b, c] as Buffer[]))).toBe(root3.toString('hex'));
    // n = 5 splits at 4: (((a b) (c d)) e).
    const [d, e] = ['d', 'e'].map((s) => sha([0], Buffer.from(s))) as Buffer[];
    const ab = sha([1], a as Buffer, b as Buffer);
    const cd = sha([1], c as Buffer, d as Buffer);
    const root5 = sha([1], sha([1], ab, cd), e as Buffer);
    expect(hex(rootFromLeafHashes([a, b, c, d, e] as Buffer[]))).toBe(root5.toString('hex'));
  });

  it('agrees with the recursive RFC 6962 definition for every size 0..64', () => {
    const all = inputs(64);
    for (let n = 0; n <= 64; n++) {
      const data = all.slice(0, n);
      expect(hex(rootFromLeafHashes(leafHashes(data)))).toBe(hex(refMth(data)));
    }
  });

  it('handles 100k leaves iteratively', () => {
    const data = inputs(100_000);
    const hashes = leafHashes(data);
    // Speed is the benchmark's job; this guards against recursion depth or stack blow-ups.
    expect(hex(rootFromLeafHashes(hashes))).toBe(hex(refMth(data)));
  });

  it('does not mutate or alias its input', () => {
    const hashes = leafHashes(inputs(5));
    const before = hashes.map(hex);
    const root = rootFromLeafHashes(hashes);
    expect(hashes.map(hex)).toEqual(before);
    const single = rootFromLeafHashes([hashes[0] as Uint8Array]);
    expect(hex(single)).toBe(before[0]);
    expect(hex(root)).toBe(hex(refMth(inputs(5))));
  });

  it('rejects malformed hashes with INVALID_ARGUMENT', () => {
    const bad = [new Uint8Array(31)];
    expect(() => rootFromLeafHashes(bad)).toThrow(AuditError);
    expect(() => rootFromLeafHashes(bad)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => nodeHash(new Uint8Array(32), new Uint8Array(33))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => leafHash('text' as unknown as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('MerkleAccumulator', () => {
  // Its root after each add is the root of every prefix, so one pass covers every size.
  it('equals rootFromLeafHashes for every size 0..1100, and the RFC recursion up to 64', () => {
    const data = inputs(1100);
    const hashes = leafHashes(data);
    const acc = new MerkleAccumulator();
    for (let n = 0; n <= hashes.length; n++) {
      expect(acc.size).toBe(n);
      const root = hex(acc.root());
      expect(root).toBe(hex(rootFromLeafHashes(hashes.slice(0, n))));
      if (n <= 64) expect(root).toBe(hex(refMth(data.slice(0, n))));
      if (n < hashes.length) acc.add(hashes[n] as Uint8Array);
    }
  });

  it('equals rootFromLeafHashes around every power of two up to 2^16', () => {
    const hashes = leafHashes(inputs(2 ** 16 + 1));
    const checked = new Set<number>();
    for (let k = 0; k <= 16; k++) for (const d of [-1, 0, 1]) checked.add(2 ** k + d);
    const acc = new MerkleAccumulator();
    for (let n = 1; n <= hashes.length; n++) {
      acc.add(hashes[n - 1] as Uint8Array);
      if (checked.has(n)) {
        expect([n, hex(acc.root())]).toEqual([n, hex(rootFromLeafHashes(hashes.slice(0, n)))]);
      }
    }
  });

  it('reproduces the Certificate Transparency reference roots', () => {
    const acc = new MerkleAccumulator();
    CT_INPUTS.forEach((data, i) => {
      acc.add(leafHash(data));
      expect(hex(acc.root())).toBe(CT_ROOTS[i]);
    });
  });

  it('neither aliases nor mutates the hashes it is given', () => {
    const [a, b] = leafHashes(inputs(2)) as [Uint8Array, Uint8Array];
    const before = hex(a);
    const acc = new MerkleAccumulator();
    acc.add(a);
    const single = acc.root();
    single.fill(0);
    expect(hex(a)).toBe(before);
    expect(hex(acc.root())).toBe(before);
    acc.add(b);
    expect(hex(acc.root())).toBe(hex(nodeHash(a, b)));
    expect(hex(EMPTY_ROOT_HASH)).toBe(hex(new MerkleAccumulator().root()));
  });

  it('rejects a leaf that is not a 32-byte hash with INVALID_ARGUMENT, naming its index', () => {
    const acc = new MerkleAccumulator();
    acc.add(new Uint8Array(32));
    expect(() => acc.add(new Uint8Array(31))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('1') }),
    );
    expect(() => acc.add('x' as unknown as Uint8Array)).toThrow(AuditError);
    expect(acc.size).toBe(1);
  });
});

describe('MerkleAccumulator: appending a batch by its subtrees', () => {
  const hashes = leafHashes(inputs(1100));
  /** The tree after `start` leaves, then the batch [start, start + n) added leaf by leaf or by levels. */
  const both = (start: number, n: number) => {
    const byLeaf = new MerkleAccumulator();
    const byLevels = new MerkleAccumulator();
    for (const h of hashes.slice(0, start)) {
      byLeaf.add(h);
      byLevels.add(h);
    }
    const batch = hashes.slice(start, start + n);
    for (const h of batch) byLeaf.add(h);
    byLevels.addLevels(treeLevels(batch));
    return { byLeaf, byLevels };
  };

  it('gives the same size, root and frontier as adding the leaves one by one, aligned or not', () => {
    const starts = [0, 1, 2, 3, 4, 7, 8, 12, 16, 24, 31, 32, 33, 64, 96, 100];
    for (const start of starts) {
      for (let n = 1; n <= 70; n++) {
        const { byLeaf, byLevels } = both(start, n);
        expect([start, n, byLevels.size]).toEqual([start, n, byLeaf.size]);
        expect([start, n, hex(byLevels.root())]).toEqual([start, n, hex(byLeaf.root())]);
        expect(byLevels.frontier().map(hex)).toEqual(byLeaf.frontier().map(hex));
      }
    }
    // The sealer's default: batches of 1,000 appended one after another.
    for (const start of [0, 1000 - 900]) {
      const { byLeaf, byLevels } = both(start, 1000);
      expect(hex(byLevels.root())).toBe(hex(byLeaf.root()));
    }
  });

  it('adds a perfect subtree only where a perfect subtree of the tree can start', () => {
    const acc = new MerkleAccumulator();
    const [a, b, c, d] = hashes as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    acc.addSubtree(nodeHash(a, b), 2);
    expect(hex(acc.root())).toBe(hex(rootFromLeafHashes([a, b])));
    acc.add(c);
    // Leaf 3 cannot start a subtree of 2; the tree is unchanged by the refusal.
    expect(() => acc.addSubtree(nodeHash(d, d), 2)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('3') }),
    );
    expect(() => acc.addSubtree(d, 3)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('power of two'),
      }),
    );
    expect(() => acc.addSubtree(new Uint8Array(31), 1)).toThrow(AuditError);
    expect(acc.size).toBe(3);
    acc.addSubtree(d, 1);
    expect(hex(acc.root())).toBe(hex(rootFromLeafHashes([a, b, c, d])));
  });
});

describe('MerkleAccumulator frontier (the compact range [0, size))', () => {
  const data = inputs(700);
  const hashes = leafHashes(data);

  /** The maximal perfect subtrees of [0, n), left to right: one per set bit of n, largest first. */
  const subtreeRanges = (n: number): [number, number][] => {
    const ranges: [number, number][] = [];
    let lo = 0;
    for (let bit = 2 ** 20; bit >= 1; bit /= 2) {
      if (Math.floor(n / bit) % 2 === 1) {
        ranges.push([lo, lo + bit]);
        lo += bit;
      }
    }
    return ranges;
  };

  it('holds the roots of the perfect subtrees, one per set bit of the size', () => {
    const acc = new MerkleAccumulator();
    for (let n = 0; n <= 300; n++) {
      const expected = subtreeRanges(n).map(([lo, hi]) => hex(refMth(data.slice(lo, hi))));
      expect([n, acc.frontier().map(hex)]).toEqual([n, expected]);
      acc.add(hashes[n] as Uint8Array);
    }
  });

  it('matches the Certificate Transparency reference tree: size 7 is [MTH(0..4), MTH(4..6), leaf 6]', () => {
    const acc = new MerkleAccumulator();
    CT_INPUTS.slice(0, 7).forEach((input) => acc.add(leafHash(input)));
    expect(acc.frontier().map(hex)).toEqual([
      CT_ROOTS[3],
      hex(nodeHash(leafHash(CT_INPUTS[4] as Uint8Array), leafHash(CT_INPUTS[5] as Uint8Array))),
      hex(leafHash(CT_INPUTS[6] as Uint8Array)),
    ]);
    expect(hex(MerkleAccumulator.fromFrontier(7, acc.frontier()).root())).toBe(CT_ROOTS[6]);
  });

  it('resumes from (size, frontier) alone, across random hand-overs, to the same roots', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      let acc = new MerkleAccumulator();
      let n = 0;
      while (n < hashes.length) {
        // A "sealer" adds a batch, then a new owner resumes from what the last root carried.
        const batch = Math.min(1 + random.int(90), hashes.length - n);
        for (let i = 0; i < batch; i++) acc.add(hashes[n++] as Uint8Array);
        const carried = { size: acc.size, frontier: acc.frontier() };
        acc = MerkleAccumulator.fromFrontier(carried.size, carried.frontier);
        expect([seed, n, hex(acc.root())]).toEqual([
          seed,
          n,
          hex(rootFromLeafHashes(hashes.slice(0, n))),
        ]);
      }
    }
  });

  it('handles sizes beyond 2^32 without 32-bit arithmetic', () => {
    const h = hashes[0] as Uint8Array;
    const size = 2 ** 40 + 2 ** 33 + 1;
    const acc = MerkleAccumulator.fromFrontier(BigInt(size), [h, h, h]);
    expect(acc.size).toBe(size);
    acc.add(h); // completes a pair with the last subtree
    expect(acc.size).toBe(size + 1);
    expect(acc.frontier().map(hex)).toEqual([hex(h), hex(h), hex(nodeHash(h, h))]);
    expect(hex(acc.root())).toBe(hex(nodeHash(h, nodeHash(h, nodeHash(h, h)))));
    expect(MerkleAccumulator.fromFrontier(Number.MAX_SAFE_INTEGER, Array(53).fill(h)).size).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('clones independently and hands out copies', () => {
    const acc = new MerkleAccumulator();
    hashes.slice(0, 5).forEach((h) => acc.add(h));
    const copy = acc.clone();
    copy.add(hashes[5] as Uint8Array);
    expect(acc.size).toBe(5);
    expect(copy.size).toBe(6);
    acc.frontier()[0]?.fill(0);
    expect(hex(acc.root())).toBe(hex(rootFromLeafHashes(hashes.slice(0, 5))));
    const given = acc.frontier();
    const resumed = MerkleAccumulator.fromFrontier(5, given);
    given[0]?.fill(0);
    expect(hex(resumed.root())).toBe(hex(rootFromLeafHashes(hashes.slice(0, 5))));
  });

  it('starts an empty tree from size 0 and no hashes, with the empty root', () => {
    const acc = MerkleAccumulator.fromFrontier(0, []);
    expect(acc.frontier()).toEqual([]);
    expect(hex(acc.root())).toBe(hex(EMPTY_ROOT_HASH));
  });

  it('refuses a frontier that does not fit the size with INVALID_ARGUMENT', () => {
    const h = hashes[0] as Uint8Array;
    const bad: [unknown, unknown][] = [
      [5, [h]], // 5 = 101b needs two hashes
      [4, [h, h]],
      [0, [h]],
      [1, [new Uint8Array(31)]],
      [1, ['x']],
      [-1, []],
      [1.5, [h]],
      ['3', [h, h]],
      [2 ** 53, [h]],
      [3, 'not an array'],
    ];
    for (const [size, frontier] of bad) {
      expect(() =>
        MerkleAccumulator.fromFrontier(size as number, frontier as Uint8Array[]),
      ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});
