import { createLogger, installGracefulShutdown, runMain } from '@vigil/runtime';
import { createIngestApp } from './app';
import { loadIngestConfig } from './config';

runMain('ingest', async () => {
  const config = loadIngestConfig();
  const logger = createLogger({ service: 'ingest', level: config.LOG_LEVEL });
  const app = createIngestApp(config, { logger });
  await app.start();
  installGracefulShutdown({
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    steps: [{ name: 'drain ingest', run: () => app.stop() }],
  });
});
