/**
 * Stable reason codes. Clients switch on these strings; never rename one.
 *
 * The first nine are signals: they carry a weight from the policy and raise the score. The
 * others only explain a decision.
 */
export const SIGNAL_CODES = [
  'NEW_DEVICE',
  'NEW_IP',
  'NEW_COUNTRY',
  'IMPOSSIBLE_TRAVEL',
  'FAILED_AUTH_BURST',
  'DENIED_SENSITIVE_BURST',
  'RATE_ANOMALY',
  'PRIVILEGE_ESCALATION',
  'MANUAL_RESTRICTION',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** The user is restricted (DENY on sensitive resources until the TTL ends or a review). */
export const RESTRICTED = 'RESTRICTED';
/** The risk state could not be read in time; the decision is the policy's fallback. */
export const RISK_STATE_UNAVAILABLE = 'RISK_STATE_UNAVAILABLE';

/**
 * The request named no user (ext_authz Check): decided by the route's rule without risk state,
 * which is 401 unless the route allows anonymous requests.
 */
export const NO_USER = 'NO_USER';

export type ReasonCode =
  SignalCode | typeof RESTRICTED | typeof RISK_STATE_UNAVAILABLE | typeof NO_USER;

const SIGNAL_SET: ReadonlySet<string> = new Set(SIGNAL_CODES);
export const isSignalCode = (code: string): code is SignalCode => SIGNAL_SET.has(code);
