import type { RiskSnapshot, KnownLookup } from '../model/assess';
import type { GeoFix } from '../model/geo';
import { isSignalCode, type SignalCode } from '../model/signals';
import {
  emptyState,
  type ActiveReason,
  type RateState,
  type Restriction,
  type Seen,
  type UserRiskState,
} from '../model/state';

/**
 * The user state <-> Redis hash fields. Values are compact comma-separated strings: Authorize
 * reads them on every call, and splitting a short string is cheaper than JSON.
 */
export const FIELD = {
  applied: 'n',
  score: 'sc',
  scoreAt: 'st',
  reasons: 'rs',
  geo: 'g',
  failures: 'f',
  denials: 'd',
  rate: 'r',
  restriction: 'x',
  reviewedAt: 'cl',
  lastApplied: 'la',
} as const;
/** `w:<topic>/<partition>` -> offset of the last applied event from that partition. */
export const WATERMARK_FIELD_PREFIX = 'w:';
export const watermarkField = (mark: string): string => WATERMARK_FIELD_PREFIX + mark;

export type Fields = Record<string, string>;

/**
 * Device ids and IPs come from events, so they are used as keys of prototype-less objects: a
 * device called "__proto__" must be data, not a prototype change.
 */
export const newFields = (): Fields => Object.create(null) as Fields;

export interface EncodedState {
  core: Fields;
  ips: Fields;
  devices: Fields;
  countries: Fields;
}

export function encodeState(state: UserRiskState): EncodedState {
  const core = newFields();
  if (state.applied > 0) core[FIELD.applied] = String(state.applied);
  for (const [mark, offset] of state.watermarks) core[watermarkField(mark)] = String(offset);
  if (state.lastApplied !== undefined) core[FIELD.lastApplied] = state.lastApplied;
  if (state.score > 0 || state.scoreAt > 0) {
    core[FIELD.score] = String(state.score);
    core[FIELD.scoreAt] = String(state.scoreAt);
  }
  if (state.reasons.length > 0) core[FIELD.reasons] = encodeReasons(state.reasons);
  if (state.lastGeo) {
    const g = state.lastGeo;
    core[FIELD.geo] = `${g.lat},${g.lon},${g.at}`;
  }
  if (state.failures.length > 0) core[FIELD.failures] = state.failures.join(',');
  if (state.denials.length > 0) core[FIELD.denials] = state.denials.join(',');
  if (state.rate) {
    const r = state.rate;
    core[FIELD.rate] = `${r.bucket},${r.count},${r.ewma},${r.baselineBuckets},${r.fired ? 1 : 0}`;
  }
  if (state.restriction) core[FIELD.restriction] = encodeRestriction(state.restriction);
  if (state.reviewedAt !== undefined) core[FIELD.reviewedAt] = String(state.reviewedAt);
  return {
    core,
    ips: encodeSeen(state.ips),
    devices: encodeSeen(state.devices),
    countries: encodeSeen(state.countries),
  };
}

export function decodeState(encoded: EncodedState): UserRiskState {
  const state = emptyState();
  const core = encoded.core;
  for (const [field, value] of Object.entries(core)) {
    if (field.startsWith(WATERMARK_FIELD_PREFIX)) {
      const offset = toNumber(value);
      if (offset !== undefined) {
        state.watermarks.set(field.slice(WATERMARK_FIELD_PREFIX.length), offset);
      }
    }
  }
  state.applied = toNumber(core[FIELD.applied]) ?? 0;
  state.lastApplied = core[FIELD.lastApplied];
  state.score = toNumber(core[FIELD.score]) ?? 0;
  state.scoreAt = toNumber(core[FIELD.scoreAt]) ?? 0;
  state.reasons = decodeReasons(core[FIELD.reasons]);
  state.lastGeo = decodeGeo(core[FIELD.geo]);
  state.failures = decodeTimes(core[FIELD.failures]);
  state.denials = decodeTimes(core[FIELD.denials]);
  state.rate = decodeRate(core[FIELD.rate]);
  state.restriction = decodeRestriction(core[FIELD.restriction]);
  state.reviewedAt = toNumber(core[FIELD.reviewedAt]);
  state.ips = decodeSeenMap(encoded.ips);
  state.devices = decodeSeenMap(encoded.devices);
  state.countries = decodeSeenMap(encoded.countries);
  return state;
}

