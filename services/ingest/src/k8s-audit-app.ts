import type { Registry } from 'prom-client';
import type { Logger } from '@vigil/runtime';
import type { IngestConfig } from './config';
import type { HttpRoute } from './http-server';
import type { Ingestor } from './ingest';
import {
  K8S_AUDIT_PATH,
  authenticateCluster,
  createK8sAuditMetrics,
  k8sAuditRoute,
} from './k8s-audit-http';
import type { IngestMetrics } from './metrics';

/**
 * The Kubernetes audit webhook's wiring, kept out of app.ts: POST /v1/k8s/audit on the HTTP
 * listener, answered for the sources listed in INGEST_K8S_AUDIT_CLUSTERS (any other source gets
 * PERMISSION_DENIED, so the route is harmless when none is).
 */
export function k8sAuditRoutes(
  config: IngestConfig,
  deps: { ingestor: Ingestor; metrics: IngestMetrics; registry: Registry; logger: Logger },
): Record<string, HttpRoute> {
  const route = k8sAuditRoute({
    ingestor: deps.ingestor,
    authenticate: (req) =>
      authenticateCluster(
        req.headersDistinct.authorization,
        config.sources,
        config.INGEST_K8S_AUDIT_CLUSTERS,
      ),
    keepReads: config.INGEST_K8S_AUDIT_KEEP_READS,
    command: config.INGEST_K8S_AUDIT_EXEC_COMMAND,
    maxBodyBytes: config.INGEST_K8S_AUDIT_MAX_BODY_BYTES,
    maxBatchEvents: config.INGEST_MAX_BATCH_EVENTS,
    maxBatchBytes: config.INGEST_MAX_BATCH_BYTES,
    ackTimeoutMs: config.INGEST_ACK_TIMEOUT_MS,
    metrics: deps.metrics,
    k8sMetrics: createK8sAuditMetrics(deps.registry),
    logger: deps.logger,
  });
  return { [K8S_AUDIT_PATH]: route };
}
