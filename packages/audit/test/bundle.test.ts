import {
  AuditError,
  Keyring,
  PROOF_BUNDLE_FORMAT,
  buildProofBundle,
  keyIdFor,
  loadPublicKey,
  leafHashesForRecords,
  parseProofBundle,
  verifyProofBundle,
  type ProofBundle,
  type SealedRootRecord,
} from '../src';
import { PARTITION, TOPIC, expectCode, newKey, range, sealChain } from './fixtures';

describe('proof bundles', () => {
  const key = newKey();
  const keyring = Keyring.fromPublicKeys([key.publicKey]);
  // Batch 1 covers offsets 100..112 with a marker hole at 105.
  const offsets = [...range(100, 104), ...range(106, 112)];
  const [, sealed] = sealChain([range(0, 99), offsets], [key]);
  const root = sealed?.root as SealedRootRecord;
  const records = sealed?.records ?? [];
  const leaves = leafHashesForRecords({ topic: TOPIC, partition: PARTITION }, records);
  const leafIndex = 6; // offset 107
  const build = () =>
    buildProofBundle({
      topic: TOPIC,
      partition: PARTITION,
      offset: '107',
      value: records[leafIndex]?.value as Uint8Array,
      leafIndex,
      batchLeafHashes: leaves,
      root,
    });

  /** A deep copy of a fresh bundle with `edit` applied, as an auditor's tampered file would be. */
  const tampered = (edit: (b: ProofBundle) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(build())) as ProofBundle;
    edit(copy);
    return copy;
  };
  const flipHex = (hex: string, at = 0) =>
    hex.slice(0, at) + (parseInt(hex[at] as string, 16) ^ 1).toString(16) + hex.slice(at + 1);

  it('builds a self-contained JSON bundle that verifies', () => {
    const bundle = build();
    expect(bundle).toMatchObject({
      format: PROOF_BUNDLE_FORMAT,
      record: {
        topic: TOPIC,
        partition: PARTITION,
        offset: '107',
        valueBase64: Buffer.from('event at 107').toString('base64'),
      },
      leafIndex: 6,
      treeSize: 12,
      keyId: root.keyId,
      sealedRoot: {
        version: 1,
        batchSequence: '1',
        firstOffset: '100',
        lastOffset: '112',
        leafCount: '12',
        sealedAt: '2026-03-01T12:00:01.250Z',
      },
    });
    expect(bundle.auditPath.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    const result = verifyProofBundle(JSON.parse(JSON.stringify(bundle)), keyring);
    expect(result).toEqual({
      ok: true,
      proven: {
        topic: TOPIC,
        partition: PARTITION,
        offset: '107',
        batchSequence: 1,
        rootHashHex: Buffer.from(root.rootHash).toString('hex'),
        keyId: root.keyId,
        sealedAt: '2026-03-01T12:00:01.250Z',
        leafIndex: 6,
        treeSize: 12,
      },
    });
    // JSON text works as well.
    expect(verifyProofBundle(JSON.stringify(bundle), keyring).ok).toBe(true);
  });

  it('proves every record of the batch', () => {
    records.forEach((record, i) => {
      const bundle = buildProofBundle({
        topic: TOPIC,
        partition: PARTITION,
        offset: record.offset,
        value: record.value,
        leafIndex: i,
        batchLeafHashes: leaves,
        root,
      });
      expect(verifyProofBundle(bundle, keyring)).toMatchObject({
        ok: true,
        proven: { offset: String(record.offset), leafIndex: i },
      });
    });
  });

  it('accepts sealedAt in any RFC 3339 offset denoting the same millisecond', () => {
    const shifted = tampered((b) => {
      b.sealedRoot.sealedAt = '2026-03-01T13:30:01.25+01:30';
    });
    expect(verifyProofBundle(shifted, keyring).ok).toBe(true);
  });

  const failures: [string, (b: ProofBundle) => void, string][] = [
    [
      'one byte of the value',
      (b) => {
        const v = Buffer.from(b.record.valueBase64, 'base64');
        v[0] = (v[0] as number) ^ 1;
        b.record.valueBase64 = v.toString('base64');
      },
      'INVALID_PROOF',
    ],
    [
      'an audit path element',
      (b) => {
        b.auditPath[1] = flipHex(b.auditPath[1] as string, 63);
      },
      'INVALID_PROOF',
    ],
    [
      'the audit path order',
      (b) => {
        b.auditPath.reverse();
      },
      'INVALID_PROOF',
    ],
    [
      'a dropped audit path element',
      (b) => {
        b.auditPath.pop();
      },
      'INVALID_PROOF',
    ],
    [
      'the leaf index to the next plausible one',
      (b) => {
        b.leafIndex = 7;
      },
      'INVALID_PROOF',
    ],
    [
      'the offset to the next one',
      (b) => {
        b.record.offset = '106';
      },
      'INVALID_PROOF',
    ],
    [
      'the offset to a marker offset',
      (b) => {
        b.record.offset = '105';
      },
      'INDEX_OUT_OF_RANGE',
    ],
    [
      'the root hash',
      (b) => {
        b.sealedRoot.rootHash = flipHex(b.sealedRoot.rootHash, 5);
      },
      'BAD_SIGNATURE',
    ],
    [
      'the signature',
      (b) => {
        b.sealedRoot.signature = flipHex(b.sealedRoot.signature, 10);
      },
      'BAD_SIGNATURE',
    ],
    [
      'sealedAt',
      (b) => {
        b.sealedRoot.sealedAt = '2026-03-01T12:00:01.251Z';
      },
      'BAD_SIGNATURE',
    ],
    [
      'the prev root hash',
      (b) => {
        b.sealedRoot.prevRootHash = flipHex(b.sealedRoot.prevRootHash);
      },
      'BAD_SIGNATURE',
    ],
    [
      'the record partition',
      (b) => {
        b.record.partition = PARTITION + 1;
      },
      'WRONG_PARTITION',
    ],
    [
      'the record topic',
      (b) => {
        b.record.topic = 'authz-decisions';
      },
      'WRONG_PARTITION',
    ],
    [
      'the offset out of the batch',
      (b) => {
        b.record.offset = '113';
      },
      'OFFSET_OUT_OF_RANGE',
    ],
    [
      'the tree size',
      (b) => {
        b.treeSize = 16;
      },
      'BAD_LEAF_COUNT',
    ],
    [
      'the leaf index past the tree',
      (b) => {
        b.leafIndex = 12;
      },
      'INDEX_OUT_OF_RANGE',
    ],
    [
      'the leaf index impossible for the offset',
      (b) => {
        b.leafIndex = 0;
        b.record.offset = '112';
      },
      'INDEX_OUT_OF_RANGE',
    ],
  ];
  it.each(failures)('fails when %s changes', (_name, edit, code) => {
    const result = verifyProofBundle(tampered(edit), keyring);
    expect(result).toMatchObject({ ok: false, code });
  });

  it('fails for unknown keys', () => {
    expect(verifyProofBundle(build(), Keyring.fromPublicKeys([newKey().publicKey]))).toMatchObject({
      ok: false,
      code: 'UNKNOWN_KEY',
    });
  });

  const malformed: [string, (b: Record<string, unknown> & ProofBundle) => void, string][] = [
    [
      'format',
      (b) => {
        b.format = 'vigil.proof-bundle.v2' as typeof PROOF_BUNDLE_FORMAT;
      },
      'format',
    ],
    [
      'record missing',
      (b) => {
        delete (b as Partial<ProofBundle>).record;
      },
      'bundle.record',
    ],
    [
      'record.offset as number',
      (b) => {
        (b.record as Record<string, unknown>).offset = 107;
      },
      'record.offset',
    ],
    [
      'record.offset with leading zero',
      (b) => {
        b.record.offset = '0107';
      },
      'record.offset',
    ],
    [
      'record.valueBase64 not base64',
      (b) => {
        b.record.valueBase64 = 'not base64!';
      },
      'record.valueBase64',
    ],
    [
      'record.valueBase64 truncated',
      (b) => {
        b.record.valueBase64 = b.record.valueBase64.slice(0, -1);
      },
      'record.valueBase64',
    ],
    [
      'record.topic invalid',
      (b) => {
        b.record.topic = 'no spaces allowed';
      },
      'record.topic',
    ],
    [
      'record.partition negative',
      (b) => {
        b.record.partition = -1;
      },
      'record.partition',
    ],
    [
      'record extra field',
      (b) => {
        (b.record as Record<string, unknown>).note = 'trust me';
      },
      'record.note',
    ],
    [
      'leafIndex as string',
      (b) => {
        (b as Record<string, unknown>).leafIndex = '6';
      },
      'leafIndex',
    ],
    [
      'treeSize fractional',
      (b) => {
        b.treeSize = 12.5;
      },
      'treeSize',
    ],
    [
      'auditPath not an array',
      (b) => {
        (b as Record<string, unknown>).auditPath = 'abc';
      },
      'auditPath',
    ],
    [
      'auditPath element uppercase',
      (b) => {
        b.auditPath[2] = (b.auditPath[2] as string).toUpperCase();
      },
      'auditPath[2]',
    ],
    [
      'auditPath element short',
      (b) => {
        b.auditPath[0] = (b.auditPath[0] as string).slice(2);
      },
      'auditPath[0]',
    ],
    [
      'sealedRoot.rootHash short',
      (b) => {
        b.sealedRoot.rootHash = b.sealedRoot.rootHash.slice(2);
      },
      'sealedRoot.rootHash',
    ],
    [
      'sealedRoot.signature base64',
      (b) => {
        b.sealedRoot.signature = Buffer.from(b.sealedRoot.signature, 'hex').toString('base64');
      },
      'sealedRoot.signature',
    ],
    [
      'sealedRoot.sealedAt not RFC 3339',
      (b) => {
        b.sealedRoot.sealedAt = '2026-03-01 12:00:01';
      },
      'sealedRoot.sealedAt',
    ],
    [
      'sealedRoot.sealedAt microseconds',
      (b) => {
        b.sealedRoot.sealedAt = '2026-03-01T12:00:01.250001Z';
      },
      'sealedRoot.sealedAt',
    ],
    [
      'sealedRoot.sealedAt impossible date',
      (b) => {
        b.sealedRoot.sealedAt = '2026-02-30T12:00:01.250Z';
      },
      'sealedRoot.sealedAt',
    ],
    [
      'sealedRoot.batchSequence as number',
      (b) => {
        (b.sealedRoot as unknown as Record<string, unknown>).batchSequence = 1;
      },
      'sealedRoot.batchSequence',
    ],
    [
      'sealedRoot.version 2',
      (b) => {
        b.sealedRoot.version = 2;
      },
      'sealedRoot.version',
    ],
    [
      'sealedRoot.keyId missing',
      (b) => {
        delete (b.sealedRoot as Partial<ProofBundle['sealedRoot']>).keyId;
      },
      'sealedRoot.keyId',
    ],
    [
      'sealedRoot extra field',
      (b) => {
        (b.sealedRoot as unknown as Record<string, unknown>).verified = true;
      },
      'sealedRoot.verified',
    ],
    [
      'keyId differs from sealedRoot.keyId',
      (b) => {
        b.keyId = 'ed25519:00000000000000000000000000000000';
      },
      'keyId',
    ],
    [
      'extra top-level field',
      (b) => {
        b.comment = 'hello';
      },
      'bundle.comment',
    ],
  ];
  it.each(malformed)('throws MALFORMED_BUNDLE naming the field: %s', (_name, edit, field) => {
    let caught: unknown;
    try {
      verifyProofBundle(tampered(edit as (b: ProofBundle) => void), keyring);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuditError);
    expect(caught).toMatchObject({ code: 'MALFORMED_BUNDLE', field });
    expect((caught as Error).message.startsWith(`${field}: `)).toBe(true);
  });

  it('throws MALFORMED_BUNDLE for values that are not bundles at all', () => {
    for (const value of [null, 42, [], 'not json', '{"format":', undefined]) {
      expectCode(() => verifyProofBundle(value, keyring), 'MALFORMED_BUNDLE');
    }
    expect(() => parseProofBundle('[]')).toThrow(/^bundle: must be a JSON object$/);
  });

  it('refuses to build bundles that could not verify', () => {
    const args = {
      topic: TOPIC,
      partition: PARTITION,
      offset: '107',
      value: records[leafIndex]?.value as Uint8Array,
      leafIndex,
      batchLeafHashes: leaves,
      root,
    };
    expectCode(() => buildProofBundle({ ...args, value: Buffer.from('other') }), 'LEAF_MISMATCH');
    expectCode(() => buildProofBundle({ ...args, leafIndex: 5 }), 'LEAF_MISMATCH');
    expectCode(() => buildProofBundle({ ...args, leafIndex: 12 }), 'INDEX_OUT_OF_RANGE');
    expectCode(() => buildProofBundle({ ...args, offset: '99' }), 'OFFSET_OUT_OF_RANGE');
    expectCode(
      () => buildProofBundle({ ...args, batchLeafHashes: leaves.slice(1) }),
      'BAD_LEAF_COUNT',
    );
    const swapped = [...leaves];
    [swapped[0], swapped[1]] = [swapped[1] as Uint8Array, swapped[0] as Uint8Array];
    expectCode(() => buildProofBundle({ ...args, batchLeafHashes: swapped }), 'ROOT_MISMATCH');
    expectCode(() => buildProofBundle({ ...args, partition: 0 }), 'INVALID_ARGUMENT');
    expectCode(
      () => buildProofBundle({ ...args, root: { ...root, signature: new Uint8Array(1) } }),
      'MALFORMED_ROOT',
    );
  });

  it('still verifies the bundle documented in the README (format stability)', () => {
    // Built by an earlier revision with the RFC 8032 §7.1 test-1 key; any change to the leaf
    // encoding, the signed encoding, the key id or the JSON format breaks it.
    const readmeKey = loadPublicKey(
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n',
    );
    const bundle = {
      format: 'vigil.proof-bundle.v1',
      record: {
        topic: 'access-events',
        partition: 3,
        offset: '1202',
        valueBase64: 'eyJldmVudCI6MTIwMn0=',
      },
      leafIndex: 2,
      treeSize: 5,
      auditPath: [
        '45152a8f538af504b400cb8ee6fa32b00f4154ba4197ee0057270f065450eeb6',
        'a32a530d8db90bc38320c18001d65fd01c3291b9e5bbf30a368c31e57b4da177',
        '87146cc0ab6edbef39866a64947e08dbc9157104e2fbcc6a6858430303a23473',
      ],
      sealedRoot: {
        version: 1,
        topic: 'access-events',
        partition: 3,
        batchSequence: '17',
        firstOffset: '1200',
        lastOffset: '1205',
        leafCount: '5',
        rootHash: 'f25783e9ac4fb2e7e72f5933af0851f587f0452a2312c80f34f649805ec8004a',
        prevRootHash: '6da0633528deaa0144e7b058315f0b753ec0b945163a72bf96a0d18180f9de0d',
        sealedAt: '2026-03-01T12:00:00.250Z',
        keyId: 'ed25519:21fe31dfa154a261626bf854046fd227',
        signature:
          'a5227470ff2f217c9f9481728c02f6b9741b86ba74e24d947e5cf2f88ceba4fdd413790313122fc011a85d60627addd58ac13cb5e8497e1c81e954169a72f70c',
      },
      keyId: 'ed25519:21fe31dfa154a261626bf854046fd227',
    };
    expect(keyIdFor(readmeKey)).toBe(bundle.keyId);
    expect(verifyProofBundle(bundle, Keyring.fromPublicKeys([readmeKey]))).toMatchObject({
      ok: true,
      proven: { offset: '1202', batchSequence: 17, leafIndex: 2, treeSize: 5 },
    });
  });
});
