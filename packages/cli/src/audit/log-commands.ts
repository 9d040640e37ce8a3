/**
 * `vigil audit checkpoint | consistency | vkeys`: each sealed topic-partition as a C2SP log, in
 * the formats any transparency-log tool reads (packages/audit/README.md describes them).
 */
import type { Admin, Kafka } from 'kafkajs';
import {
  formatProofLines,
  formatVerifierKey,
  isAuditError,
  parseCheckpoint,
  parseNote,
  rootOrigin,
  verifyCheckpointConsistency,
  type LoadedRoot,
} from '@vigil/audit';
import { CliError, EXIT } from '../exit-codes';
import { cliKafka, withKafkaErrors } from '../kafka-connection';
import type { Output } from '../output';
import { readKeyring } from './commands';
import {
  checkpointRoot,
  logConsistencyProof,
  partitionLog,
  requireLog,
  type LogRoot,
} from './partition-log';
import { loadSealedRoots } from './sealed-log';

interface KafkaFlags {
  brokers: string;
  rootsTopic: string;
}

export interface PartitionFlags extends KafkaFlags {
  topic: string;
  partition: string;
  keyring?: string;
}

/** Connects, reads sealed-roots once, runs `action`, disconnects. */
export async function withSealedRoots<T>(
  flags: KafkaFlags,
  action: (kafka: Kafka, admin: Admin, roots: LoadedRoot[]) => Promise<T>,
): Promise<T> {
  const kafka = cliKafka(flags);
  return withKafkaErrors(flags.brokers, async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      if (!existing.has(flags.rootsTopic)) {
        throw new CliError(
          `topic ${flags.rootsTopic} does not exist`,
          EXIT.NOT_FOUND,
          'check --roots-topic',
        );
      }
      const { roots } = await loadSealedRoots(kafka, admin, flags.rootsTopic);
      return await action(kafka, admin, roots);
    } finally {
      await admin.disconnect();
    }
  });
}

export function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(?:0|[1-9]\d*)$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`${flag}: expected a non-negative integer, got "${value}"`, EXIT.USAGE);
  }
  return Number(value);
}

function partitionOf(flags: PartitionFlags): number {
  return parseCount(flags.partition, '--partition') as number;
}

/** `vigil audit checkpoint`: the signed checkpoint note, newest or of tree size --size. */
export async function auditCheckpoint(
  flags: PartitionFlags & { size?: string },
  out: Output,
): Promise<number> {
  const partition = partitionOf(flags);
  const size = parseCount(flags.size, '--size');
  const keyring = flags.keyring ? readKeyring(flags.keyring) : undefined;
  const root = await withSealedRoots(flags, async (_kafka, _admin, roots) =>
    checkpointRoot(
      requireLog(partitionLog(roots, flags.topic, partition, keyring), flags.topic, partition),
      size,
    ),
  );
  if (out.json) {
    out.printJson({
      origin: rootOrigin(root),
      size: root.log.treeSize,
      batchSequence: root.batchSequence,
      checkpoint: root.log.checkpoint,
    });
  } else {
    process.stdout.write(root.log.checkpoint);
  }
  return EXIT.OK;
}

/**
 * `vigil audit consistency`: PROOF(old, new) as base64 lines, one hash per line, as a
 * c2sp.org/tlog-witness add-checkpoint body carries it. --new defaults to the newest checkpoint.
 * The proof is checked against the two checkpoints before it is printed when both sizes have one.
 */
export async function auditConsistency(
  flags: PartitionFlags & { old: string; new?: string },
  out: Output,
): Promise<number> {
  const partition = partitionOf(flags);
  const oldSize = parseCount(flags.old, '--old') as number;
  const requestedNew = parseCount(flags.new, '--new');
  const keyring = flags.keyring ? readKeyring(flags.keyring) : undefined;
  const result = await withSealedRoots(flags, async (kafka, admin, roots) => {
    const log = requireLog(
      partitionLog(roots, flags.topic, partition, keyring),
      flags.topic,
      partition,
    );
    const newest = (log[log.length - 1] as LogRoot).log.treeSize;
    const newSize = requestedNew ?? newest;
    if (newSize > newest) {
      throw new CliError(
        `--new ${newSize} is beyond the newest checkpoint (size ${newest})`,
        EXIT.NOT_FOUND,
      );
    }
    if (oldSize > newSize) {
      throw new CliError(`--old ${oldSize} is larger than --new ${newSize}`, EXIT.USAGE);
    }
    const proof = await logConsistencyProof({ kafka, admin, log, oldSize, newSize });
    const older = log.find((r) => r.log.treeSize === oldSize);
    const newer = log.find((r) => r.log.treeSize === newSize);
    if (older && newer) {
      const check = verifyCheckpointConsistency(
        parseCheckpoint(parseNote(older.log.checkpoint).text),
        parseCheckpoint(parseNote(newer.log.checkpoint).text),
        proof,
      );
      if (!check.ok) throw new CliError(`${check.code}: ${check.message}`, EXIT.FAILED);
    }
    return { proof, newSize };
  });
  if (out.json) {
    out.printJson({
      oldSize,
      newSize: result.newSize,
      proof: result.proof.map((h) => Buffer.from(h).toString('base64')),
    });
  } else {
    process.stdout.write(formatProofLines(result.proof));
  }
  return EXIT.OK;
}

/**
 * `vigil audit vkeys`: one verifier key per partition log and trusted key, `name+hexid+base64`
 * (every keyring key, so checkpoints signed before and after a key rotation both verify).
 */
export async function auditVkeys(
  flags: KafkaFlags & { keyring?: string; topics?: string },
  out: Output,
): Promise<number> {
  const keyring = readKeyring(flags.keyring);
  const only = flags.topics
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const origins = await withSealedRoots(flags, async (_kafka, _admin, roots) => {
    const found = new Set<string>();
    for (const { root } of roots) {
      if (only && !only.includes(root.topic)) continue;
      const origin = rootOrigin(root);
      if (origin !== undefined && keyring.has(root.keyId)) found.add(origin);
    }
    return [...found].sort();
  });
  const lines: { origin: string; vkey: string }[] = [];
  for (const origin of origins) {
    for (const keyId of keyring.keyIds()) {
      try {
        lines.push({ origin, vkey: formatVerifierKey(origin, keyring.get(keyId)!) });
      } catch (err) {
        if (isAuditError(err)) continue;
        throw err;
      }
    }
  }
  if (out.json) out.printJson(lines);
  else for (const { vkey } of lines) out.line(vkey);
  return lines.length > 0 ? EXIT.OK : EXIT.NOT_FOUND;
}
