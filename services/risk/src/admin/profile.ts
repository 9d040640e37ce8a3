import { timestampFromMillis, type vigil } from '@vigil/proto';
import { currentScore } from '../model/apply';
import { decayed, expiresAt, roundScore } from '../model/score';
import { isRestrictedAt, type Seen, type UserRiskState } from '../model/state';
import type { Policy } from '../policy/policy';

/** What GetRiskProfile shows: the state as of `now`, with decay applied. */
export function riskProfile(
  userId: string,
  state: UserRiskState,
  now: number,
  policy: Policy,
): vigil.v1.IRiskProfile {
  const half = policy.halfLifeMs;
  const reasons = state.reasons
    .filter((r) => decayed(r.weight, r.raisedAt, now, half) >= policy.reasonFloor)
    .sort((a, b) => b.raisedAt - a.raisedAt || (a.code < b.code ? -1 : 1))
    .map((r) => ({
      code: r.code,
      weight: roundScore(r.weight),
      raisedAt: timestampFromMillis(r.raisedAt),
      expiresAt: timestampFromMillis(expiresAt(r.weight, r.raisedAt, half, policy.reasonFloor)),
    }));
  const restriction = state.restriction;
  return {
    userId,
    riskScore: roundScore(currentScore(state, now, policy)),
    reasons,
    knownDevices: known(state.devices),
    knownIps: known(state.ips),
    knownCountries: known(state.countries),
    restriction: restriction
      ? {
          active: isRestrictedAt(restriction, now),
          since: timestampFromMillis(restriction.since),
          until: timestampFromMillis(restriction.until),
          reasons: restriction.reasons,
        }
      : { active: false },
    lastApplied: state.lastApplied ?? '',
    eventsApplied: state.applied,
    reviewedAt: state.reviewedAt === undefined ? null : timestampFromMillis(state.reviewedAt),
  };
}

/** Most recently seen first. */
function known(map: ReadonlyMap<string, Seen>): vigil.v1.IKnownAttribute[] {
  return [...map]
    .sort(([a, x], [b, y]) => y.last - x.last || (a < b ? -1 : 1))
    .map(([value, seen]) => ({
      value,
      firstSeen: timestampFromMillis(seen.first),
      lastSeen: timestampFromMillis(seen.last),
    }));
}
