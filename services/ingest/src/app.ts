import { monotonicFactory } from 'ulid';
import type { Registry } from 'prom-client';
import type Redis from 'ioredis';
import { IngestServiceDefinition, PROTO_FILES, PROTO_ROOT } from '@vigil/proto';
import {
  createKafka,
  createLogger,
  createMetricsRegistry,
  createRedis,
  isRedisReady,
  startGrpcServer,
  startOpsServer,
  type Logger,
  type OpsServer,
  type RunningGrpcServer,
} from '@vigil/runtime';
import { Admission } from './admission';
import type { IngestConfig } from './config';
import { DedupStore } from './dedup';
import { ingestRejectUndecodable, ingestServiceImplementation } from './grpc-service';
import { startHttpIngest, type HttpIngestServer } from './http-server';
import { Ingestor } from './ingest';
import { k8sAuditRoutes } from './k8s-audit-app';
import { createIngestMetrics } from './metrics';
import { KafkaPublisher } from './publisher';
import { KafkaStoredEventLookup } from './stored-events';

export interface IngestAppDeps {
  logger?: Logger;
  /** A fresh registry per app by default, so several apps can live in one test process. */
  registry?: Registry;
  now?: () => number;
}

/** The shape every Vigil service's factory returns (ingest, risk and the sealer). */
export interface IngestApp {
  /**
   * Opens the ops endpoints, connects Kafka and Redis, then opens the gRPC and HTTP listeners.
   * Closes what it opened if a step fails.
   */
  start(): Promise<void>;
  /** Graceful drain: stop accepting, finish in-flight calls, flush Kafka, disconnect. */
  stop(): Promise<void>;
  /** Bound ports (after start); useful when the configured ones are 0. */
  readonly ports: { grpc: number; http: number; ops: number };
  /** Kafka producers connected and acknowledging, and Redis ready. */
  isReady(): boolean;
}

/** JSON is bulkier than protobuf: the HTTP body may be this many times the batch byte limit. */
const HTTP_BODY_FACTOR = 4;
/** How often gRPC health follows readiness. */
const HEALTH_INTERVAL_MS = 1_000;

/**
 * Builds the ingest service from its configuration; nothing is opened before start(). Everything
 * start() opens is closed by stop() (or by start() itself when a later step fails), so tests can
 * run it in-process on ephemeral ports (port 0) as well as main.ts in production.
 */
