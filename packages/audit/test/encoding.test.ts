import {
  AuditError,
  LEAF_DOMAIN_TAG,
  SEALED_ROOT_DOMAIN_TAG,
  canonicalRootBytes,
  encodeLeafData,
  leafHash,
} from '../src';
import { expectCode, unsignedRoot } from './fixtures';

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u64 = (n: number | bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};

describe('leaf encoding (vigil.leaf.v1)', () => {
  const value = new Uint8Array([0x0a, 0x00, 0xff]);

  it('lays out tag, topic, partition, offset and value as documented', () => {
    const expected = Buffer.concat([
      Buffer.from('vigil.leaf.v1\0', 'ascii'),
      u16(13),
      Buffer.from('access-events', 'ascii'),
      u32(5),
      u64(1234567890123),
      u32(3),
      Buffer.from(value),
    ]);
    const encoded = encodeLeafData(
      { topic: 'access-events', partition: 5, offset: 1234567890123 },
      value,
    );
    expect(Buffer.from(encoded).toString('hex')).toBe(expected.toString('hex'));
    expect(LEAF_DOMAIN_TAG).toBe('vigil.leaf.v1\0');
    expect(encoded.length).toBe(14 + 2 + 13 + 4 + 8 + 4 + 3);
  });

  it('accepts the offset as number, bigint or decimal string with the same result', () => {
    const pos = { topic: 't', partition: 0 };
    const a = encodeLeafData({ ...pos, offset: 42 }, value);
    expect(encodeLeafData({ ...pos, offset: 42n }, value)).toEqual(a);
    expect(encodeLeafData({ ...pos, offset: '42' }, value)).toEqual(a);
    const big = encodeLeafData({ ...pos, offset: '9223372036854775807' }, value);
    expect(
      Buffer.from(big)
        .subarray(14 + 2 + 1 + 4, 14 + 2 + 1 + 4 + 8)
        .toString('hex'),
    ).toBe('7fffffffffffffff');
  });

  it('is unambiguous: every field shift changes the bytes', () => {
    const base = { topic: 'ab', partition: 1, offset: 2 };
    const variants = [
      encodeLeafData(base, new Uint8Array([3])),
      encodeLeafData({ ...base, topic: 'a' }, new Uint8Array([3])),
      encodeLeafData({ ...base, topic: 'abc' }, new Uint8Array([3])),
      encodeLeafData({ ...base, partition: 2 }, new Uint8Array([3])),
      encodeLeafData({ ...base, offset: 3 }, new Uint8Array([3])),
      encodeLeafData(base, new Uint8Array([])),
      encodeLeafData(base, new Uint8Array([3, 0])),
      encodeLeafData(base, new Uint8Array([4])),
    ];
    const distinct = new Set(variants.map((v) => Buffer.from(v).toString('hex')));
    expect(distinct.size).toBe(variants.length);
    expect(new Set(variants.map((v) => Buffer.from(leafHash(v)).toString('hex'))).size).toBe(
      variants.length,
    );
  });

  it('rejects invalid positions and values with INVALID_ARGUMENT', () => {
    const ok = { topic: 'access-events', partition: 0, offset: 0 };
    const bad: [string, () => unknown][] = [
      ['empty topic', () => encodeLeafData({ ...ok, topic: '' }, value)],
      ['topic with a space', () => encodeLeafData({ ...ok, topic: 'a b' }, value)],
      ['non-ASCII topic', () => encodeLeafData({ ...ok, topic: 'événements' }, value)],
      ['topic "."', () => encodeLeafData({ ...ok, topic: '.' }, value)],
      ['topic of 250 characters', () => encodeLeafData({ ...ok, topic: 'a'.repeat(250) }, value)],
      ['negative partition', () => encodeLeafData({ ...ok, partition: -1 }, value)],
      ['fractional partition', () => encodeLeafData({ ...ok, partition: 1.5 }, value)],
      ['partition past int32', () => encodeLeafData({ ...ok, partition: 2 ** 31 }, value)],
      ['negative offset', () => encodeLeafData({ ...ok, offset: -1 }, value)],
      ['unsafe number offset', () => encodeLeafData({ ...ok, offset: 2 ** 53 }, value)],
      ['offset past int64', () => encodeLeafData({ ...ok, offset: 2n ** 63n }, value)],
      ['offset string with leading zero', () => encodeLeafData({ ...ok, offset: '07' }, value)],
      ['offset string with sign', () => encodeLeafData({ ...ok, offset: '-7' }, value)],
      ['offset string in hex', () => encodeLeafData({ ...ok, offset: '0x10' }, value)],
      ['null value', () => encodeLeafData(ok, null as unknown as Uint8Array)],
      ['string value', () => encodeLeafData(ok, 'v' as unknown as Uint8Array)],
    ];
    for (const [name, fn] of bad) {
      try {
        fn();
        throw new Error(`${name}: accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(AuditError);
        expect((error as AuditError).code).toBe('INVALID_ARGUMENT');
      }
    }
    expect(encodeLeafData({ ...ok, topic: 'a'.repeat(249) }, new Uint8Array(0)).length).toBe(
      14 + 2 + 249 + 4 + 8 + 4,
    );
  });
});

describe('canonical sealed-root encoding (vigil.sealed-root.v1)', () => {
  const root = {
    ...unsignedRoot({
      batchSequence: 7,
      firstOffset: 1000,
      lastOffset: 1099,
      leafCount: 98,
      rootHash: new Uint8Array(32).fill(0x11),
      prevRootHash: new Uint8Array(32).fill(0x22),
      sealedAtMillis: 1_772_366_400_250,
    }),
    keyId: 'ed25519:00112233445566778899aabbccddeeff',
  };

  it('lays out every field as documented', () => {
    const expected = Buffer.concat([
      Buffer.from('vigil.sealed-root.v1\0', 'ascii'),
      u32(1),
      u16(13),
      Buffer.from('access-events'),
      u32(3),
      u64(7),
      u64(1000),
      u64(1099),
      u64(98),
      Buffer.alloc(32, 0x11),
      Buffer.alloc(32, 0x22),
      u64(1_772_366_400_250),
      u16(40),
      Buffer.from('ed25519:00112233445566778899aabbccddeeff'),
    ]);
    expect(Buffer.from(canonicalRootBytes(root)).toString('hex')).toBe(expected.toString('hex'));
    expect(SEALED_ROOT_DOMAIN_TAG).toBe('vigil.sealed-root.v1\0');
    expect(canonicalRootBytes(root).length).toBe(21 + 4 + 2 + 13 + 4 + 4 * 8 + 64 + 8 + 2 + 40);
  });

  it('changes with every field, key id included', () => {
    const changes: Partial<typeof root>[] = [
      { topic: 'access-eventz' },
      { partition: 4 },
      { batchSequence: 8 },
      { firstOffset: 1001 },
      { lastOffset: 1098 },
      { leafCount: 97 },
      { rootHash: new Uint8Array(32).fill(0x12) },
      { prevRootHash: new Uint8Array(32).fill(0x23) },
      { sealedAtMillis: 1_772_366_400_251 },
      { keyId: 'ed25519:00112233445566778899aabbccddeef0' },
    ];
    const base = Buffer.from(canonicalRootBytes(root)).toString('hex');
    const seen = new Set([base]);
    for (const change of changes) {
      seen.add(Buffer.from(canonicalRootBytes({ ...root, ...change })).toString('hex'));
    }
    expect(seen.size).toBe(changes.length + 1);
  });

  it('rejects roots it cannot encode with MALFORMED_ROOT', () => {
    const bad: Record<string, unknown>[] = [
      { version: 2 },
      { version: 0 },
      { topic: '' },
      { partition: -1 },
      { batchSequence: -1 },
      { firstOffset: 1.5 },
      { lastOffset: 2 ** 53 },
      { leafCount: '98' },
      { rootHash: new Uint8Array(31) },
      { prevRootHash: undefined },
      { sealedAtMillis: -1 },
      { keyId: '' },
      { keyId: 'key with spaces' },
      { keyId: 'k'.repeat(129) },
    ];
    for (const change of bad) {
      expectCode(() => canonicalRootBytes({ ...root, ...change } as typeof root), 'MALFORMED_ROOT');
    }
  });
});
