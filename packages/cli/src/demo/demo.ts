import * as path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { timestampFromMillis, vigil } from '@vigil/proto';
import {
  IngestCallError,
  RiskCallError,
  type AccessEventInput,
  type AuthorizationClient,
  type IngestClient,
  type IngestReceipt,
  type RiskAdminClient,
} from '@vigil/client';
import { auditProve, auditVerify, auditVerifyBundle } from '../audit/commands';
import { adminClient, authzClient, callFailure, ingestClient } from '../commands/clients';
import { decisionName, formatDecision } from '../commands/authz';
import { CliError, EXIT } from '../exit-codes';
import { createOutput, type Output } from '../output';
import { stateDir } from '../paths';
import { sourceTokenVariable } from '../stack/sources';
import { STACK_SERVICES } from '../stack/stack';

const MINUTE = 60_000;
const BERLIN = { countryCode: 'DE', latitude: 52.52, longitude: 13.405, hasPosition: true };
const NEW_YORK = { countryCode: 'US', latitude: 40.7128, longitude: -74.006, hasPosition: true };

interface Ctx {
  out: Output;
  /** The identity provider's source: logins, which teach known devices, IPs and countries. */
  ingest: IngestClient;
  /** The API gateway's source: may not assert logins, and teaches nothing. */
  gateway: IngestClient;
  authz: AuthorizationClient;
  admin: RiskAdminClient;
  run: string;
  now: number;
  receipts: IngestReceipt[];
  /** Event ids of the brute-force failures, to pick one to prove. */
  failureIds: Set<string>;
  decisions: DemoDecision[];
  /** What did not behave as the story says; any entry makes the demo exit 1. */
  problems: string[];
}

/** One Authorize answer and what the story expects of it. */
interface DemoDecision {
  user: string;
  action: string;
  resource: string;
  decision: string;
  expected: string;
  riskScore: number;
  reasons: string[];
  decisionId: string;
}

/** What a scenario's decision must be, and the reasons it must carry. */
interface Expectation {
  decision: 'ALLOW' | 'STEP_UP' | 'DENY';
  reasons?: string[];
}

/**
 * The narrated walkthrough behind `./dev up`. It uses only the public APIs: events go through
 * ingest, decisions come from Authorize, profiles from RiskAdmin, and the proof from the sealed
 * log in Kafka, checked with the sealer's public key alone.
 *
 * It is also a smoke test: every decision is checked against the story, and the audit log must
 * verify and the proof must check out. Anything else is listed at the end and the exit code is 1,
 * so `./dev up` fails loudly instead of narrating a broken system. With --json the narration is
 * replaced by one summary object.
 */
