/**
 * `vigil audit prove --format tlog-proof` and `verify-bundle` of such a file: one record's
 * inclusion in its partition's log, as c2sp.org/tlog-proof@v1 (leaf data in `extra`, the newest
 * signed checkpoint at the end), verifiable with nothing but a verifier key.
 */
import * as fs from 'node:fs';
import {
  buildRecordTlogProof,
  inclusionProof,
  isAuditError,
  noteVerifier,
  parseCheckpoint,
  parseNote,
  parseTlogProof,
  verifyRecordTlogProof,
  type Keyring,
} from '@vigil/audit';
import { CliError, EXIT } from '../exit-codes';
import type { Output } from '../output';
import { readKeyring } from './commands';
import { parseCount, withSealedRoots } from './log-commands';
import { partitionLog, readLeafHashes, requireLog } from './partition-log';
import { readBatchRecords } from './sealed-log';

export interface TlogProveFlags {
  brokers: string;
  rootsTopic: string;
  topic: string;
  partition: string;
  offset: string;
  out?: string;
  keyring?: string;
}

export async function auditProveTlog(flags: TlogProveFlags, out: Output): Promise<number> {
  const partition = parseCount(flags.partition, '--partition') as number;
  const offset = parseCount(flags.offset, '--offset') as number;
  const keyring = flags.keyring ? readKeyring(flags.keyring) : undefined;
  const text = await withSealedRoots(flags, async (kafka, admin, roots) => {
    const log = requireLog(
      partitionLog(roots, flags.topic, partition, keyring),
      flags.topic,
      partition,
    );
    const batch = log.find((r) => r.firstOffset <= offset && offset <= r.lastOffset);
    if (!batch) {
      throw new CliError(
        `${flags.topic}/${partition} offset ${offset} is in no batch of the partition's log`,
        EXIT.NOT_FOUND,
        'it may not be sealed yet, or sealed before the log began (use the JSON bundle format)',
      );
    }
    const newest = log[log.length - 1]!;
    const leaves = await readLeafHashes({ kafka, admin, log, after: -1, to: newest.log.treeSize });
    const { index: inBatch, record } = await readBatchRecords(kafka, admin, batch, offset);
    const index = batch.log.treeSize - batch.leafCount + inBatch;
    try {
      return buildRecordTlogProof({
        topic: flags.topic,
        partition,
        offset,
        value: record.value,
        index,
        proof: inclusionProof(leaves, index),
        checkpoint: newest.log.checkpoint,
      });
    } catch (err) {
      if (isAuditError(err)) {
        throw new CliError(
          `cannot prove ${flags.topic}/${partition}@${offset}: ${err.message}`,
          EXIT.FAILED,
        );
      }
      throw err;
    }
  });
  if (flags.out) {
    fs.writeFileSync(flags.out, text);
    if (out.json) out.printJson({ written: flags.out, format: 'tlog-proof' });
    else out.line(`wrote tlog proof for ${flags.topic}/${partition}@${offset} to ${flags.out}`);
  } else {
    process.stdout.write(text);
  }
  return EXIT.OK;
}

/** Whether a proof file is a tlog proof rather than a JSON bundle. */
export function isTlogProofText(text: string): boolean {
  return text.startsWith('c2sp.org/tlog-proof@v1\n');
}

/** verify-bundle for a tlog proof: every keyring key is trusted under the proof's origin. */
export function verifyTlogProofFile(text: string, keyring: Keyring, out: Output): number {
  let result;
  try {
    const parsed = parseTlogProof(text);
    const origin = parseCheckpoint(parseNote(parsed.checkpoint).text).origin;
    const verifiers = keyring.keyIds().map((id) => noteVerifier(origin, keyring.get(id)!));
    result = verifyRecordTlogProof(parsed, verifiers);
  } catch (err) {
    if (!isAuditError(err)) throw err;
    result = { ok: false as const, code: err.code, message: err.message };
  }
  if (out.json) {
    out.printJson(result);
  } else if (result.ok) {
    const { record, index, checkpoint } = result;
    out.line(`${out.style.ok('VERIFIED')} offline (c2sp.org/tlog-proof@v1):`);
    out.line(
      `  the record at ${record.topic}/${record.partition} offset ${record.offset} is leaf ${index}`,
    );
    out.line(
      `  of the log ${checkpoint.origin} at size ${checkpoint.size}, whose checkpoint a trusted key signed.`,
    );
  } else {
    out.line(`${out.style.bad('NOT VERIFIED')} ${result.code}: ${result.message}`);
  }
  return result.ok ? EXIT.OK : EXIT.FAILED;
}
