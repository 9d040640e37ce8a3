/**
 * The risk service: `node services/risk/dist/main.js`. Configuration comes from the environment
 * (see README.md); SIGTERM/SIGINT drain it gracefully and exit 0.
 */
import { installGracefulShutdown, runMain } from '@vigil/runtime';
import { createRiskApp } from './app';
import { loadRiskConfig } from './config';

runMain('risk', async () => {
  const config = loadRiskConfig();
  const app = await createRiskApp(config);
  installGracefulShutdown({
    logger: app.logger,
    timeoutMs: config.env.SHUTDOWN_TIMEOUT_MS,
    steps: app.shutdownSteps,
  });
});