export async function runDemo(flags: { brokers: string; json?: boolean }): Promise<number> {
  const out = flags.json ? silentOutput() : createOutput(false);
  const env = (name: string) => process.env[name];
  const ctx: Ctx = {
    out,
    ingest: ingestClient({
      addr: env('VIGIL_INGEST_ADDR'),
      token: env(sourceTokenVariable('idp')),
      tokenVariable: sourceTokenVariable('idp'),
    }),
    gateway: ingestClient({
      addr: env('VIGIL_INGEST_ADDR'),
      token: env(sourceTokenVariable('gateway')),
      tokenVariable: sourceTokenVariable('gateway'),
    }),
    authz: authzClient({ addr: env('VIGIL_AUTHZ_ADDR'), token: env('VIGIL_AUTHZ_TOKEN') }),
    admin: adminClient({ addr: env('VIGIL_AUTHZ_ADDR'), token: env('VIGIL_ADMIN_TOKEN') }),
    // Fresh user names per run, so a second demo on the same log tells the same story.
    run: randomBytes(2).toString('hex'),
    now: Date.now(),
    receipts: [],
    failureIds: new Set(),
    decisions: [],
    problems: [],
  };
  let verified = false;
  let bundleFile: string | undefined;
  let bundleVerified = false;
  const s = out.style;
  const step = (title: string) => out.line(`\n${s.bold(title)}`);
  try {
    step('1. Everyday work: three users log in from their usual laptop and office');
    for (const name of ['alice', 'bob', 'carol']) {
      const user = `${name}-${ctx.run}`;
      await send(
        ctx,
        user,
        [0, 1, 2].map((i) => login(user, ctx.now - (3 - i) * MINUTE, 'home')),
      );
      await decide(ctx, user, 'db.query', 'db/prod-orders', 'home', { decision: 'ALLOW' });
    }

    step('2. A login from a new IP and a new device asks for step-up');
    const dave = `dave-${ctx.run}`;
    await send(ctx, dave, [
      login(dave, ctx.now - 2 * MINUTE, 'home'),
      login(dave, ctx.now - 1 * MINUTE, 'home'),
    ]);
    await decide(ctx, dave, 'auth.login', 'db/prod-orders', 'unknown laptop', {
      decision: 'STEP_UP',
      reasons: ['NEW_IP', 'NEW_DEVICE'],
    });

    step('3. Brute force: failed logins, step-up, then restriction and DENY');
    const erin = `erin-${ctx.run}`;
    await send(ctx, erin, [login(erin, ctx.now - 4 * MINUTE, 'home')]);
    await send(ctx, erin, failures(ctx, erin, ctx.now - 3 * MINUTE, 5));
    out.line(s.dim('   5 failed logins in a minute'));
    await decide(ctx, erin, 'db.query', 'db/prod-orders', 'home', {
      decision: 'STEP_UP',
      reasons: ['FAILED_AUTH_BURST'],
    });
    await send(ctx, erin, failures(ctx, erin, ctx.now - 2 * MINUTE, 5));
    out.line(s.dim('   5 more'));
    await decide(ctx, erin, 'db.query', 'db/prod-orders', 'home', {
      decision: 'DENY',
      reasons: ['RESTRICTED'],
    });
    const profile = await ctx.admin.getRiskProfile(erin);
    if (profile.restriction?.active) {
      const until = new Date(Number(profile.restriction.until?.seconds ?? 0) * 1000).toISOString();
      out.line(
        `   ${s.bad('restricted')} until ${until} (${(profile.restriction.reasons ?? []).join(', ')}), pending review`,
      );
    } else {
      problem(ctx, `${erin} should be restricted after the brute force, but is not`);
    }

    step('4. Impossible travel: Berlin, then New York 3 minutes later');
    const frank = `frank-${ctx.run}`;
    await send(ctx, frank, [
      login(frank, ctx.now - 4 * MINUTE, 'home'),
      login(frank, ctx.now - 1 * MINUTE, 'new-york'),
    ]);
    await decide(ctx, frank, 'db.query', 'db/prod-payments', 'new-york', {
      decision: 'DENY',
      reasons: ['IMPOSSIBLE_TRAVEL'],
    });

    step('5. Kubernetes: a kubectl exec into production from a new IP');
    await kubectlExec(ctx, `grace-${ctx.run}`);

    step('6. Trust at the door: the gateway cannot vouch for a device');
    await trustAtTheDoor(ctx, dave);

    step('7. The audit log: every event and every decision sealed and verified');
    out.line(s.dim('   waiting for the sealer to seal everything (1 s batches)...'));
    const keyring = process.env.VIGIL_KEYRING;
    const quiet = createOutput(true);
    const verifyFlags = {
      brokers: flags.brokers,
      keyring,
      rootsTopic: 'sealed-roots',
      progress: false,
    };
    const deadline = Date.now() + SEAL_WAIT_MS;
    // Verify until nothing is pending: the decisions above were logged asynchronously.
    while ((await silently(() => auditVerify(verifyFlags, quiet))) !== 0) {
      if (Date.now() > deadline) {
        problem(ctx, `the log did not verify within ${SEAL_WAIT_MS / 1000} s (report below)`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    verified = (await auditVerify(verifyFlags, summaryOnly(out))) === 0;
    if (!verified) problem(ctx, '`vigil audit verify` failed; run it for the full report');

    step("8. An offline proof for one event (erin's first failed login)");
    const proven = ctx.receipts.find((r) => ctx.failureIds.has(r.eventId)) ?? ctx.receipts[0];
    if (proven) {
      const bundle = path.join(stateDir(), 'demo-proof-bundle.json');
      bundleFile = bundle;
      await auditProve(
        {
          brokers: flags.brokers,
          rootsTopic: 'sealed-roots',
          topic: proven.topic,
          partition: String(proven.partition),
          offset: String(proven.offset),
          out: bundle,
        },
        // The bundle path is printed below; the command's own JSON summary is not wanted here.
        { ...out, json: true, printJson: () => undefined },
      );
      out.line(
        `   bundle: ${path.relative(process.cwd(), bundle)}  (vigil audit verify-bundle ${path.relative(process.cwd(), bundle)} --keyring ${keyring ? path.relative(process.cwd(), keyring) : 'KEYRING'})`,
      );
      const indent: Output = { ...out, line: (text = '') => out.line(`   ${text}`) };
      bundleVerified = (await auditVerifyBundle(bundle, { keyring }, indent)) === 0;
      if (!bundleVerified) problem(ctx, `the proof bundle ${bundle} did not verify`);
    }

    step('Vigil is up');
    for (const service of STACK_SERVICES) {
      out.line(
        `   ${service.name.padEnd(7)} ${service.endpoints.join('  ')}  metrics http://127.0.0.1:${service.opsPort}/metrics`,
      );
    }
    out.line(
      `   Kafka ${flags.brokers}, Redis ${redactUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')}; logs in ${path.relative(process.cwd(), path.join(stateDir(), 'logs'))}/`,
    );
    out.line(
      `   try: ./dev vigil authz check --user ${erin} --action db.query --resource db/prod-orders`,
    );
    out.line(`   stop everything: ${s.bold('./dev down')}`);
    if (ctx.problems.length > 0) {
      out.line(`\n${s.bad(`The demo did not go as told (${ctx.problems.length}):`)}`);
      for (const text of ctx.problems) out.line(`   ${s.bad('✘')} ${text}`);
      out.line(s.dim('   the service logs are in .local/logs/'));
    }
    if (flags.json) {
      createOutput(true).printJson({
        ok: ctx.problems.length === 0,
        problems: ctx.problems,
        decisions: ctx.decisions,
        auditVerified: verified,
        proofBundle: bundleFile ? { file: bundleFile, verified: bundleVerified } : null,
      });
    }
    return ctx.problems.length === 0 ? EXIT.OK : EXIT.FAILED;
  } catch (err) {
    if (err instanceof IngestCallError) callFailure(err, 'ingest');
    if (err instanceof RiskCallError) callFailure(err, 'risk');
    if (err instanceof CliError) throw err;
    throw new CliError(
      `the demo stopped: ${err instanceof Error ? err.message : String(err)}`,
      EXIT.FAILED,
      'the service logs are in .local/logs/; ./dev status shows what runs',
    );
  } finally {
    ctx.ingest.close();
    ctx.gateway.close();
    ctx.authz.close();
    ctx.admin.close();
  }
}

/** How long the sealer gets to seal the demo's events and decisions (1 s batches). */
const SEAL_WAIT_MS = 60_000;

const PLACES = {
  home: { ip: '198.51.100.7', deviceId: 'laptop-1', geo: BERLIN },
  'unknown laptop': { ip: '203.0.113.99', deviceId: 'laptop-unknown', geo: BERLIN },
  'a new IP': { ip: '203.0.113.150', deviceId: 'laptop-1', geo: BERLIN },
  'new-york': { ip: '192.0.2.44', deviceId: 'laptop-1', geo: NEW_YORK },
} as const;

function login(
  user: string,
  at: number,
  place: keyof typeof PLACES,
  outcome = vigil.v1.Outcome.OUTCOME_SUCCESS,
): AccessEventInput {
  const where = PLACES[place];
  return {
    occurredAt: timestampFromMillis(at),
    actor: {
      userId: user,
      ip: where.ip,
      deviceId: where.deviceId,
      sessionId: `${user}-s${at}`,
      geo: where.geo,
    },
    action: 'auth.login',
    resource: 'idp/okta',
    outcome,
  };
}

function failures(ctx: Ctx, user: string, from: number, count: number): AccessEventInput[] {
  return Array.from({ length: count }, (_, i) => {
    const event = login(user, from + i * 5_000, 'home', vigil.v1.Outcome.OUTCOME_FAILURE);
    event.eventId = `${user}-fail-${from + i}`;
    ctx.failureIds.add(event.eventId);
    return event;
  });
}

/**
 * Grace logs in from home, then the cluster's audit webhook reports her `kubectl exec` into a pod
 * in namespace prod from an IP she has never used. The exec is recorded, sealed and applied to
 * her risk like any event; asked whether she may exec there from that IP, Vigil wants a step-up:
 * the resource is critical and the IP new.
 */
async function kubectlExec(ctx: Ctx, grace: string): Promise<void> {
  await send(ctx, grace, [login(grace, ctx.now - 2 * MINUTE, 'home')]);
  const url = process.env.VIGIL_K8S_AUDIT_URL;
  const token = process.env.VIGIL_K8S_AUDIT_TOKEN;
  if (!url || !token) {
    problem(ctx, 'VIGIL_K8S_AUDIT_URL and VIGIL_K8S_AUDIT_TOKEN are not set; skipped the exec');
    return;
  }
  const before = await eventsApplied(ctx, grace);
  const where = PLACES['a new IP'];
  const item = kubectlExecAuditEvent(grace, ctx.now - 30_000, where.ip);
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [item] }),
  });
  const answer = (await response.json().catch(() => ({}))) as { accepted?: number };
  if (response.status !== 200 || answer.accepted !== 1) {
    problem(ctx, `the audit webhook answered ${response.status} ${JSON.stringify(answer)}`);
    return;
  }
  await untilApplied(ctx, grace, before + 1);
  ctx.out.line(
    ctx.out.style.dim(
      `   audit webhook: ${grace} kubectl exec -n prod web-7d4b9c -- /bin/sh from ${where.ip}: recorded`,
    ),
  );
  await decide(ctx, grace, 'k8s.exec', 'k8s/dev/prod/pods/web-7d4b9c/exec', 'a new IP', {
    decision: 'STEP_UP',
    reasons: ['NEW_IP'],
  });
}

