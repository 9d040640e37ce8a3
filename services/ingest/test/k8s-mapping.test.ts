import { vigil } from '@vigil/proto';
import { enrichEvent } from '../src/enrichment';
import {
  K8S_EVENT_MAX_ATTRIBUTES,
  K8S_EVENT_MAX_BYTES,
  eventIdFor,
  mapAuditEvent,
  parseEventList,
  type AuditEvent,
  type MapResult,
  type MappingOptions,
} from '../src/k8s';
import { validateEvent } from '../src/validation';
import {
  debugItem,
  eventList,
  execItem,
  failedAuthItem,
  forbiddenExecItem,
  impersonatedItem,
  microTime,
  podListItem,
  portForwardItem,
  rbacChangeItem,
  request,
  secretReadItem,
  type Json,
} from './k8s-fixtures';

const OPTIONS: MappingOptions = { cluster: 'dev', keepReads: false, command: 'keep' };
const { OUTCOME_SUCCESS, OUTCOME_FAILURE, OUTCOME_DENIED } = vigil.v1.Outcome;

function parse(item: Json): AuditEvent {
  const [result] = parseEventList(eventList([item]));
  if (!result?.ok) throw new Error(`fixture does not parse: ${JSON.stringify(result)}`);
  return result.event;
}

function map(item: Json, options: Partial<MappingOptions> = {}): MapResult {
  return mapAuditEvent(parse(item), { ...OPTIONS, ...options });
}

