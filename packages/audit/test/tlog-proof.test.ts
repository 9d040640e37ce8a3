import {
  TLOG_PROOF_HEADER,
  buildRecordTlogProof,
  checkpointOrigin,
  decodeLeafData,
  encodeLeafData,
  formatTlogProof,
  formatVerifierKey,
  inclusionProof,
  leafHash,
  noteVerifier,
  parseTlogProof,
  parseVerifierKey,
  rootFromLeafHashes,
  signCheckpoint,
  verifyRecordTlogProof,
  verifyTlogProof,
} from '../src';
import { expectCode, newKey } from './fixtures';
import { hex } from './reference';

// c2sp.org/tlog-proof, the example at the top of the spec (its signatures are elided with
// "[...]", so only the proof framing is checked against it).
const C2SP_EXAMPLE = `c2sp.org/tlog-proof@v1
extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
index 73894
gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

example.com/fancylog
109482
sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

— example.com/fancylog hI2DJw[...]1roloI=
— witness1.example mJirIklj[...]qY9v2B/5bg==
— witness2.example TnKKVHLX[...]xwYwrSjgow==
— witness3.example S4X82uH5[...]3oEcROGLFQ==
`;

const LOG = 'vigil.example.com/audit';
const TOPIC = 'access-events';
const PARTITION = 3;
const ORIGIN = checkpointOrigin(LOG, TOPIC, PARTITION);
const key = newKey();
const verifiers = [parseVerifierKey(formatVerifierKey(ORIGIN, key.publicKey))];

// The partition's log: leaf i is the i-th sealed record (offsets with holes, as with
// transaction markers).
const records = Array.from({ length: 21 }, (_, i) => ({
  offset: String(1000 + i * 2),
  value: new Uint8Array(Buffer.from(`{"event":${i}}`)),
}));
const leafData = records.map((r) =>
  encodeLeafData({ topic: TOPIC, partition: PARTITION, offset: r.offset }, r.value),
);
const leaves = leafData.map(leafHash);
const SIZE = 17;
const checkpoint = signCheckpoint(
  { origin: ORIGIN, size: SIZE, rootHash: rootFromLeafHashes(leaves.slice(0, SIZE)) },
  key.privateKey,
);

const recordProof = (index: number, cp = checkpoint) =>
  buildRecordTlogProof({
    topic: TOPIC,
    partition: PARTITION,
    offset: (records[index] as { offset: string }).offset,
    value: (records[index] as { value: Uint8Array }).value,
    index,
    proof: inclusionProof(leaves.slice(0, SIZE), index),
    checkpoint: cp,
  });

describe('tlog-proof framing', () => {
  it('parses the spec example and formats it back byte for byte', () => {
    const proof = parseTlogProof(C2SP_EXAMPLE);
    expect(Buffer.from(proof.extra as Uint8Array).toString('base64')).toBe(
      'YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ',
    );
    expect(proof.index).toBe(73894);
    expect(proof.proof).toHaveLength(5);
    expect(proof.checkpoint.startsWith('example.com/fancylog\n109482\n')).toBe(true);
    expect(proof.checkpoint.endsWith('3oEcROGLFQ==\n')).toBe(true);
    expect(formatTlogProof(proof)).toBe(C2SP_EXAMPLE);
  });

  it('omits the extra line when there is no extra data, and allows an empty path', () => {
    const text = formatTlogProof({ index: 0, proof: [], checkpoint: 'cp\n' });
    expect(text).toBe(`${TLOG_PROOF_HEADER}\nindex 0\n\ncp\n`);
    expect(parseTlogProof(text)).toEqual({ index: 0, proof: [], checkpoint: 'cp\n' });
  });

  it('refuses malformed proofs with MALFORMED_PROOF', () => {
    const h = Buffer.alloc(32, 1).toString('base64');
    const cp = 'o\n1\nAAAA\n\n— o AAAAAA==\n';
    for (const bad of [
      '',
      `c2sp.org/tlog-proof@v2\nindex 0\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\n\n${cp}`, // no index
      `${TLOG_PROOF_HEADER}\nindex 01\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\nindex -1\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\nindex  1\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\nindex 9007199254740992\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\nextra \nindex 0\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\nextra !!\nindex 0\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\nindex 0\nextra AA==\n\n${cp}`, // extra after index
      `${TLOG_PROOF_HEADER}\nindex 0\n${h}\n`, // no checkpoint
      `${TLOG_PROOF_HEADER}\nindex 0\n${h}`, // no blank line
      `${TLOG_PROOF_HEADER}\nindex 0\n${h.slice(1)}\n\n${cp}`,
      `${TLOG_PROOF_HEADER}\nindex 0\n${`${h}\n`.repeat(64)}\n${cp}`,
    ]) {
      expectCode(() => parseTlogProof(bad), 'MALFORMED_PROOF');
    }
  });
});

