import { userInfo } from 'node:os';
import { BYTE_LIMITS, parseFreeText, parseReviewer, parseUserId, type Parsed } from '@vigil/input';
import { millisFromTimestamp } from '@vigil/proto';
import { CliError, EXIT } from '../exit-codes';
import type { Output } from '../output';
import { adminClient, callFailure, type ServiceFlags } from './clients';

const iso = (ts: Parameters<typeof millisFromTimestamp>[0]) => {
  const ms = millisFromTimestamp(ts);
  return ms === undefined || ms === 0 ? '-' : new Date(ms).toISOString();
};

/**
 * The value, or a usage error that names the flag and says what is wrong (never echoing the
 * value), with the shared validator's code: the CLI refuses what the risk service refuses, before
 * any call.
 */
function valid(parsed: Parsed<string>): void {
  if (!parsed.ok)
    throw new CliError(parsed.error.message, EXIT.USAGE, undefined, parsed.error.code);
}

/** The user argument, checked as every door checks a user id. */
const checkUser = (user: string) => valid(parseUserId(user, { field: 'USER' }));

export async function riskShow(user: string, flags: ServiceFlags, out: Output): Promise<number> {
  checkUser(user);
  const client = adminClient(flags);
  try {
    const profile = await client
      .getRiskProfile(user)
      .catch((err: unknown) => callFailure(err, 'risk'));
    // Risk keeps no list of users: one it has never seen an event for is unknown to Vigil.
    // Its profile is all defaults, so it is an error (the same under --json), not a profile.
    const unknown = Number(profile.eventsApplied ?? 0) === 0 && !profile.restriction?.active;
    if (unknown) {
      throw new CliError(
        `no events seen for user "${user}"`,
        EXIT.NOT_FOUND,
        'check the user id; events appear here once risk has applied them',
        'USER_NOT_FOUND',
      );
    }
    if (out.json) {
      out.printJson(profile.toJSON());
      return EXIT.OK;
    }
    const r = profile.restriction;
    out.line(`${out.style.bold(profile.userId)}  score ${profile.riskScore.toFixed(1)}`);
    out.line(
      r?.active
        ? out.style.bad(
            `restricted since ${iso(r.since)} until ${iso(r.until)} (${(r.reasons ?? []).join(', ')})`,
          )
        : out.style.ok('not restricted'),
    );
    for (const reason of profile.reasons) {
      out.line(
        `  ${(reason.code ?? '').padEnd(24)} weight ${(reason.weight ?? 0).toFixed(1).padStart(5)}  raised ${iso(reason.raisedAt)}`,
      );
    }
    const list = (label: string, items: typeof profile.knownDevices) =>
      out.line(`  ${label}: ${items.length === 0 ? '-' : items.map((i) => i.value).join(', ')}`);
    list('devices', profile.knownDevices);
    list('ips', profile.knownIps);
    list('countries', profile.knownCountries);
    return EXIT.OK;
  } finally {
    client.close();
  }
}

/**
 * Who reviewed: --reviewer, else VIGIL_REVIEWER (commander fills the flag from it), else the OS
 * account running the CLI (os.userInfo reads the password database, so it works where $USER is
 * unset: containers, cron, CI). Checked as the risk service checks it: it becomes the actor of the
 * audit event.
 */
export function resolveReviewer(
  flag: string | undefined,
  source: 'cli' | 'env' | undefined,
  osUser: () => string = () => userInfo().username,
): string {
  let reviewer = flag;
  let field = source === 'env' ? '--reviewer (from VIGIL_REVIEWER)' : '--reviewer';
  if (reviewer === undefined) {
    try {
      reviewer = osUser();
    } catch {
      // No password database entry for this uid (e.g. a container run as an arbitrary uid).
      reviewer = '';
    }
    if (!reviewer) {
      throw new CliError(
        '--reviewer is required: there is no OS user name to default to',
        EXIT.USAGE,
        'pass --reviewer NAME or set VIGIL_REVIEWER',
        'REQUIRED',
      );
    }
    field = '--reviewer (defaulted to the OS user name)';
  }
  valid(parseReviewer(reviewer, { field }));
  return reviewer;
}

export async function riskClear(
  user: string,
  flags: ServiceFlags & { reason?: string; reviewer?: string; reviewerSource?: 'cli' | 'env' },
  out: Output,
): Promise<number> {
  checkUser(user);
  if (!flags.reason)
    throw new CliError(
      '--reason is required: say why the restriction is lifted',
      EXIT.USAGE,
      undefined,
      'REQUIRED',
    );
  valid(
    parseFreeText(flags.reason, {
      field: '--reason',
      maxBytes: BYTE_LIMITS.reason,
      required: true,
    }),
  );
  const reviewer = resolveReviewer(flags.reviewer, flags.reviewerSource);
  const client = adminClient(flags);
  try {
    const result = await client
      .clearRestriction({ userId: user, reviewer, reason: flags.reason })
      .catch((err: unknown) => callFailure(err, 'risk'));
    if (out.json) {
      out.printJson(result.toJSON());
    } else if (result.wasRestricted) {
      out.line(
        `${out.style.ok('cleared')} restriction of ${user} (audit event ${result.auditEventId})`,
      );
    } else {
      out.line(
        `${user} was not restricted; the review is recorded (audit event ${result.auditEventId})`,
      );
    }
    return EXIT.OK;
  } finally {
    client.close();
  }
}
