/**
 * Randomized equivalence: the streaming verifier (SealedLogVerifier, fed records interleaved across
 * partitions as Kafka fetches deliver them, and the verifySealedLog wrapper) gives exactly the
 * report the all-in-memory verification gave, kept verbatim in verify-report-reference.ts. The
 * logs are sealed by a simulated sealer and then damaged at random: tampered, deleted, inserted and
 * repeated records, unsealed tails with and without allowPending, dropped, re-published, reordered,
 * forked, overlapping, re-signed, foreign-signed, inconsistent and malformed roots, partitions with
 * roots and no records or records and no roots, unreadable root records. A failure names its seed.
 */
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  Keyring,
  SealedLogVerifier,
  ZERO_HASH,
  canonicalRootBytes,
  keyIdFor,
  sealedRootHash,
  verifySealedLog,
  type LoadedRoot,
  type SealedRootRecord,
  type StoredRecord,
  type UnreadableRoot,
  type UnsignedSealedRoot,
  type VerifyInput,
} from '../src';
import { seededRandom, type Random } from './random';
import { unsignedRootOver } from './fixtures';
import { referenceVerifySealedLog } from './verify-report-reference';

const CASES = 400;
const TOPICS = ['access-events', 'authz-decisions'];
const current = generateKeyPairSync('ed25519').privateKey;
const retired = generateKeyPairSync('ed25519').privateKey;
const stranger = generateKeyPairSync('ed25519').privateKey;
const keyring = Keyring.fromPublicKeys([current, retired].map((key) => createPublicKey(key)));

/** Signs any encodable root, including ones signRoot refuses (inverted ranges, no leaves). */
function signAny(unsigned: UnsignedSealedRoot, key: KeyObject): SealedRootRecord {
  const body = { ...unsigned, keyId: keyIdFor(key) };
  return { ...body, signature: new Uint8Array(sign(null, canonicalRootBytes(body), key)) };
}

const value = (topic: string, partition: number, offset: number) =>
  Buffer.from(`{"topic":"${topic}","partition":${partition},"offset":${offset}}`);

function rootOver(
  topic: string,
  partition: number,
  records: readonly StoredRecord[],
  sequence: number,
  previous: SealedRootRecord | undefined,
  key: KeyObject,
): SealedRootRecord {
  return signAny(
    unsignedRootOver({ topic, partition }, records, {
      batchSequence: sequence,
      prevRootHash: !previous
        ? ZERO_HASH
        : previous.rootHash.length === 32
          ? sealedRootHash(previous)
          : new Uint8Array(32).fill(7), // after a malformed root: some link, necessarily wrong
      sealedAtMillis: 1_795_000_000_000 + sequence,
    }),
    key,
  );
}

/** One partition: sealed by a well-behaved sealer, then damaged. */
function randomPartition(
  r: Random,
  topic: string,
  partition: number,
): { records: StoredRecord[]; roots: SealedRootRecord[] } {
  let records: StoredRecord[] = [];
  for (let i = 0, offset = r.int(5); i < r.int(30); i++) {
    records.push({ offset, value: value(topic, partition, offset) });
    // Transaction markers leave offset holes.
    offset += r.chance(0.15) ? 2 + r.int(2) : 1;
  }

  let roots: SealedRootRecord[] = [];
  let previous: SealedRootRecord | undefined;
  const sealUpTo = r.chance(0.5) ? records.length : r.int(records.length + 1);
  for (let i = 0; i < sealUpTo;) {
    const batch = records.slice(i, Math.min(sealUpTo, i + 1 + r.int(8)));
    // Keys rotate: old batches by the retired key, later ones by the current one.
    const key = r.chance(0.3) ? retired : current;
    previous = rootOver(topic, partition, batch, roots.length, previous, key);
    roots.push(previous);
    i += batch.length;
  }

  for (let m = r.int(4); m > 0; m--) roots = damageRoots(r, roots, records, topic, partition);
  for (let m = r.int(3); m > 0; m--) records = damageRecords(r, records, topic, partition);
  return { records, roots };
}

