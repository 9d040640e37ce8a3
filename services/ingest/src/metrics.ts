import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type Transport = 'grpc' | 'http';

/** Everything ingest exports on /metrics, created on the given registry. */
export function createIngestMetrics(registry: Registry) {
  const registers = [registry];
  const metrics = {
    eventsAccepted: new Counter({
      name: 'vigil_ingest_events_accepted_total',
      help: 'Events acknowledged by Kafka and receipted (duplicates excluded)',
      labelNames: ['transport'] as const,
      registers,
    }),
    eventsRejected: new Counter({
      name: 'vigil_ingest_events_rejected_total',
      help: 'Events refused, by reason code',
      labelNames: ['transport', 'reason'] as const,
      registers,
    }),
    requests: new Counter({
      name: 'vigil_ingest_requests_total',
      help: 'Requests by transport, method and outcome code',
      labelNames: ['transport', 'method', 'code'] as const,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'vigil_ingest_request_duration_seconds',
      help: 'Time from request to answer',
      labelNames: ['transport', 'method'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    produceLatency: new Histogram({
      name: 'vigil_ingest_produce_latency_seconds',
      help: 'Duration of one Kafka produce (acks=all) of a coalesced batch',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    flushEvents: new Histogram({
      name: 'vigil_ingest_flush_events',
      help: 'Events per Kafka produce call (coalesced batch size)',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000],
      registers,
    }),
    flushBytes: new Histogram({
      name: 'vigil_ingest_flush_bytes',
      help: 'Uncompressed record bytes per Kafka produce call',
      buckets: [1e3, 1e4, 5e4, 1e5, 2.5e5, 5e5, 1e6, 2e6],
      registers,
    }),
    produceErrors: new Counter({
      name: 'vigil_ingest_produce_errors_total',
      help: 'Kafka produce calls that failed after the producer gave up',
      registers,
    }),
    inFlightEvents: new Gauge({
      name: 'vigil_ingest_in_flight_events',
      help: 'Events accepted and not yet acknowledged by Kafka',
      registers,
    }),
    inFlightBytes: new Gauge({
      name: 'vigil_ingest_in_flight_bytes',
      help: 'Bytes of events accepted and not yet acknowledged by Kafka',
      registers,
    }),
    kafkaAvailable: new Gauge({
      name: 'vigil_ingest_kafka_available',
      help: '1 while Kafka acknowledges produce calls in time, 0 while a produce is stalled',
      registers,
    }),
    dedupHits: new Counter({
      name: 'vigil_ingest_dedup_hits_total',
      help: 'Events answered with the original receipt of an earlier request',
      labelNames: ['transport'] as const,
      registers,
    }),
    orphanedClaims: new Counter({
      name: 'vigil_ingest_orphaned_claims_total',
      help: 'Claims left by an instance that died, settled from Kafka: found in Kafka (answered with the stored receipt) or not_found (published by this request or a concurrent one)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    dedupCallKeys: new Histogram({
      name: 'vigil_ingest_dedup_call_keys',
      help: 'Event ids per dedup script call to Redis, by operation (claim, complete): the claims and receipts of requests arriving together share one call',
      labelNames: ['operation'] as const,
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
      registers,
    }),
    dedupErrors: new Counter({
      name: 'vigil_ingest_dedup_errors_total',
      help: 'Redis operations of the dedup store that failed, by operation',
      labelNames: ['operation'] as const,
      registers,
    }),
  };
  // Both outcomes exist from the start at 0, so that increase() over the first orphans an
  // instance settles sees them (it needs a sample before the jump) and the alert stays simple.
  for (const outcome of ['found', 'not_found'] as const) metrics.orphanedClaims.inc({ outcome }, 0);
  return metrics;
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
