import { sign, verify } from 'node:crypto';
import {
  Keyring,
  ZERO_HASH,
  canonicalRootBytes,
  keyIdFor,
  sealedRootHash,
  signRoot,
  verifyRootSignature,
  type SealedRootRecord,
} from '../src';
import { expectCode, newKey, unsignedRoot } from './fixtures';

describe('signing sealed roots', () => {
  const current = newKey();
  const retired = newKey();
  const keyring = Keyring.fromPublicKeys([retired.publicKey, current.publicKey]);

  it('signs canonicalRootBytes with Ed25519 under the derived key id', () => {
    const root = signRoot(unsignedRoot(), current.privateKey);
    expect(root.keyId).toBe(keyIdFor(current.publicKey));
    expect(root.signature).toHaveLength(64);
    expect(verify(null, canonicalRootBytes(root), current.publicKey, root.signature)).toBe(true);
    expect(verifyRootSignature(root, keyring)).toEqual({ ok: true });
    // Ed25519 is deterministic.
    expect(signRoot(unsignedRoot(), current.privateKey).signature).toEqual(root.signature);
  });

  it('does not keep references to the caller’s buffers', () => {
    const unsigned = unsignedRoot({ rootHash: new Uint8Array(32).fill(5) });
    const root = signRoot(unsigned, current.privateKey);
    unsigned.rootHash.fill(6);
    expect(verifyRootSignature(root, keyring)).toEqual({ ok: true });
  });

  it('breaks when any signed field is altered', () => {
    const root = signRoot(
      unsignedRoot({ batchSequence: 4, prevRootHash: new Uint8Array(32).fill(9) }),
      current.privateKey,
    );
    const tampered: [string, Partial<SealedRootRecord>][] = [
      ['topic', { topic: 'authz-decisions' }],
      ['partition', { partition: 4 }],
      ['batchSequence', { batchSequence: 5 }],
      ['firstOffset', { firstOffset: 101 }],
      ['lastOffset', { lastOffset: 104 }],
      ['leafCount', { leafCount: 3 }],
      ['rootHash', { rootHash: new Uint8Array(32).fill(0xac) }],
      ['prevRootHash', { prevRootHash: new Uint8Array(32).fill(8) }],
      ['sealedAtMillis', { sealedAtMillis: root.sealedAtMillis + 1 }],
      ['signature', { signature: root.signature.map((b, i) => (i === 10 ? b ^ 1 : b)) }],
    ];
    for (const [field, change] of tampered) {
      const result = verifyRootSignature({ ...root, ...change }, keyring);
      expect({ field, result }).toEqual({
        field,
        result: expect.objectContaining({ ok: false, code: 'BAD_SIGNATURE' }),
      });
    }
  });

  it('binds the key id: re-attributing a signature to another known key fails', () => {
    const root = signRoot(unsignedRoot(), current.privateKey);
    const reattributed = { ...root, keyId: keyIdFor(retired.publicKey) };
    expect(verifyRootSignature(reattributed, keyring)).toMatchObject({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
    // Even a signature by the retired key over the original bytes does not verify under its id.
    const forged = {
      ...root,
      keyId: keyIdFor(retired.publicKey),
      signature: new Uint8Array(sign(null, canonicalRootBytes(root), retired.privateKey)),
    };
    expect(verifyRootSignature(forged, keyring)).toMatchObject({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
  });

  it('reports roots signed by keys it does not hold as UNKNOWN_KEY', () => {
    const stranger = newKey();
    const root = signRoot(unsignedRoot(), stranger.privateKey);
    const result = verifyRootSignature(root, keyring);
    expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_KEY' });
    expect(!result.ok && result.message).toContain(keyIdFor(stranger.publicKey));
  });

  it('verifies roots of rotated keys with one keyring', () => {
    const old = signRoot(unsignedRoot(), retired.privateKey);
    const fresh = signRoot(
      unsignedRoot({ batchSequence: 1, prevRootHash: sealedRootHash(old) }),
      current.privateKey,
    );
    expect(old.keyId).not.toBe(fresh.keyId);
    expect(verifyRootSignature(old, keyring)).toEqual({ ok: true });
    expect(verifyRootSignature(fresh, keyring)).toEqual({ ok: true });
    expect(verifyRootSignature(old, Keyring.fromPublicKeys([current.publicKey]))).toMatchObject({
      code: 'UNKNOWN_KEY',
    });
  });

  it('treats malformed roots as bad signatures', () => {
    const root = signRoot(unsignedRoot(), current.privateKey);
    expect(
      verifyRootSignature({ ...root, signature: root.signature.subarray(1) }, keyring),
    ).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect(verifyRootSignature({ ...root, rootHash: new Uint8Array(3) }, keyring)).toMatchObject({
      code: 'BAD_SIGNATURE',
    });
    expect(verifyRootSignature({ ...root, version: 2 }, keyring)).toMatchObject({
      code: 'BAD_SIGNATURE',
    });
  });

  it('refuses to sign malformed or inconsistent roots, and non-Ed25519-private keys', () => {
    const k = current.privateKey;
    expectCode(() => signRoot(unsignedRoot({ version: 2 }), k), 'MALFORMED_ROOT');
    expectCode(() => signRoot(unsignedRoot({ firstOffset: 104 }), k), 'MALFORMED_ROOT');
    expectCode(() => signRoot(unsignedRoot({ leafCount: 0 }), k), 'MALFORMED_ROOT');
    expectCode(() => signRoot(unsignedRoot({ leafCount: 5 }), k), 'MALFORMED_ROOT');
    expectCode(
      () => signRoot(unsignedRoot({ prevRootHash: new Uint8Array(32).fill(1) }), k),
      'MALFORMED_ROOT',
    );
    expectCode(
      () => signRoot(unsignedRoot({ batchSequence: 3, prevRootHash: ZERO_HASH }), k),
      'MALFORMED_ROOT',
    );
    expectCode(() => signRoot(unsignedRoot(), current.publicKey), 'INVALID_KEY');
    // Offset holes (transaction markers) are fine: fewer leaves than offsets.
    expect(signRoot(unsignedRoot({ leafCount: 2 }), k).leafCount).toBe(2);
  });
});

describe('sealedRootHash', () => {
  it('is SHA-256 of the canonical bytes followed by the signature', () => {
    const key = newKey();
    const root = signRoot(unsignedRoot(), key.privateKey);
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const expected = createHash('sha256')
      .update(canonicalRootBytes(root))
      .update(root.signature)
      .digest();
    expect(Buffer.from(sealedRootHash(root))).toEqual(expected);
    const other = { ...root, signature: root.signature.map((b, i) => (i === 0 ? b ^ 1 : b)) };
    expect(Buffer.from(sealedRootHash(other))).not.toEqual(expected);
    expectCode(() => sealedRootHash({ ...root, signature: new Uint8Array(0) }), 'MALFORMED_ROOT');
  });
});
