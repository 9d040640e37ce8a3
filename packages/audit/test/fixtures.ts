import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  SEALED_ROOT_VERSION,
  ZERO_HASH,
  encodeLeafData,
  leafHash,
  leafHashesForRecords,
  rootFromLeafHashes,
  sealedRootHash,
  signRoot,
  type BatchRecord,
  type SealedRootRecord,
  type StoredRecord,
  type UnsignedSealedRoot,
} from '../src';

export interface TestKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const newKey = (): TestKey => generateKeyPairSync('ed25519');

export const TOPIC = 'access-events';
export const PARTITION = 3;
export const SEALED_AT = Date.UTC(2026, 2, 1, 12, 0, 0, 250);

export function unsignedRoot(overrides: Partial<UnsignedSealedRoot> = {}): UnsignedSealedRoot {
  return {
    version: SEALED_ROOT_VERSION,
    topic: TOPIC,
    partition: PARTITION,
    batchSequence: 0,
    firstOffset: 100,
    lastOffset: 103,
    leafCount: 4,
    rootHash: new Uint8Array(32).fill(0xab),
    prevRootHash: ZERO_HASH,
    sealedAtMillis: SEALED_AT,
    ...overrides,
  };
}

export const recordValue = (offset: number | bigint): Uint8Array =>
  new Uint8Array(Buffer.from(`event at ${offset}`));

export const recordsAt = (offsets: readonly number[]): BatchRecord[] =>
  offsets.map((offset) => ({ offset: String(offset), value: recordValue(offset) }));

export interface SealedBatch {
  root: SealedRootRecord;
  records: BatchRecord[];
}

/**
 * A correctly sealed chain: one batch per entry of `batches` (the record offsets of that batch),
 * each root linked to the previous one, signed with `keys[i % keys.length]`.
 */
export function sealChain(
  batches: readonly (readonly number[])[],
  keys: readonly TestKey[],
  position: { topic: string; partition: number } = { topic: TOPIC, partition: PARTITION },
): SealedBatch[] {
  const out: SealedBatch[] = [];
  let prev: SealedRootRecord | undefined;
  batches.forEach((offsets, i) => {
    const records = recordsAt(offsets);
    const root = signRoot(
      {
        version: SEALED_ROOT_VERSION,
        topic: position.topic,
        partition: position.partition,
        batchSequence: i,
        firstOffset: offsets[0] as number,
        lastOffset: offsets.at(-1) as number,
        leafCount: offsets.length,
        rootHash: rootFromLeafHashes(leafHashesForRecords(position, records)),
        prevRootHash: prev ? sealedRootHash(prev) : ZERO_HASH,
        sealedAtMillis: SEALED_AT + i * 1000,
      },
      (keys[i % keys.length] as TestKey).privateKey,
    );
    out.push({ root, records });
    prev = root;
  });
  return out;
}

export const range = (first: number, last: number): number[] =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);

export const expectCode = (fn: () => unknown, code: string) =>
  expect(fn).toThrow(expect.objectContaining({ name: 'AuditError', code }));

/** An Ed25519 private key from its 32-byte RFC 8032 seed (PKCS#8 DER has a fixed prefix). */
export const keyFromSeed = (seed: Uint8Array): KeyObject =>
  createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });

/**
 * The private key of a Go note signer key, PRIVATE+KEY+<name>+<hex id>+base64(0x01 || seed), as
 * golang.org/x/mod/sumdb/note writes them.
 */
export function keyFromGoSignerKey(skey: string): KeyObject {
  // PRIVATE, KEY, name, id, then the base64, which may itself contain "+".
  const typed = Buffer.from(skey.split('+').slice(4).join('+'), 'base64');
  if (typed[0] !== 0x01 || typed.length !== 33) throw new Error('not an Ed25519 Go signer key');
  return keyFromSeed(typed.subarray(1));
}

export interface Position {
  topic: string;
  partition: number;
}

/**
 * The unsigned root a well-behaved sealer builds over `records` (in offset order), linked as
 * given. Empty batches get offsets 0..0, so tests can build malformed roots too.
 */
export function unsignedRootOver(
  position: Position,
  records: readonly StoredRecord[],
  link: { batchSequence: number; prevRootHash: Uint8Array; sealedAtMillis?: number },
): UnsignedSealedRoot {
  const leaves = records.map((r) =>
    leafHash(encodeLeafData({ ...position, offset: r.offset }, r.value)),
  );
  return {
    version: 1,
    topic: position.topic,
    partition: position.partition,
    batchSequence: link.batchSequence,
    firstOffset: records[0]?.offset ?? 0,
    lastOffset: records.at(-1)?.offset ?? 0,
    leafCount: records.length,
    rootHash: rootFromLeafHashes(leaves),
    prevRootHash: link.prevRootHash,
    sealedAtMillis: link.sealedAtMillis ?? 1_795_000_000_000,
  };
}

/** Seals `records` as the batch after `previous` (batch 0 when there is none), signed by `key`. */
export function sealRecords(
  position: Position,
  records: readonly StoredRecord[],
  previous: SealedRootRecord | undefined,
  key: KeyObject,
): SealedRootRecord {
  return signRoot(
    unsignedRootOver(position, records, {
      batchSequence: previous ? previous.batchSequence + 1 : 0,
      prevRootHash: previous ? sealedRootHash(previous) : ZERO_HASH,
    }),
    key,
  );
}