function damageRoots(
  r: Random,
  roots: SealedRootRecord[],
  records: readonly StoredRecord[],
  topic: string,
  partition: number,
): SealedRootRecord[] {
  const out = [...roots];
  const i = r.int(out.length);
  const root = out[i];
  // A malformed root (case 8) stays as it is: it cannot be signed or sealed over.
  if (!root || root.rootHash.length !== 32) return out;
  switch (r.int(11)) {
    case 0: // published again, later
      out.splice(i + 1 + r.int(out.length - i), 0, root);
      break;
    case 1: // dropped: a sequence gap, its records unsealed
      out.splice(i, 1);
      break;
    case 2: // two roots in the wrong order
      if (i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1] as SealedRootRecord, root];
      break;
    case 3: {
      // a fork: another batch with the same sequence over part of the same records
      const inRange = records.filter((x) => x.offset >= root.firstOffset);
      const batch = inRange.slice(0, 1 + r.int(Math.max(1, inRange.length)));
      if (batch.length > 0) {
        const before = out[i - 1];
        out.push(rootOver(topic, partition, batch, root.batchSequence, before, current));
      }
      break;
    }
    case 4: {
      // an honest root whose range overlaps the next batch's
      const extra = records.filter(
        (x) => x.offset >= root.firstOffset && x.offset <= root.lastOffset + 1 + r.int(4),
      );
      out[i] = rootOver(topic, partition, extra, root.batchSequence, out[i - 1], current);
      break;
    }
    case 5: // signed by a key the keyring does not hold
      out[i] = signAny(root, stranger);
      break;
    case 6: {
      // a signature that no longer verifies
      const signature = new Uint8Array(root.signature);
      const at = r.int(64);
      signature[at] = (signature[at] as number) ^ (1 + r.int(255));
      out[i] = { ...root, signature };
      break;
    }
    case 7: // trusted but inconsistent: an inverted range, or no leaves
      out[i] = signAny(
        r.chance(0.5)
          ? { ...root, firstOffset: root.lastOffset + 1 + r.int(3), lastOffset: root.firstOffset }
          : { ...root, leafCount: 0 },
        current,
      );
      break;
    case 8: // malformed: no decoder would produce it, but the pure verifier must cope
      out[i] = { ...root, rootHash: new Uint8Array(5) };
      break;
    case 9: // a root for offsets that were never written (or retention removed)
      out.push(
        signAny(
          {
            ...root,
            batchSequence: out.length,
            firstOffset: root.lastOffset + 100,
            lastOffset: root.lastOffset + 102,
            leafCount: 2,
          },
          current,
        ),
      );
      break;
    default:
      break;
  }
  return out;
}

function damageRecords(
  r: Random,
  records: StoredRecord[],
  topic: string,
  partition: number,
): StoredRecord[] {
  const out = [...records];
  const i = r.int(out.length);
  const record = out[i];
  switch (r.int(7)) {
    case 0: // an edited value
      if (record) out[i] = { ...record, value: Buffer.from('edited') };
      break;
    case 1: // a deleted record
      out.splice(i, 1);
      break;
    case 2: {
      // a record written into an offset hole, or past the end
      const offset = (record?.offset ?? 0) + 1;
      if (!out.some((x) => x.offset === offset)) {
        const at = out.findIndex((x) => x.offset > offset);
        out.splice(at < 0 ? out.length : at, 0, { offset, value: value(topic, partition, offset) });
      }
      break;
    }
    case 3: // the same offset delivered twice
      if (record) out.splice(i, 0, { ...record });
      break;
    case 4: // every record gone: roots and nothing to check them against
      return r.chance(0.3) ? [] : out;
    case 5: {
      // an unsealed tail
      const last = out.at(-1)?.offset ?? 0;
      for (let k = 1; k <= 1 + r.int(4); k++) {
        out.push({ offset: last + k, value: value(topic, partition, last + k) });
      }
      break;
    }
    default:
      break;
  }
  return out;
}

