import type { ChainableCommander, Redis } from 'ioredis';
import type { RiskSnapshot, RequestFacts } from '../model/assess';
import { RiskStateUnavailableError } from '../errors';
import {
  decodeSnapshot,
  diffFields,
  fieldsFromPairs,
  watermarkField,
  type EncodedState,
} from './codec';
import type { KeyLayout } from './keys';
import { APPLY, AUTHZ_READ, LOAD } from './scripts';

type SnapshotReply = Array<string | number | null>;
type LoadReply = [string[], string[], string[], string[]];

interface RiskCommands {
  riskAuthzRead(
    core: string,
    ips: string,
    devices: string,
    countries: string,
    ip: string,
    device: string,
    country: string,
  ): Promise<SnapshotReply>;
  riskLoad(core: string, ips: string, devices: string, countries: string): Promise<LoadReply>;
}
interface RiskPipelineCommands {
  riskLoad(core: string, ips: string, devices: string, countries: string): ChainableCommander;
  riskApply(...keysAndArgs: Array<string | number>): ChainableCommander;
}

/** One user's computed write (see APPLY). */
export interface UserWrite {
  userId: string;
  /** The applied-events counter the new state was computed from. */
  expectedApplied: number;
  /** "topic/partition" of the batch. */
  watermark: string;
  firstOffset: number;
  before: EncodedState;
  after: EncodedState;
}

export type WriteOutcome = 'written' | 'conflict';

/** Redis access for risk state. Every method is one round trip (pipelined for many users). */
export class RiskStore {
  private readonly redis: Redis & RiskCommands;

  constructor(
    redis: Redis,
    readonly keys: KeyLayout,
    private readonly stateTtlMs: number,
  ) {
    redis.defineCommand('riskAuthzRead', { numberOfKeys: 4, lua: AUTHZ_READ });
    redis.defineCommand('riskLoad', { numberOfKeys: 4, lua: LOAD });
    redis.defineCommand('riskApply', { numberOfKeys: 4, lua: APPLY });
    this.redis = redis as Redis & RiskCommands;
  }

  /** The hot path: one EVALSHA reading everything Authorize needs. */
  async readSnapshot(userId: string, request: RequestFacts): Promise<RiskSnapshot> {
    const [core, ips, devices, countries] = this.keys.keys(userId);
    const reply = await this.redis.riskAuthzRead(
      core,
      ips,
      devices,
      countries,
      request.ip,
      request.deviceId,
      request.country,
    );
    return decodeSnapshot(reply);
  }

  async load(userId: string): Promise<EncodedState> {
    const reply = await this.redis.riskLoad(...this.keys.keys(userId));
    return toEncoded(reply);
  }

  async loadMany(userIds: readonly string[]): Promise<EncodedState[]> {
    const pipeline = this.redis.pipeline() as ChainableCommander & RiskPipelineCommands;
    for (const userId of userIds) pipeline.riskLoad(...this.keys.keys(userId));
    const results = await execPipeline(pipeline, 'loading risk state');
    return results.map((reply) => toEncoded(reply as LoadReply));
  }

  async writeMany(writes: readonly UserWrite[]): Promise<WriteOutcome[]> {
    const pipeline = this.redis.pipeline() as ChainableCommander & RiskPipelineCommands;
    for (const write of writes)
      pipeline.riskApply(...this.keys.keys(write.userId), ...args(write, this.stateTtlMs));
    const results = await execPipeline(pipeline, 'writing risk state');
    return results.map((code) => (code === 1 ? 'written' : 'conflict'));
  }

  /** The offset of the last event applied to a user from one partition, if any. */
  async watermark(userId: string, mark: string): Promise<number | undefined> {
    const value = await this.redis.hget(this.keys.core(userId), watermarkField(mark));
    return value === null ? undefined : Number(value);
  }

  /** Deletes every key under the prefix (SCAN + UNLINK); returns how many. */
  async deleteAll(): Promise<number> {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await this.redis.scan(
        cursor,
        'MATCH',
        this.keys.scanPattern,
        'COUNT',
        1000,
      );
      cursor = next;
      if (keys.length > 0) deleted += await this.redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  }
}

function args(write: UserWrite, ttlMs: number): Array<string | number> {
  const out: Array<string | number> = [
    String(write.expectedApplied),
    watermarkField(write.watermark),
    write.firstOffset,
    ttlMs,
  ];
  const sections = [
    diffFields(write.before.core, write.after.core),
    diffFields(write.before.ips, write.after.ips),
    diffFields(write.before.devices, write.after.devices),
    diffFields(write.before.countries, write.after.countries),
  ];
  for (const { set, del } of sections) out.push(set.length / 2, del.length, ...set, ...del);
  return out;
}

function toEncoded(reply: LoadReply): EncodedState {
  return {
    core: fieldsFromPairs(reply[0]),
    ips: fieldsFromPairs(reply[1]),
    devices: fieldsFromPairs(reply[2]),
    countries: fieldsFromPairs(reply[3]),
  };
}

async function execPipeline(pipeline: ChainableCommander, what: string): Promise<unknown[]> {
  let results: Array<[Error | null, unknown]> | null;
  try {
    results = await pipeline.exec();
  } catch (err) {
    throw new RiskStateUnavailableError(`${what}: ${(err as Error).message}`, { cause: err });
  }
  if (!results) throw new RiskStateUnavailableError(`${what}: pipeline discarded`);
  return results.map(([err, value]) => {
    if (err) throw new RiskStateUnavailableError(`${what}: ${err.message}`, { cause: err });
    return value;
  });
}