describe('record tlog proofs', () => {
  it('carry the leaf data in extra and verify with only the vkey', () => {
    for (let index = 0; index < SIZE; index++) {
      const text = recordProof(index);
      expect(hex(parseTlogProof(text).extra as Uint8Array)).toBe(
        hex(leafData[index] as Uint8Array),
      );
      const result = verifyRecordTlogProof(text, verifiers, { logName: LOG });
      expect(result).toMatchObject({ ok: true, index });
      if (!result.ok) continue;
      expect(result.record).toEqual({
        topic: TOPIC,
        partition: PARTITION,
        offset: records[index]?.offset,
        value: records[index]?.value,
      });
      expect(result.checkpoint.size).toBe(SIZE);
      // The generic verifier with the leaf hash says the same.
      expect(
        verifyTlogProof(text, leaves[index] as Uint8Array, verifiers, { origin: ORIGIN }),
      ).toMatchObject({
        ok: true,
      });
    }
  });

  it('fail for a tampered record, index, path or checkpoint', () => {
    const text = recordProof(5);
    const parsed = parseTlogProof(text);
    const other = leafData[6] as Uint8Array;
    const variants: [string, string][] = [
      [formatTlogProof({ ...parsed, extra: other }), 'INVALID_PROOF'],
      [formatTlogProof({ ...parsed, index: 4 }), 'INVALID_PROOF'],
      [formatTlogProof({ ...parsed, index: SIZE }), 'INDEX_OUT_OF_RANGE'],
      [formatTlogProof({ ...parsed, proof: parsed.proof.slice(1) }), 'INVALID_PROOF'],
      [
        formatTlogProof({ ...parsed, proof: [...parsed.proof.slice(0, -1), new Uint8Array(32)] }),
        'INVALID_PROOF',
      ],
      [text.replace(`${ORIGIN}\n${SIZE}\n`, `${ORIGIN}\n${SIZE + 1}\n`), 'BAD_SIGNATURE'],
    ];
    for (const [variant, code] of variants) {
      expect(verifyRecordTlogProof(variant, verifiers)).toMatchObject({ ok: false, code });
    }
  });

  it('fail with another log key, for another log name or partition', () => {
    const text = recordProof(2);
    const stranger = [noteVerifier(ORIGIN, newKey().publicKey)];
    expect(verifyRecordTlogProof(text, stranger)).toMatchObject({ ok: false, code: 'UNKNOWN_KEY' });
    expect(verifyRecordTlogProof(text, verifiers, { logName: 'other.example' })).toMatchObject({
      ok: false,
      code: 'WRONG_ORIGIN',
    });
    // A record of partition 4 presented with partition 3's checkpoint.
    const parsed = parseTlogProof(text);
    const moved = encodeLeafData(
      { topic: TOPIC, partition: 4, offset: records[2]?.offset as string },
      records[2]?.value as Uint8Array,
    );
    expect(
      verifyRecordTlogProof(formatTlogProof({ ...parsed, extra: moved }), verifiers),
    ).toMatchObject({
      ok: false,
      code: 'WRONG_PARTITION',
    });
    expect(
      verifyTlogProof(text, leaves[2] as Uint8Array, verifiers, { origin: `${LOG}/${TOPIC}/4` }),
    ).toMatchObject({ ok: false, code: 'WRONG_ORIGIN' });
  });

  it('refuse a proof whose extra is not Vigil leaf data', () => {
    const parsed = parseTlogProof(recordProof(1));
    const { extra: _extra, ...withoutExtra } = parsed;
    for (const variant of [
      formatTlogProof(withoutExtra),
      formatTlogProof({ ...parsed, extra: new Uint8Array([1, 2, 3]) }),
      formatTlogProof({
        ...parsed,
        extra: Buffer.concat([leafData[1] as Uint8Array, Buffer.from([0])]),
      }),
    ]) {
      expectCode(() => verifyRecordTlogProof(variant, verifiers), 'MALFORMED_PROOF');
    }
  });

  it('are never built when they could not verify', () => {
    const args = {
      topic: TOPIC,
      partition: PARTITION,
      offset: records[3]?.offset as string,
      value: records[3]?.value as Uint8Array,
      index: 3,
      proof: inclusionProof(leaves.slice(0, SIZE), 3),
      checkpoint,
    };
    expect(() => buildRecordTlogProof(args)).not.toThrow();
    expectCode(() => buildRecordTlogProof({ ...args, index: 4 }), 'INVALID_PROOF');
    expectCode(
      () => buildRecordTlogProof({ ...args, value: new Uint8Array([1]) }),
      'INVALID_PROOF',
    );
    expectCode(() => buildRecordTlogProof({ ...args, index: SIZE }), 'INDEX_OUT_OF_RANGE');
    expectCode(() => buildRecordTlogProof({ ...args, partition: 4 }), 'WRONG_ORIGIN');
    const foreign = signCheckpoint(
      {
        origin: 'example.com/log',
        size: SIZE,
        rootHash: rootFromLeafHashes(leaves.slice(0, SIZE)),
      },
      key.privateKey,
    );
    expectCode(() => buildRecordTlogProof({ ...args, checkpoint: foreign }), 'WRONG_ORIGIN');
  });
});

