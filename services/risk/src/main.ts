/**
 * The risk service: `node services/risk/dist/main.js`. Configuration comes from the environment
 * (see README.md); SIGTERM/SIGINT drain it gracefully and exit 0.
 */
import { createLogger, installGracefulShutdown, runMain } from '@vigil/runtime';
import { createRiskApp } from './app';
import { loadRiskConfig } from './config';

runMain('risk', async () => {
  const config = loadRiskConfig();
  const logger = createLogger({ service: 'risk', level: config.env.LOG_LEVEL });
  const app = createRiskApp(config, { logger });
  await app.start();
  installGracefulShutdown({
    logger,
    timeoutMs: config.env.SHUTDOWN_TIMEOUT_MS,
    steps: [
      {
        name: 'stop accepting, flush decisions, commit offsets, disconnect',
        run: () => app.stop(),
      },
    ],
  });
});
