import { google } from './generated';

type ITimestamp = google.protobuf.ITimestamp;

/**
 * google.protobuf.Timestamp <-> epoch milliseconds. Vigil code works in epoch ms (a JS number);
 * the wire keeps seconds + nanos so that other languages see the well-known type.
 */
export function timestampFromMillis(ms: number): google.protobuf.Timestamp {
  if (!Number.isSafeInteger(Math.trunc(ms))) {
    throw new RangeError(`timestamp out of range: ${ms}`);
  }
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1e6);
  return google.protobuf.Timestamp.create({ seconds, nanos });
}

/** Returns undefined when the timestamp is absent, so callers can tell "unset" from epoch 0. */
export function millisFromTimestamp(ts: ITimestamp | null | undefined): number | undefined {
  if (ts === null || ts === undefined) return undefined;
  const seconds = Number(ts.seconds ?? 0);
  const nanos = ts.nanos ?? 0;
  return seconds * 1000 + Math.floor(nanos / 1e6);
}
