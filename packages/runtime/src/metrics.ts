import { Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, labelled with the service so dashboards can tell them apart. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
