import {
  createKafka,
  createLogger,
  createMetricsRegistry,
  installGracefulShutdown,
  runMain,
  startOpsServer,
} from '@vigil/runtime';
import { loadSealerConfig } from './config';
import { createSealerMetrics } from './metrics';
import { Sealer, defaultInstanceId } from './sealer';
import { loadSigningKey } from './signing-key';

runMain('sealer', async () => {
  const config = loadSealerConfig();
  const key = loadSigningKey(config);
  const logger = createLogger({ service: 'sealer', level: config.LOG_LEVEL });
  const registry = createMetricsRegistry('sealer');
  const metrics = createSealerMetrics(registry);
  const kafka = createKafka({
    config,
    clientId: config.KAFKA_CLIENT_ID ?? `vigil-sealer-${defaultInstanceId()}`,
    logger,
  });
  const sealer = new Sealer({ kafka, config, key, logger, metrics });
  const ops = await startOpsServer({
    host: config.OPS_HOST,
    port: config.OPS_PORT,
    registry,
    logger,
    checks: [{ name: 'kafka', isReady: () => sealer.isReady }],
  });
  installGracefulShutdown({
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    steps: [
      { name: 'mark draining', run: () => ops.markDraining() },
      { name: 'seal buffered records and leave the group', run: () => sealer.stop() },
      { name: 'close ops server', run: () => ops.close() },
    ],
  });
  await sealer.start();
});
