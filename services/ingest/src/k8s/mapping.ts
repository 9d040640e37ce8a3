import { isIP } from 'node:net';
import { vigil } from '@vigil/proto';
import { timestampFromRfc3339 } from '../http-json';
import { FIELD_LIMITS } from '../validation';
import type { AuditEvent, Stage, UserInfo } from './audit-event';
import { classify, stageDropReason, type ActionClass, type DropReason } from './classify';
import { fitIdentifier, fitValue, jsonList, pathSegment, shortHash } from './fit';
import { redactCommand, requestPath, streamOptions, type CommandMode } from './request-uri';

type AccessEventInput = vigil.v1.AccessEvent.$Properties;

export interface MappingOptions {
  /** The cluster's name: the second segment of every resource (`k8s/<cluster>/...`). */
  cluster: string;
  /** Keep reads other than secret reads (as `k8s.get`, `k8s.list`, `k8s.watch`). */
  keepReads: boolean;
  /** How much of an exec command is stored. */
  command: CommandMode;
}

export type MapResult =
  | { kind: 'event'; event: AccessEventInput; class: ActionClass }
  | { kind: 'dropped'; reason: DropReason }
  | { kind: 'malformed'; problem: string };

/** Annotations set by the authorizer on every authorized (or refused) request. */
export const DECISION_ANNOTATION = 'authorization.k8s.io/decision';
export const REASON_ANNOTATION = 'authorization.k8s.io/reason';

/**
 * The effective user of a request that was never authenticated: the API server records an empty
 * user for a failed authentication (401), and every authenticated request has a user name.
 */
export const UNAUTHENTICATED_USER = 'system:unauthenticated';
/** Namespace segment of cluster-scoped resources: not a valid namespace name (DNS label). */
export const CLUSTER_SCOPE = '_cluster';
/** Resource segment of non-resource requests (`/healthz`, `/version`, ...). */
export const NON_RESOURCE = '_nonresource';

/** The attribute keys, all under `k8s.`. Values are bounded by FIELD_LIMITS.attributeValue. */
export const ATTRIBUTES = {
  cluster: 'k8s.cluster',
  verb: 'k8s.verb',
  stage: 'k8s.stage',
  auditId: 'k8s.audit_id',
  responseCode: 'k8s.response_code',
  statusReason: 'k8s.status_reason',
  decision: 'k8s.decision',
  decisionReason: 'k8s.decision_reason',
  groups: 'k8s.groups',
  impersonatedBy: 'k8s.impersonated_by',
  impersonatorGroups: 'k8s.impersonator_groups',
  apiGroup: 'k8s.api_group',
  apiVersion: 'k8s.api_version',
  sourceIps: 'k8s.source_ips',
  command: 'k8s.command',
  container: 'k8s.container',
  stdin: 'k8s.stdin',
  tty: 'k8s.tty',
  ports: 'k8s.ports',
} as const;

/** The most attributes a mapped event has (config.ts checks INGEST_MAX_ATTRIBUTES against it). */
export const K8S_EVENT_MAX_ATTRIBUTES = Object.keys(ATTRIBUTES).length;
/**
 * An upper bound of a mapped event's encoded size, enriched (every field at its limit; tested in
 * k8s-mapping.test.ts). config.ts checks INGEST_MAX_EVENT_BYTES against it.
 */
export const K8S_EVENT_MAX_BYTES = 24 * 1024;

const STAGE_TAGS: Readonly<Record<Stage, string>> = {
  RequestReceived: 'received',
  ResponseStarted: 'started',
  ResponseComplete: 'complete',
  Panic: 'panic',
};

/** Audit IDs used as they are in event ids; any other (the header is client-chosen) is hashed. */
const PLAIN_AUDIT_ID = /^[A-Za-z0-9._~-]{1,64}$/;

