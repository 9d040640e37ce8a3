import * as fc from 'fast-check';
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
      'sealedRoot.version 3',
      (b) => {
        b.sealedRoot.version = 3;
      },
      'sealedRoot.version',
    ],
    [
      'sealedRoot.version 2 without its log',
      (b) => {
        b.sealedRoot.version = 2;
      },
      'sealedRoot.log',
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

describe('proof bundle text is read strictly', () => {
  const key = newKey();
  const keyring = Keyring.fromPublicKeys([key.publicKey]);
  const offsets = range(1000, 1039);
  const [sealed] = sealChain([offsets], [key]);
  const root = sealed?.root as SealedRootRecord;
  const records = sealed?.records ?? [];
  const leaves = leafHashesForRecords({ topic: TOPIC, partition: PARTITION }, records);
  const bundleAt = (leafIndex: number) =>
    buildProofBundle({
      topic: TOPIC,
      partition: PARTITION,
      offset: String(offsets[leafIndex]),
      value: records[leafIndex]?.value as Uint8Array,
      leafIndex,
      batchLeafHashes: leaves,
      root,
    });
  /** Exactly what `vigil audit prove` writes. */
  const written = (bundle: ProofBundle) => `${JSON.stringify(bundle, null, 2)}\n`;

  const failure = (text: string) => {
    try {
      parseProofBundle(text);
    } catch (err) {
      if (err instanceof AuditError)
        return { code: err.code, field: err.field, message: err.message };
      throw err;
    }
    return undefined;
  };

  /** The integer fields: their path, and how to reach them in a bundle. */
  const INTEGER_FIELDS: ReadonlyArray<
    [string, (b: Record<string, unknown>) => Record<string, unknown>, string]
  > = [
    ['leafIndex', (b) => b, 'leafIndex'],
    ['treeSize', (b) => b, 'treeSize'],
    ['record.partition', (b) => b.record as Record<string, unknown>, 'partition'],
    ['sealedRoot.version', (b) => b.sealedRoot as Record<string, unknown>, 'version'],
    ['sealedRoot.partition', (b) => b.sealedRoot as Record<string, unknown>, 'partition'],
  ];
  const RAW = '"@@raw@@"';
  /** The written bundle with one integer field spelled `lexeme` instead. */
  const withLexeme = (bundle: ProofBundle, field: number, lexeme: string) => {
    const copy = JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;
    const [, holder, name] = INTEGER_FIELDS[field] as (typeof INTEGER_FIELDS)[number];
    const value = holder(copy)[name] as number;
    holder(copy)[name] = '@@raw@@';
    return { text: written(copy as unknown as ProofBundle).replace(RAW, lexeme), value };
  };

  it('verifies what the writer emits today, as text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: offsets.length - 1 }), (leafIndex) => {
        const bundle = bundleAt(leafIndex);
        const text = written(bundle);
        expect(verifyProofBundle(text, keyring)).toMatchObject({ ok: true, proven: { leafIndex } });
        expect(parseProofBundle(text)).toEqual(parseProofBundle(bundle));
      }),
      { numRuns: 40 },
    );
  });

  // Issue #11: bundles accepted 4.0 and 1.0000000000000001 as integers.
  it.each([
    ['leafIndex', '6.0'],
    ['treeSize', '40.0000000000000001'],
    ['leafIndex', '6e0'],
    ['record.partition', '3.0'],
    ['sealedRoot.version', '1.0000000000000001'],
  ])('refuses %s written as %s', (path, lexeme) => {
    const field = INTEGER_FIELDS.findIndex(([p]) => p === path);
    const { text } = withLexeme(bundleAt(6), field, lexeme);
    expect(JSON.parse(text)).toBeDefined(); // JSON.parse alone reads it as an integer
    expect(failure(text)).toEqual({
      code: 'MALFORMED_BUNDLE',
      field: path,
      message: `${path}: must be an integer written with digits only (no fraction, exponent or -0)`,
    });
  });

  it('refuses every other spelling of every integer field, and accepts the canonical one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: offsets.length - 1 }),
        fc.integer({ min: 0, max: INTEGER_FIELDS.length - 1 }),
        fc.constantFrom('.0', '.00', 'e0', 'E+0', 'e-0', '.0000000000000001', '0e0'),
        (leafIndex, field, suffix) => {
          const bundle = bundleAt(leafIndex);
          const { value } = withLexeme(bundle, field, '0');
          const canonical = withLexeme(bundle, field, String(value));
          expect(failure(canonical.text)).toBeUndefined();
          const spelled = suffix === '0e0' ? `${value * 10}e-1` : `${value}${suffix}`;
          // JSON.parse reads the spelling as the same integer (1 + 1e-16 rounds to 1).
          if (value >= 1) expect(JSON.parse(spelled)).toBe(value);
          const other = withLexeme(bundle, field, spelled);
          expect(failure(other.text)).toMatchObject({
            code: 'MALFORMED_BUNDLE',
            field: INTEGER_FIELDS[field]?.[0],
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounds integers at 2^53-1: a JSON number at or above 2^53 is refused', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n - 5n, max: 2n ** 64n }), (n) => {
        const { text } = withLexeme(bundleAt(0), 0, n.toString());
        const result = failure(text);
        if (n <= 2n ** 53n - 1n) expect(result).toBeUndefined();
        else {
          expect(result).toEqual({
            code: 'MALFORMED_BUNDLE',
            field: 'leafIndex',
            message: 'leafIndex: must be at most 2^53-1',
          });
        }
      }),
    );
    // Decimal-string fields have the same bound (record.offset: Kafka's 2^63-1).
    const bundle = JSON.parse(written(bundleAt(0))) as ProofBundle;
    bundle.sealedRoot.leafCount = '9007199254740992';
    expect(failure(JSON.stringify(bundle))).toMatchObject({ field: 'sealedRoot.leafCount' });
  });

  // Issue #11: bundles accepted duplicate keys (the last one won).
  it('refuses a repeated member anywhere, naming it', () => {
    const objects: ReadonlyArray<
      [string, (b: Record<string, unknown>) => Record<string, unknown>]
    > = [
      ['', (b) => b],
      ['record', (b) => b.record as Record<string, unknown>],
      ['sealedRoot', (b) => b.sealedRoot as Record<string, unknown>],
    ];
    const MARK = '@@dup@@';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: offsets.length - 1 }),
        fc.constantFrom(...objects),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        (leafIndex, [path, holder], pick, first, sameValue) => {
          const copy = JSON.parse(written(bundleAt(leafIndex))) as Record<string, unknown>;
          const target = holder(copy);
          const names = Object.keys(target);
          const name = names[pick % names.length] as string;
          const extra = sameValue ? target[name] : 'other';
          const rebuilt = first ? { [MARK]: 0, ...target } : { ...target, [MARK]: 0 };
          const text = written(
            (path === '' ? rebuilt : { ...copy, [path]: rebuilt }) as unknown as ProofBundle,
          ).replace(`"${MARK}": 0`, `${JSON.stringify(name)}: ${JSON.stringify(extra)}`);
          const field = path === '' ? name : `${path}.${name}`;
          expect(failure(text)).toEqual({
            code: 'MALFORMED_BUNDLE',
            field,
            message: `${field}: appears more than once`,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes T/t and Z/z in sealedAt, as RFC 3339 allows', () => {
    for (const sealedAt of [
      '2026-03-01t12:00:00.250z',
      '2026-03-01T12:00:00.250z',
      '2026-03-01t13:00:00.250+01:00',
    ]) {
      const bundle = JSON.parse(written(bundleAt(3))) as ProofBundle;
      bundle.sealedRoot.sealedAt = sealedAt;
      expect(verifyProofBundle(JSON.stringify(bundle), keyring).ok).toBe(true);
    }
  });

  it('answers any mangled text with MALFORMED_BUNDLE or a verdict, and means what JSON.parse means', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: offsets.length - 1 }),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom('', '{', '}', '"', ',', ':', '0', '.', '-', 'e', '1', ' '),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (leafIndex, edits) => {
          let text = written(bundleAt(leafIndex));
          for (const [at, insert] of edits) {
            const i = at % text.length;
            text = `${text.slice(0, i)}${insert}${text.slice(i + (insert === '' ? 1 : 0))}`;
          }
          let parsed;
          try {
            parsed = parseProofBundle(text);
          } catch (err) {
            expect(err).toBeInstanceOf(AuditError);
            expect((err as AuditError).code).toBe('MALFORMED_BUNDLE');
            return;
          }
          // Strict reading refuses more, but what it accepts it reads as JSON.parse does.
          expect(parseProofBundle(JSON.parse(text))).toEqual(parsed);
          expect(typeof verifyProofBundle(text, keyring).ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});
