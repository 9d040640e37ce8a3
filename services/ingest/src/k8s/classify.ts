import type { AuditEvent, Stage } from './audit-event';
import { requestPath } from './request-uri';

/**
 * What a Kubernetes request means to Vigil, independent of its stage: the action it becomes and
 * a bounded class for metrics. Matching is on the API group as well as the resource, so a custom
 * resource that happens to be called `secrets` or `roles` is not taken for the real thing.
 */
export type ActionClass =
  'exec' | 'attach' | 'portforward' | 'debug' | 'secret_read' | 'rbac_change' | 'write' | 'read';

export interface Classification {
  action: string;
  class: ActionClass;
}

const CORE = '';
const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_RESOURCES = new Set(['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings']);
/**
 * Streaming pod subresources. Any verb counts: SPDY clients POST (verb `create`), WebSocket
 * clients (kubectl 1.30 and later by default) GET (verb `get`), and RBAC `get` on pods/exec is
 * enough for the latter (kubernetes#78741), so matching one verb would miss sessions.
 */
const SESSIONS: Readonly<Record<string, ActionClass>> = {
  exec: 'exec',
  attach: 'attach',
  portforward: 'portforward',
};
const RESOURCE_READ_VERBS = new Set(['get', 'list', 'watch']);
/** Non-resource requests carry the lower-cased HTTP method as their verb. */
const NON_RESOURCE_READ_VERBS = new Set(['get', 'head', 'options']);

export function classify(event: AuditEvent): Classification {
  const verb = event.verb;
  const ref = event.objectRef;
  if (!ref) {
    const read = NON_RESOURCE_READ_VERBS.has(verb);
    return { action: `k8s.${verb}`, class: read ? 'read' : 'write' };
  }
  const group = ref.apiGroup ?? CORE;
  const resource = ref.resource ?? '';
  const subresource = ref.subresource ?? '';
  const read = RESOURCE_READ_VERBS.has(verb);
  if (group === CORE && resource === 'pods') {
    const session = SESSIONS[subresource];
    if (session) return { action: `k8s.${session}`, class: session };
    // `kubectl debug` PATCHes this subresource (older kubectl: PUT); a GET only reads the list
    // of ephemeral containers and is an ordinary read.
    if (subresource === 'ephemeralcontainers' && !read)
      return { action: 'k8s.debug', class: 'debug' };
  }
  if (group === CORE && resource === 'secrets' && subresource === '' && read) {
    return { action: 'k8s.secret.read', class: 'secret_read' };
  }
  if (group === RBAC_GROUP && RBAC_RESOURCES.has(resource) && !read) {
    return { action: 'k8s.rbac.change', class: 'rbac_change' };
  }
  return { action: `k8s.${verb}`, class: read ? 'read' : 'write' };
}

/** kube-apiserver's own long-running check (BasicLongRunningRequestCheck in its server config). */
const LONG_RUNNING_VERBS = new Set(['watch', 'proxy']);
const LONG_RUNNING_SUBRESOURCES = new Set(['attach', 'exec', 'proxy', 'log', 'portforward']);

/**
 * Whether the API server treats the request as long-running: only those get a ResponseStarted
 * stage (when the response begins, e.g. 101 on a stream upgrade) before their ResponseComplete
 * (when the stream closes, possibly hours later).
 */
export function isLongRunning(event: AuditEvent): boolean {
  if (LONG_RUNNING_VERBS.has(event.verb)) return true;
  if (event.objectRef) return LONG_RUNNING_SUBRESOURCES.has(event.objectRef.subresource ?? '');
  return requestPath(event.requestURI ?? '').startsWith('/debug/pprof/');
}

/** Why an item yields no event. Bounded: these are metric labels. */
export type DropReason =
  | 'request_received'
  | 'response_started_short'
  | 'response_complete_long_running'
  | 'panic_long_running'
  | 'read';

/**
 * Which stage of a request becomes its one event. The API server emits, per request:
 *
 *   ordinary request        RequestReceived, ResponseComplete (or Panic)
 *   long-running request    RequestReceived, ResponseStarted, ResponseComplete (or Panic)
 *   failed authentication   ResponseStarted only, code 401 (WithFailedAuthenticationAudit)
 *
 * RequestReceived comes before authorization and carries no outcome. A long-running request is
 * recorded when it starts (the session has begun; its ResponseComplete repeats the same status
 * when the stream closes, hours later perhaps). An ordinary request is recorded at its
 * ResponseComplete, or at Panic, which replaces it. So each request yields exactly one event, and
 * the rule needs no memory of other items, which may arrive in other batches or never.
 */
export function stageDropReason(event: AuditEvent, stage: Stage): DropReason | undefined {
  const longRunning = isLongRunning(event);
  switch (stage) {
    case 'RequestReceived':
      return 'request_received';
    case 'ResponseStarted':
      return longRunning || event.responseStatus?.code === 401
        ? undefined
        : 'response_started_short';
    case 'ResponseComplete':
      return longRunning ? 'response_complete_long_running' : undefined;
    case 'Panic':
      return longRunning ? 'panic_long_running' : undefined;
  }
}
