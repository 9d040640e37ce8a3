import { z } from 'zod';
import { capText } from '../text';

/**
 * The `audit.k8s.io/v1` EventList that kube-apiserver's webhook backend POSTs, read strictly at
 * the envelope and per item at the fields Vigil maps. Everything else an item carries (notably
 * requestObject and responseObject, which may hold secret data) is ignored and never stored.
 *
 * Field names, optionality and shapes follow staging/src/k8s.io/apiserver/pkg/apis/audit/v1/types.go:
 * `omitempty` fields may be absent, pointer fields may also be `null`, and a zero MicroTime is
 * encoded as `null`.
 */
export const AUDIT_API_VERSION = 'audit.k8s.io/v1';
/** kube-apiserver's default `--audit-webhook-batch-max-size`; a larger list is refused whole. */
export const MAX_EVENTS_PER_LIST = 400;

export const STAGES = ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'] as const;
export type Stage = (typeof STAGES)[number];

const optionalString = () => z.string().nullish();
const stringList = () => z.array(z.string()).nullish();

const userInfo = z.looseObject({
  username: optionalString(),
  uid: optionalString(),
  groups: stringList(),
});

const objectRef = z.looseObject({
  resource: optionalString(),
  namespace: optionalString(),
  name: optionalString(),
  apiGroup: optionalString(),
  apiVersion: optionalString(),
  subresource: optionalString(),
});

const auditEvent = z.looseObject({
  // Items of a list usually carry no TypeMeta; when they do, it must say Event.
  kind: z.literal('Event').nullish(),
  level: optionalString(),
  auditID: z.string().min(1),
  stage: z.enum(STAGES),
  requestURI: optionalString(),
  verb: z.string().regex(/^[a-z][a-z0-9]{0,31}$/, 'a lower-case Kubernetes verb'),
  user: userInfo,
  impersonatedUser: userInfo.nullish(),
  sourceIPs: stringList(),
  userAgent: optionalString(),
  objectRef: objectRef.nullish(),
  responseStatus: z
    .looseObject({ code: z.number().int().nullish(), reason: optionalString() })
    .nullish(),
  requestReceivedTimestamp: optionalString(),
  stageTimestamp: optionalString(),
  annotations: z.record(z.string(), z.string()).nullish(),
});

export type UserInfo = z.output<typeof userInfo>;
export type ObjectRef = z.output<typeof objectRef>;
export type AuditEvent = z.output<typeof auditEvent>;

/** The body is not an EventList Vigil accepts (nothing of it is stored). */
export class MalformedEventListError extends Error {}

/** One item of the list: readable, or why not (with its auditID when it has one, for the log). */
export type ItemResult =
  | { ok: true; index: number; event: AuditEvent }
  | { ok: false; index: number; auditId: string | undefined; problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the envelope (kind, apiVersion, items, at most MAX_EVENTS_PER_LIST) and reads each
 * item on its own: a malformed item is reported, the others are still read, because the API
 * server retries a refused batch as a whole and then drops it.
 */
export function parseEventList(body: unknown): ItemResult[] {
  if (!isObject(body)) throw new MalformedEventListError('the body must be a JSON object');
  if (body.kind !== 'EventList') {
    throw new MalformedEventListError('kind must be "EventList"');
  }
  if (body.apiVersion !== AUDIT_API_VERSION) {
    throw new MalformedEventListError(
      `apiVersion must be "${AUDIT_API_VERSION}" (kube-apiserver --audit-webhook-version)`,
    );
  }
  // Go encodes a nil slice as null.
  const items = body.items ?? [];
  if (!Array.isArray(items)) throw new MalformedEventListError('items must be an array');
  if (items.length > MAX_EVENTS_PER_LIST) {
    throw new MalformedEventListError(
      `${items.length} items; at most ${MAX_EVENTS_PER_LIST} per list ` +
        '(keep --audit-webhook-batch-max-size at its default, 400, or lower)',
    );
  }
  return items.map((item: unknown, index): ItemResult => {
    const parsed = auditEvent.safeParse(item);
    if (parsed.success) return { ok: true, index, event: parsed.data };
    const auditId = isObject(item) && typeof item.auditID === 'string' ? item.auditID : undefined;
    return { ok: false, index, auditId, problem: describeIssue(parsed.error.issues[0], item) };
  });
}

function describeIssue(issue: z.core.$ZodIssue | undefined, item: unknown): string {
  if (!isObject(item)) return 'each item must be a JSON object';
  if (!issue) return 'not an audit event';
  const path = issue.path.map(String).join('.');
  return capText(path ? `${path}: ${issue.message}` : issue.message, 256);
}
