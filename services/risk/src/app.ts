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
  type GrpcServerOptions,
  type Logger,
  type OpsServer,
  type RunningGrpcServer,
  type ShutdownStep,
  VigilError,
} from '@vigil/runtime';
import type * as grpc from '@grpc/grpc-js';
import type Redis from 'ioredis';
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
import { kafkaStreamConsumers } from './stream/kafka-consumer';
import { StreamProcessor } from './stream/processor';

export interface RiskAppDeps {
  logger?: Logger;
  /** Epoch ms for Authorize and admin actions; tests move it. Event logic uses event time. */
  clock?: () => number;
  /** A fresh registry per app by default, so several apps can live in one test process. */
  registry?: Registry;
}

/** The shape every Vigil service's factory returns (ingest, risk and the sealer). */
export interface RiskApp {
  /**
   * Opens the ops endpoints, connects Redis and Kafka, serves gRPC, then joins the group.
   * Closes what it opened if a step fails. An app starts once: a failed start or a stop closes
   * its decision log for good, and a second start() is refused (ALREADY_STARTED).
   */
  start(): Promise<void>;
  /**
   * Graceful: stop accepting calls, flush the decision log, commit consumed offsets, disconnect,
   * close the ops endpoints. Every step runs even if one before it failed; then the first
   * failure is thrown.
   */
  stop(): Promise<void>;
  /** Serving gRPC, the decision log taking decisions, and the consumer (if enabled) joined. */
  isReady(): boolean;
  /** Bound ports (after start); useful when the configured ones are 0. */
  readonly ports: { grpc: number; ops: number };
  /** Decisions not yet acknowledged by Kafka, and a wait until there are none (tests). */
  readonly decisionLog: Pick<DecisionLog, 'depth' | 'flush'>;
}

/** Redis commands of the stream processor and admin calls (batches may be large). */
const STATE_COMMAND_TIMEOUT_MS = 5_000;
/** How long the admin API waits for the consumers to apply an admin event. */
const ADMIN_APPLY_WAIT_MS = 3_000;

/**
 * Builds the risk service: Authorize and admin gRPC, the stream processor, the decision log and
 * the ops endpoints. Nothing is opened before start(). Everything it needs comes from `config`,
 * so tests run it in-process on port 0 exactly as `main.ts` runs it.
 */
