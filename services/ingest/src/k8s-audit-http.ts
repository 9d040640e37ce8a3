import type * as http from 'node:http';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '@vigil/runtime';
import { authenticate } from './auth';
import type { SourceRegistry, SourceScope } from './sources';
import { IngestError } from './errors';
import { MalformedBodyError, decodeJsonBody } from './http-json';
import { decodeBody } from './http-body';
import { acceptBody, readBody, sendError, sendJson } from './http-server';
import type { Ingestor } from './ingest';
import {
  MAX_ECHOED_AUDIT_ID_BYTES,
  MalformedEventListError,
  countByClass,
  intakeEventList,
  summarize,
  type ClusterMap,
  type CommandMode,
  type IntakeReport,
} from './k8s';
import type { IngestMetrics } from './metrics';
import { recordFailure, recordSuccess } from './outcome';
import { capText } from './text';

/**
 * POST /v1/k8s/audit: kube-apiserver's audit webhook backend (`--audit-webhook-config-file`).
 * The pure work (reading the EventList, mapping, storing item by item) is in ./k8s; this is the
 * HTTP side: who is calling, the body, the answer, metrics and logs.
 */
export const K8S_AUDIT_PATH = '/v1/k8s/audit';
const METHOD = `POST ${K8S_AUDIT_PATH}`;
/** Malformed items logged one by one per request; the rest are counted in one line. */
const MAX_LOGGED_ITEMS = 50;

/** An authenticated Kubernetes cluster. */
export interface ClusterSource {
  /** The authenticated source, stamped on every event. */
  source: string;
  /** What the source may send (its entry in the sources file). */
  scope: SourceScope;
  /** The cluster name in resources (`k8s/<cluster>/...`). */
  cluster: string;
}

/**
 * The one place that decides who may post audit events: a source of the sources file (its scope
 * still applies to every event: actions, tenants, what it establishes) that
 * INGEST_K8S_AUDIT_CLUSTERS names a cluster. Unknown credentials: UNAUTHENTICATED; a known
 * source that is not a cluster: PERMISSION_DENIED.
 */
export function authenticateCluster(
  authorization: string | readonly string[] | undefined,
  sources: SourceRegistry,
  clusters: ClusterMap,
): ClusterSource {
  const scope = authenticate({ authorization }, sources);
  const source = scope.name;
  const cluster = clusters.get(source);
  if (cluster === undefined) {
    throw new IngestError(
      'PERMISSION_DENIED',
      `source "${source}" is not a Kubernetes cluster (INGEST_K8S_AUDIT_CLUSTERS)`,
    );
  }
  return { source, scope, cluster };
}

export function createK8sAuditMetrics(registry: Registry) {
  return {
    items: new Counter({
      name: 'vigil_ingest_k8s_audit_items_total',
      help:
        'Items of Kubernetes audit EventLists by result: accepted (stored) and duplicate (stored ' +
        'before: a resent batch) by action class; dropped by reason (stage or read); malformed ' +
        '(unreadable, or refused by validation)',
      labelNames: ['result', 'reason'] as const,
      registers: [registry],
    }),
  };
}

export type K8sAuditMetrics = ReturnType<typeof createK8sAuditMetrics>;

export interface K8sAuditRouteOptions {
  ingestor: Pick<Ingestor, 'publish'>;
  authenticate(req: http.IncomingMessage): ClusterSource;
  keepReads: boolean;
  command: CommandMode;
  /** INGEST_K8S_AUDIT_MAX_BODY_BYTES. */
  maxBodyBytes: number;
  /** Ingest's per-request limits: a list is stored in calls within them. */
  maxBatchEvents: number;
  maxBatchBytes: number;
  ackTimeoutMs: number;
  metrics: IngestMetrics;
  k8sMetrics: K8sAuditMetrics;
  logger: Logger;
}

/**
 * The route handler. Valid items are stored, malformed ones counted and logged with their
 * auditID, and the answer (200) says what happened to each kind. Only failures of the whole
 * request get another status: the API server then resends the whole batch (and drops it after
 * its retries), and what was already stored is answered from dedup.
 */
export function k8sAuditRoute(options: K8sAuditRouteOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'use POST' } });
      req.resume();
      return;
    }
    const startedAt = Date.now();
    let caller: ClusterSource | undefined;
    let items = 0;
    const context = () => ({
      transport: 'http' as const,
      method: METHOD,
      events: items,
      source: caller?.source,
      metrics: options.metrics,
      logger: options.logger,
      startedAt,
    });
    try {
      // Before the body: an unknown sender costs no more than its headers.
      caller = options.authenticate(req);
      const encoding = acceptBody(req);
      const body = await decodeBody(
        await readBody(req, options.maxBodyBytes),
        encoding,
        options.maxBodyBytes,
      );
      const deadlineMs = Date.now() + options.ackTimeoutMs;
      const { source, scope } = caller;
      let report: IntakeReport;
      try {
        report = await intakeEventList(
          decodeJsonBody(body),
          { cluster: caller.cluster, keepReads: options.keepReads, command: options.command },
          {
            publish: (events) =>
              options.ingestor.publish({ source, scope, events, transport: 'http', deadlineMs }),
          },
          { maxBatchEvents: options.maxBatchEvents, maxBatchBytes: options.maxBatchBytes },
        );
      } catch (err) {
        if (err instanceof MalformedBodyError || err instanceof MalformedEventListError) {
          throw new IngestError('MALFORMED_REQUEST', err.message);
        }
        throw err;
      }
      items = report.items;
      record(options, caller, report);
      recordSuccess(context());
      sendJson(res, 200, { cluster: caller.cluster, ...summarize(report) });
    } catch (err) {
      sendError(res, recordFailure(err, context()));
    }
  };
}

function record(options: K8sAuditRouteOptions, caller: ClusterSource, report: IntakeReport): void {
  const { items } = options.k8sMetrics;
  for (const [cls, n] of countByClass(report.accepted))
    items.inc({ result: 'accepted', reason: cls }, n);
  for (const [cls, n] of countByClass(report.duplicates))
    items.inc({ result: 'duplicate', reason: cls }, n);
  for (const { reason } of report.dropped) items.inc({ result: 'dropped', reason });
  for (const { kind } of report.malformed) items.inc({ result: 'malformed', reason: kind });
  report.malformed.slice(0, MAX_LOGGED_ITEMS).forEach((m) => {
    options.logger.warn(
      {
        source: caller.source,
        cluster: caller.cluster,
        index: m.index,
        kind: m.kind,
        auditID:
          m.auditId === undefined ? undefined : capText(m.auditId, MAX_ECHOED_AUDIT_ID_BYTES),
        problem: m.problem,
      },
      'k8s audit item not stored',
    );
  });
  if (report.malformed.length > MAX_LOGGED_ITEMS) {
    options.logger.warn(
      { source: caller.source, more: report.malformed.length - MAX_LOGGED_ITEMS },
      'more k8s audit items not stored (not logged one by one)',
    );
  }
}