/**
 * The event id of a request's event: `k8s:<auditID>:<stage>`. A retried batch maps to the same
 * ids, so ingest's dedup answers it with the stored receipts instead of storing it again.
 * `auditID` comes from the `Audit-ID` request header when the client sets one (any length, any
 * bytes), so anything but a short plain token is replaced by its digest.
 */
export function eventIdFor(auditId: string, stage: Stage): string {
  const id = PLAIN_AUDIT_ID.test(auditId) ? auditId : `h-${shortHash(auditId)}`;
  return `k8s:${id}:${STAGE_TAGS[stage]}`;
}

/** Maps one audit event to Vigil's event input (or says why it yields none). Pure. */
export function mapAuditEvent(event: AuditEvent, options: MappingOptions): MapResult {
  const dropStage = stageDropReason(event, event.stage);
  if (dropStage) return { kind: 'dropped', reason: dropStage };
  const classification = classify(event);
  if (classification.class === 'read' && !options.keepReads)
    return { kind: 'dropped', reason: 'read' };

  // The request's own time: the same for every stage, and when the access was decided.
  // stageTimestamp only says when this stage was emitted (for a session, when it started).
  const time = event.requestReceivedTimestamp ?? event.stageTimestamp;
  const occurredAt = time ? timestampFromRfc3339(time) : undefined;
  if (!occurredAt) {
    return {
      kind: 'malformed',
      problem: 'requestReceivedTimestamp: expected an RFC 3339 time (or stageTimestamp)',
    };
  }

  const impersonated = event.impersonatedUser?.username ? event.impersonatedUser : undefined;
  const actorInfo = impersonated ?? event.user;
  const code = event.responseStatus?.code ?? undefined;
  const attributes: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) attributes[key] = fitValue(value, FIELD_LIMITS.attributeValue);
  };
  put(ATTRIBUTES.cluster, options.cluster);
  put(ATTRIBUTES.verb, event.verb);
  put(ATTRIBUTES.stage, event.stage);
  put(ATTRIBUTES.auditId, event.auditID);
  put(ATTRIBUTES.responseCode, code === undefined ? undefined : String(code));
  put(ATTRIBUTES.statusReason, event.responseStatus?.reason ?? undefined);
  put(ATTRIBUTES.decision, event.annotations?.[DECISION_ANNOTATION]);
  put(ATTRIBUTES.decisionReason, event.annotations?.[REASON_ANNOTATION]);
  put(ATTRIBUTES.groups, groupsOf(actorInfo));
  if (impersonated) {
    put(ATTRIBUTES.impersonatedBy, event.user.username || UNAUTHENTICATED_USER);
    put(ATTRIBUTES.impersonatorGroups, groupsOf(event.user));
  }
  put(ATTRIBUTES.apiGroup, event.objectRef?.apiGroup ?? undefined);
  put(ATTRIBUTES.apiVersion, event.objectRef?.apiVersion ?? undefined);
  const sourceIps = event.sourceIPs ?? [];
  if (sourceIps.length > 0)
    put(ATTRIBUTES.sourceIps, jsonList(sourceIps, FIELD_LIMITS.attributeValue));
  if (['exec', 'attach', 'portforward'].includes(classification.class)) {
    const stream = streamOptions(event.requestURI ?? '');
    const command = redactCommand(stream.command, options.command);
    if (command) put(ATTRIBUTES.command, jsonList(command, FIELD_LIMITS.attributeValue));
    put(ATTRIBUTES.container, stream.container);
    if (classification.class !== 'portforward') {
      put(ATTRIBUTES.stdin, String(stream.stdin));
      put(ATTRIBUTES.tty, String(stream.tty));
    }
    if (stream.ports.length > 0) put(ATTRIBUTES.ports, stream.ports.join(','));
  }

  const mapped: AccessEventInput = {
    eventId: eventIdFor(event.auditID, event.stage),
    occurredAt,
    actor: {
      userId: fitIdentifier(actorInfo.username || UNAUTHENTICATED_USER, FIELD_LIMITS.userId),
      sessionId: fitIdentifier(event.auditID, FIELD_LIMITS.sessionId),
      ip: sourceIp(sourceIps),
      userAgent: fitValue(event.userAgent ?? '', FIELD_LIMITS.userAgent),
    },
    action: classification.action,
    resource: fitIdentifier(resourceOf(event, options.cluster), FIELD_LIMITS.resource),
    outcome: outcomeOf(event),
    attributes,
  };
  return { kind: 'event', event: mapped, class: classification.class };
}