function mapped(item: Json, options: Partial<MappingOptions> = {}) {
  const result = map(item, options);
  if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

const LIMITS = { maxAttributes: 64, clockSkewPastMs: 86_400_000, clockSkewFutureMs: 300_000 };

describe('k8s audit mapping: actions', () => {
  it.each([
    ['exec over SPDY (create)', execItem(request(), 'ResponseStarted'), 'k8s.exec'],
    [
      'exec over WebSocket (get)',
      execItem(request(), 'ResponseStarted', { transport: 'websocket' }),
      'k8s.exec',
    ],
    [
      'attach',
      {
        ...execItem(request(), 'ResponseStarted'),
        objectRef: { resource: 'pods', namespace: 'ns', name: 'p', subresource: 'attach' },
      },
      'k8s.attach',
    ],
    ['port-forward over WebSocket (get)', portForwardItem(request()), 'k8s.portforward'],
    [
      'port-forward over SPDY (create)',
      { ...portForwardItem(request()), verb: 'create' },
      'k8s.portforward',
    ],
    ['kubectl debug (patch ephemeralcontainers)', debugItem(request()), 'k8s.debug'],
    ['secret get', secretReadItem(request()), 'k8s.secret.read'],
    ['secret list', secretReadItem(request(), { verb: 'list' }), 'k8s.secret.read'],
    [
      'secret watch',
      secretReadItem(request(), { verb: 'watch', stage: 'ResponseStarted' }),
      'k8s.secret.read',
    ],
    ['role binding create', rbacChangeItem(request()), 'k8s.rbac.change'],
    [
      'cluster role binding patch',
      rbacChangeItem(request(), { clusterScoped: true }),
      'k8s.rbac.change',
    ],
    ['other write', impersonatedItem(request()), 'k8s.delete'],
  ])('%s', (_, item, action) => {
    expect(mapped(item).action).toBe(action);
  });

  it('drops other reads and counts why, unless reads are kept', () => {
    expect(map(podListItem(request()))).toEqual({ kind: 'dropped', reason: 'read' });
    expect(mapped(podListItem(request()), { keepReads: true }).action).toBe('k8s.list');
    // A GET of the ephemeral containers list is a read, not a debug session.
    expect(map({ ...debugItem(request()), verb: 'get' })).toEqual({
      kind: 'dropped',
      reason: 'read',
    });
  });

  it('matches on the API group: a custom resource named secrets or roles is not the real one', () => {
    const crdSecret = secretReadItem(request());
    (crdSecret.objectRef as Json).apiGroup = 'vault.example.com';
    expect(map(crdSecret)).toEqual({ kind: 'dropped', reason: 'read' });
    const crdRoles = rbacChangeItem(request());
    (crdRoles.objectRef as Json).apiGroup = 'example.com';
    expect(mapped(crdRoles).action).toBe('k8s.create');
    // Secret writes are ordinary writes.
    expect(mapped({ ...secretReadItem(request()), verb: 'update' }).action).toBe('k8s.update');
    // RBAC reads are ordinary reads.
    expect(map({ ...rbacChangeItem(request()), verb: 'get' })).toEqual({
      kind: 'dropped',
      reason: 'read',
    });
  });

  it('maps non-resource writes by their HTTP method and drops their reads', () => {
    const healthz = { ...podListItem(request()), requestURI: '/healthz?verbose', verb: 'get' };
    delete (healthz as Json).objectRef;
    expect(map(healthz)).toEqual({ kind: 'dropped', reason: 'read' });
    const post = { ...healthz, verb: 'post', requestURI: '/logs/x' };
    expect(mapped(post)).toMatchObject({
      action: 'k8s.post',
      resource: 'k8s/dev/_nonresource/logs/x',
    });
  });
});

describe('k8s audit mapping: stages', () => {
  it('keeps one event per exec session: ResponseStarted, not RequestReceived or ResponseComplete', () => {
    const req = request();
    expect(map(execItem(req, 'RequestReceived'))).toEqual({
      kind: 'dropped',
      reason: 'request_received',
    });
    expect(map(execItem(req, 'ResponseStarted')).kind).toBe('event');
    expect(map(execItem(req, 'ResponseComplete'))).toEqual({
      kind: 'dropped',
      reason: 'response_complete_long_running',
    });
    expect(map({ ...execItem(req, 'ResponseStarted'), stage: 'Panic' })).toEqual({
      kind: 'dropped',
      reason: 'panic_long_running',
    });
  });

  it('keeps the ResponseComplete (or Panic) of an ordinary request', () => {
    const req = request();
    expect(map(secretReadItem(req, { stage: 'RequestReceived' })).kind).toBe('dropped');
    expect(mapped(secretReadItem(req)).eventId).toBe(eventIdFor(req.auditID, 'ResponseComplete'));
    const panic = { ...impersonatedItem(req), stage: 'Panic', responseStatus: { code: 500 } };
    expect(mapped(panic)).toMatchObject({
      outcome: OUTCOME_FAILURE,
      eventId: `k8s:${req.auditID}:panic`,
    });
  });

  it('keeps a failed authentication, emitted only at ResponseStarted', () => {
    const event = mapped(failedAuthItem(request()));
    expect(event).toMatchObject({
      action: 'k8s.secret.read',
      outcome: OUTCOME_FAILURE,
      actor: { userId: 'system:unauthenticated', ip: '203.0.113.99' },
    });
  });

  it('drops a ResponseStarted of an ordinary request (the API server sends none)', () => {
    expect(map({ ...secretReadItem(request()), stage: 'ResponseStarted' })).toEqual({
      kind: 'dropped',
      reason: 'response_started_short',
    });
  });

  it('treats watches like the API server does: long-running, recorded when they start', () => {
    const req = request();
    expect(map(secretReadItem(req, { verb: 'watch', stage: 'ResponseStarted' })).kind).toBe(
      'event',
    );
    expect(map(secretReadItem(req, { verb: 'watch' }))).toEqual({
      kind: 'dropped',
      reason: 'response_complete_long_running',
    });
  });
});

describe('k8s audit mapping: fields', () => {
  it('maps an exec session completely', () => {
    const req = request(Date.UTC(2026, 0, 15, 12, 0, 0, 189));
    const event = mapped(
      execItem(req, 'ResponseStarted', { namespace: 'prod', command: ['sh', '-c', 'id'] }),
    );
    expect(event).toEqual({
      eventId: `k8s:${req.auditID}:started`,
      occurredAt: { seconds: Date.UTC(2026, 0, 15, 12, 0, 0) / 1000, nanos: 189_189_000 },
      actor: {
        userId: 'alice@example.com',
        sessionId: req.auditID,
        ip: '198.51.100.23',
        userAgent: 'kubectl/v1.29.3 (linux/amd64) kubernetes/6813625',
      },
      action: 'k8s.exec',
      resource: 'k8s/dev/prod/pods/web-7d4b9c/exec',
      outcome: OUTCOME_SUCCESS,
      attributes: {
        'k8s.cluster': 'dev',
        'k8s.verb': 'create',
        'k8s.stage': 'ResponseStarted',
        'k8s.audit_id': req.auditID,
        'k8s.response_code': '101',
        'k8s.decision': 'allow',
        'k8s.decision_reason':
          'RBAC: allowed by RoleBinding "sre/prod" of Role "sre" to Group "sre"',
        'k8s.groups': '["sre","system:authenticated"]',
        'k8s.api_version': 'v1',
        'k8s.source_ips': '["198.51.100.23"]',
        'k8s.command': '["sh","-c","id"]',
        'k8s.container': 'app',
        'k8s.stdin': 'true',
        'k8s.tty': 'true',
      },
    });
  });

  it('uses requestReceivedTimestamp, the same for every stage of a request', () => {
    const req = request();
    const received = { seconds: Math.floor(req.at / 1000), nanos: (req.at % 1000) * 1e6 + 189_000 };
    // stageTimestamp of this item is 25 ms later; the event is dated when the request came in.
    expect(mapped(execItem(req, 'ResponseStarted')).occurredAt).toEqual(received);
    // Without it (a zero MicroTime is encoded as null), stageTimestamp is used.
    const noReceived = {
      ...secretReadItem(req),
      requestReceivedTimestamp: null,
      stageTimestamp: microTime(req.at, 5),
    };
    expect(mapped(noReceived).occurredAt).toEqual({
      seconds: Math.floor(req.at / 1000),
      nanos: (req.at % 1000) * 1e6 + 5_000,
    });
    const neither = { ...noReceived, stageTimestamp: null };
    expect(map(neither)).toEqual({
      kind: 'malformed',
      problem: expect.stringContaining('requestReceivedTimestamp'),
    });
  });

  it('maps outcomes: forbid or 403 -> DENIED, 401 -> FAILURE, other errors FAILURE, else SUCCESS', () => {
    expect(mapped(forbiddenExecItem(request(), 'ResponseStarted')).outcome).toBe(OUTCOME_DENIED);
    const forbidAnnotationOnly = {
      ...secretReadItem(request()),
      annotations: { 'authorization.k8s.io/decision': 'forbid' },
    };
    expect(mapped(forbidAnnotationOnly).outcome).toBe(OUTCOME_DENIED);
    const admissionDenied = {
      ...impersonatedItem(request()),
      responseStatus: { code: 403, reason: 'Forbidden' },
    };
    expect(mapped(admissionDenied).outcome).toBe(OUTCOME_DENIED);
    expect(mapped(failedAuthItem(request())).outcome).toBe(OUTCOME_FAILURE);
    for (const [code, outcome] of [
      [404, OUTCOME_FAILURE],
      [409, OUTCOME_FAILURE],
      [500, OUTCOME_FAILURE],
      [200, OUTCOME_SUCCESS],
      [201, OUTCOME_SUCCESS],
      [101, OUTCOME_SUCCESS],
    ] as const) {
      expect(mapped({ ...impersonatedItem(request()), responseStatus: { code } }).outcome).toBe(
        outcome,
      );
    }
  });

  it('files the impersonated user as the actor and keeps the real one', () => {
    const event = mapped(impersonatedItem(request()));
    expect(event.actor?.userId).toBe('alice@example.com');
    expect(event.attributes).toMatchObject({
      'k8s.impersonated_by': 'oncall-admin@example.com',
      'k8s.impersonator_groups': '["oncall","system:authenticated"]',
      'k8s.groups': '["sre","system:authenticated"]',
    });
    expect(event.resource).toBe('k8s/dev/payments/deployments.apps/checkout');
  });

  it('takes the IP the API server vouches for: the last of sourceIPs', () => {
    // X-Forwarded-For: 192.0.2.10 (client-chosen), remote address 198.51.100.7.
    const event = mapped(impersonatedItem(request()));
    expect(event.actor?.ip).toBe('198.51.100.7');
    expect(event.attributes?.['k8s.source_ips']).toBe('["192.0.2.10","198.51.100.7"]');
    expect(mapped({ ...impersonatedItem(request()), sourceIPs: [] }).actor?.ip).toBe('');
    expect(mapped({ ...impersonatedItem(request()), sourceIPs: ['not-an-ip'] }).actor?.ip).toBe('');
  });

  it('spells resources for namespaced, cluster-scoped, collection and subresource requests', () => {
    expect(mapped(rbacChangeItem(request(), { clusterScoped: true })).resource).toBe(
      'k8s/dev/_cluster/clusterrolebindings.rbac.authorization.k8s.io/cluster-admin-alice',
    );
    expect(mapped(secretReadItem(request(), { verb: 'list' })).resource).toBe(
      'k8s/dev/payments/secrets',
    );
    expect(mapped(debugItem(request())).resource).toBe(
      'k8s/dev/payments/pods/web-7d4b9c/ephemeralcontainers',
    );
    expect(mapped(podListItem(request()), { keepReads: true, cluster: 'prod-eu' }).resource).toBe(
      'k8s/prod-eu/payments/pods',
    );
  });

  it('redacts the exec command as configured', () => {
    const item = execItem(request(), 'ResponseStarted', {
      command: ['mysql', '-uroot', '-phunter2', '-e', 'select 1'],
    });
    expect(mapped(item).attributes?.['k8s.command']).toBe(
      '["mysql","-uroot","-phunter2","-e","select 1"]',
    );
    expect(mapped(item, { command: 'program' }).attributes?.['k8s.command']).toBe(
      '["mysql","[redacted]","[redacted]","[redacted]","[redacted]"]',
    );
    expect(mapped(item, { command: 'none' }).attributes).not.toHaveProperty('k8s.command');
    // The port list of a port-forward.
    expect(mapped(portForwardItem(request())).attributes).toMatchObject({ 'k8s.ports': '80' });
  });

  it('derives the event id from auditID and stage, hashing ids that are not plain tokens', () => {
    expect(eventIdFor('3f1e-x', 'ResponseComplete')).toBe('k8s:3f1e-x:complete');
    const chosen = eventIdFor('my id/with:odd chars', 'ResponseStarted');
    expect(chosen).toMatch(/^k8s:h-[A-Za-z0-9_-]{22}:started$/);
    expect(eventIdFor('my id/with:odd chars', 'ResponseStarted')).toBe(chosen);
    expect(eventIdFor('x'.repeat(65), 'Panic')).toMatch(/^k8s:h-/);
  });

  it('maps the same item to the same event every time (a retried batch must match)', () => {
    const item = impersonatedItem(request());
    expect(mapped(item)).toEqual(mapped(structuredClone(item)));
  });
});

describe('k8s audit mapping: every mapped event passes ingest validation', () => {
  const now = Date.now();
  const long = (n: number) => 'x'.repeat(n);
  const hostile: [string, Json][] = [
    [
      'control characters in names',
      {
        ...secretReadItem(request()),
        objectRef: {
          resource: 'secrets',
          namespace: 'payments',
          name: 'a\u0000b\u001fc\u007fd/e%f',
        },
      },
    ],
    [
      'lone surrogates',
      { ...impersonatedItem(request()), user: { username: 'bob\ud800' }, userAgent: '\udfffua' },
    ],
    [
      'a huge user name and user agent',
      {
        ...impersonatedItem(request()),
        impersonatedUser: { username: long(5_000) },
        userAgent: long(5_000),
      },
    ],
    [
      'a client-chosen Audit-ID',
      { ...impersonatedItem(request()), auditID: `${long(3_000)}\u0007\n` },
    ],
    [
      'a name of 10 000 characters',
      {
        ...secretReadItem(request()),
        objectRef: { resource: 'secrets', namespace: 'payments', name: long(10_000) },
      },
    ],
    [
      'dot segments',
      {
        ...secretReadItem(request()),
        objectRef: { resource: 'secrets', namespace: 'payments', name: '..' },
      },
    ],
    [
      'an empty user (not authenticated)',
      { ...impersonatedItem(request()), user: {}, impersonatedUser: null },
    ],
    [
      'everything at once, as large as it gets',
      {
        ...execItem(request(), 'ResponseStarted', {
          command: Array.from({ length: 300 }, (_, i) => `${long(40)}${i}`),
          sourceIPs: Array.from({ length: 200 }, (_, i) => `10.0.${i % 250}.1`),
        }),
        impersonatedUser: {
          username: long(1_000),
          groups: Array.from({ length: 300 }, () => long(100)),
        },
        user: { username: long(1_000), groups: Array.from({ length: 300 }, () => long(100)) },
        userAgent: long(5_000),
        auditID: long(5_000),
        requestURI: `/api/v1/namespaces/ns/pods/p/exec?container=${long(5_000)}&${Array.from({ length: 300 }, () => `command=${long(50)}`).join('&')}&ports=${long(3_000)}`,
        objectRef: {
          resource: 'pods',
          namespace: long(2_000),
          name: long(2_000),
          subresource: 'exec',
          apiVersion: long(2_000),
        },
        annotations: {
          'authorization.k8s.io/decision': long(3_000),
          'authorization.k8s.io/reason': long(9_000),
        },
        responseStatus: { code: 101, reason: long(3_000) },
      },
    ],
  ];

  it.each(hostile)('%s', (_, item) => {
    const result = map(
      { ...item, requestReceivedTimestamp: microTime(now - 1_000) },
      { cluster: 'c'.repeat(63) },
    );
    if (result.kind !== 'event') throw new Error(JSON.stringify(result));
    expect(validateEvent(result.event, 0, LIMITS, now)).toEqual([]);
    expect(Object.keys(result.event.attributes ?? {}).length).toBeLessThanOrEqual(
      K8S_EVENT_MAX_ATTRIBUTES,
    );
    const enriched = enrichEvent(result.event, {
      source: 's'.repeat(64),
      receivedAtMs: now,
      newEventId: () => 'unused',
    });
    expect(enriched.value.length).toBeLessThanOrEqual(K8S_EVENT_MAX_BYTES);
    // JSON-list attributes stay valid JSON however much they are cut.
    for (const key of ['k8s.command', 'k8s.groups', 'k8s.source_ips']) {
      const value = result.event.attributes?.[key];
      if (value !== undefined) expect(Array.isArray(JSON.parse(value))).toBe(true);
    }
  });

  it('keeps resource segments unambiguous', () => {
    const event = mapped(hostile[0]![1]);
    expect(event.resource).toBe('k8s/dev/payments/secrets/a%00b%1Fc%7Fd_e%25f');
    expect(mapped(hostile[5]![1]).resource).toBe('k8s/dev/payments/secrets/_..');
  });
});
