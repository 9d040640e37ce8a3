import type { Logger } from './logger';
import { backoffDelay, sleep, type BackoffOptions } from './backoff';

export interface ConsumerSupervisorOptions {
  /** Releases what the crashed consumer held (disconnects it, forgets its partitions). */
  teardown: () => Promise<void>;
  /** Creates, connects and runs a fresh consumer; throws when that fails. */
  start: () => Promise<void>;
  /** True once the service is shutting down: no restart is attempted then. */
  isStopping: () => boolean;
  logger: Logger;
  /** Default: 1 s after the first crash, doubling up to 10 s. */
  backoff?: BackoffOptions;
  /** The attempt count is forgotten after this long without a crash (default 5 minutes). */
  resetAfterMs?: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 10_000 };

/**
 * Brings a kafkajs consumer back after a crash that kafkajs does not restart itself (it gives up
 * for good on, e.g., "the coordinator is not aware of this member" after a session missed under
 * load). One restart runs at a time, as a loop rather than a recursion, so a broker that stays
 * away costs one pending timer, not a growing stack; a crash reported during a restart is
 * handled by one more restart after it.
 */
export class ConsumerSupervisor {
  private restarting: Promise<void> | undefined;
  private crashedMeanwhile = false;
  private attempts = 0;
  private lastCrashAt = 0;
  private total = 0;

  constructor(private readonly options: ConsumerSupervisorOptions) {}

  /** How many restarts were begun since this supervisor was made. */
  get restarts(): number {
    return this.total;
  }

  /** True while a restart is under way (the consumer is not consuming). */
  get isRestarting(): boolean {
    return this.restarting !== undefined;
  }

  /** Reports a crash that kafkajs will not restart; resolves once consuming again (or stopping). */
  crashed(): Promise<void> {
    if (this.options.isStopping()) return Promise.resolve();
    // A crash reported while a restart runs may be the fresh consumer's own: restart once more
    // after this one rather than lose it.
    if (this.restarting) this.crashedMeanwhile = true;
    this.restarting ??= this.restartUntilSettled().finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  private async restartUntilSettled(): Promise<void> {
    do {
      this.crashedMeanwhile = false;
      await this.restartLoop();
    } while (this.crashedMeanwhile && !this.options.isStopping());
  }

  private async restartLoop(): Promise<void> {
    const { logger, isStopping } = this.options;
    const now = Date.now();
    if (now - this.lastCrashAt > (this.options.resetAfterMs ?? 300_000)) this.attempts = 0;
    this.lastCrashAt = now;
    for (;;) {
      this.total += 1;
      const delay = backoffDelay(this.attempts, this.options.backoff ?? DEFAULT_BACKOFF);
      this.attempts += 1;
      await this.options.teardown().catch((err: unknown) => {
        logger.warn({ err }, 'releasing the crashed consumer failed; going on');
      });
      await sleep(delay);
      if (isStopping()) return;
      try {
        await this.options.start();
        logger.info({ restarts: this.total }, 'consumer restarted');
        return;
      } catch (err) {
        logger.error({ err, retryInMs: delay }, 'consumer restart failed; retrying');
      }
    }
  }
}
