/**
 * Redis key layout. All keys of one user share the hash tag `{<user>}`, so they live in one hash
 * slot and a Lua script may touch them together on Redis Cluster:
 *
 *   <prefix>:{<user>}:s    hash  score, reasons, windows, rate, restriction, watermarks
 *   <prefix>:{<user>}:ip   hash  ip      -> "<first seen ms>,<last seen ms>"
 *   <prefix>:{<user>}:dev  hash  device  -> "<first seen ms>,<last seen ms>"
 *   <prefix>:{<user>}:cc   hash  country -> "<first seen ms>,<last seen ms>"
 *
 * Braces inside a user id would end the hash tag early (and split a user over slots), so `%`,
 * `{` and `}` are percent-encoded; the mapping stays one-to-one.
 */
export class KeyLayout {
  constructor(readonly prefix: string) {}

  private base(userId: string): string {
    return `${this.prefix}:{${escapeTag(userId)}}`;
  }

  /** [core, ips, devices, countries], the KEYS order of every script. */
  keys(userId: string): [string, string, string, string] {
    const base = this.base(userId);
    return [`${base}:s`, `${base}:ip`, `${base}:dev`, `${base}:cc`];
  }

  core(userId: string): string {
    return `${this.base(userId)}:s`;
  }

  /** SCAN pattern for every key this layout owns (the prefix is validated glob-free). */
  get scanPattern(): string {
    return `${this.prefix}:{*`;
  }
}

const escapeTag = (userId: string): string =>
  /[%{}]/.test(userId)
    ? userId.replace(/%/g, '%25').replace(/\{/g, '%7B').replace(/\}/g, '%7D')
    : userId;

/** A prefix must not contain glob characters (SCAN) or braces (hash tags). */
export const PREFIX_PATTERN = /^[A-Za-z0-9._:-]+$/;
