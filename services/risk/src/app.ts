import {
  PROTO_FILES,
  PROTO_ROOT,
  AuthorizationServiceDefinition,
  RiskAdminServiceDefinition,
} from '@vigil/proto';
import {
  createDurableProducer,
  createKafka,
  createLogger,
  createMetricsRegistry,
  createRedis,
  isRedisReady,
  startGrpcServer,
  startOpsServer,
  type Logger,
  type ShutdownStep,
} from '@vigil/runtime';
import type * as grpc from '@grpc/grpc-js';
import type { Registry } from 'prom-client';
import { AdminActions } from './admin/actions';
import { riskAdminService } from './admin/service';
import { Authorizer } from './authz/authorizer';
import { adminAuthenticator, apiAuthenticator, rejectUnauthenticated } from './authz/caller-auth';
import { DecisionLog } from './authz/decision-log';
import { authorizationService } from './authz/service';
import type { RiskConfig } from './config';
import { extAuthzBindings } from './ext-authz/binding';
import { ulidFactory } from './ids';
import { RiskMetrics, createRiskStatusMetrics } from './metrics';
import { KeyLayout } from './store/keys';
import { RiskStore } from './store/store';
import { StreamProcessor } from './stream/processor';

export interface RiskAppDeps {
  logger?: Logger;
  /** Epoch ms for Authorize and admin actions; tests move it. Event logic uses event time. */
  clock?: () => number;
  registry?: Registry;
}

export interface RiskApp {
  readonly grpcPort: number;
  readonly opsPort: number;
  readonly logger: Logger;
  readonly metrics: RiskMetrics;
  readonly registry: Registry;
  readonly decisionLog: DecisionLog;
  readonly processor: StreamProcessor | undefined;
  /** The orderly stop, for installGracefulShutdown: stop accepting, flush, commit, disconnect. */
  readonly shutdownSteps: ShutdownStep[];
  /** Runs the shutdown steps in order (tests; main uses installGracefulShutdown). */
  stop(): Promise<void>;
}

/** Redis commands of the stream processor and admin calls (batches may be large). */
const STATE_COMMAND_TIMEOUT_MS = 5_000;
/** How long the admin API waits for the consumers to apply an admin event. */
const ADMIN_APPLY_WAIT_MS = 3_000;

/**
 * Builds and starts the risk service: Authorize and admin gRPC, the stream processor, the
 * decision log and the ops endpoints. Everything it needs comes from `config`, so tests run it
 * in-process on port 0 exactly as `main.ts` runs it.
 */
