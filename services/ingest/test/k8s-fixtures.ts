/**
 * Realistic `audit.k8s.io/v1` items as kube-apiserver's webhook backend sends them (not a test
 * file itself). Shapes follow real audit logs (`kubectl exec` over SPDY at ResponseStarted with
 * `"responseStatus":{"metadata":{},"code":101}` and the RBAC authorizer's annotations) and the
 * filters that emit them (k8s.io/apiserver/pkg/endpoints/filters/audit.go, authn_audit.go):
 * RequestReceived has neither responseStatus nor authorization annotations; a failed
 * authentication is one ResponseStarted item with code 401 and an empty user.
 */

export type Json = Record<string, unknown>;

/** MicroTime as the API server writes it: RFC 3339 with microseconds, UTC. */
export function microTime(ms: number, micros = 123): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, milli: string) => {
    return `.${milli}${String(micros).padStart(3, '0')}Z`;
  });
}

export function eventList(items: unknown[]): Json {
  return { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', metadata: {}, items };
}

const ALLOW = (reason: string) => ({
  'authorization.k8s.io/decision': 'allow',
  'authorization.k8s.io/reason': reason,
});

export interface Request {
  auditID: string;
  /** When the API server received the request (epoch ms). */
  at: number;
}

let counter = 0;
/** A fresh auditID (a UUID, as the API server generates) and a time a little in the past. */
export function request(at = Date.now() - 2_000): Request {
  counter += 1;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
  const rand = Math.floor(Math.random() * 0xffffffff);
  return {
    auditID: `${hex(rand, 8)}-${hex(counter, 4)}-4${hex(rand >>> 4, 3)}-a${hex(counter * 7, 3)}-${hex(rand, 6)}${hex(counter, 6)}`,
    at,
  };
}

type Stage = 'RequestReceived' | 'ResponseStarted' | 'ResponseComplete' | 'Panic';

/** The common part of every item of one request at one stage. */
function base(req: Request, stage: Stage, stageDelayMs: number): Json {
  return {
    level: 'Metadata',
    auditID: req.auditID,
    stage,
    requestReceivedTimestamp: microTime(req.at, 189),
    stageTimestamp: microTime(req.at + (stage === 'RequestReceived' ? 0 : stageDelayMs), 173),
  };
}

/**
 * `kubectl exec -it web-7d4b9c -c app -- /bin/sh` into `namespace`, over SPDY (kubectl before
 * 1.30: POST, verb `create`) or WebSocket (kubectl 1.30 and later: GET, verb `get`).
 */
export function execItem(
  req: Request,
  stage: Stage,
  options: {
    transport?: 'spdy' | 'websocket';
    namespace?: string;
    pod?: string;
    command?: string[];
    user?: string;
    sourceIPs?: string[];
  } = {},
): Json {
  const transport = options.transport ?? 'spdy';
  const namespace = options.namespace ?? 'payments';
  const pod = options.pod ?? 'web-7d4b9c';
  const command = options.command ?? ['/bin/sh'];
  const user = options.user ?? 'alice@example.com';
  const query = [
    ...command.map((c) => `command=${encodeURIComponent(c)}`),
    'container=app',
    'stdin=true',
    'stdout=true',
    'tty=true',
  ].join('&');
  const item: Json = {
    ...base(req, stage, 25),
    requestURI: `/api/v1/namespaces/${namespace}/pods/${pod}/exec?${query}`,
    verb: transport === 'spdy' ? 'create' : 'get',
    user: { username: user, groups: ['sre', 'system:authenticated'] },
    sourceIPs: options.sourceIPs ?? ['198.51.100.23'],
    userAgent:
      transport === 'spdy'
        ? 'kubectl/v1.29.3 (linux/amd64) kubernetes/6813625'
        : 'kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46',
    objectRef: { resource: 'pods', namespace, name: pod, apiVersion: 'v1', subresource: 'exec' },
  };
  if (stage !== 'RequestReceived') {
    item.responseStatus = { metadata: {}, code: 101 };
    item.annotations = ALLOW(
      `RBAC: allowed by RoleBinding "sre/${namespace}" of Role "sre" to Group "sre"`,
    );
  }
  return item;
}

/**
 * The same exec refused by RBAC: the authorizer answers 403 before the stream is upgraded, so
 * the long-running request's ResponseStarted carries 403 (as does its ResponseComplete).
 */
export function forbiddenExecItem(req: Request, stage: Stage, namespace = 'prod'): Json {
  const item = execItem(req, stage, { namespace, user: 'mallory@example.com' });
  if (stage === 'RequestReceived') return item;
  return {
    ...item,
    responseStatus: {
      metadata: {},
      status: 'Failure',
      message: `pods "web-7d4b9c" is forbidden: User "mallory@example.com" cannot create resource "pods/exec" in API group "" in the namespace "${namespace}"`,
      reason: 'Forbidden',
      details: { name: 'web-7d4b9c', kind: 'pods' },
      code: 403,
    },
    annotations: { 'authorization.k8s.io/decision': 'forbid', 'authorization.k8s.io/reason': '' },
  };
}

/** `kubectl get secret db-password -n payments -o yaml`, or `kubectl get secrets` (a list). */
export function secretReadItem(
  req: Request,
  options: { verb?: 'get' | 'list' | 'watch'; name?: string; stage?: Stage } = {},
): Json {
  const verb = options.verb ?? 'get';
  const name = verb === 'get' ? (options.name ?? 'db-password') : undefined;
  return {
    ...base(req, options.stage ?? 'ResponseComplete', 4),
    requestURI: name
      ? `/api/v1/namespaces/payments/secrets/${name}`
      : `/api/v1/namespaces/payments/secrets?limit=500${verb === 'watch' ? '&watch=true' : ''}`,
    verb,
    user: {
      username: 'system:serviceaccount:ci:deployer',
      uid: '5b0c7cbf-6f0a-4a45-9f1c-0d3c2d1c9f11',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated'],
      extra: {
        'authentication.kubernetes.io/pod-name': ['deployer-6c9f8'],
        'authentication.kubernetes.io/pod-uid': ['0e5b8d39-77b0-4e5b-8f0b-3f1d0f2b8c41'],
      },
    },
    sourceIPs: ['10.244.1.17'],
    userAgent: 'kubectl/v1.30.4 (linux/amd64) kubernetes/a51b3b7',
    objectRef: {
      resource: 'secrets',
      namespace: 'payments',
      ...(name ? { name } : {}),
      apiVersion: 'v1',
    },
    responseStatus: { metadata: {}, code: 200 },
    annotations: ALLOW(
      'RBAC: allowed by RoleBinding "deployer/payments" of Role "secret-reader" to ServiceAccount "deployer/ci"',
    ),
  };
}

/** `kubectl create rolebinding ...` in a namespace, or a patch of a cluster role binding. */
export function rbacChangeItem(
  req: Request,
  options: { clusterScoped?: boolean; verb?: string } = {},
): Json {
  const clusterScoped = options.clusterScoped ?? false;
  const resource = clusterScoped ? 'clusterrolebindings' : 'rolebindings';
  const name = clusterScoped ? 'cluster-admin-alice' : 'edit-alice';
  const verb = options.verb ?? (clusterScoped ? 'patch' : 'create');
  return {
    ...base(req, 'ResponseComplete', 9),
    level: 'RequestResponse',
    requestURI: clusterScoped
      ? `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${name}?fieldManager=kubectl-patch`
      : '/apis/rbac.authorization.k8s.io/v1/namespaces/payments/rolebindings?fieldManager=kubectl-create&fieldValidation=Strict',
    verb,
    user: { username: 'bob@example.com', groups: ['platform-admins', 'system:authenticated'] },
    sourceIPs: ['203.0.113.40'],
    userAgent: 'kubectl/v1.31.0 (linux/amd64) kubernetes/9edcffc',
    objectRef: {
      resource,
      ...(clusterScoped ? {} : { namespace: 'payments' }),
      name,
      apiGroup: 'rbac.authorization.k8s.io',
      apiVersion: 'v1',
    },
    responseStatus: { metadata: {}, code: clusterScoped ? 200 : 201 },
    // Request level and above carry the objects; Vigil never stores them.
    requestObject: {
      kind: 'RoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ kind: 'User', name: 'alice@example.com' }],
    },
    annotations: ALLOW(
      'RBAC: allowed by ClusterRoleBinding "platform-admins" of ClusterRole "cluster-admin" to Group "platform-admins"',
    ),
  };
}

/** `kubectl --as=alice@example.com delete deployment checkout -n payments` by an admin. */
export function impersonatedItem(req: Request): Json {
  return {
    ...base(req, 'ResponseComplete', 31),
    requestURI: '/apis/apps/v1/namespaces/payments/deployments/checkout',
    verb: 'delete',
    user: { username: 'oncall-admin@example.com', groups: ['oncall', 'system:authenticated'] },
    impersonatedUser: { username: 'alice@example.com', groups: ['sre', 'system:authenticated'] },
    sourceIPs: ['192.0.2.10', '198.51.100.7'],
    userAgent: 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46',
    objectRef: {
      resource: 'deployments',
      namespace: 'payments',
      name: 'checkout',
      apiGroup: 'apps',
      apiVersion: 'v1',
    },
    responseStatus: { metadata: {}, status: 'Success', code: 200 },
    annotations: ALLOW(
      'RBAC: allowed by RoleBinding "sre/payments" of ClusterRole "edit" to Group "sre"',
    ),
  };
}

/** `kubectl get pods -n payments`: an ordinary read, dropped by default. */
export function podListItem(req: Request, stage: Stage = 'ResponseComplete'): Json {
  return {
    ...base(req, stage, 3),
    requestURI: '/api/v1/namespaces/payments/pods?limit=500',
    verb: 'list',
    user: { username: 'alice@example.com', groups: ['sre', 'system:authenticated'] },
    sourceIPs: ['198.51.100.23'],
    userAgent: 'kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46',
    objectRef: { resource: 'pods', namespace: 'payments', apiVersion: 'v1' },
    ...(stage === 'RequestReceived'
      ? {}
      : {
          responseStatus: { metadata: {}, code: 200 },
          annotations: ALLOW(
            'RBAC: allowed by RoleBinding "sre/payments" of Role "sre" to Group "sre"',
          ),
        }),
  };
}

/** A request whose credentials were refused: one ResponseStarted item, code 401, no user. */
export function failedAuthItem(req: Request): Json {
  return {
    ...base(req, 'ResponseStarted', 1),
    requestURI: '/api/v1/namespaces/payments/secrets/db-password',
    verb: 'get',
    user: {},
    sourceIPs: ['203.0.113.99'],
    userAgent: 'curl/8.5.0',
    objectRef: {
      resource: 'secrets',
      namespace: 'payments',
      name: 'db-password',
      apiVersion: 'v1',
    },
    responseStatus: {
      metadata: {},
      message: 'Authentication failed, attempted: bearer',
      code: 401,
    },
  };
}

/** `kubectl debug -it web-7d4b9c --image=busybox`: a PATCH of pods/ephemeralcontainers. */
export function debugItem(req: Request): Json {
  return {
    ...base(req, 'ResponseComplete', 12),
    requestURI: '/api/v1/namespaces/payments/pods/web-7d4b9c/ephemeralcontainers',
    verb: 'patch',
    user: { username: 'alice@example.com', groups: ['sre', 'system:authenticated'] },
    sourceIPs: ['198.51.100.23'],
    userAgent: 'kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46',
    objectRef: {
      resource: 'pods',
      namespace: 'payments',
      name: 'web-7d4b9c',
      apiVersion: 'v1',
      subresource: 'ephemeralcontainers',
    },
    responseStatus: { metadata: {}, code: 200 },
    annotations: ALLOW('RBAC: allowed by RoleBinding "sre/payments" of Role "sre" to Group "sre"'),
  };
}

/** `kubectl port-forward pod/web-7d4b9c 8080:80` over WebSocket (verb `get`). */
export function portForwardItem(req: Request, stage: Stage = 'ResponseStarted'): Json {
  return {
    ...base(req, stage, 7),
    requestURI: '/api/v1/namespaces/payments/pods/web-7d4b9c/portforward?ports=80',
    verb: 'get',
    user: { username: 'alice@example.com', groups: ['sre', 'system:authenticated'] },
    sourceIPs: ['198.51.100.23'],
    userAgent: 'kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46',
    objectRef: {
      resource: 'pods',
      namespace: 'payments',
      name: 'web-7d4b9c',
      apiVersion: 'v1',
      subresource: 'portforward',
    },
    responseStatus: { metadata: {}, code: 101 },
    annotations: ALLOW('RBAC: allowed by RoleBinding "sre/payments" of Role "sre" to Group "sre"'),
  };
}