/** One ResponseStarted item of a `kubectl exec` (WebSocket), as kube-apiserver sends it. */
function kubectlExecAuditEvent(user: string, at: number, ip: string): Record<string, unknown> {
  const time = new Date(at).toISOString();
  return {
    level: 'Metadata',
    auditID: randomUUID(),
    stage: 'ResponseStarted',
    requestURI:
      '/api/v1/namespaces/prod/pods/web-7d4b9c/exec?command=%2Fbin%2Fsh&container=app&stdin=true&stdout=true&tty=true',
    verb: 'get',
    user: { username: user, groups: ['sre', 'system:authenticated'] },
    sourceIPs: [ip],
    userAgent: 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46',
    objectRef: {
      resource: 'pods',
      namespace: 'prod',
      name: 'web-7d4b9c',
      apiVersion: 'v1',
      subresource: 'exec',
    },
    responseStatus: { metadata: {}, code: 101 },
    requestReceivedTimestamp: time,
    stageTimestamp: time,
    annotations: {
      'authorization.k8s.io/decision': 'allow',
      'authorization.k8s.io/reason': 'RBAC: allowed by RoleBinding "sre/prod" of Role "sre"',
    },
  };
}

/**
 * An attacker holds the gateway's token and wants dave's unknown laptop to look familiar. A login
 * in dave's name is refused at the door (only the identity provider may assert logins), and
 * activity from that laptop dated 50 minutes ago is stored and sealed, but teaches nothing:
 * dave is still asked to step up.
 */
