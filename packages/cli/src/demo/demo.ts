import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { timestampFromMillis, vigil } from '@vigil/proto';
import type {
  AccessEventInput,
  AuthorizationClient,
  IngestClient,
  IngestReceipt,
  RiskAdminClient,
} from '@vigil/client';
import { auditProve, auditVerify, auditVerifyBundle } from '../audit/commands';
import { adminClient, authzClient, ingestClient } from '../commands/clients';
import { decisionName, formatDecision } from '../commands/authz';
import { createOutput, type Output } from '../output';
import { stateDir } from '../paths';
import { STACK_SERVICES } from '../stack/stack';

const MINUTE = 60_000;
const BERLIN = { countryCode: 'DE', latitude: 52.52, longitude: 13.405, hasPosition: true };
const NEW_YORK = { countryCode: 'US', latitude: 40.7128, longitude: -74.006, hasPosition: true };

interface Ctx {
  out: Output;
  ingest: IngestClient;
  authz: AuthorizationClient;
  admin: RiskAdminClient;
  run: string;
  now: number;
  receipts: IngestReceipt[];
}

/**
 * The narrated walkthrough behind `./dev up`. It uses only the public APIs: events go through
 * ingest, decisions come from Authorize, profiles from RiskAdmin, and the proof from the sealed
 * log in Kafka, checked with the sealer's public key alone.
 */
