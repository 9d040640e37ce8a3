/**
 * kafkajs's producer encoding, as patched by patches/kafkajs@2.2.4.patch (issue #16): varints
 * written in place, 32-bit varlongs without Long arithmetic, pooled zero-filled encoder buffers
 * and linear grouping by partition. The bytes must stay those of Kafka's wire format; murmur2 has
 * the Java client's vectors in services/ingest/test/partitioning.test.ts.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
interface KafkaEncoder {
  buf: Buffer;
  readonly buffer: Buffer;
  writeVarInt(value: number): KafkaEncoder;
  writeVarLong(value: number | string): KafkaEncoder;
}
interface EncoderClass {
  new (initialSize?: number): KafkaEncoder;
  sizeOfVarLong(value: number | string): number;
}
interface GroupArgs {
  topic: string;
  partitionMetadata: { partitionId: number; leader: number }[];
  messages: { key?: string | null; partition?: number; value: string }[];
  partitioner: (args: { message: { partition?: number } }) => number;
}
interface RecordFields {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer;
  value: Buffer;
  headers: Record<string, string>;
}
const Encoder = require('kafkajs/src/protocol/encoder') as EncoderClass;
const Decoder = require('kafkajs/src/protocol/decoder') as new (buffer: Buffer) => unknown;
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (
  fields: RecordFields,
) => KafkaEncoder;
const decodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/decoder') as (
  decoder: unknown,
  batch: { firstOffset: string; firstTimestamp: string; magicByte: number },
) => {
  offset: string;
  timestamp: string;
  key: Buffer;
  value: Buffer;
  headers: Record<string, Buffer>;
};
const groupMessagesPerPartition = require('kafkajs/src/producer/groupMessagesPerPartition') as (
  args: GroupArgs,
) => Record<string, GroupArgs['messages']>;
/* eslint-enable @typescript-eslint/no-require-imports */

const hex = (encoder: KafkaEncoder) => encoder.buffer.toString('hex');

describe('kafkajs varints, as patched', () => {
  // Zigzag LEB128, as Kafka's ByteUtils writes them (and protobuf's sint32/sint64).
  it.each([
    [0, '00'],
    [-1, '01'],
    [1, '02'],
    [63, '7e'],
    [-64, '7f'],
    [64, '8001'],
    [300, 'd804'],
    [2147483647, 'feffffff0f'],
    [-2147483648, 'ffffffff0f'],
  ])('writes %i as %s, as a varint and as a varlong', (value, bytes) => {
    expect(hex(new Encoder().writeVarInt(value))).toBe(bytes);
    expect(hex(new Encoder().writeVarLong(value))).toBe(bytes);
    expect(Encoder.sizeOfVarLong(value)).toBe(bytes.length / 2);
  });

  it.each([
    [2147483648, '8080808010'],
    [-2147483649, '8180808010'],
    ['1733300000000', '80d4d88bf264'],
    [Number.MAX_SAFE_INTEGER, 'feffffffffffff1f'],
  ])('writes the 64-bit value %s as a varlong', (value, bytes) => {
    expect(hex(new Encoder().writeVarLong(value))).toBe(bytes);
    expect(Encoder.sizeOfVarLong(value)).toBe(bytes.length / 2);
  });

  it('writes many varints across the buffer growing', () => {
    const encoder = new Encoder(8);
    for (let i = 0; i < 1_000; i += 1) encoder.writeVarInt(i * 1_000_003);
    const decoder = new Decoder(encoder.buffer) as { readVarInt(): number };
    for (let i = 0; i < 1_000; i += 1) expect(decoder.readVarInt()).toBe((i * 1_000_003) | 0);
  });
});

describe('kafkajs encoder buffers, as patched', () => {
  it('starts zero-filled even when the buffer pool held other bytes', () => {
    for (let i = 0; i < 64; i += 1) Buffer.allocUnsafe(256).fill(0xa5);
    const encoder = new Encoder();
    expect(encoder.buf.every((byte) => byte === 0)).toBe(true);
    encoder.writeVarInt(1);
    for (let i = 0; i < 64; i += 1) Buffer.allocUnsafe(256).fill(0xa5);
    encoder.writeVarLong(2 ** 40);
    expect(encoder.buf.subarray(encoder.buffer.length).every((byte) => byte === 0)).toBe(true);
  });

  it('encodes a record that kafkajs decodes back', () => {
    const encoded = Record({
      offsetDelta: 7,
      timestampDelta: 1_234,
      key: Buffer.from('user-42'),
      value: Buffer.from('x'.repeat(300)),
      headers: { 'vigil-event-id': 'evt-1' },
    }).buffer;
    const decoder = new Decoder(encoded) as { readVarInt(): number };
    const length = decoder.readVarInt();
    expect(new Encoder().writeVarInt(length).buffer.length + length).toBe(encoded.length);
    const record = decodeRecord(decoder, {
      firstOffset: '100',
      firstTimestamp: '1733300000000',
      magicByte: 2,
    });
    expect(record.offset).toBe('107');
    expect(record.timestamp).toBe('1733300001234');
    expect(record.key.toString()).toBe('user-42');
    expect(record.value.toString()).toBe('x'.repeat(300));
    expect(record.headers['vigil-event-id']?.toString()).toBe('evt-1');
  });
});

describe('kafkajs grouping by partition, as patched', () => {
  it('keeps each partition`s messages in the order they were given', () => {
    const messages = Array.from({ length: 200 }, (_, i) => ({ partition: i % 3, value: `m${i}` }));
    const grouped = groupMessagesPerPartition({
      topic: 't',
      partitionMetadata: [0, 1, 2].map((partitionId) => ({ partitionId, leader: 0 })),
      messages,
      partitioner: ({ message }) => message.partition as number,
    });
    expect(Object.keys(grouped)).toEqual(['0', '1', '2']);
    for (const partition of [0, 1, 2]) {
      expect(grouped[String(partition)]).toEqual(messages.filter((m) => m.partition === partition));
    }
  });
});
