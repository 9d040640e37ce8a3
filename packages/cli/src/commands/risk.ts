import { millisFromTimestamp } from '@vigil/proto';
import { CliError, EXIT } from '../exit-codes';
import type { Output } from '../output';
import { adminClient, callFailure, type ServiceFlags } from './clients';

const iso = (ts: Parameters<typeof millisFromTimestamp>[0]) => {
  const ms = millisFromTimestamp(ts);
  return ms === undefined || ms === 0 ? '-' : new Date(ms).toISOString();
};

export async function riskShow(user: string, flags: ServiceFlags, out: Output): Promise<number> {
  const client = adminClient(flags);
  try {
    const profile = await client
      .getRiskProfile(user)
      .catch((err: unknown) => callFailure(err, 'risk'));
    // Risk keeps no list of users: one it has never seen an event for is unknown to Vigil.
    const unknown = Number(profile.eventsApplied ?? 0) === 0 && !profile.restriction?.active;
    if (out.json) {
      out.printJson(profile.toJSON());
      return unknown ? EXIT.NOT_FOUND : EXIT.OK;
    }
    if (unknown) {
      throw new CliError(
        `no events seen for user "${user}"`,
        EXIT.NOT_FOUND,
        'check the user id; events appear here once risk has applied them',
      );
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

export async function riskClear(
  user: string,
  flags: ServiceFlags & { reason?: string; reviewer?: string },
  out: Output,
): Promise<number> {
  if (!flags.reason)
    throw new CliError('--reason is required: say why the restriction is lifted', EXIT.USAGE);
  const reviewer = flags.reviewer ?? process.env.USER ?? '';
  if (!reviewer) throw new CliError('--reviewer is required', EXIT.USAGE);
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