export function createIngestApp(config: IngestConfig, deps: IngestAppDeps = {}): IngestApp {
  const logger = deps.logger ?? createLogger({ service: 'ingest', level: config.LOG_LEVEL });
  const registry = deps.registry ?? createMetricsRegistry('ingest');
  const metrics = createIngestMetrics(registry);
  const tls = config.INGEST_TLS_CERT_FILE
    ? {
        certFile: config.INGEST_TLS_CERT_FILE,
        keyFile: config.INGEST_TLS_KEY_FILE as string,
        clientCaFile: config.INGEST_TLS_CLIENT_CA_FILE,
        requireClientCert: Boolean(config.INGEST_TLS_CLIENT_CA_FILE),
      }
    : undefined;
  const graceMs = Math.floor(config.SHUTDOWN_TIMEOUT_MS / 2);

  let redis: Redis | undefined;
  let publisher: KafkaPublisher | undefined;
  let dedup: DedupStore | undefined;
  let storedEvents: KafkaStoredEventLookup | undefined;
  let ingestor: Ingestor | undefined;
  let grpcServer: RunningGrpcServer | undefined;
  let httpServer: HttpIngestServer | undefined;
  let ops: OpsServer | undefined;
  let healthTimer: NodeJS.Timeout | undefined;

  const kafkaReady = () => Boolean(publisher?.connected && publisher.isAvailable());
  const redisReady = () => Boolean(redis && isRedisReady(redis));
  const isReady = () => kafkaReady() && redisReady();

  /** Opens everything, in order; what is open is in the variables above. */
  async function open(): Promise<void> {
    ops = await startOpsServer({
      host: config.OPS_HOST,
      port: config.OPS_PORT,
      registry,
      logger,
      checks: [
        { name: 'kafka', isReady: kafkaReady },
        { name: 'redis', isReady: redisReady },
      ],
    });
    redis = createRedis({
      url: config.REDIS_URL,
      logger,
      // Claims of concurrent requests share round trips.
      overrides: { enableAutoPipelining: true },
    });
    const kafka = createKafka({
      config,
      clientId: config.KAFKA_CLIENT_ID ?? 'vigil-ingest',
      logger,
    });
    publisher = new KafkaPublisher(
      kafka,
      {
        topic: config.INGEST_TOPIC,
        producers: config.INGEST_PRODUCERS,
        lingerMs: config.INGEST_LINGER_MS,
        flushMaxEvents: config.INGEST_FLUSH_MAX_EVENTS,
        flushMaxBytes: config.INGEST_FLUSH_MAX_BYTES,
        compression: config.INGEST_COMPRESSION,
        compressionMinBytes: config.INGEST_COMPRESSION_MIN_BYTES,
        stallMs: config.INGEST_KAFKA_STALL_MS,
      },
      metrics,
      logger,
    );
    await publisher.start();
    dedup = new DedupStore(
      redis,
      {
        prefix: config.INGEST_REDIS_PREFIX,
        pendingTtlMs: config.INGEST_DEDUP_PENDING_TTL_MS,
      },
      metrics,
      logger,
    );
    dedup.start();
    storedEvents = new KafkaStoredEventLookup(kafka, config.INGEST_TOPIC);
    ingestor = new Ingestor(
      {
        maxBatchEvents: config.INGEST_MAX_BATCH_EVENTS,
        maxBatchBytes: config.INGEST_MAX_BATCH_BYTES,
        maxEventBytes: config.INGEST_MAX_EVENT_BYTES,
        maxAttributes: config.INGEST_MAX_ATTRIBUTES,
        clockSkewPastMs: config.INGEST_CLOCK_SKEW_PAST_MS,
        clockSkewFutureMs: config.INGEST_CLOCK_SKEW_FUTURE_MS,
        ackTimeoutMs: config.INGEST_ACK_TIMEOUT_MS,
        dedupWaitMs: config.INGEST_DEDUP_WAIT_MS,
      },
      {
        sink: publisher,
        dedup,
        storedEvents,
        admission: new Admission({
          maxEvents: config.INGEST_MAX_IN_FLIGHT_EVENTS,
          maxBytes: config.INGEST_MAX_IN_FLIGHT_BYTES,
        }),
        metrics,
        logger,
        topic: config.INGEST_TOPIC,
        now: deps.now,
        newEventId: monotonicFactory(),
      },
    );
    const grpcDeps = {
      ingestor,
      sources: config.sources,
      mtls: Boolean(tls?.requireClientCert),
      metrics,
      logger,
    };
    grpcServer = await startGrpcServer({
      host: config.INGEST_GRPC_HOST,
      port: config.INGEST_GRPC_PORT,
      portSetting: 'INGEST_GRPC_PORT',
      logger,
      tls,
      reflection: { protoRoot: PROTO_ROOT, protoFiles: PROTO_FILES },
      // Room for the protobuf framing around a full batch; the exact limit is checked on the
      // encoded events.
      maxReceiveMessageBytes: Math.ceil(config.INGEST_MAX_BATCH_BYTES * 1.25) + 64 * 1024,
      services: [
        {
          name: 'vigil.v1.IngestService',
          definition: IngestServiceDefinition,
          implementation: ingestServiceImplementation(grpcDeps),
          rejectUndecodable: ingestRejectUndecodable(grpcDeps),
        },
      ],
      registry,
    });
    httpServer = await startHttpIngest({
      host: config.INGEST_HTTP_HOST,
      port: config.INGEST_HTTP_PORT,
      ingestor,
      sources: config.sources,
      metrics,
      logger,
      maxBodyBytes: config.INGEST_MAX_BATCH_BYTES * HTTP_BODY_FACTOR,
      ackTimeoutMs: config.INGEST_ACK_TIMEOUT_MS,
      tls: tls && { certFile: tls.certFile, keyFile: tls.keyFile },
      routes: k8sAuditRoutes(config, { ingestor, metrics, registry, logger }),
    });
    const server = grpcServer;
    server.setServing(isReady());
    healthTimer = setInterval(() => server.setServing(isReady()), HEALTH_INTERVAL_MS);
    healthTimer.unref();
    logger.info(
      {
        grpcPort: server.port,
        httpPort: httpServer.port,
        opsPort: ops.port,
        topic: config.INGEST_TOPIC,
      },
      'ingest started',
    );
  }

  /** Closes whatever is open, in the order of a graceful drain; tolerates a partial start. */
  async function close(): Promise<void> {
    clearInterval(healthTimer);
    // Load balancers see "not ready" first, then new calls are refused while old ones finish.
    ops?.markDraining();
    ingestor?.stopAccepting();
    try {
      await Promise.all([grpcServer?.drain(graceMs), httpServer?.close(graceMs)]);
      // Every accepted event is acknowledged (or has failed) and its receipt stored...
      await ingestor?.drain();
      // ...so the producers hold nothing more; flush and disconnect.
      await publisher?.stop();
      await storedEvents?.close().catch(() => undefined);
    } finally {
      // Whatever failed above, Redis and the ops port are not left open.
      dedup?.stop();
      if (redis) await redis.quit().catch(() => redis?.disconnect());
      await ops?.close();
      redis =
        publisher =
        dedup =
        storedEvents =
        ingestor =
        grpcServer =
        httpServer =
        ops =
          undefined;
    }
  }

  return {
    get ports() {
      return { grpc: grpcServer?.port ?? 0, http: httpServer?.port ?? 0, ops: ops?.port ?? 0 };
    },
    isReady,

    async start() {
      try {
        await open();
      } catch (err) {
        // A later step failed (e.g. the gRPC port is taken): leave nothing listening behind.
        await close().catch((closeErr: unknown) =>
          logger.warn({ err: closeErr }, 'closing after a failed start failed'),
        );
        throw err;
      }
    },

    async stop() {
      await close();
      logger.info('ingest stopped');
    },
  };
}
