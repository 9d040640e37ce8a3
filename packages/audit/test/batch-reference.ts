/**
 * verifyBatch and findUnsealed exactly as they were before they became wrappers over the
 * incremental BatchVerifier and CoverageSweep: every record in memory, leaves hashed into an array
 * and rooted with rootFromLeafHashes, offsets sorted before the sweep. Kept verbatim (only renamed)
 * as the oracle the randomized equivalence tests compare the incremental forms against, so a
 * change to the incremental code can never silently redefine what "correct" means.
 */
import { AuditError } from '../src/errors';
import { asSafeUint, bytesEqual, isBytes, toHex } from '../src/bytes';
import { encodeLeafData } from '../src/encoding';
import { OFFSET_EXPECTED, parseOffset } from '../src/fields';
import { leafHash, rootFromLeafHashes } from '../src/merkle';
import { type SealedRootRecord, type UnsignedSealedRoot, sealedRootProblem } from '../src/root';
import type { BatchProblem, BatchProblemKind, BatchRecord, CoverageProblem } from '../src';

export function refVerifyBatch(
  root: SealedRootRecord,
  records: readonly BatchRecord[],
): BatchProblem[] {
  const problems: BatchProblem[] = [];
  const malformed = sealedRootProblem(root);
  const at = {
    topic: String(root?.topic),
    partition: Number(root?.partition),
    batchSequence: Number(root?.batchSequence),
    firstOffset: Number(root?.firstOffset),
    lastOffset: Number(root?.lastOffset),
  };
  const report = (kind: BatchProblemKind, message: string, offset?: bigint) =>
    problems.push({
      kind,
      ...at,
      ...(offset === undefined ? {} : { offset: offset.toString() }),
      message: `batch ${at.batchSequence}: ${message}`,
    });
  if (malformed) {
    report('MALFORMED_ROOT', `malformed sealed root: ${malformed.field} ${malformed.reason}`);
    return problems;
  }

  const first = BigInt(root.firstOffset);
  const last = BigInt(root.lastOffset);
  const leaves: Uint8Array[] = [];
  let previous: bigint | undefined;
  records.forEach((record, i) => {
    const offset = parseOffset(record?.offset);
    if (offset === undefined) {
      report('MALFORMED_RECORD', `record ${i}: offset ${OFFSET_EXPECTED}`);
      return;
    }
    if (!isBytes(record.value)) {
      report('MALFORMED_RECORD', `record at offset ${offset} has no byte value`, offset);
      return;
    }
    if (offset < first || offset > last) {
      report('OUT_OF_RANGE', `record at offset ${offset} is outside ${first}..${last}`, offset);
      return;
    }
    if (previous !== undefined && offset <= previous) {
      report(
        'OUT_OF_ORDER',
        offset === previous
          ? `offset ${offset} appears twice`
          : `offset ${offset} comes after offset ${previous}`,
        offset,
      );
    }
    previous = offset;
    leaves.push(leafHash(encodeLeafData({ ...at, offset }, record.value)));
  });

  if (leaves.length !== root.leafCount) {
    report(
      'BAD_LEAF_COUNT',
      `${leaves.length} records in range, but leafCount is ${root.leafCount}`,
    );
  }
  const computed = rootFromLeafHashes(leaves);
  if (!bytesEqual(computed, root.rootHash)) {
    report(
      'ROOT_MISMATCH',
      `records hash to ${toHex(computed)}, but the sealed root is ${toHex(root.rootHash)}`,
    );
  }
  return problems;
}

type RootRange = Pick<UnsignedSealedRoot, 'batchSequence' | 'firstOffset' | 'lastOffset'> &
  Partial<Pick<UnsignedSealedRoot, 'topic' | 'partition'>>;

export function refFindUnsealed(
  recordOffsets: Iterable<number | bigint | string>,
  roots: readonly RootRange[],
  position?: { topic: string; partition: number },
): CoverageProblem[] {
  const offsets: bigint[] = [];
  let i = 0;
  for (const value of recordOffsets) {
    const offset = parseOffset(value);
    if (offset === undefined) {
      throw new AuditError('INVALID_ARGUMENT', `record offset ${i} ${OFFSET_EXPECTED}`);
    }
    offsets.push(offset);
    i++;
  }
  offsets.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const ranges = dedupeRanges(roots);
  const where = position ?? (roots[0]?.topic === undefined ? undefined : roots[0]);
  const problems: CoverageProblem[] = [];
  let run:
    | {
        kind: CoverageProblem['kind'];
        key: string;
        seqs: number[];
        first: bigint;
        last: bigint;
        count: number;
      }
    | undefined;
  const flush = () => {
    if (!run) return;
    const span =
      run.first === run.last ? `offset ${run.first}` : `offsets ${run.first}..${run.last}`;
    const records = run.count === 1 ? '1 record' : `${run.count} records`;
    problems.push({
      kind: run.kind,
      ...(where ? { topic: where.topic as string, partition: where.partition as number } : {}),
      firstOffset: run.first.toString(),
      lastOffset: run.last.toString(),
      count: run.count,
      ...(run.kind === 'DUPLICATE' ? { batchSequences: run.seqs } : {}),
      message:
        run.kind === 'UNSEALED'
          ? `${records} at ${span} not covered by any sealed root`
          : `${records} at ${span} covered by batches ${run.seqs.join(', ')}`,
    });
    run = undefined;
  };

  let next = 0;
  let active: (typeof ranges)[number][] = [];
  let previous: bigint | undefined;
  for (const offset of offsets) {
    if (offset === previous) continue;
    previous = offset;
    while (next < ranges.length && (ranges[next] as (typeof ranges)[number]).first <= offset) {
      active.push(ranges[next] as (typeof ranges)[number]);
      next++;
    }
    active = active.filter((range) => range.last >= offset);
    if (active.length === 1) {
      flush();
      continue;
    }
    const kind = active.length === 0 ? 'UNSEALED' : 'DUPLICATE';
    const seqs = active.map((range) => range.batchSequence).sort((a, b) => a - b);
    const key = `${kind}:${seqs.join(',')}`;
    if (run && run.key === key) {
      run.last = offset;
      run.count++;
    } else {
      flush();
      run = { kind, key, seqs, first: offset, last: offset, count: 1 };
    }
  }
  flush();
  return problems;
}

function dedupeRanges(roots: readonly RootRange[]) {
  const byKey = new Map<string, { batchSequence: number; first: bigint; last: bigint }>();
  for (const [i, root] of roots.entries()) {
    if (
      asSafeUint(root?.batchSequence) === undefined ||
      asSafeUint(root.firstOffset) === undefined ||
      asSafeUint(root.lastOffset) === undefined
    ) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        `root ${i}: batchSequence, firstOffset and lastOffset must be non-negative safe integers`,
      );
    }
    const first = BigInt(root.firstOffset);
    const last = BigInt(root.lastOffset);
    byKey.set(`${root.batchSequence}:${first}:${last}`, {
      batchSequence: root.batchSequence,
      first,
      last,
    });
  }
  return [...byKey.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}