/**
 * `k8s/<cluster>/<namespace>/<resource>[/<name>[/<subresource>]]`:
 * - `<namespace>` is `_cluster` for cluster-scoped resources (`_` cannot start a namespace);
 * - `<resource>` is the plural resource name, qualified by its API group unless it is in the core
 *   group, as kubectl spells it (`pods`, `deployments.apps`, `roles.rbac.authorization.k8s.io`);
 * - without a name (list, watch, deletecollection, or a create whose name the server generates)
 *   the resource ends at the collection;
 * - non-resource requests are `k8s/<cluster>/_nonresource/<path>` (`/healthz` ->
 *   `k8s/dev/_nonresource/healthz`).
 */
export function resourceOf(event: AuditEvent, cluster: string): string {
  const ref = event.objectRef;
  if (!ref) {
    const path = requestPath(event.requestURI ?? '')
      .split('/')
      .filter(Boolean)
      .map(safeSegment);
    return ['k8s', cluster, NON_RESOURCE, ...path].join('/');
  }
  const group = ref.apiGroup ?? '';
  const resource = ref.resource ?? '';
  const segments = [
    'k8s',
    cluster,
    ref.namespace ? safeSegment(ref.namespace) : CLUSTER_SCOPE,
    safeSegment(group ? `${resource}.${group}` : resource),
  ];
  if (ref.name) {
    segments.push(safeSegment(ref.name));
    if (ref.subresource) segments.push(safeSegment(ref.subresource));
  }
  return segments.join('/');
}

/**
 * A path segment that is never empty, ".", or ".." (which a reader could take for navigation, and
 * ingest refuses): those become "_", "_." and "_.." ("_" is not allowed in Kubernetes names).
 */
function safeSegment(text: string): string {
  const segment = pathSegment(text);
  if (segment === '') return '_';
  return segment === '.' || segment === '..' ? `_${segment}` : segment;
}

/**
 * The address the API server saw the connection come from: the LAST entry of sourceIPs. The list
 * is X-Forwarded-For, then X-Real-Ip, then the remote address (types.go: "All but the last IP can
 * be arbitrarily set by the client"), so only the last one is vouched for by the API server. The
 * whole list is kept in the `k8s.source_ips` attribute.
 */
export function sourceIp(sourceIps: readonly string[]): string {
  const last = sourceIps[sourceIps.length - 1] ?? '';
  return isIP(last) === 0 ? '' : last;
}

/**
 * DENIED when the authorizer refused (`authorization.k8s.io/decision: forbid`) or the answer is
 * 403 (also how admission plugins refuse); FAILURE for 401 and every other error; SUCCESS for
 * 1xx-3xx (101: a stream was upgraded).
 */
export function outcomeOf(event: AuditEvent): vigil.v1.Outcome {
  const code = event.responseStatus?.code ?? undefined;
  if (event.annotations?.[DECISION_ANNOTATION] === 'forbid' || code === 403) {
    return vigil.v1.Outcome.OUTCOME_DENIED;
  }
  if (code === undefined || code === 0) return vigil.v1.Outcome.OUTCOME_UNSPECIFIED;
  if (code >= 100 && code < 400) return vigil.v1.Outcome.OUTCOME_SUCCESS;
  return vigil.v1.Outcome.OUTCOME_FAILURE;
}

function groupsOf(user: UserInfo): string | undefined {
  const groups = user.groups ?? [];
  return groups.length > 0 ? jsonList(groups, FIELD_LIMITS.attributeValue) : undefined;
}