export async function runDemo(flags: { brokers: string }): Promise<number> {
  const out = createOutput(false);
  const env = (name: string) => process.env[name];
  const ctx: Ctx = {
    out,
    ingest: ingestClient({ addr: env('VIGIL_INGEST_ADDR'), token: env('VIGIL_INGEST_TOKEN') }),
    authz: authzClient({ addr: env('VIGIL_AUTHZ_ADDR'), token: env('VIGIL_AUTHZ_TOKEN') }),
    admin: adminClient({ addr: env('VIGIL_AUTHZ_ADDR'), token: env('VIGIL_ADMIN_TOKEN') }),
    // Fresh user names per run, so a second demo on the same log tells the same story.
    run: randomBytes(2).toString('hex'),
    now: Date.now(),
    receipts: [],
  };
  const s = out.style;
  const step = (title: string) => out.line(`\n${s.bold(title)}`);
  try {
    step('1. Everyday work: three users log in from their usual laptop and office');
    for (const name of ['alice', 'bob', 'carol']) {
      const user = `${name}-${ctx.run}`;
      await send(
        ctx,
        user,
        [0, 1, 2].map((i) => login(user, ctx.now - (30 - i) * MINUTE, 'home')),
      );
      await decide(ctx, user, 'db.query', 'db/prod-orders', 'home');
    }

    step('2. A login from a new IP and a new device asks for step-up');
    const dave = `dave-${ctx.run}`;
    await send(ctx, dave, [
      login(dave, ctx.now - 20 * MINUTE, 'home'),
      login(dave, ctx.now - 10 * MINUTE, 'home'),
    ]);
    await decide(ctx, dave, 'auth.login', 'db/prod-orders', 'unknown laptop');

    step('3. Brute force: failed logins, step-up, then restriction and DENY');
    const erin = `erin-${ctx.run}`;
    await send(ctx, erin, [login(erin, ctx.now - 15 * MINUTE, 'home')]);
    await send(ctx, erin, failures(erin, ctx.now - 3 * MINUTE, 5));
    out.line(s.dim('   5 failed logins in a minute'));
    await decide(ctx, erin, 'db.query', 'db/prod-orders', 'home');
    await send(ctx, erin, failures(erin, ctx.now - 2 * MINUTE, 5));
    out.line(s.dim('   5 more'));
    await decide(ctx, erin, 'db.query', 'db/prod-orders', 'home');
    const profile = await ctx.admin.getRiskProfile(erin);
    if (profile.restriction?.active) {
      const until = new Date(Number(profile.restriction.until?.seconds ?? 0) * 1000).toISOString();
      out.line(
        `   ${s.bad('restricted')} until ${until} (${(profile.restriction.reasons ?? []).join(', ')}), pending review`,
      );
    }

    step('4. Impossible travel: Berlin, then New York 30 minutes later');
    const frank = `frank-${ctx.run}`;
    await send(ctx, frank, [
      login(frank, ctx.now - 31 * MINUTE, 'home'),
      login(frank, ctx.now - 1 * MINUTE, 'new-york'),
    ]);
    await decide(ctx, frank, 'db.query', 'db/prod-payments', 'new-york');

    step('5. The audit log: every event and every decision sealed and verified');
    out.line(s.dim('   waiting for the sealer to seal everything (1 s batches)...'));
    const keyring = process.env.VIGIL_KEYRING;
    const quiet = createOutput(true);
    const deadline = Date.now() + 60_000;
    // Verify until nothing is pending: the decisions above were logged asynchronously.
    while (
      (await silently(() =>
        auditVerify(
          { brokers: flags.brokers, keyring, rootsTopic: 'sealed-roots', progress: false },
          quiet,
        ),
      )) !== 0
    ) {
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await auditVerify(
      { brokers: flags.brokers, keyring, rootsTopic: 'sealed-roots', progress: false },
      summaryOnly(out),
    );

    step("6. An offline proof for one event (erin's first failed login)");
    const proven = ctx.receipts.find((r) => failureIds.has(r.eventId)) ?? ctx.receipts[0];
    if (proven) {
      const bundle = path.join(stateDir(), 'demo-proof-bundle.json');
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
      await auditVerifyBundle(bundle, { keyring }, indent);
    }

    step('Vigil is up');
    for (const service of STACK_SERVICES) {
      out.line(
        `   ${service.name.padEnd(7)} ${service.endpoints.join('  ')}  metrics http://127.0.0.1:${service.opsPort}/metrics`,
      );
    }
    out.line(
      `   Kafka 127.0.0.1:9092, Redis 127.0.0.1:6379; logs in ${path.relative(process.cwd(), path.join(stateDir(), 'logs'))}/`,
    );
    out.line(
      `   try: node packages/cli/dist/bin/vigil.js authz check --user ${erin} --action db.query --resource db/prod-orders`,
    );
    out.line(`   stop everything: ${s.bold('./dev down')}`);
    return 0;
  } finally {
    ctx.ingest.close();
    ctx.authz.close();
    ctx.admin.close();
  }
}

/** Event ids of the brute-force failures, to pick one to prove. */
const failureIds = new Set<string>();

const PLACES = {
  home: { ip: '198.51.100.7', deviceId: 'laptop-1', geo: BERLIN },
  'unknown laptop': { ip: '203.0.113.99', deviceId: 'laptop-unknown', geo: BERLIN },
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

function failures(user: string, from: number, count: number): AccessEventInput[] {
  return Array.from({ length: count }, (_, i) => {
    const event = login(user, from + i * 5_000, 'home', vigil.v1.Outcome.OUTCOME_FAILURE);
    event.eventId = `${user}-fail-${from + i}`;
    failureIds.add(event.eventId);
    return event;
  });
}

/** Sends events through ingest, then waits until the risk service has applied them. */
async function send(ctx: Ctx, user: string, events: AccessEventInput[]): Promise<void> {
  const before = Number(
    (await ctx.admin.getRiskProfile(user).catch(() => undefined))?.eventsApplied ?? 0,
  );
  const receipts = await ctx.ingest.publishBatch(events);
  ctx.receipts.push(...receipts);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const applied = Number(
      (await ctx.admin.getRiskProfile(user).catch(() => undefined))?.eventsApplied ?? 0,
    );
    if (applied >= before + events.length) return;
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
): Promise<void> {
  const where = PLACES[place];
  const response = await ctx.authz.authorize({
    userId: user,
    action,
    resource,
    context: { ip: where.ip, deviceId: where.deviceId, sessionId: `${user}-req`, geo: where.geo },
  });
  const decision = decisionName(response.decision);
  ctx.out.line(
    `   ${user.padEnd(12)} ${action} ${resource} from ${place}`.padEnd(62) +
      formatDecision(ctx.out, decision, response.riskScore, response.reasons),
  );
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