async function trustAtTheDoor(ctx: Ctx, dave: string): Promise<void> {
  const s = ctx.out.style;
  try {
    await ctx.gateway.publish(login(dave, ctx.now, 'unknown laptop'));
    problem(ctx, 'the gateway was allowed to assert a login; only the identity provider may');
  } catch (err) {
    if (!(err instanceof IngestCallError) || err.reason !== 'PERMISSION_DENIED') throw err;
    ctx.out.line(`   gateway: auth.login for ${dave}  ${s.bad('refused')} ${s.dim(err.message)}`);
  }
  const where = PLACES['unknown laptop'];
  await send(
    ctx,
    dave,
    [
      {
        occurredAt: timestampFromMillis(ctx.now - 50 * MINUTE),
        actor: { userId: dave, ip: where.ip, deviceId: where.deviceId, geo: where.geo },
        action: 'http.get',
        resource: 'api/orders',
        outcome: vigil.v1.Outcome.OUTCOME_SUCCESS,
      },
    ],
    ctx.gateway,
  );
  ctx.out.line(
    s.dim(
      `   gateway: http.get by ${dave} from the unknown laptop, dated 50 min ago: stored, teaches nothing`,
    ),
  );
  await decide(ctx, dave, 'auth.login', 'db/prod-orders', 'unknown laptop', {
    decision: 'STEP_UP',
    reasons: ['NEW_IP', 'NEW_DEVICE'],
  });
}