describe('decodeLeafData', () => {
  it('inverts encodeLeafData exactly', () => {
    for (const data of leafData) {
      const decoded = decodeLeafData(data);
      expect(decoded).toBeDefined();
      const again = encodeLeafData(
        decoded as NonNullable<typeof decoded>,
        decoded?.value as Uint8Array,
      );
      expect(hex(again)).toBe(hex(data));
    }
    const big = encodeLeafData(
      { topic: 't', partition: 2 ** 31 - 1, offset: 2n ** 63n - 1n },
      new Uint8Array(0),
    );
    expect(decodeLeafData(big)).toEqual({
      topic: 't',
      partition: 2 ** 31 - 1,
      offset: '9223372036854775807',
      value: new Uint8Array(0),
    });
  });

  it('refuses anything but one well-formed encoding', () => {
    const data = leafData[0] as Uint8Array;
    const tweak = (at: number, value: number) => {
      const copy = new Uint8Array(data);
      copy[at] = value;
      return copy;
    };
    for (const bad of [
      new Uint8Array(0),
      data.subarray(0, data.length - 1), // short value
      Buffer.concat([data, Buffer.from([0])]), // trailing byte
      tweak(0, 0x56), // tag
      tweak(15, 200), // topic length past the end
      tweak(16, 0x2f), // "/" in the topic
      tweak(14 + 2 + TOPIC.length, 0x80), // partition >= 2^31
      tweak(14 + 2 + TOPIC.length + 4, 0x80), // offset >= 2^63
    ]) {
      expect(decodeLeafData(bad)).toBeUndefined();
    }
    expect(decodeLeafData('x' as unknown as Uint8Array)).toBeUndefined();
  });
});
