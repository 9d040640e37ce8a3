import * as readline from 'node:readline';
import { timestampFromMillis, vigil } from '@vigil/proto';
import type { AccessEventInput, IngestClient, IngestReceipt } from '@vigil/client';
import { CliError, EXIT } from '../exit-codes';
import { geoFromFlags } from './geo';
import type { Output } from '../output';
import { callFailure, ingestClient, type ServiceFlags } from './clients';

export interface SendFlags extends ServiceFlags {
  user?: string;
  action?: string;
  resource?: string;
  outcome: string;
  ip?: string;
  device?: string;
  session?: string;
  userAgent?: string;
  country?: string;
  lat?: string;
  lon?: string;
  attr: string[];
  eventId?: string;
  tenant?: string;
  occurredAt?: string;
  stdin?: boolean;
}

const OUTCOMES: Record<string, vigil.v1.Outcome> = {
  success: vigil.v1.Outcome.OUTCOME_SUCCESS,
  failure: vigil.v1.Outcome.OUTCOME_FAILURE,
  denied: vigil.v1.Outcome.OUTCOME_DENIED,
};

/** Builds one event from flags; the server validates it again and names bad fields. */
export function eventFromFlags(flags: SendFlags, now = Date.now()): AccessEventInput {
  if (!flags.user) throw new CliError('--user is required (or use --stdin)', EXIT.USAGE);
  if (!flags.action) throw new CliError('--action is required (or use --stdin)', EXIT.USAGE);
  const outcome = OUTCOMES[flags.outcome.toLowerCase()];
  if (outcome === undefined)
    throw new CliError(
      `--outcome: expected success, failure or denied, got "${flags.outcome}"`,
      EXIT.USAGE,
    );
  let occurredAt = now;
  if (flags.occurredAt) {
    occurredAt = Date.parse(flags.occurredAt);
    if (Number.isNaN(occurredAt))
      throw new CliError(
        `--occurred-at: expected an RFC 3339 time, got "${flags.occurredAt}"`,
        EXIT.USAGE,
      );
  }
  const attributes: Record<string, string> = {};
  for (const pair of flags.attr) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--attr: expected key=value, got "${pair}"`, EXIT.USAGE);
    attributes[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    eventId: flags.eventId ?? '',
    tenantId: flags.tenant ?? '',
    occurredAt: timestampFromMillis(occurredAt),
    actor: {
      userId: flags.user,
      ip: flags.ip ?? '',
      deviceId: flags.device ?? '',
      sessionId: flags.session ?? '',
      userAgent: flags.userAgent ?? '',
      geo: geoFromFlags(flags),
    },
    action: flags.action,
    resource: flags.resource ?? '',
    outcome,
    attributes,
  };
}

/** NDJSON: each line is an AccessEvent in protobuf JSON form (camelCase, RFC 3339 times). */
export function eventFromJsonLine(line: string, lineNumber: number): AccessEventInput {
  let object: unknown;
  try {
    object = JSON.parse(line);
  } catch {
    throw new CliError(`stdin line ${lineNumber}: not valid JSON`, EXIT.USAGE);
  }
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw new CliError(`stdin line ${lineNumber}: expected a JSON object`, EXIT.USAGE);
  }
  const raw = { ...(object as Record<string, unknown>) };
  for (const field of ['occurredAt', 'receivedAt']) {
    const value = raw[field];
    if (typeof value === 'string') {
      const ms = Date.parse(value);
      if (Number.isNaN(ms))
        throw new CliError(
          `stdin line ${lineNumber}: ${field} is not an RFC 3339 time`,
          EXIT.USAGE,
        );
      raw[field] = timestampFromMillis(ms);
    }
  }
  raw.occurredAt ??= timestampFromMillis(Date.now());
  if (typeof raw.outcome === 'string') {
    const key = raw.outcome.toLowerCase().replace(/^outcome_/, '');
    raw.outcome = OUTCOMES[key] ?? raw.outcome;
  }
  try {
    return vigil.v1.AccessEvent.fromObject(raw);
  } catch (err) {
    throw new CliError(`stdin line ${lineNumber}: ${(err as Error).message}`, EXIT.USAGE);
  }
}

export async function eventsSend(flags: SendFlags, out: Output): Promise<number> {
  const client = ingestClient(flags);
  const receipts: IngestReceipt[] = [];
  try {
    if (flags.stdin) {
      await sendLines(client, receipts).catch((err: unknown) => {
        // Batches before the failure are stored: say which, so they are not sent twice.
        if (receipts.length === 0 || !(err instanceof CliError)) throw err;
        printReceipts(receipts, flags, out);
        throw new CliError(
          `${err.message} (the ${receipts.length} event(s) listed above were acknowledged before it)`,
          err.exitCode,
          'resend only the lines after the acknowledged ones; lines with an "eventId" may safely be sent again',
        );
      });
    } else {
      receipts.push(
        await client
          .publish(eventFromFlags(flags))
          .catch((err: unknown) => callFailure(err, 'ingest')),
      );
    }
  } finally {
    client.close();
  }
  printReceipts(receipts, flags, out);
  return EXIT.OK;
}

/** Sends NDJSON from stdin in batches of 100, collecting the receipts as they come. */
async function sendLines(client: IngestClient, receipts: IngestReceipt[]): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let batch: AccessEventInput[] = [];
  let lineNumber = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    receipts.push(
      ...(await client.publishBatch(batch).catch((err: unknown) => callFailure(err, 'ingest'))),
    );
    batch = [];
  };
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    batch.push(eventFromJsonLine(line, lineNumber));
    if (batch.length >= 100) await flush();
  }
  await flush();
}

function printReceipts(receipts: IngestReceipt[], flags: SendFlags, out: Output): void {
  if (out.json) {
    out.printJson(receipts);
    return;
  }
  for (const r of receipts) {
    out.line(
      `${r.eventId} -> ${r.topic}/${r.partition}@${r.offset}${r.duplicate ? out.style.warn(' (duplicate: original receipt)') : ''}`,
    );
  }
  if (flags.stdin) out.line(out.style.dim(`${receipts.length} event(s) acknowledged by Kafka`));
}