/** Sends events through ingest, then waits until the risk service has applied them. */
async function send(
  ctx: Ctx,
  user: string,
  events: AccessEventInput[],
  through: IngestClient = ctx.ingest,
): Promise<void> {
  const before = await eventsApplied(ctx, user);
  const receipts = await through.publishBatch(events);
  ctx.receipts.push(...receipts);
  await untilApplied(ctx, user, before + events.length);
}

async function eventsApplied(ctx: Ctx, user: string): Promise<number> {
  return Number((await ctx.admin.getRiskProfile(user).catch(() => undefined))?.eventsApplied ?? 0);
}

/** Waits until the risk service has applied `count` events of `user`. */
async function untilApplied(ctx: Ctx, user: string, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await eventsApplied(ctx, user)) < count) {
    if (Date.now() > deadline) throw new Error(`risk did not apply ${user}'s events within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function decide(
  ctx: Ctx,
  user: string,
  action: string,
  resource: string,
  place: keyof typeof PLACES,
  expected: Expectation,
): Promise<void> {
  const where = PLACES[place];
  const response = await ctx.authz.authorize({
    userId: user,
    action,
    resource,
    context: { ip: where.ip, deviceId: where.deviceId, sessionId: `${user}-req`, geo: where.geo },
  });
  const decision = decisionName(response.decision);
  const reasons = response.reasons ?? [];
  ctx.decisions.push({
    user,
    action,
    resource,
    decision,
    expected: expected.decision,
    riskScore: response.riskScore,
    reasons,
    decisionId: response.decisionId,
  });
  const missing = (expected.reasons ?? []).filter((reason) => !reasons.includes(reason));
  const mismatch =
    decision !== expected.decision
      ? `expected ${expected.decision}`
      : missing.length > 0
        ? `expected reasons ${missing.join(', ')}`
        : undefined;
  if (mismatch) problem(ctx, `${user} ${action} ${resource}: got ${decision}, ${mismatch}`);
  ctx.out.line(
    `   ${user.padEnd(12)} ${action} ${resource} from ${place}`.padEnd(62) +
      formatDecision(ctx.out, decision, response.riskScore, reasons) +
      (mismatch ? `  ${ctx.out.style.bad(`✘ ${mismatch}`)}` : ''),
  );
}

function problem(ctx: Ctx, text: string): void {
  ctx.problems.push(text);
}

/** An Output that prints nothing: the narration, when --json asks for one summary instead. */
function silentOutput(): Output {
  return { ...createOutput(false), line: () => undefined, printJson: () => undefined };
}

/** A Redis URL without its password, fit to print. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'the configured Redis';
  }
}

async function silently<T>(action: () => Promise<T>): Promise<T | number> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await action();
  } catch {
    return 1;
  } finally {
    process.stdout.write = write;
  }
}

/** Prints only the verdict line of `audit verify`, indented. */
function summaryOnly(out: Output): Output {
  return {
    ...out,
    line: (text = '') =>
      /^(OK|FAILED|\s+\S+ \S+\/\d+)/.test(text) && !text.startsWith('✔')
        ? out.line(`   ${text}`)
        : undefined,
  };
}