/** The writes that turn hash `before` into `after`. */
export function diffFields(before: Fields, after: Fields): { set: string[]; del: string[] } {
  const set: string[] = [];
  const del: string[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (before[field] !== value) set.push(field, value);
  }
  for (const field of Object.keys(before)) {
    if (!(field in after)) del.push(field);
  }
  return { set, del };
}

/**
 * Decodes the Authorize read script's reply:
 * [score, scoreAt, reasons, geo, restriction, ipSeen, ipCount, devSeen, devCount, ccSeen, ccCount].
 */
export function decodeSnapshot(reply: ReadonlyArray<string | number | null>): RiskSnapshot {
  return {
    score: toNumber(asString(reply[0])) ?? 0,
    scoreAt: toNumber(asString(reply[1])) ?? 0,
    reasons: decodeReasons(asString(reply[2])),
    lastGeo: decodeGeo(asString(reply[3])),
    restriction: decodeRestriction(asString(reply[4])),
    ip: lookup(reply[5], reply[6]),
    device: lookup(reply[7], reply[8]),
    country: lookup(reply[9], reply[10]),
  };
}

/** Flat HGETALL reply -> object. */
export function fieldsFromPairs(pairs: readonly string[]): Fields {
  const out = newFields();
  for (let i = 0; i + 1 < pairs.length; i += 2) out[pairs[i] as string] = pairs[i + 1] as string;
  return out;
}

function lookup(seen: string | number | null | undefined, count: unknown): KnownLookup {
  return { seen: decodeSeen(asString(seen)), history: Number(count) || 0 };
}

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function encodeReasons(reasons: readonly ActiveReason[]): string {
  return reasons.map((r) => `${r.code},${r.raisedAt},${r.weight}`).join(';');
}

export function decodeReasons(text: string | undefined): ActiveReason[] {
  if (!text) return [];
  const out: ActiveReason[] = [];
  for (const part of text.split(';')) {
    const [code, raisedAt, weight] = part.split(',');
    const at = toNumber(raisedAt);
    const w = toNumber(weight);
    if (code && isSignalCode(code) && at !== undefined && w !== undefined) {
      out.push({ code, raisedAt: at, weight: w });
    }
  }
  return out;
}

function decodeGeo(text: string | undefined): GeoFix | undefined {
  if (!text) return undefined;
  const [lat, lon, at] = text.split(',').map(Number);
  if (lat === undefined || lon === undefined || at === undefined) return undefined;
  return Number.isFinite(lat + lon + at) ? { lat, lon, at } : undefined;
}

function decodeTimes(text: string | undefined): number[] {
  if (!text) return [];
  return text
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

function decodeRate(text: string | undefined): RateState | undefined {
  if (!text) return undefined;
  const [bucket, count, ewma, baselineBuckets, fired] = text.split(',').map(Number);
  if ([bucket, count, ewma, baselineBuckets, fired].some((n) => !Number.isFinite(n))) {
    return undefined;
  }
  return {
    bucket: bucket as number,
    count: count as number,
    ewma: ewma as number,
    baselineBuckets: baselineBuckets as number,
    fired: fired === 1,
  };
}

function encodeRestriction(r: Restriction): string {
  return `${r.since},${r.until},${r.reasons.join('|')}`;
}

export function decodeRestriction(text: string | undefined): Restriction | undefined {
  if (!text) return undefined;
  const [since, until, codes] = text.split(',');
  const s = toNumber(since);
  const u = toNumber(until);
  if (s === undefined || u === undefined) return undefined;
  const reasons = (codes ?? '').split('|').filter(isSignalCode) as SignalCode[];
  return { since: s, until: u, reasons };
}

function encodeSeen(map: ReadonlyMap<string, Seen>): Fields {
  const out = newFields();
  for (const [value, seen] of map) out[value] = `${seen.first},${seen.last}`;
  return out;
}

function decodeSeen(text: string | undefined): Seen | undefined {
  if (!text) return undefined;
  const comma = text.indexOf(',');
  const first = toNumber(text.slice(0, comma));
  const last = toNumber(text.slice(comma + 1));
  return comma > 0 && first !== undefined && last !== undefined ? { first, last } : undefined;
}

function decodeSeenMap(fields: Fields): Map<string, Seen> {
  const out = new Map<string, Seen>();
  for (const [value, text] of Object.entries(fields)) {
    const seen = decodeSeen(text);
    if (seen) out.set(value, seen);
  }
  return out;
}
