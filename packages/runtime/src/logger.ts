import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may carry credentials or key material. pino replaces them before serialization, so
 * they never reach a log sink even when a whole request or config object is logged.
 */
export const REDACTED_PATHS = [
  'authorization',
  'token',
  'password',
  'secret',
  'privateKey',
  'signingKey',
  'sasl',
  '*.authorization',
  '*.token',
  '*.password',
  '*.secret',
  '*.privateKey',
  '*.signingKey',
  '*.sasl',
  '*.apiToken',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'metadata.authorization',
];

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where to write; defaults to stdout. Tests pass a stream to capture output. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