export async function createRiskApp(config: RiskConfig, deps: RiskAppDeps = {}): Promise<RiskApp> {
  const { env, policy } = config;
  const logger = deps.logger ?? createLogger({ service: 'risk', level: env.LOG_LEVEL });
  const clock = deps.clock ?? Date.now;
  const registry = deps.registry ?? createMetricsRegistry('risk');
  const metrics = new RiskMetrics(registry);
  const nextId = ulidFactory();
  const keys = new KeyLayout(env.RISK_REDIS_PREFIX);
  const stateTtlMs = env.RISK_STATE_TTL_DAYS * 86_400_000;
  const cleanup: Array<() => Promise<unknown>> = [];

  try {
    // The ops port opens first: liveness must hold while Kafka is still connecting (an
    // orchestrator would otherwise restart a process that is only waiting), and readiness says
    // "not yet" until everything below is up. Readiness is about answering correctly, and
    // Authorize answers correctly without Redis (the policy fallback is the designed
    // behaviour), so Redis is a metric here, not a check.
    let serving = false;
    let decisionLogReady = () => false;
    let consumerReady = () => false;
    const ops = await startOpsServer({
      host: env.OPS_HOST,
      port: env.OPS_PORT,
      registry,
      logger,
      checks: [
        { name: 'grpc', isReady: () => serving },
        { name: 'decision-log', isReady: () => decisionLogReady() },
        ...(env.RISK_CONSUMER_ENABLED
          ? [{ name: 'consumer', isReady: () => consumerReady() }]
          : []),
      ],
    });
    cleanup.push(() => ops.close());

    // Authorize gets its own connection with the short deadline: a slow Redis degrades the
    // decision (policy fallback) instead of stalling the caller, and stream batches never queue
    // in front of it.
    const authzRedis = createRedis({
      url: env.REDIS_URL,
      logger,
      commandTimeoutMs: env.RISK_AUTHORIZE_DEADLINE_MS,
      overrides: { connectionName: 'vigil-risk-authz', enableAutoPipelining: true },
    });
    cleanup.push(() => closeRedis(authzRedis));
    const stateRedis = createRedis({
      url: env.REDIS_URL,
      logger,
      commandTimeoutMs: STATE_COMMAND_TIMEOUT_MS,
      overrides: { connectionName: 'vigil-risk-state' },
    });
    cleanup.push(() => closeRedis(stateRedis));
    const authzStore = new RiskStore(authzRedis, keys, stateTtlMs);
    const stateStore = new RiskStore(stateRedis, keys, stateTtlMs);

    createRiskStatusMetrics(registry, {
      redisReady: () => isRedisReady(authzRedis),
      policyVersion: policy.version,
    });

    const kafka = createKafka({
      config: env,
      clientId: env.KAFKA_CLIENT_ID ?? 'vigil-risk',
      logger,
    });
    const producer = createDurableProducer(kafka);
    let producerConnected = false;
    producer.on(producer.events.CONNECT, () => (producerConnected = true));
    producer.on(producer.events.DISCONNECT, () => (producerConnected = false));
    await producer.connect();
    cleanup.push(() => producer.disconnect());

    const decisionLog = new DecisionLog({
      producer,
      topic: env.RISK_DECISIONS_TOPIC,
      maxBuffered: env.RISK_DECISION_BUFFER_MAX,
      lingerMs: env.RISK_DECISION_LINGER_MS,
      logger,
      metrics,
    });
    cleanup.push(() => decisionLog.close());
    decisionLogReady = () => producerConnected && decisionLog.accepting;
    const authorizer = new Authorizer({
      policy,
      store: authzStore,
      isStateAvailable: () => isRedisReady(authzRedis),
      decisionLog,
      metrics,
      logger,
      clock,
      nextDecisionId: nextId,
    });
    const admin = new AdminActions({
      producer,
      adminTopic: env.RISK_ADMIN_TOPIC,
      store: stateStore,
      policy,
      clock,
      nextEventId: nextId,
      publishTimeoutMs: env.RISK_ADMIN_TIMEOUT_MS,
      applyTimeoutMs: Math.min(ADMIN_APPLY_WAIT_MS, env.RISK_ADMIN_TIMEOUT_MS),
      logger,
    });

    const mtls = env.RISK_TLS_REQUIRE_CLIENT_CERT;
    const grpcServer = await startGrpcServer({
      host: env.RISK_GRPC_HOST,
      port: env.RISK_GRPC_PORT,
      portSetting: 'RISK_GRPC_PORT',
      logger,
      reflection: { protoRoot: PROTO_ROOT, protoFiles: PROTO_FILES },
      ...(env.RISK_TLS_CERT_FILE && env.RISK_TLS_KEY_FILE
        ? {
            tls: {
              certFile: env.RISK_TLS_CERT_FILE,
              keyFile: env.RISK_TLS_KEY_FILE,
              requireClientCert: mtls,
              ...(env.RISK_TLS_CLIENT_CA_FILE ? { clientCaFile: env.RISK_TLS_CLIENT_CA_FILE } : {}),
            },
          }
        : {}),
      services: [
        {
          name: 'vigil.v1.AuthorizationService',
          definition: AuthorizationServiceDefinition as unknown as grpc.ServiceDefinition,
          implementation: authorizationService(
            authorizer,
            apiAuthenticator(env.RISK_API_TOKENS, mtls),
            metrics,
            logger,
          ),
          rejectUndecodable: rejectUnauthenticated(
            apiAuthenticator(env.RISK_API_TOKENS, mtls),
            'a valid API token or client certificate',
          ),
        },
        // Envoy's ext_authz Check, when a mapping file is configured (services/risk/src/ext-authz).
        ...extAuthzBindings(config.extAuthzMapping, {
          authorizer,
          authenticate: apiAuthenticator(env.RISK_API_TOKENS, mtls),
          metrics,
          logger,
        }),
        {
          name: 'vigil.v1.RiskAdminService',
          definition: RiskAdminServiceDefinition as unknown as grpc.ServiceDefinition,
          implementation: riskAdminService(
            admin,
            adminAuthenticator(env.RISK_ADMIN_TOKENS),
            metrics,
            logger,
          ),
          rejectUndecodable: rejectUnauthenticated(
            adminAuthenticator(env.RISK_ADMIN_TOKENS),
            'a valid admin token',
          ),
        },
      ],
      registry,
    });
    cleanup.push(() => grpcServer.drain(0));

    const processor = env.RISK_CONSUMER_ENABLED
      ? new StreamProcessor({
          kafka,
          store: stateStore,
          policy,
          topics: { events: env.RISK_EVENTS_TOPIC, admin: env.RISK_ADMIN_TOPIC },
          groupId: env.RISK_GROUP_ID,
          commitIntervalMs: env.RISK_COMMIT_INTERVAL_MS,
          partitionsConsumedConcurrently: env.RISK_PARTITIONS_CONCURRENCY,
          sessionTimeoutMs: env.RISK_SESSION_TIMEOUT_MS,
          metrics,
          logger,
        })
      : undefined;
    if (processor) {
      cleanup.push(() => processor.stop());
      consumerReady = () => processor.isReady();
      await processor.start();
    }

    grpcServer.setServing(true);
    serving = true;
    logger.info(
      {
        policyVersion: policy.version,
        eventsTopic: env.RISK_EVENTS_TOPIC,
        adminTopic: env.RISK_ADMIN_TOPIC,
        decisionsTopic: env.RISK_DECISIONS_TOPIC,
        groupId: env.RISK_GROUP_ID,
        consumer: Boolean(processor),
        extAuthz: Boolean(config.extAuthzMapping),
        redisPrefix: env.RISK_REDIS_PREFIX,
      },
      'risk service started',
    );

    const graceMs = Math.max(1_000, Math.floor(env.SHUTDOWN_TIMEOUT_MS / 3));
    const shutdownSteps: ShutdownStep[] = [
      {
        name: 'stop accepting calls',
        run: async () => {
          ops.markDraining();
          await grpcServer.drain(graceMs);
        },
      },
      { name: 'flush decision log', run: () => decisionLog.close() },
      { name: 'stop consumer and commit offsets', run: () => processor?.stop() },
      { name: 'disconnect kafka producer', run: () => producer.disconnect() },
      {
        name: 'disconnect redis',
        run: async () => {
          await Promise.all([closeRedis(authzRedis), closeRedis(stateRedis)]);
        },
      },
      { name: 'close ops endpoints', run: () => ops.close() },
    ];
    let stopping: Promise<void> | undefined;
    return {
      grpcPort: grpcServer.port,
      opsPort: ops.port,
      logger,
      metrics,
      registry,
      decisionLog,
      processor,
      shutdownSteps,
      stop: () => {
        stopping ??= (async () => {
          for (const step of shutdownSteps) await step.run();
        })();
        return stopping;
      },
    };
  } catch (err) {
    for (const close of cleanup.reverse()) await close().catch(() => undefined);
    throw err;
  }
}

async function closeRedis(client: ReturnType<typeof createRedis>): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
