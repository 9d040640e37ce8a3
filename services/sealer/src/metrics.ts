import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface SealerMetrics {
  sealLagSeconds: Histogram<'topic'>;
  batchSize: Histogram<'topic'>;
  rootsPublished: Counter<'topic'>;
  eventsSealed: Counter<'topic'>;
  consumerLag: Gauge<'topic' | 'partition'>;
  sealFailures: Counter<'topic' | 'reason'>;
  assignedPartitions: Gauge;
}

export function createSealerMetrics(registry: Registry): SealerMetrics {
  return {
    sealLagSeconds: new Histogram({
      name: 'vigil_sealer_seal_lag_seconds',
      help: 'Time from a record timestamp to the publication of the root that seals it',
      labelNames: ['topic'],
      buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.1, 1.25, 1.5, 2, 3, 5, 10, 30],
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'vigil_sealer_batch_size',
      help: 'Records per sealed batch',
      labelNames: ['topic'],
      buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
      registers: [registry],
    }),
    rootsPublished: new Counter({
      name: 'vigil_sealer_roots_published_total',
      help: 'Signed roots published to sealed-roots (rate() gives roots per second)',
      labelNames: ['topic'],
      registers: [registry],
    }),
    eventsSealed: new Counter({
      name: 'vigil_sealer_events_sealed_total',
      help: 'Records sealed into published roots',
      labelNames: ['topic'],
      registers: [registry],
    }),
    consumerLag: new Gauge({
      name: 'vigil_sealer_consumer_lag',
      help: 'Records in the partition not yet sealed (high watermark minus next offset to seal)',
      labelNames: ['topic', 'partition'],
      registers: [registry],
    }),
    sealFailures: new Counter({
      name: 'vigil_sealer_seal_failures_total',
      help: 'Seal transactions that failed and were retried after resynchronising the chain head',
      labelNames: ['topic', 'reason'],
      registers: [registry],
    }),
    assignedPartitions: new Gauge({
      name: 'vigil_sealer_assigned_partitions',
      help: 'Input partitions this instance currently seals',
      registers: [registry],
    }),
  };
}
