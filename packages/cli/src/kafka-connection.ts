import { Kafka, logLevel } from 'kafkajs';
import { CliError, EXIT } from './exit-codes';

export interface KafkaFlags {
  brokers: string;
}

/** A quiet kafkajs client for one CLI run; connection problems become exit code 3. */
export function cliKafka(flags: KafkaFlags): Kafka {
  const brokers = flags.brokers.split(',').map((b) => b.trim());
  if (
    !brokers.every((b) => /^[^\s:]+:\d{1,5}$/.test(b) || /^\[[0-9a-fA-F:.]+\]:\d{1,5}$/.test(b))
  ) {
    throw new CliError(
      `--brokers: expected host:port[,host:port...], got "${flags.brokers}"`,
      EXIT.USAGE,
    );
  }
  return new Kafka({
    clientId: 'vigil-cli',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    retry: { retries: 3, initialRetryTime: 200 },
  });
}

export async function withKafkaErrors<T>(brokers: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof CliError) throw err;
    const name = (err as { name?: string }).name ?? '';
    if (name.startsWith('KafkaJS')) {
      throw new CliError(
        `cannot reach Kafka at ${brokers}: ${(err as Error).message}`,
        EXIT.UNAVAILABLE,
        'check --brokers (or KAFKA_BROKERS) and that the cluster is up: ./dev status',
      );
    }
    throw err;
  }
}
