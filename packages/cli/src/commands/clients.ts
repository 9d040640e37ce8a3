import {
  AuthorizationClient,
  IngestCallError,
  IngestClient,
  RiskAdminClient,
  RiskCallError,
} from '@vigil/client';
import * as grpc from '@grpc/grpc-js';
import { CliError, EXIT } from '../exit-codes';

export interface ServiceFlags {
  addr?: string;
  token?: string;
  /** Where the token comes from when not given, for the message (default VIGIL_INGEST_TOKEN). */
  tokenVariable?: string;
  ca?: string;
  timeout?: string;
}

function required(value: string | undefined, flag: string, env: string): string {
  if (!value) {
    throw new CliError(
      `${flag} is required`,
      EXIT.USAGE,
      `pass ${flag} or set ${env} (./dev up writes .local/stack.env)`,
    );
  }
  return value;
}

function timeoutMs(flags: ServiceFlags): number {
  if (flags.timeout === undefined) return 5_000;
  const ms = Number(flags.timeout);
  if (!/^\d+$/.test(flags.timeout.trim()) || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new CliError(
      `--timeout must be a positive whole number of milliseconds, got "${flags.timeout}"`,
      EXIT.USAGE,
      'e.g. --timeout 5000',
    );
  }
  return ms;
}

export const ingestClient = (flags: ServiceFlags) =>
  new IngestClient({
    address: required(flags.addr, '--addr', 'VIGIL_INGEST_ADDR'),
    token: required(flags.token, '--token', flags.tokenVariable ?? 'VIGIL_INGEST_TOKEN'),
    caFile: flags.ca,
    timeoutMs: timeoutMs(flags),
  });

export const authzClient = (flags: ServiceFlags) =>
  new AuthorizationClient({
    address: required(flags.addr, '--addr', 'VIGIL_AUTHZ_ADDR'),
    token: required(flags.token, '--token', 'VIGIL_AUTHZ_TOKEN'),
    caFile: flags.ca,
    timeoutMs: timeoutMs(flags),
  });

export const adminClient = (flags: ServiceFlags) =>
  new RiskAdminClient({
    address: required(flags.addr, '--addr', 'VIGIL_AUTHZ_ADDR'),
    token: required(flags.token, '--token', 'VIGIL_ADMIN_TOKEN'),
    caFile: flags.ca,
    timeoutMs: timeoutMs(flags),
  });

/** Maps a failed call to an exit code and a message that says what to do. */
export function callFailure(err: unknown, service: string): never {
  if (err instanceof IngestCallError || err instanceof RiskCallError) {
    const code = err.code;
    const status = grpc.status[code] ?? String(code);
    if (code === grpc.status.UNAVAILABLE || code === grpc.status.DEADLINE_EXCEEDED) {
      throw new CliError(
        `${service} is unavailable (${status}): ${err.message}`,
        EXIT.UNAVAILABLE,
        'is the stack up? ./dev status',
      );
    }
    if (code === grpc.status.UNAUTHENTICATED || code === grpc.status.PERMISSION_DENIED) {
      throw new CliError(
        `${service} refused the token (${status})`,
        EXIT.USAGE,
        'check --token (or the VIGIL_*_TOKEN variable)',
      );
    }
    if (code === grpc.status.NOT_FOUND) throw new CliError(err.message, EXIT.NOT_FOUND);
    const details =
      err instanceof IngestCallError && err.violations.length > 0
        ? `: ${err.violations.map((v) => `event ${v.index} ${v.field}: ${v.reason}`).join('; ')}`
        : '';
    throw new CliError(
      `${service} rejected the request (${status}): ${err.message}${details}`,
      EXIT.USAGE,
    );
  }
  throw err;
}
