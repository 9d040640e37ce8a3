/**
 * The floor under Authorize, for bench/authz.ts: AuthorizationService on grpc-js with the same
 * protobufjs codecs, doing only Authorize's I/O with risk's own I/O modules and settings: one
 * snapshot read through RiskStore (a single EVALSHA on an auto-pipelined ioredis connection with
 * Authorize's command timeout) and one decision record handed to DecisionLog (the Coalescer and
 * an idempotent kafkajs producer, acks=all, risk's linger). No authentication, request
 * validation, assessment, ULIDs or decision metrics: every call is answered ALLOW.
 *
 * What risk costs beyond this is its own per-call work; what this costs beyond the no-op server
 * is one Redis round trip and one logged decision, which every Authorize owes.
 *
 *   node bench/dist/authz-floor.js      (started by bench/dist/authz.js; not run on its own)
 *
 * Takes risk's environment (KAFKA_*, REDIS_URL, RISK_REDIS_PREFIX, RISK_DECISIONS_TOPIC and risk's
 * other settings with their defaults) and prints `{"msg":"gRPC listening","port":…}` and then
 * `{"msg":"floor listening"}`.
 */
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { Producer } from 'kafkajs';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { AuthorizationServiceDefinition, timestampFromMillis, vigil } from '@vigil/proto';
import {
  createDurableProducer,
  createKafka,
  createLogger,
  createRedis,
  kafkaClientEnv,
  loadConfig,
  type Logger,
} from '@vigil/runtime';

/** The checkout: this file runs from bench/dist/. */
const REPO = path.resolve(__dirname, '../..');

interface Snapshots {
  readSnapshot(
    userId: string,
    facts: { ip: string; deviceId: string; country: string },
  ): Promise<unknown>;
}
interface Decisions {
  offer(key: string, decidedAt: number, record: vigil.v1.IAuthzDecision): boolean;
  close(): Promise<void>;
}

/** Risk's built modules, the very ones the bench's risk service runs. */
function riskModules() {
  const dist = (file: string) => path.join(REPO, 'services/risk/dist', file);
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require(dist('store/store.js')) as {
      RiskStore: new (redis: Redis, keys: unknown, stateTtlMs: number) => Snapshots;
    }),
    ...(require(dist('store/keys.js')) as { KeyLayout: new (prefix: string) => unknown }),
    ...(require(dist('authz/decision-log.js')) as {
      DecisionLog: new (options: {
        producer: Producer;
        topic: string;
        maxBuffered: number;
        lingerMs: number;
        logger: Logger;
        metrics: unknown;
      }) => Decisions;
    }),
    ...(require(dist('metrics.js')) as { RiskMetrics: new (registry: Registry) => unknown }),
    ...(require(dist('config.js')) as { riskEnv: Parameters<typeof loadConfig>[0] }),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

async function main(): Promise<void> {
  const { RiskStore, KeyLayout, DecisionLog, RiskMetrics, riskEnv } = riskModules();
  // Risk's own schema and defaults, so the floor's clients are configured as the service's are.
  const env = loadConfig(riskEnv, process.env) as unknown as Record<string, number | string>;
  const logger = createLogger({ service: 'authz-floor', level: 'warn' });
  const redis = createRedis({
    url: String(env.REDIS_URL),
    logger,
    commandTimeoutMs: Number(env.RISK_AUTHORIZE_DEADLINE_MS),
    overrides: { connectionName: 'vigil-authz-floor', enableAutoPipelining: true },
  });
  const store = new RiskStore(
    redis,
    new KeyLayout(String(env.RISK_REDIS_PREFIX)),
    Number(env.RISK_STATE_TTL_DAYS) * 86_400_000,
  );
  const kafka = createKafka({
    config: loadConfig(kafkaClientEnv, process.env),
    clientId: 'authz-floor',
    logger,
  });
  const producer = createDurableProducer(kafka);
  await producer.connect();
  const decisions = new DecisionLog({
    producer,
    topic: String(env.RISK_DECISIONS_TOPIC),
    maxBuffered: Number(env.RISK_DECISION_BUFFER_MAX),
    lingerMs: Number(env.RISK_DECISION_LINGER_MS),
    logger,
    metrics: new RiskMetrics(new Registry()),
  });

  let sequence = 0;
  const server = new grpc.Server();
  server.addService(AuthorizationServiceDefinition as unknown as grpc.ServiceDefinition, {
    authorize(
      call: grpc.ServerUnaryCall<vigil.v1.AuthorizeRequest, unknown>,
      callback: grpc.sendUnaryData<vigil.v1.IAuthorizeResponse>,
    ) {
      const request = call.request;
      const context = request.context;
      store
        .readSnapshot(request.userId, {
          ip: context?.ip ?? '',
          deviceId: context?.deviceId ?? '',
          country: context?.geo?.countryCode ?? '',
        })
        .then(() => {
          const now = Date.now();
          const decisionId = `floor-${sequence++}`;
          const response: vigil.v1.IAuthorizeResponse = {
            decision: vigil.v1.Decision.DECISION_ALLOW,
            riskScore: 0,
            reasons: [],
            decisionId,
            policyVersion: 'floor',
          };
          decisions.offer(request.userId || decisionId, now, {
            ...response,
            decidedAt: timestampFromMillis(now),
            request,
            caller: 'bench',
            source: vigil.v1.DecisionSource.DECISION_SOURCE_AUTHORIZE,
          });
          callback(null, response);
        })
        .catch((err: Error) => callback(err));
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  process.stdout.write(`${JSON.stringify({ msg: 'gRPC listening', port })}\n`);
  process.stdout.write(`${JSON.stringify({ msg: 'floor listening' })}\n`);
  process.once('SIGTERM', () =>
    server.tryShutdown(() => {
      decisions
        .close()
        .then(() => producer.disconnect())
        .then(() => redis.quit())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    }),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `authz-floor: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
