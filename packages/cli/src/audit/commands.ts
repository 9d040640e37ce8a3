import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { SingleBar, Presets } from 'cli-progress';
import {
  Keyring,
  SealedLogVerifier,
  buildProofBundle,
  isAuditError,
  keyIdFor,
  leafHashesForRecords,
  verifyProofBundle,
  verifyRootSignature,
  type VerifyReport,
} from '@vigil/audit';
import { CliError, EXIT } from '../exit-codes';
import { cliKafka, withKafkaErrors } from '../kafka-connection';
import type { Output } from '../output';
import { missingTopic, recordPositionProblem, topicLayout } from './record-position';
import { loadSealedRoots, readBatchRecords, readRecords, type Progress } from './sealed-log';
import { auditProveTlog, isTlogProofText, verifyTlogProofFile } from './tlog-proof-command';

export const DEFAULT_SEALED_TOPICS = ['access-events', 'authz-decisions', 'risk-admin'];

export function readKeyring(file: string | undefined): Keyring {
  if (!file) {
    throw new CliError(
      '--keyring is required',
      EXIT.USAGE,
      "pass a file of PEM Ed25519 public keys (the sealer's, old and new)",
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`--keyring: cannot read ${file}`, EXIT.USAGE);
  }
  try {
    const keyring = Keyring.fromPem(text);
    if (keyring.keyIds().length === 0) throw new Error('no keys');
    return keyring;
  } catch {
    throw new CliError(`--keyring: ${file} holds no PEM Ed25519 public key`, EXIT.USAGE);
  }
}