function randomInput(seed: number): VerifyInput {
  const r = seededRandom(seed);
  const records = new Map<string, Map<number, StoredRecord[]>>();
  const all: SealedRootRecord[] = [];
  for (const topic of TOPICS) {
    for (let partition = 0; partition < 3; partition++) {
      if (!r.chance(0.4)) continue;
      const generated = randomPartition(r, topic, partition);
      // Some partitions were never sealed at all; some roots' records were never read.
      const roots = r.chance(0.1) ? [] : generated.roots;
      if (!r.chance(0.1)) {
        if (!records.has(topic)) records.set(topic, new Map());
        records.get(topic)?.set(partition, generated.records);
      }
      all.push(...roots);
    }
  }
  // sealed-roots partitions interleave the topic-partitions' roots; order within one is kept.
  const loaded: LoadedRoot[] = [];
  const queues = new Map<string, SealedRootRecord[]>();
  for (const root of all) {
    const key = `${root.topic}/${root.partition}`;
    queues.set(key, [...(queues.get(key) ?? []), root]);
  }
  while (queues.size > 0) {
    const key = r.pick([...queues.keys()]);
    const queue = queues.get(key) as SealedRootRecord[];
    loaded.push({
      root: queue.shift() as SealedRootRecord,
      rootsPartition: 0,
      rootsOffset: loaded.length,
    });
    if (queue.length === 0) queues.delete(key);
  }
  const unreadable: UnreadableRoot[] = r.chance(0.1)
    ? [{ rootsPartition: 0, rootsOffset: loaded.length, reason: 'invalid wire type 7' }]
    : [];
  return {
    rootsTopic: 'sealed-roots',
    roots: loaded,
    unreadable,
    records,
    keyring,
    allowPending: r.chance(0.5),
  };
}

/** Feeds the records as Kafka fetches would: partitions interleaved, each in offset order. */
function streamed(input: VerifyInput, r: Random) {
  const verifier = new SealedLogVerifier(input);
  const cursors = [...input.records].flatMap(([topic, partitions]) =>
    [...partitions].map(([partition, records]) => ({ topic, partition, records, next: 0 })),
  );
  let live = cursors.filter((c) => c.records.length > 0);
  while (live.length > 0) {
    const cursor = r.pick(live);
    const end = Math.min(cursor.records.length, cursor.next + 1 + r.int(6));
    for (; cursor.next < end; cursor.next++) {
      verifier.add(cursor.topic, cursor.partition, cursor.records[cursor.next] as StoredRecord);
    }
    live = live.filter((c) => c.next < c.records.length);
  }
  return verifier.finish();
}

describe('streaming verification against the all-in-memory original', () => {
  it(`gives the same report on ${CASES} randomly damaged logs`, () => {
    const seen = new Map<string, number>();
    const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    for (let seed = 1; seed <= CASES; seed++) {
      const input = randomInput(seed);
      const expected = referenceVerifySealedLog(input);
      const wrapper = verifySealedLog(input);
      const stream = streamed(input, seededRandom(seed * 7919));
      expect({ seed, wrapper }).toStrictEqual({ seed, wrapper: expected });
      expect({ seed, stream }).toStrictEqual({ seed, stream: expected });
      // The JSON the CLI prints, key order included.
      expect({ seed, json: JSON.stringify(stream) }).toEqual({
        seed,
        json: JSON.stringify(expected),
      });

      count(expected.ok ? 'OK' : 'FAILED');
      for (const kind of new Set(expected.findings.map((f) => f.kind))) count(kind);
      for (const p of expected.partitions) {
        if (p.pending > 0) count('pending');
        if (p.records === 0) count('roots without records');
        if (p.batches === 0) count('records without trusted roots');
      }
    }
    // The generator must reach every case, or agreeing proves little.
    for (const what of [
      'OK',
      'FAILED',
      'ROOT_MISMATCH',
      'BAD_LEAF_COUNT',
      'OUT_OF_ORDER',
      'UNSEALED',
      'DUPLICATE',
      'FORK',
      'SEQUENCE_GAP',
      'OVERLAP',
      'UNKNOWN_KEY',
      'BAD_SIGNATURE',
      'BAD_OFFSETS',
      'GAP',
      'MALFORMED_ROOT',
      'pending',
      'roots without records',
      'records without trusted roots',
    ]) {
      expect([what, (seen.get(what) ?? 0) >= 5]).toEqual([what, true]);
    }
  });
});
