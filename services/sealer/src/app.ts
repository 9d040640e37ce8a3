import {
  createKafka,
  createLogger,
  createMetricsRegistry,
  startOpsServer,
  type Logger,
  type OpsServer,
} from '@vigil/runtime';
import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { SealerConfig } from './config';
import { kafkaSealerPorts } from './kafka-ports';
import { createSealerMetrics } from './metrics';
import type { SealerKafka } from './ports';
import { Sealer, defaultInstanceId } from './sealer';
import type { SigningKey } from './signing-key';

export interface SealerAppDeps {
  key: SigningKey;
  logger?: Logger;
  /** A fresh registry per app by default, so several apps can live in one test process. */
  registry?: Registry;
  /** The kafkajs client the default ports wrap; one from the config by default. */
  kafka?: Kafka;
  /** Everything the sealer uses of Kafka (e.g. in-memory fakes); replaces `kafka`. */
  kafkaPorts?: SealerKafka;
}

/** The shape every Vigil service's factory returns (ingest, risk and the sealer). */
export interface SealerApp {
  /** Opens the ops endpoints, then joins the group and seals. Closes what it opened if it fails. */
  start(): Promise<void>;
  /** Graceful: readiness goes false, buffered records are sealed, the group is left. */
  stop(): Promise<void>;
  /** Joined the group and not restarting a crashed consumer. */
  isReady(): boolean;
  /** Bound ports (after start); useful when the configured ones are 0. */
  readonly ports: { ops: number };
}

export function createSealerApp(config: SealerConfig, deps: SealerAppDeps): SealerApp {
  const logger = deps.logger ?? createLogger({ service: 'sealer', level: config.LOG_LEVEL });
  const registry = deps.registry ?? createMetricsRegistry('sealer');
  const metrics = createSealerMetrics(registry);
  const kafka =
    deps.kafkaPorts ??
    kafkaSealerPorts({
      kafka:
        deps.kafka ??
        createKafka({
          config,
          clientId: config.KAFKA_CLIENT_ID ?? `vigil-sealer-${defaultInstanceId()}`,
          logger,
        }),
      config,
      logger,
      keyring: deps.key.trusted,
    });
  const sealer = new Sealer({ kafka, config, key: deps.key, logger, metrics });
  let ops: OpsServer | undefined;
  let opsPort = 0;

  return {
    get ports() {
      return { ops: opsPort };
    },
    isReady: () => sealer.isReady,
    async start() {
      ops = await startOpsServer({
        host: config.OPS_HOST,
        port: config.OPS_PORT,
        registry,
        logger,
        checks: [{ name: 'kafka', isReady: () => sealer.isReady }],
      });
      opsPort = ops.port;
      try {
        await sealer.start();
      } catch (err) {
        await sealer.stop().catch(() => undefined);
        await ops.close().catch(() => undefined);
        ops = undefined;
        throw err;
      }
    },
    async stop() {
      ops?.markDraining();
      await sealer.stop();
      await ops?.close();
      ops = undefined;
    },
  };
}