/** A progress bar on stderr for long reads, only for people watching a terminal. */
function progressBar(label: string, enabled: boolean): { update: Progress; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} records`,
      stream: process.stderr,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (read, total) => {
      // Short reads finish before a bar would help.
      if (!started && total < 5_000) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(Math.min(read, total));
    },
    stop: () => started && bar.stop(),
  };
}

export interface VerifyFlags {
  brokers: string;
  keyring?: string;
  rootsTopic: string;
  topics?: string;
  allowPending?: boolean;
  progress: boolean;
}

export async function auditVerify(flags: VerifyFlags, out: Output): Promise<number> {
  const keyring = readKeyring(flags.keyring);
  const kafka = cliKafka(flags);
  const report = await withKafkaErrors(flags.brokers, async () => {
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
      const explicit = flags.topics
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      for (const topic of explicit ?? []) {
        if (!existing.has(topic))
          throw new CliError(`topic ${topic} does not exist`, EXIT.NOT_FOUND, 'check --topics');
      }
      const rootsBar = progressBar('reading roots  ', flags.progress && !out.json);
      const { roots, unreadable, aborted } = await loadSealedRoots(kafka, admin, flags.rootsTopic, {
        onProgress: rootsBar.update,
        withAborted: true,
      });
      rootsBar.stop();
      const topics = new Set(explicit ?? DEFAULT_SEALED_TOPICS.filter((t) => existing.has(t)));
      if (!explicit)
        for (const { root } of roots) if (existing.has(root.topic)) topics.add(root.topic);
      const verifier = new SealedLogVerifier({
        rootsTopic: flags.rootsTopic,
        roots,
        unreadable,
        aborted,
        keyring,
        allowPending: flags.allowPending,
      });
      for (const topic of [...topics].sort()) {
        const bar = progressBar(`reading ${topic}`.padEnd(15), flags.progress && !out.json);
        // Each record is checked as it arrives and then dropped, so memory is bounded by the roots
        // and the batches open at the current offsets, not by the size of the log.
        await readRecords(
          kafka,
          admin,
          topic,
          (partition, records) => {
            for (const record of records) verifier.add(topic, partition, record);
          },
          { onProgress: bar.update },
        );
        bar.stop();
      }
      return verifier.finish();
    } finally {
      await admin.disconnect();
    }
  });
  printVerifyReport(report, out);
  return report.ok ? EXIT.OK : EXIT.FAILED;
}

function printVerifyReport(report: VerifyReport, out: Output): void {
  if (out.json) {
    out.printJson(report);
    return;
  }
  const { style: s, line } = out;
  for (const p of report.partitions) {
    const mark = p.ok ? s.ok('✔') : s.bad('✘');
    const range =
      p.firstSealedOffset === undefined
        ? 'nothing sealed'
        : `offsets ${p.firstSealedOffset}..${p.lastSealedOffset}`;
    const pending = p.pending > 0 ? s.warn(`, ${p.pending} pending`) : '';
    const aborted =
      p.abortedRoots.length > 0
        ? s.warn(`, ${p.abortedRoots.length} aborted root(s) ignored (${describeAborted(p)})`)
        : '';
    line(
      `${mark} ${p.topic}/${p.partition}  ${p.records} records in ${p.batches} batches, ${range}${pending}${aborted}`,
    );
  }
  for (const f of report.findings) {
    const where =
      f.firstOffset === undefined
        ? ''
        : f.firstOffset === f.lastOffset
          ? ` offset ${f.firstOffset}`
          : ` offsets ${f.firstOffset}..${f.lastOffset}`;
    line(`  ${s.bad(f.kind)} ${f.topic}/${f.partition}${where}: ${f.message}`);
  }
  const t = report.totals;
  const summary = `${t.records} records in ${t.batches} batches across ${t.partitions} partitions, signed by ${t.keyIds.join(', ') || 'no trusted key'}`;
  line(
    report.ok
      ? s.ok(`OK: ${summary}`)
      : s.bad(`FAILED: ${report.findings.length} problem(s); ${summary}`),
  );
}

/** Where each aborted root is stored: enough to look it up, short enough for one line. */
function describeAborted(p: VerifyReport['partitions'][number]): string {
  const shown = p.abortedRoots
    .slice(0, 3)
    .map((a) => `batch ${a.batchSequence} at ${a.rootsPartition}:${a.rootsOffset}`);
  if (p.abortedRoots.length > shown.length) shown.push('…');
  return shown.join(', ');
}

export interface ProveFlags {
  brokers: string;
  rootsTopic: string;
  topic: string;
  partition: string;
  offset: string;
  out?: string;
  keyring?: string;
  /** bundle (JSON, the default) or tlog-proof (c2sp.org/tlog-proof@v1). */
  format?: string;
}

export async function auditProve(flags: ProveFlags, out: Output): Promise<number> {
  if (flags.format === 'tlog-proof') return auditProveTlog(flags, out);
  if (flags.format !== undefined && flags.format !== 'bundle') {
    throw new CliError(
      `--format: expected bundle or tlog-proof, got "${flags.format}"`,
      EXIT.USAGE,
    );
  }
  const partition = parseNonNegativeInt(flags.partition, '--partition');
  const offset = parseNonNegativeInt(flags.offset, '--offset');
  const kafka = cliKafka(flags);
  const bundle = await withKafkaErrors(flags.brokers, async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      // A record that does not exist is "not found", never "not sealed yet, retry".
      const layout = await topicLayout(admin, flags.topic);
      const problem =
        recordPositionProblem(
          { topic: flags.topic, partition, offset },
          layout.topics,
          layout.partitions,
        ) ?? missingTopic(flags.rootsTopic, layout.topics, '--roots-topic');
      if (problem) throw problem;
      const { roots } = await loadSealedRoots(kafka, admin, flags.rootsTopic);
      const keyring = flags.keyring ? readKeyring(flags.keyring) : undefined;
      const covering = roots
        .map((r) => r.root)
        .filter(
          (r) =>
            r.topic === flags.topic &&
            r.partition === partition &&
            r.firstOffset <= offset &&
            offset <= r.lastOffset,
        );
      const root = covering.find((r) => !keyring || verifyRootSignature(r, keyring).ok);
      if (!root && covering.length > 0) {
        throw new CliError(
          `${flags.topic}/${partition} offset ${offset} is sealed only in batches not signed by the keyring`,
          EXIT.FAILED,
          'check --keyring (it must hold the public key the sealer signed with)',
          'NO_TRUSTED_ROOT',
        );
      }
      if (!root) {
        throw new CliError(
          `${flags.topic}/${partition} offset ${offset} is not sealed yet`,
          EXIT.PENDING,
          'the sealer seals new records within seconds: retry; if it never is, check that the sealer seals this topic',
          'NOT_SEALED_YET',
        );
      }
      const { records, index, record } = await readBatchRecords(kafka, admin, root, offset);
      try {
        return buildProofBundle({
          topic: flags.topic,
          partition,
          offset,
          value: record.value,
          leafIndex: index,
          batchLeafHashes: leafHashesForRecords({ topic: flags.topic, partition }, records),
          root,
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
    } finally {
      await admin.disconnect();
    }
  });
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  if (flags.out) {
    fs.writeFileSync(flags.out, text);
    if (out.json)
      out.printJson({ written: flags.out, batchSequence: bundle.sealedRoot.batchSequence });
    else
      out.line(
        `wrote proof bundle for ${flags.topic}/${partition}@${offset} (batch ${bundle.sealedRoot.batchSequence}) to ${flags.out}`,
      );
  } else {
    process.stdout.write(text);
  }
  return EXIT.OK;
}

export async function auditVerifyBundle(
  file: string,
  flags: { keyring?: string },
  out: Output,
): Promise<number> {
  const keyring = readKeyring(flags.keyring);
  let bundle: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (isTlogProofText(text)) return verifyTlogProofFile(text, keyring, out);
    bundle = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file}: not a readable JSON file (${(err as Error).message})`, EXIT.USAGE);
  }
  let result;
  try {
    result = verifyProofBundle(bundle, keyring);
  } catch (err) {
    if (isAuditError(err)) {
      result = { ok: false as const, code: err.code, message: err.message };
    } else {
      throw err;
    }
  }
  if (out.json) {
    out.printJson(result);
  } else if (result.ok) {
    const p = result.proven;
    out.line(out.style.ok('VERIFIED') + ` offline with key ${p.keyId}:`);
    out.line(
      `  the record at ${p.topic}/${p.partition} offset ${p.offset} is leaf ${p.leafIndex} of ${p.treeSize}`,
    );
    out.line(`  in batch ${p.batchSequence} with root ${p.rootHashHex},`);
    out.line(`  and that root was signed by ${p.keyId} and sealed at ${p.sealedAt}.`);
  } else {
    out.line(`${out.style.bad('NOT VERIFIED')} ${result.code}: ${result.message}`);
  }
  return result.ok ? EXIT.OK : EXIT.FAILED;
}

export function auditKeygen(flags: { out: string }, out: Output): number {
  fs.mkdirSync(flags.out, { recursive: true });
  const privatePath = path.join(flags.out, 'sealer-signing-key.pem');
  const publicPath = path.join(flags.out, 'sealer-public-key.pem');
  if (fs.existsSync(privatePath)) {
    throw new CliError(
      `${privatePath} exists; refusing to overwrite a signing key`,
      EXIT.USAGE,
      'choose another --out directory',
    );
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  fs.writeFileSync(privatePath, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
  });
  fs.writeFileSync(publicPath, publicKey.export({ format: 'pem', type: 'spki' }));
  const keyId = keyIdFor(publicKey);
  if (out.json) out.printJson({ keyId, privateKey: privatePath, publicKey: publicPath });
  else
    out.line(
      `key ${keyId}\n  signing key (keep secret): ${privatePath}\n  public key (give to verifiers): ${publicPath}`,
    );
  return EXIT.OK;
}

function parseNonNegativeInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`${flag}: expected a non-negative integer, got "${value}"`, EXIT.USAGE);
  }
  return Number(value);
}
