import { vigil } from '@vigil/proto';
import {
  decodeSealedRoot,
  encodeSealedRoot,
  fromProtoSealedRoot,
  sealedRootHash,
  signRoot,
  toProtoSealedRoot,
  verifyRootSignature,
  Keyring,
  type SealedRootRecord,
} from '../src';
import { expectCode, newKey, unsignedRoot } from './fixtures';

describe('SealedRoot wire conversion', () => {
  const key = newKey();
  const keyring = Keyring.fromPublicKeys([key.publicKey]);
  const root = signRoot(
    unsignedRoot({
      batchSequence: 9,
      firstOffset: 2 ** 40,
      lastOffset: 2 ** 40 + 9,
      leafCount: 10,
      prevRootHash: new Uint8Array(32).fill(3),
    }),
    key.privateKey,
  );
  const encode = (msg: vigil.v1.ISealedRoot) => vigil.v1.SealedRoot.encode(msg).finish();

  it('round-trips through protobuf bytes and still verifies', () => {
    const msg = toProtoSealedRoot(root);
    expect(msg.sealedAt).toEqual(
      expect.objectContaining({
        seconds: Math.floor(root.sealedAtMillis / 1000),
        nanos: 250_000_000,
      }),
    );
    const decoded = fromProtoSealedRoot(vigil.v1.SealedRoot.decode(encode(msg)));
    expect(decoded).toEqual(root);
    expect(decoded.rootHash).not.toBeInstanceOf(Buffer);
    expect(verifyRootSignature(decoded, keyring)).toEqual({ ok: true });
    expect(sealedRootHash(decoded)).toEqual(sealedRootHash(root));
  });

  it('accepts the proto3 JSON form with int64 as strings', () => {
    const json = vigil.v1.SealedRoot.toObject(
      vigil.v1.SealedRoot.decode(encode(toProtoSealedRoot(root))),
      { longs: String },
    );
    expect(typeof json.firstOffset).toBe('string');
    expect(fromProtoSealedRoot(json as vigil.v1.ISealedRoot)).toEqual(root);
  });

  it('refuses to encode malformed records', () => {
    expectCode(
      () => toProtoSealedRoot({ ...root, signature: new Uint8Array(10) }),
      'MALFORMED_ROOT',
    );
    expectCode(() => toProtoSealedRoot({ ...root, topic: '' }), 'MALFORMED_ROOT');
  });

  it('rejects missing, mis-sized and unsupported fields as MALFORMED_ROOT', () => {
    const wire = toProtoSealedRoot(root);
    const variants: [string, Partial<vigil.v1.ISealedRoot>][] = [
      ['version 0 (unset)', { version: 0 }],
      ['version 2', { version: 2 }],
      ['empty topic', { topic: '' }],
      ['root_hash missing', { rootHash: new Uint8Array(0) }],
      ['root_hash 31 bytes', { rootHash: new Uint8Array(31) }],
      ['prev_root_hash 33 bytes', { prevRootHash: new Uint8Array(33) }],
      ['sealed_at missing', { sealedAt: null }],
      ['sealed_at finer than ms', { sealedAt: { seconds: 1_772_366_400, nanos: 1 } }],
      ['sealed_at before 1970', { sealedAt: { seconds: -5, nanos: 0 } }],
      ['sealed_at nanos out of range', { sealedAt: { seconds: 1, nanos: 1e9 } }],
      ['key_id missing', { keyId: '' }],
      ['signature missing', { signature: new Uint8Array(0) }],
      ['signature 63 bytes', { signature: new Uint8Array(63) }],
      ['negative partition', { partition: -1 }],
      ['negative first_offset', { firstOffset: -1 }],
    ];
    for (const [name, change] of variants) {
      const msg = vigil.v1.SealedRoot.decode(encode({ ...wire, ...change }));
      let code: string | undefined;
      try {
        fromProtoSealedRoot(msg);
      } catch (error) {
        code = (error as { code?: string }).code;
      }
      expect({ name, code }).toEqual({ name, code: 'MALFORMED_ROOT' });
    }
    expectCode(
      () => fromProtoSealedRoot(null as unknown as vigil.v1.ISealedRoot),
      'MALFORMED_ROOT',
    );
  });

  it('names the wire field in messages', () => {
    const msg = vigil.v1.SealedRoot.decode(
      encode({ ...toProtoSealedRoot(root), prevRootHash: new Uint8Array(5) }),
    );
    expect(() => fromProtoSealedRoot(msg)).toThrow(/prev_root_hash/);
  });

  it('decodes a record whose fields are all independent copies', () => {
    const bytes = encode(toProtoSealedRoot(root));
    const decoded: SealedRootRecord = fromProtoSealedRoot(vigil.v1.SealedRoot.decode(bytes));
    bytes.fill(0);
    expect(verifyRootSignature(decoded, keyring)).toEqual({ ok: true });
  });
});

describe('the sealed-roots record codec', () => {
  const key = newKey();
  const keyring = Keyring.fromPublicKeys([key.publicKey]);
  const root = signRoot(unsignedRoot(), key.privateKey);

  it('writes the vigil.v1.SealedRoot bytes and reads them back to a root that verifies', () => {
    const bytes = encodeSealedRoot(root);
    expect(bytes).toBeInstanceOf(Buffer);
    expect(bytes).toEqual(
      Buffer.from(vigil.v1.SealedRoot.encode(toProtoSealedRoot(root)).finish()),
    );
    const decoded = decodeSealedRoot(bytes);
    expect(decoded).toEqual(root);
    bytes.fill(0);
    expect(verifyRootSignature(decoded, keyring)).toEqual({ ok: true });
  });

  it('refuses to write a malformed root', () => {
    expectCode(() => encodeSealedRoot({ ...root, keyId: '' }), 'MALFORMED_ROOT');
  });

  it('reads bytes that are not protobuf, or not a whole root, as MALFORMED_ROOT', () => {
    expectCode(() => decodeSealedRoot(Buffer.from([0x0f, 0xff, 0xff])), 'MALFORMED_ROOT');
    expectCode(() => decodeSealedRoot(encodeSealedRoot(root).subarray(0, 20)), 'MALFORMED_ROOT');
    expect(() => decodeSealedRoot(new Uint8Array(0))).toThrow(/sealed_at is missing/);
  });
});
