import { FIELD } from './codec';

/**
 * Lua scripts, registered with ioredis `defineCommand` (EVALSHA, falling back to EVAL once per
 * connection after a Redis restart). Every script takes the four keys of ONE user, which share a
 * hash slot, in the order [core, ips, devices, countries].
 */

/**
 * Authorize's only Redis call: the score, reasons, last position and restriction, plus whether
 * the request's IP, device and country are known (and, when one is not, whether the user has any
 * of that kind at all). ARGV: ip, device, country ('' when the request has none).
 */
export const AUTHZ_READ = `
local c = redis.call('HMGET', KEYS[1], '${FIELD.score}', '${FIELD.scoreAt}', '${FIELD.reasons}', '${FIELD.geo}', '${FIELD.restriction}')
local out = { c[1], c[2], c[3], c[4], c[5] }
for i = 1, 3 do
  local value = ARGV[i]
  if value == '' then
    out[#out + 1] = false
    out[#out + 1] = 0
  else
    local seen = redis.call('HGET', KEYS[i + 1], value)
    out[#out + 1] = seen
    if seen then out[#out + 1] = 1 else out[#out + 1] = redis.call('HLEN', KEYS[i + 1]) end
  end
end
return out
`;

/** A user's whole state: the four hashes as flat field/value lists. */
export const LOAD = `
return {
  redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]),
  redis.call('HGETALL', KEYS[3]), redis.call('HGETALL', KEYS[4])
}
`;

/**
 * Writes a user's new state, computed from the state LOAD returned, if and only if nothing
 * changed in between and none of the events were applied before:
 * - the applied-events counter still has the value that was read (optimistic concurrency: a
 *   second consumer that raced on the same user, e.g. a zombie during a rebalance, loses and
 *   recomputes from fresh state);
 * - the partition's watermark is below the first offset being applied (re-delivery check).
 * Returns 1 when written, 0 on a counter conflict, -1 when the events were already applied.
 *
 * ARGV: expected counter, watermark field, first offset, TTL ms (0: none), then for each key:
 * #fields to set, #fields to delete, the field/value pairs, the fields to delete.
 */
export const APPLY = `
local applied = redis.call('HGET', KEYS[1], '${FIELD.applied}') or '0'
if applied ~= ARGV[1] then return 0 end
local mark = redis.call('HGET', KEYS[1], ARGV[2])
if mark and tonumber(mark) >= tonumber(ARGV[3]) then return -1 end
local ttl = tonumber(ARGV[4])
local i = 5
for k = 1, 4 do
  local nset, ndel = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
  i = i + 2
  for _ = 1, nset do
    redis.call('HSET', KEYS[k], ARGV[i], ARGV[i + 1])
    i = i + 2
  end
  for _ = 1, ndel do
    redis.call('HDEL', KEYS[k], ARGV[i])
    i = i + 1
  end
  if ttl > 0 then redis.call('PEXPIRE', KEYS[k], ttl) end
end
return 1
`;