export function createRiskApp(config: RiskConfig, deps: RiskAppDeps = {}): RiskApp {
  const { env, policy } = config;
  const logger = deps.logger ?? createLogger({ service: 'risk', level: env.LOG_LEVEL });
  const clock = deps.clock ?? Date.now;
  const registry = deps.registry ?? createMetricsRegistry('risk');
  const metrics = new RiskMetrics(registry);
  const nextId = ulidFactory();
  const keys = new KeyLayout(env.RISK_REDIS_PREFIX);
  const stateTtlMs = env.RISK_STATE_TTL_DAYS * 86_400_000;
  const graceMs = Math.max(1_000, Math.floor(env.SHUTDOWN_TIMEOUT_MS / 3));

  // kafkajs objects open nothing until connect(); a decision offered before that is buffered.
  const kafka = createKafka({ config: env, clientId: env.KAFKA_CLIENT_ID ?? 'vigil-risk', logger });
  const producer = createDurableProducer(kafka);
  let producerConnected = false;
  producer.on(producer.events.CONNECT, () => (producerConnected = true));
  producer.on(producer.events.DISCONNECT, () => (producerConnected = false));
  const decisionLog = new DecisionLog({
    producer,
    topic: env.RISK_DECISIONS_TOPIC,
    maxBuffered: env.RISK_DECISION_BUFFER_MAX,
    lingerMs: env.RISK_DECISION_LINGER_MS,
    logger,
    metrics,
  });
  const processor = env.RISK_CONSUMER_ENABLED
    ? (store: RiskStore) =>
        new StreamProcessor({
          consumers: kafkaStreamConsumers(kafka, {
            groupId: env.RISK_GROUP_ID,
            partitionsConsumedConcurrently: env.RISK_PARTITIONS_CONCURRENCY,
            sessionTimeoutMs: env.RISK_SESSION_TIMEOUT_MS,
          }),
          store,
          policy,
          topics: { events: env.RISK_EVENTS_TOPIC, admin: env.RISK_ADMIN_TOPIC },
          commitIntervalMs: env.RISK_COMMIT_INTERVAL_MS,
          metrics,
          logger,
        })
    : undefined;

  // What start() opened; ioredis connects as soon as a client exists, so start() makes them.
  let ops: OpsServer | undefined;
  let authzRedis: Redis | undefined;
  let stateRedis: Redis | undefined;
  let grpcServer: RunningGrpcServer | undefined;
  let consumer: StreamProcessor | undefined;
  let serving = false;
  let startedOnce = false;
  /** The one shutdown, however often stop() is called. */
  let stopping: Promise<void> | undefined;

  createRiskStatusMetrics(registry, {
    redisReady: () => authzRedis !== undefined && isRedisReady(authzRedis),
    policyVersion: policy.version,
  });
  const decisionLogReady = () => producerConnected && decisionLog.accepting;
  const consumerReady = () => consumer?.isReady() ?? false;

  const shutdownSteps: ShutdownStep[] = [
    {
      name: 'stop accepting calls',
      run: async () => {
        ops?.markDraining();
        await grpcServer?.drain(graceMs);
      },
    },
    { name: 'flush decision log', run: () => decisionLog.close() },
    { name: 'stop consumer and commit offsets', run: () => consumer?.stop() },
    { name: 'disconnect kafka producer', run: () => producer.disconnect() },
    {
      name: 'disconnect redis',
      run: async () => {
        await Promise.all([closeRedis(authzRedis), closeRedis(stateRedis)]);
      },
    },
    { name: 'close ops endpoints', run: () => ops?.close() },
  ];

  async function open(cleanup: Array<() => Promise<unknown>>): Promise<void> {
    // The ops port opens first: liveness must hold while Kafka is still connecting (an
    // orchestrator would otherwise restart a process that is only waiting), and readiness says
    // "not yet" until everything below is up. Readiness is about answering correctly, and
    // Authorize answers correctly without Redis (the policy fallback is the designed
    // behaviour), so Redis is a metric here, not a check.
    const opsServer = await startOpsServer({
      host: env.OPS_HOST,
      port: env.OPS_PORT,
      registry,
      logger,
      checks: [
        { name: 'grpc', isReady: () => serving },
        { name: 'decision-log', isReady: decisionLogReady },
        ...(processor ? [{ name: 'consumer', isReady: consumerReady }] : []),
      ],
    });
    ops = opsServer;
    cleanup.push(() => opsServer.close());

    // Authorize gets its own connection with the short deadline: a slow Redis degrades the
    // decision (policy fallback) instead of stalling the caller, and stream batches never queue
    // in front of it.
    const authzClient = createRedis({
      url: env.REDIS_URL,
      logger,
      commandTimeoutMs: env.RISK_AUTHORIZE_DEADLINE_MS,
      overrides: { connectionName: 'vigil-risk-authz', enableAutoPipelining: true },
    });
    authzRedis = authzClient;
    cleanup.push(() => closeRedis(authzClient));
    const stateClient = createRedis({
      url: env.REDIS_URL,
      logger,
      commandTimeoutMs: STATE_COMMAND_TIMEOUT_MS,
      overrides: { connectionName: 'vigil-risk-state' },
    });
    stateRedis = stateClient;
    cleanup.push(() => closeRedis(stateClient));
    const authzStore = new RiskStore(authzClient, keys, stateTtlMs);
    const stateStore = new RiskStore(stateClient, keys, stateTtlMs);

    await producer.connect();
    cleanup.push(() => producer.disconnect());
    cleanup.push(() => decisionLog.close());

    const authorizer = new Authorizer({
      policy,
      store: authzStore,
      isStateAvailable: () => isRedisReady(authzClient),
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
    const server = await startGrpcServer(
      grpcOptions(config, { authorizer, admin, metrics, registry, logger }),
    );
    grpcServer = server;
    cleanup.push(() => server.drain(0));

    if (processor) {
      const running = processor(stateStore);
      consumer = running;
      cleanup.push(() => running.stop());
      await running.start();
    }
  }

  /** Every shutdown step runs even if one before it failed; then the first failure is thrown. */
  async function runShutdown(): Promise<void> {
    serving = false;
    let failure: unknown;
    for (const step of shutdownSteps) {
      try {
        await step.run();
        logger.debug({ step: step.name }, 'shutdown step done');
      } catch (err) {
        failure ??= err;
        logger.error({ step: step.name, err }, 'shutdown step failed');
      }
    }
    if (failure !== undefined) throw failure;
  }

  return {
    get ports() {
      return { grpc: grpcServer?.port ?? 0, ops: ops?.port ?? 0 };
    },
    isReady: () => serving && decisionLogReady() && (!processor || consumerReady()),
    decisionLog,

    async start() {
      // The decision log is closed for good by a failed start and by stop(): one app, one life.
      if (startedOnce) {
        throw new VigilError(
          'ALREADY_STARTED',
          'a risk app starts once; after a failed start or a stop, build a new one with createRiskApp',
        );
      }
      startedOnce = true;
      const cleanup: Array<() => Promise<unknown>> = [];
      try {
        await open(cleanup);
      } catch (err) {
        for (const close of cleanup.reverse()) await close().catch(() => undefined);
        ops = undefined;
        grpcServer = undefined;
        consumer = undefined;
        throw err;
      }
      grpcServer?.setServing(true);
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
    },

    stop() {
      stopping ??= runShutdown();
      return stopping;
    },
  };
}

/** Authorize (and ext_authz Check, when mapped) and the admin API on one gRPC server. */
function grpcOptions(
  config: RiskConfig,
  parts: {
    authorizer: Authorizer;
    admin: AdminActions;
    metrics: RiskMetrics;
    registry: Registry;
    logger: Logger;
  },
): GrpcServerOptions {
  const { env } = config;
  const { authorizer, admin, metrics, registry, logger } = parts;
  const mtls = env.RISK_TLS_REQUIRE_CLIENT_CERT;
  const api = apiAuthenticator(env.RISK_API_TOKENS, mtls);
  const adminAuth = adminAuthenticator(env.RISK_ADMIN_TOKENS);
  return {
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
        implementation: authorizationService(authorizer, api, metrics, logger),
        rejectUndecodable: rejectUnauthenticated(api, 'a valid API token or client certificate'),
      },
      // Envoy's ext_authz Check, when a mapping file is configured (services/risk/src/ext-authz).
      ...extAuthzBindings(config.extAuthzMapping, {
        authorizer,
        authenticate: api,
        metrics,
        logger,
      }),
      {
        name: 'vigil.v1.RiskAdminService',
        definition: RiskAdminServiceDefinition as unknown as grpc.ServiceDefinition,
        implementation: riskAdminService(admin, adminAuth, metrics, logger),
        rejectUndecodable: rejectUnauthenticated(adminAuth, 'a valid admin token'),
      },
    ],
    registry,
  };
}

async function closeRedis(client: Redis | undefined): Promise<void> {
  if (!client || client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
