import { createLogger, installGracefulShutdown, runMain } from '@vigil/runtime';
import { createSealerApp } from './app';
import { loadSealerConfig } from './config';
import { loadSigningKey } from './signing-key';

runMain('sealer', async () => {
  const config = loadSealerConfig();
  const key = loadSigningKey(config);
  const logger = createLogger({ service: 'sealer', level: config.LOG_LEVEL });
  const app = createSealerApp(config, { key, logger });
  installGracefulShutdown({
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    steps: [{ name: 'seal buffered records, leave the group, close', run: () => app.stop() }],
  });
  await app.start();
});
