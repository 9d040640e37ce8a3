import type { Logger } from './logger';

/** One step of an orderly stop, e.g. "stop accepting", "drain", "commit", "disconnect". */
export interface ShutdownStep {
  name: string;
  run(): Promise<void> | void;
}

export interface GracefulShutdownOptions {
  logger: Logger;
  /** Hard ceiling for all steps together; past it the process exits non-zero. */
  timeoutMs: number;
  steps: ShutdownStep[];
  /** Injected in tests; defaults to process.exit. */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * Runs the steps in order on SIGTERM/SIGINT and exits 0 when all of them finish within the
 * deadline. A step that throws is logged and the rest still run: a failed commit must not keep
 * the producer from flushing. A second signal does not restart the sequence.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): {
  shutdown: (reason: string) => Promise<void>;
} {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;

  const shutdown = (reason: string): Promise<void> => {
    if (running) return running;
    running = (async () => {
      const log = options.logger;
      log.info({ reason, timeoutMs: options.timeoutMs }, 'shutting down');
      const started = Date.now();
      let failed = false;
      const timer = setTimeout(() => {
        log.error({ timeoutMs: options.timeoutMs }, 'shutdown deadline exceeded, exiting');
        exit(1);
      }, options.timeoutMs);
      timer.unref();
      for (const step of options.steps) {
        try {
          await step.run();
          log.debug({ step: step.name }, 'shutdown step done');
        } catch (err) {
          failed = true;
          log.error({ step: step.name, err }, 'shutdown step failed');
        }
      }
      clearTimeout(timer);
      log.info({ elapsedMs: Date.now() - started, clean: !failed }, 'shutdown complete');
      exit(failed ? 1 : 0);
    })();
    return running;
  };

  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => void shutdown(signal));
  }
  return { shutdown };
}
