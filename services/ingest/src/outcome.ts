import type { Logger } from '@vigil/runtime';
import { describeError, type TransportError } from './error-mapping';
import type { IngestMetrics, Transport } from './metrics';

/**
 * Records the outcome of one request (metrics, and a log line for the failures worth one) the same
 * way for both transports, and returns the error as the transport must render it.
 */
export function recordFailure(
  err: unknown,
  context: {
    transport: Transport;
    method: string;
    events: number;
    source?: string;
    metrics: IngestMetrics;
    logger: Logger;
    startedAt: number;
  },
): TransportError {
  const error = describeError(err);
  const { metrics, transport, method } = context;
  metrics.requests.inc({ transport, method, code: error.code });
  metrics.eventsRejected.inc({ transport, reason: error.code }, Math.max(1, context.events));
  metrics.requestDuration.observe({ transport, method }, (Date.now() - context.startedAt) / 1000);
  const fields = {
    transport,
    method,
    source: context.source,
    code: error.code,
    events: context.events,
    violations: error.violations.length || undefined,
  };
  if (error.code === 'INTERNAL') {
    context.logger.error({ ...fields, err }, 'request failed');
  } else if (error.httpStatus >= 500) {
    context.logger.warn({ ...fields, reason: error.message }, 'request not served');
  } else {
    // Client mistakes are the client's to see; at debug they do not flood the log.
    context.logger.debug({ ...fields, reason: error.message }, 'request rejected');
  }
  return error;
}

export function recordSuccess(context: {
  transport: Transport;
  method: string;
  metrics: IngestMetrics;
  startedAt: number;
}): void {
  const { metrics, transport, method } = context;
  metrics.requests.inc({ transport, method, code: 'OK' });
  metrics.requestDuration.observe({ transport, method }, (Date.now() - context.startedAt) / 1000);
}
