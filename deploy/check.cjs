#!/usr/bin/env node
// Checks that the deployment files in deploy/ agree with the code they deploy:
//
//   node deploy/check.cjs
//
// - docker-compose.yml, every Kubernetes manifest (multi-document), the Prometheus files and the
//   Grafana dashboard parse;
// - each Vigil service's Dockerfile target exists, and every entrypoint/command that starts a
//   service is exactly `node services/<svc>/dist/main.js` (with services/<svc>/src/main.ts there);
// - every environment variable given to a service (Dockerfile ENV, Compose environment and
//   env_file, Kubernetes env/envFrom through ConfigMaps, generators and Secrets) is one that
//   service's config.ts (or the shared commonEnv) declares;
// - ports: published/exposed ports are the service's ports; the image HEALTHCHECK and the
//   Kubernetes liveness/startup probes hit /healthz, readiness probes and Compose health checks
//   /readyz, all on OPS_PORT; OPS_HOST is 0.0.0.0;
// - Kubernetes: files named in *_FILE variables are mounted from a Secret/ConfigMap key that
//   exists, termination grace exceeds SHUTDOWN_TIMEOUT_MS, non-root + read-only root, resources,
//   PDB and HPA per service, the sealer HPA stays within the input partitions;
// - the topics created by Compose and the Kubernetes Job match deploy/local/topics.cjs;
// - every metric queried by the dashboard and the alert rules is registered in services/*/src
//   (or packages/*/src) or is a prom-client default metric, with the labels used in matchers and
//   `by (...)` clauses; and the other way round, every vigil_* metric registered there is shown
//   by at least one dashboard query (or listed in DASHBOARD_EXEMPT, with the reason);
// - the risk policy copy matches services/risk/policy/default.yaml;
// - the kafka-acls commands in README.md are those of deploy/kafka/acls.txt.
//
// Exits 1 listing every mismatch. Plain Node; `yaml` and `prom-client` come from the workspace.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DEPLOY = __dirname;
const SERVICES = ['ingest', 'sealer', 'risk'];
/** Variables that Node.js itself reads; not part of any config.ts. */
const NODE_ENV_VARS = new Set(['NODE_ENV', 'NODE_OPTIONS']);
/** Metrics that come from Prometheus or kube-state-metrics, not from Vigil. */
const EXTERNAL_METRIC = /^(up|ALERTS|ALERTS_FOR_STATE|kube_[a-z0-9_]+)$/;
/** Labels Prometheus adds to every scraped series (target labels). */
const TARGET_LABELS = ['instance', 'job', 'namespace', 'pod', 'container', 'node'];
// Vigil metrics that no dashboard panel needs to show: name -> why. Every other vigil_* metric
// registered in services/*/src or packages/*/src must appear in a dashboard query, so a new
// metric gets a panel (or a reason here) instead of going unseen. Empty: all are shown.
const DASHBOARD_EXEMPT = new Map([
  // ['vigil_example_total', 'why no panel shows it'],
]);

const errors = [];
const passed = [];
const rel = (file) => path.relative(ROOT, file);
const fail = (where, message) => errors.push(`${where}: ${message}`);
const read = (file) => fs.readFileSync(file, 'utf8');

// ---- Workspace modules ------------------------------------------------------------------------

// Both are root devDependencies of the workspace (./dev pnpm install).
const YAML = require('yaml');

function parseYamlFile(file) {
  try {
    const docs = YAML.parseAllDocuments(read(file), { merge: true });
    const out = [];
    for (const doc of docs) {
      if (doc.errors.length > 0) throw doc.errors[0];
      const value = doc.toJS({ maxAliasCount: -1 });
      if (value !== null && value !== undefined) out.push(value);
    }
    return out;
  } catch (err) {
    fail(rel(file), `not valid YAML: ${err.message.split('\n')[0]}`);
    return [];
  }
}

// ---- What the code declares -------------------------------------------------------------------

/** The object literal that starts at the `{` at index `open`. */
function braceBlock(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** Env var names (keys at the top level of the object) and their literal `.default(...)`. */
function envSchema(block) {
  const names = new Set();
  const defaults = {};
  // Bracket depth is counted on a copy without string contents (same length, same lines).
  const bare = block.replace(/'(?:[^'\\\n]|\\.)*'/g, (s) => `'${' '.repeat(s.length - 2)}'`);
  let depth = 0;
  let lineStart = 0;
  let lineDepth = 0;
  for (let i = 0; i <= bare.length; i++) {
    const ch = bare[i];
    if (ch === '\n' || i === bare.length) {
      const m = /^\s*([A-Z][A-Z0-9_]*)\s*:(.*)$/.exec(block.slice(lineStart, i));
      if (m && lineDepth === 1) {
        names.add(m[1]);
        const d = /\.default\(\s*(.*?)\s*\)[^)]*$/.exec(m[2]);
        if (d)
          defaults[m[1]] = /^[\d_]+$/.test(d[1])
            ? d[1].replace(/_/g, '')
            : d[1].replace(/^'|'$/g, '');
      }
      lineStart = i + 1;
      lineDepth = depth;
      continue;
    }
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth--;
  }
  return { names, defaults };
}

/**
 * A schema object of packages/runtime/src (`export const <name> = {`), with the schemas it
 * spreads in (`...kafkaClientEnv`) merged.
 */
function runtimeSchema(name) {
  const dir = path.join(ROOT, 'packages/runtime/src');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = read(path.join(dir, file));
    const at = text.indexOf(`export const ${name} = {`);
    if (at < 0) continue;
    const block = braceBlock(text, text.indexOf('{', at));
    const schema = envSchema(block);
    for (const [, spread] of block.matchAll(/^\s*\.\.\.(\w+),?\s*$/gm)) {
      const inner = runtimeSchema(spread);
      for (const n of inner.names) schema.names.add(n);
      schema.defaults = { ...inner.defaults, ...schema.defaults };
    }
    return schema;
  }
  fail('packages/runtime/src', `no \`export const ${name} = {\` found`);
  return { names: new Set(), defaults: {} };
}

function commonEnv() {
  return runtimeSchema('commonEnv');
}

const COMMON = commonEnv();

function serviceFacts(service) {
  const dir = path.join(ROOT, 'services', service);
  const facts = { service, names: new Set(COMMON.names), defaults: { ...COMMON.defaults } };
  if (!fs.existsSync(path.join(dir, 'src/main.ts'))) {
    fail(`services/${service}`, 'src/main.ts does not exist: nothing to build dist/main.js from');
  }
  const configFile = path.join(dir, 'src/config.ts');
  if (!fs.existsSync(configFile)) {
    fail(`services/${service}`, 'src/config.ts does not exist');
    return facts;
  }
  const text = read(configFile);
  const start = text.search(/export const \w+Env\s*=\s*\{/);
  if (start < 0) {
    fail(rel(configFile), 'no `export const <name>Env = {` schema found');
    return facts;
  }
  const schema = envSchema(braceBlock(text, text.indexOf('{', start)));
  for (const name of schema.names) facts.names.add(name);
  Object.assign(facts.defaults, schema.defaults);
  if (!/\.\.\.commonEnv\b/.test(text)) {
    for (const name of COMMON.names) facts.names.delete(name);
  }
  return facts;
}

const FACTS = Object.fromEntries(SERVICES.map((s) => [s, serviceFacts(s)]));
const ALL_ENV_NAMES = new Set(SERVICES.flatMap((s) => [...FACTS[s].names]));
const ENTRY = (service) => ['node', `services/${service}/dist/main.js`];
const portVars = (service) =>
  [...FACTS[service].names].filter((n) => n === 'OPS_PORT' || /_(GRPC|HTTP)_PORT$/.test(n));

/** OPS/gRPC/HTTP ports after the given env overrides. */
function effectivePorts(service, env) {
  const out = {};
  for (const name of portVars(service)) {
    const value = env[name] ?? FACTS[service].defaults[name];
    if (value !== undefined) out[name] = Number(value);
  }
  return out;
}

function checkEnvNames(where, service, names) {
  for (const name of names) {
    if (NODE_ENV_VARS.has(name)) continue;
    if (!FACTS[service].names.has(name)) {
      fail(where, `${name} is not a setting of ${service} (services/${service}/src/config.ts)`);
    }
  }
}

/** Partition counts that deploy/local/topics.cjs creates by default. */
function topicDefaults() {
  const file = path.join(DEPLOY, 'local/topics.cjs');
  const out = {};
  const text = read(file);
  const re = /topic:\s*'([^']+)',\s*numPartitions:\s*intEnv\('[A-Z_]+',\s*(\d+)/g;
  for (let m; (m = re.exec(text));) out[m[1]] = Number(m[2]);
  if (Object.keys(out).length === 0) fail(rel(file), 'no topic defaults found');
  return out;
}
const TOPICS = topicDefaults();

function checkTopicScript(where, script) {
  const created = {};
  for (const m of script.matchAll(/^\s*create\s+([A-Za-z0-9._-]+)\s+(\d+)\s*$/gm)) {
    created[m[1]] = Number(m[2]);
  }
  for (const [topic, partitions] of Object.entries(TOPICS)) {
    if (created[topic] === undefined) fail(where, `does not create topic ${topic}`);
    else if (created[topic] !== partitions) {
      fail(
        where,
        `${topic}: ${created[topic]} partitions, deploy/local/topics.cjs says ${partitions}`,
      );
    }
  }
  for (const setting of [
    '--if-not-exists',
    'retention.ms=-1',
    'message.timestamp.type=CreateTime',
  ]) {
    if (!script.includes(setting)) fail(where, `topic creation lacks ${setting}`);
  }
}

// ---- Metrics registered in the code -----------------------------------------------------------

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** name -> { type, labels:Set, where } for every metric constructed with a literal name. */
function registeredMetrics() {
  const metrics = new Map();
  const files = [];
  for (const dir of ['services', 'packages']) {
    const parent = path.join(ROOT, dir);
    for (const entry of fs.readdirSync(parent)) walk(path.join(parent, entry, 'src'), files);
  }
  let defaultLabels = [];
  for (const file of files) {
    const text = read(file);
    const dl = /setDefaultLabels\(\{([^}]*)\}/.exec(text);
    if (dl)
      defaultLabels = dl[1]
        .split(',')
        .map((s) => s.split(':')[0].trim())
        .filter(Boolean);
    const re = /new\s+(?:\w+\.)?(Counter|Gauge|Histogram|Summary)\b/g;
    for (let m; (m = re.exec(text));) {
      const chunk = text
        .slice(m.index, m.index + 1500)
        .split(/new\s+(?:\w+\.)?(?:Counter|Gauge|Histogram|Summary)\b/)[1];
      const name = /\bname:\s*['"`]([a-zA-Z_:][a-zA-Z0-9_:]*)['"`]/.exec(chunk);
      if (!name) continue;
      const labels = /\blabelNames:\s*\[([^\]]*)\]/.exec(chunk);
      metrics.set(name[1], {
        type: m[1].toLowerCase(),
        labels: new Set(
          labels ? [...labels[1].matchAll(/['"`]([^'"`]+)['"`]/g)].map((x) => x[1]) : [],
        ),
        where: rel(file),
      });
    }
  }
  return { metrics, defaultLabels };
}

/** prom-client's collectDefaultMetrics(): process_* and nodejs_* with their labels. */
async function defaultMetrics() {
  const client = require('prom-client');
  const out = new Map();
  if (!client) return out;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const metric of await registry.getMetricsAsJSON()) {
    const labels = new Set();
    for (const v of metric.values ?? []) for (const k of Object.keys(v.labels ?? {})) labels.add(k);
    out.set(metric.name, { type: metric.type, labels, where: 'prom-client default metrics' });
  }
  return out;
}

const PROMQL_WORDS = new Set(
  (
    'sum min max avg group stddev stdvar count count_values bottomk topk quantile by without on ' +
    'ignoring group_left group_right and or unless bool offset inf nan'
  ).split(' '),
);

/** Metric names and label names an expression uses (a tokenizer, not a full PromQL parser). */
function promqlRefs(expr) {
  let text = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  text = text.replace(/\[[^\]]*\]/g, ' ');
  const labels = new Set();
  text = text.replace(/\{([^}]*)\}/g, (_, inner) => {
    for (const m of inner.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)) labels.add(m[1]);
    return ' ';
  });
  text = text.replace(
    /\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g,
    (_, _kw, inner) => {
      for (const m of inner.matchAll(/[a-zA-Z_][a-zA-Z0-9_]*/g)) labels.add(m[0]);
      return ' ';
    },
  );
  const metrics = new Set();
  for (const m of text.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    if (m[2] || PROMQL_WORDS.has(m[1])) continue;
    metrics.add(m[1]);
  }
  return { metrics, labels };
}

function makeMetricChecker(registered, defaults, defaultLabels) {
  const lookup = (series) => {
    for (const [suffix, types] of [
      ['_bucket', ['histogram']],
      ['_sum', ['histogram', 'summary']],
      ['_count', ['histogram', 'summary']],
    ]) {
      if (series.endsWith(suffix)) {
        const base = series.slice(0, -suffix.length);
        const hit = registered.get(base) ?? defaults.get(base);
        if (hit && types.includes(hit.type)) {
          return {
            ...hit,
            name: base,
            labels: new Set([...hit.labels, ...(suffix === '_bucket' ? ['le'] : [])]),
          };
        }
      }
    }
    const hit = registered.get(series) ?? defaults.get(series);
    return hit && { ...hit, name: series };
  };
  /** Returns the names of the registered (or default) metrics the expression queries. */
  return function check(where, expr) {
    const { metrics, labels } = promqlRefs(expr);
    const used = new Set();
    const known = new Set(['__name__', ...defaultLabels, ...TARGET_LABELS]);
    let skipLabels = false;
    for (const name of metrics) {
      if (EXTERNAL_METRIC.test(name)) {
        skipLabels = true; // kube-state-metrics or Prometheus: labels not ours to check
        continue;
      }
      const hit = lookup(name);
      if (!hit) {
        const hint = /^(process|nodejs)_/.test(name)
          ? 'not a prom-client default metric'
          : 'not registered in services/*/src or packages/*/src';
        fail(where, `metric ${name}: ${hint}`);
        skipLabels = true; // its labels are unknown: do not report them as well
        continue;
      }
      used.add(hit.name);
      for (const l of hit.labels) known.add(l);
    }
    if (skipLabels) return used;
    for (const label of labels) {
      if (!known.has(label)) {
        fail(
          where,
          `label "${label}" is not a label of ${[...metrics].join(', ') || 'any metric'}`,
        );
      }
    }
    return used;
  };
}

// ---- Dockerfile -------------------------------------------------------------------------------

function parseDockerfile(file) {
  const stages = new Map();
  const args = {};
  let current;
  const lines = read(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i];
    const heredoc = /<<-?'?([A-Z]+)'?/.exec(line);
    if (heredoc) while (i + 1 < lines.length && lines[++i].trim() !== heredoc[1]);
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, instruction, rest] = m;
    if (instruction === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest);
      current = {
        name: from[2],
        from: from[1],
        env: {},
        expose: [],
        entrypoint: undefined,
        healthcheck: '',
      };
      if (from[2]) stages.set(from[2], current);
    } else if (instruction === 'ARG' && !current) {
      const [k, v] = rest.split('=');
      args[k.trim()] = v?.trim();
    } else if (!current) {
      continue;
    } else if (instruction === 'ARG') {
      const [k, v] = rest.split('=');
      current.env[`ARG:${k.trim()}`] = v?.trim();
    } else if (instruction === 'ENV') {
      for (const kv of rest.trim().split(/\s+/)) {
        const [k, ...v] = kv.split('=');
        current.env[k] = v.join('=');
      }
    } else if (instruction === 'EXPOSE') {
      current.expose.push(
        ...rest
          .trim()
          .split(/\s+/)
          .map((p) => Number(p.split('/')[0])),
      );
    } else if (instruction === 'ENTRYPOINT') {
      try {
        current.entrypoint = JSON.parse(rest);
      } catch {
        current.entrypoint = ['/bin/sh', '-c', rest.trim()];
      }
    } else if (instruction === 'HEALTHCHECK') {
      current.healthcheck = rest;
    }
  }
  /** ENV including what the stage inherits from the stages it is built FROM. */
  const effectiveEnv = (stage) => {
    const parent = stages.get(stage.from);
    return { ...(parent ? effectiveEnv(parent) : {}), ...stage.env };
  };
  return { stages, args, effectiveEnv };
}

function checkDockerfile() {
  const file = path.join(DEPLOY, 'docker/Dockerfile');
  const where = rel(file);
  if (!fs.existsSync(file)) {
    fail(where, 'missing');
    return undefined;
  }
  const docker = parseDockerfile(file);
  for (const service of SERVICES) {
    const stage = docker.stages.get(service);
    if (!stage) {
      fail(where, `no \`FROM ... AS ${service}\` target`);
      continue;
    }
    const env = docker.effectiveEnv(stage);
    const names = Object.keys(env).filter((k) => !k.startsWith('ARG:'));
    checkEnvNames(`${where} [${service}] ENV`, service, names);
    if (JSON.stringify(stage.entrypoint) !== JSON.stringify(ENTRY(service))) {
      fail(
        where,
        `[${service}] ENTRYPOINT is ${JSON.stringify(stage.entrypoint)}, expected ${JSON.stringify(ENTRY(service))}`,
      );
    }
    const ports = effectivePorts(service, env);
    for (const [name, port] of Object.entries(ports)) {
      if (!stage.expose.includes(port)) fail(where, `[${service}] does not EXPOSE ${name} ${port}`);
    }
    for (const port of stage.expose) {
      if (!Object.values(ports).includes(port))
        fail(where, `[${service}] EXPOSEs ${port}, not a port of ${service}`);
    }
    if (!stage.healthcheck.includes('/healthz'))
      fail(where, `[${service}] HEALTHCHECK does not hit /healthz`);
    if (!stage.healthcheck.includes(`OPS_PORT||${ports.OPS_PORT})`)) {
      fail(where, `[${service}] HEALTHCHECK does not fall back to OPS_PORT ${ports.OPS_PORT}`);
    }
    if (env.OPS_HOST !== '0.0.0.0')
      fail(where, `[${service}] OPS_HOST is not 0.0.0.0 in the image`);
    for (const [name, value] of Object.entries(env)) {
      if (/_HOST$/.test(name) && name !== 'OPS_HOST' && value !== '0.0.0.0') {
        fail(where, `[${service}] ${name}=${value}: a container must listen on 0.0.0.0`);
      }
    }
    for (const name of portVars(service).filter((n) => /_(GRPC|HTTP)_PORT$/.test(n))) {
      const host = name.replace(/_PORT$/, '_HOST');
      if (FACTS[service].names.has(host) && env[host] !== '0.0.0.0') {
        fail(where, `[${service}] ${host} is not set to 0.0.0.0 (the code defaults to 127.0.0.1)`);
      }
    }
  }
  const pinned = JSON.parse(read(path.join(ROOT, 'package.json'))).packageManager?.split('@')[1];
  const build = [...docker.stages.values()].find((s) => s.env['ARG:PNPM_VERSION'] !== undefined);
  if (build && pinned && build.env['ARG:PNPM_VERSION'] !== pinned) {
    fail(
      where,
      `PNPM_VERSION ${build.env['ARG:PNPM_VERSION']} but package.json pins pnpm ${pinned}`,
    );
  }
  const ignore = path.join(DEPLOY, 'docker/Dockerfile.dockerignore');
  if (!fs.existsSync(ignore))
    fail(rel(ignore), 'missing (the build context would include node_modules and secrets)');
  else {
    const patterns = read(ignore)
      .split('\n')
      .map((l) => l.trim());
    for (const needed of ['**/node_modules', '**/dist', '**/*.tsbuildinfo', 'deploy']) {
      if (!patterns.includes(needed)) fail(rel(ignore), `does not exclude ${needed}`);
    }
  }
  passed.push(`Dockerfile: targets ${SERVICES.join(', ')}`);
  return docker;
}

// ---- Docker Compose ---------------------------------------------------------------------------

const asEnvMap = (env) => {
  if (!env) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((e) => [String(e).split('=')[0], String(e).split('=').slice(1).join('=')]),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
};

function parseEnvFile(file) {
  const out = {};
  for (const line of read(file).split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m && !line.trim().startsWith('#')) out[m[1]] = m[2].trim();
  }
  return out;
}

function commandOf(value) {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String) : String(value).trim().split(/\s+/);
}

function checkCompose(docker) {
  const file = path.join(DEPLOY, 'docker-compose.yml');
  const where = rel(file);
  const [compose] = parseYamlFile(file);
  if (!compose) return;
  const services = compose.services ?? {};
  const generated = fs.existsSync(path.join(DEPLOY, 'secrets/generate.sh'))
    ? [
        ...read(path.join(DEPLOY, 'secrets/generate.sh')).matchAll(/printf '([A-Z][A-Z0-9_]*)=/g),
      ].map((m) => m[1])
    : [];
  for (const name of generated) {
    if (!ALL_ENV_NAMES.has(name))
      fail('deploy/secrets/generate.sh', `writes ${name}, which no service reads`);
  }
  const vigil = [];
  for (const [name, svc] of Object.entries(services)) {
    const at = `${where} services.${name}`;
    for (const [dep, cond] of Object.entries(
      Array.isArray(svc.depends_on)
        ? Object.fromEntries(svc.depends_on.map((d) => [d, {}]))
        : (svc.depends_on ?? {}),
    )) {
      if (!services[dep]) fail(at, `depends_on ${dep}, which is not a service`);
      else if (cond.condition === 'service_healthy' && !services[dep].healthcheck) {
        fail(at, `waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      }
    }
    const target = svc.build?.target;
    const service = SERVICES.find((s) => s === target || s === name);
    if (!service || !svc.build) continue;
    vigil.push(service);
    const dockerfile = path.resolve(
      DEPLOY,
      svc.build.context ?? '.',
      svc.build.dockerfile ?? 'Dockerfile',
    );
    if (!fs.existsSync(dockerfile)) fail(at, `build.dockerfile ${rel(dockerfile)} does not exist`);
    if (!target || !docker?.stages.has(target))
      fail(at, `build.target ${target} is not a Dockerfile stage`);
    if (target !== service) fail(at, `builds target ${target} for service ${service}`);
    for (const key of ['entrypoint', 'command']) {
      const cmd = commandOf(svc[key]);
      if (cmd && JSON.stringify(cmd) !== JSON.stringify(ENTRY(service))) {
        fail(at, `${key} ${JSON.stringify(cmd)} is not ${JSON.stringify(ENTRY(service))}`);
      }
    }
    const imageEnv = docker?.stages.has(service)
      ? docker.effectiveEnv(docker.stages.get(service))
      : {};
    const env = asEnvMap(svc.environment);
    checkEnvNames(`${at}.environment`, service, Object.keys(env));
    const envFiles = [].concat(svc.env_file ?? []).map((f) => (typeof f === 'string' ? f : f.path));
    for (const envFile of envFiles) {
      const full = path.resolve(DEPLOY, envFile);
      if (fs.existsSync(full)) {
        const vars = parseEnvFile(full);
        checkEnvNames(`${at}.env_file ${envFile}`, service, Object.keys(vars));
        Object.assign(env, vars);
      } else if (!full.startsWith(path.join(DEPLOY, 'secrets') + path.sep)) {
        fail(at, `env_file ${envFile} does not exist`);
      }
    }
    const effective = { ...imageEnv, ...env };
    if (effective.OPS_HOST !== '0.0.0.0') fail(at, 'OPS_HOST must be 0.0.0.0 in a container');
    const ports = effectivePorts(service, effective);
    const published = (svc.ports ?? []).map((p) =>
      Number(
        String(typeof p === 'object' ? p.target : p)
          .split(':')
          .pop()
          .split('/')[0],
      ),
    );
    for (const port of published) {
      if (!Object.values(ports).includes(port))
        fail(at, `publishes container port ${port}, not a port of ${service}`);
    }
    if (!published.includes(ports.OPS_PORT))
      fail(at, `does not publish OPS_PORT ${ports.OPS_PORT}`);
    // /readyz, not /healthz: Compose never restarts an unhealthy container (only one that
    // exits), so health here only gates depends_on service_healthy, `up --wait` and `ps`, which
    // mean "ready to serve". The image's HEALTHCHECK stays on /healthz (liveness).
    const test = [].concat(svc.healthcheck?.test ?? []).join(' ');
    const url = /https?:\/\/[^/'"\s]+:(\d+)(\/[a-z]*)/.exec(test);
    if (!url) fail(at, 'healthcheck does not request http://<host>:<OPS_PORT>/readyz');
    else {
      if (url[2] !== '/readyz') fail(at, `healthcheck requests ${url[2]}, expected /readyz`);
      if (Number(url[1]) !== ports.OPS_PORT)
        fail(at, `healthcheck port ${url[1]} is not OPS_PORT ${ports.OPS_PORT}`);
    }
    for (const s of svc.secrets ?? []) {
      const source = typeof s === 'string' ? s : s.source;
      if (!compose.secrets?.[source])
        fail(at, `secret ${source} is not defined under top-level secrets`);
    }
    for (const [name, value] of Object.entries(effective)) {
      if (!/_FILE$/.test(name) || !value) continue;
      const mounted =
        (svc.secrets ?? []).some(
          (s) => value === `/run/secrets/${typeof s === 'string' ? s : (s.target ?? s.source)}`,
        ) ||
        (svc.volumes ?? []).some(
          (v) => String(typeof v === 'object' ? v.target : v.split(':')[1]) === value,
        );
      if (!mounted) fail(at, `${name}=${value} is neither a mounted secret nor a volume`);
    }
    for (const v of svc.volumes ?? []) {
      const source = typeof v === 'object' ? v.source : v.split(':')[0];
      if (/^\.\.?\//.test(source) && !fs.existsSync(path.resolve(DEPLOY, source))) {
        fail(at, `volume source ${source} does not exist`);
      }
    }
  }
  for (const service of SERVICES)
    if (!vigil.includes(service)) fail(where, `no service builds ${service}`);
  for (const [name, secret] of Object.entries(compose.secrets ?? {})) {
    if (
      secret.file &&
      !path.resolve(DEPLOY, secret.file).startsWith(path.join(DEPLOY, 'secrets') + path.sep)
    ) {
      fail(
        where,
        `secret ${name} is read from ${secret.file}, outside deploy/secrets (git-ignored)`,
      );
    }
  }
  const init = Object.entries(services).find(([, s]) =>
    /kafka-topics\.sh[^\n]*--create|create\s+access-events/.test(JSON.stringify(s.command ?? '')),
  );
  if (!init) fail(where, 'no service creates the topics');
  else
    checkTopicScript(
      `${where} services.${init[0]}`,
      [].concat(init[1].command).join('\n').replace(/\$\$/g, '$'),
    );
  const kafka = Object.values(services).find((s) => asEnvMap(s.environment).KAFKA_PROCESS_ROLES);
  if (kafka) {
    if (String(asEnvMap(kafka.environment).KAFKA_AUTO_CREATE_TOPICS_ENABLE) !== 'false') {
      fail(where, 'Kafka must run with KAFKA_AUTO_CREATE_TOPICS_ENABLE=false');
    }
    const pinned = /^KAFKA_VERSION=(\S+)/m.exec(read(path.join(DEPLOY, 'local/versions.env')))?.[1];
    const image = /:\$\{KAFKA_VERSION:-([^}]+)\}$|:([^:$]+)$/.exec(kafka.image ?? '');
    const version = image?.[1] ?? image?.[2];
    if (pinned && version !== pinned) {
      fail(where, `Kafka image ${kafka.image}: deploy/local/versions.env pins ${pinned}`);
    }
  }
  passed.push(`docker-compose.yml: ${vigil.join(', ')}`);
}

// ---- Kubernetes -------------------------------------------------------------------------------

function checkKubernetes(docker) {
  const dir = path.join(DEPLOY, 'k8s');
  const kustomizationFile = path.join(dir, 'kustomization.yaml');
  const [kustomization] = parseYamlFile(kustomizationFile);
  if (!kustomization) return;
  const at = rel(kustomizationFile);
  const listed = kustomization.resources ?? [];
  const manifestFiles = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
  for (const f of listed)
    if (!fs.existsSync(path.join(dir, f))) fail(at, `resource ${f} does not exist`);
  for (const f of manifestFiles) {
    if (!listed.includes(f) && f !== 'secrets.example.yaml')
      fail(at, `${f} is not listed in resources`);
  }
  if (listed.includes('secrets.example.yaml')) {
    fail(
      at,
      'lists secrets.example.yaml: applying it would overwrite the real Secrets with placeholders',
    );
  }

  // ConfigMaps (generated and plain) and Secrets (templates): name -> keys / data.
  const configMaps = new Map();
  for (const gen of kustomization.configMapGenerator ?? []) {
    const data = {};
    for (const envFile of gen.envs ?? []) {
      const full = path.join(dir, envFile);
      if (!fs.existsSync(full))
        fail(at, `configMapGenerator ${gen.name}: ${envFile} does not exist`);
      else Object.assign(data, parseEnvFile(full));
    }
    for (const entry of gen.files ?? []) {
      const [key, source] = entry.includes('=') ? entry.split('=') : [path.basename(entry), entry];
      if (!fs.existsSync(path.join(dir, source)))
        fail(at, `configMapGenerator ${gen.name}: ${source} does not exist`);
      data[key] = source;
    }
    for (const literal of gen.literals ?? [])
      data[literal.split('=')[0]] = literal.split('=').slice(1).join('=');
    configMaps.set(gen.name, data);
  }
  const docs = [];
  for (const f of manifestFiles) {
    for (const doc of parseYamlFile(path.join(dir, f))) {
      if (typeof doc !== 'object' || !doc.kind)
        fail(`deploy/k8s/${f}`, 'a document without `kind`');
      else docs.push({ file: `deploy/k8s/${f}`, doc });
    }
  }
  const secrets = new Map();
  for (const { doc } of docs) {
    if (doc.kind === 'ConfigMap') configMaps.set(doc.metadata.name, doc.data ?? {});
    if (doc.kind === 'Secret')
      secrets.set(doc.metadata.name, { ...(doc.data ?? {}), ...(doc.stringData ?? {}) });
  }
  const of = (kind) =>
    docs.filter((d) => d.doc.kind === kind && !d.file.endsWith('secrets.example.yaml'));

  const policy = configMaps.get('vigil-risk-policy');
  if (policy) {
    const copy = path.join(dir, Object.values(policy)[0] ?? '');
    const original = path.join(ROOT, 'services/risk/policy/default.yaml');
    if (fs.existsSync(copy) && fs.existsSync(original) && read(copy) !== read(original)) {
      fail(
        rel(copy),
        `differs from ${rel(original)}: copy it again (cp ${rel(original)} ${rel(copy)})`,
      );
    }
  }

  const matches = (selector, labels) =>
    Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
  const seen = [];
  for (const { file, doc } of of('Deployment')) {
    const pod = doc.spec?.template?.spec ?? {};
    for (const container of pod.containers ?? []) {
      const service = SERVICES.find(
        (s) => container.name === s || new RegExp(`/${s}(:|@|$)`).test(container.image ?? ''),
      );
      if (!service) continue;
      seen.push(service);
      const where = `${file} ${doc.metadata.name}/${container.name}`;
      if (!docker?.stages.has(service)) fail(where, `no Dockerfile target ${service}`);
      const cmd = container.command ?? container.args;
      if (
        cmd &&
        JSON.stringify([...(container.command ?? []), ...(container.args ?? [])]) !==
          JSON.stringify(ENTRY(service))
      ) {
        fail(where, `command ${JSON.stringify(cmd)} is not ${JSON.stringify(ENTRY(service))}`);
      }
      // Environment: envFrom ConfigMaps/Secrets, then env.
      const env = {};
      const imageEnv = docker?.stages.has(service)
        ? docker.effectiveEnv(docker.stages.get(service))
        : {};
      for (const from of container.envFrom ?? []) {
        const ref = from.configMapRef?.name ?? from.secretRef?.name;
        const source = from.configMapRef ? configMaps.get(ref) : secrets.get(ref);
        if (!source)
          fail(
            where,
            `envFrom ${ref}: no such ${from.configMapRef ? 'ConfigMap' : 'Secret (template)'}`,
          );
        else {
          checkEnvNames(`${where} envFrom ${ref}`, service, Object.keys(source));
          Object.assign(env, source);
        }
      }
      for (const e of container.env ?? []) {
        checkEnvNames(`${where} env`, service, [e.name]);
        const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
        if (ref) {
          const store = e.valueFrom.secretKeyRef ? secrets : configMaps;
          if (!store.get(ref.name) || !(ref.key in store.get(ref.name))) {
            fail(
              where,
              `${e.name} refers to ${ref.name}/${ref.key}, not in ${e.valueFrom.secretKeyRef ? 'secrets.example.yaml' : 'a ConfigMap'}`,
            );
          }
          env[e.name] = env[e.name] ?? '<ref>';
        } else env[e.name] = String(e.value ?? '');
      }
      const effective = { ...imageEnv, ...env };
      if (effective.OPS_HOST !== '0.0.0.0')
        fail(where, 'OPS_HOST must be 0.0.0.0 (probes come from the kubelet)');
      const ports = effectivePorts(service, effective);
      const named = Object.fromEntries(
        (container.ports ?? []).map((p) => [p.name, p.containerPort]),
      );
      const portOf = (p) => (typeof p === 'string' ? named[p] : p);
      for (const [name, port] of Object.entries(ports)) {
        if (!Object.values(named).includes(port))
          fail(where, `no containerPort for ${name} ${port}`);
      }
      for (const p of container.ports ?? []) {
        if (!Object.values(ports).includes(p.containerPort))
          fail(where, `containerPort ${p.containerPort} is not a port of ${service}`);
      }
      for (const [probe, wanted, required] of [
        ['livenessProbe', '/healthz', true],
        ['readinessProbe', '/readyz', true],
        ['startupProbe', '/healthz', false],
      ]) {
        const get = container[probe]?.httpGet;
        if (!get) {
          if (required) fail(where, `no ${probe}`);
          continue;
        }
        if (get.path !== wanted) fail(where, `${probe} path ${get.path}, expected ${wanted}`);
        if (portOf(get.port) !== ports.OPS_PORT)
          fail(where, `${probe} port ${get.port} is not OPS_PORT ${ports.OPS_PORT}`);
      }
      const annotations = doc.spec.template.metadata?.annotations ?? {};
      if (
        annotations['prometheus.io/port'] &&
        Number(annotations['prometheus.io/port']) !== ports.OPS_PORT
      ) {
        fail(
          where,
          `prometheus.io/port ${annotations['prometheus.io/port']} is not OPS_PORT ${ports.OPS_PORT}`,
        );
      }
      // Graceful shutdown fits in the grace period.
      const shutdownMs = Number(
        effective.SHUTDOWN_TIMEOUT_MS ?? FACTS[service].defaults.SHUTDOWN_TIMEOUT_MS,
      );
      const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
      const sleepMs = preStop[0] === 'sleep' ? Number(preStop[1]) * 1000 : 0;
      const graceMs = Number(pod.terminationGracePeriodSeconds ?? 30) * 1000;
      if (!(graceMs > shutdownMs + sleepMs)) {
        fail(
          where,
          `terminationGracePeriodSeconds ${graceMs / 1000} s is not above preStop ${sleepMs / 1000} s + SHUTDOWN_TIMEOUT_MS ${shutdownMs} ms`,
        );
      }
      // Hardening and resources.
      const sc = { ...(pod.securityContext ?? {}), ...(container.securityContext ?? {}) };
      if (sc.runAsNonRoot !== true) fail(where, 'runAsNonRoot is not true');
      if (sc.readOnlyRootFilesystem !== true) fail(where, 'readOnlyRootFilesystem is not true');
      for (const kind of ['requests', 'limits']) {
        for (const r of ['cpu', 'memory']) {
          if (!container.resources?.[kind]?.[r]) fail(where, `no resources.${kind}.${r}`);
        }
      }
      // Files named by *_FILE settings are mounted, from a key that exists.
      for (const [name, value] of Object.entries(effective)) {
        if (!/_FILE$/.test(name) || !value || value === '<ref>') continue;
        const mount = (container.volumeMounts ?? []).find((m) =>
          value.startsWith(`${m.mountPath}/`),
        );
        if (!mount) {
          fail(where, `${name}=${value} is not under any volumeMount`);
          continue;
        }
        const volume = (pod.volumes ?? []).find((v) => v.name === mount.name);
        const key = value.slice(mount.mountPath.length + 1);
        const store = volume?.secret
          ? secrets.get(volume.secret.secretName)
          : volume?.configMap
            ? configMaps.get(volume.configMap.name)
            : undefined;
        if ((volume?.secret || volume?.configMap) && (!store || !(key in store))) {
          fail(
            where,
            `${name}=${value}: ${volume.secret ? `Secret ${volume.secret.secretName}` : `ConfigMap ${volume.configMap.name}`} has no key ${key}`,
          );
        }
      }
      // Services, PDB, HPA.
      const labels = doc.spec.template.metadata?.labels;
      const svcs = of('Service').filter((s) => matches(s.doc.spec?.selector, labels));
      if (svcs.length === 0) fail(where, 'no Service selects these pods');
      for (const { file: sf, doc: s } of svcs) {
        for (const p of s.spec.ports ?? []) {
          const target = portOf(p.targetPort ?? p.port);
          if (!Object.values(named).includes(target))
            fail(
              `${sf} Service ${s.metadata.name}`,
              `port ${p.name} targets ${p.targetPort}, not a container port`,
            );
        }
        const ann = s.metadata.annotations?.['prometheus.io/port'];
        if (ann && Number(ann) !== ports.OPS_PORT)
          fail(
            `${sf} Service ${s.metadata.name}`,
            `prometheus.io/port ${ann} is not OPS_PORT ${ports.OPS_PORT}`,
          );
      }
      if (
        !of('PodDisruptionBudget').some((p) => matches(p.doc.spec?.selector?.matchLabels, labels))
      ) {
        fail(where, 'no PodDisruptionBudget selects these pods');
      }
      const hpa = of('HorizontalPodAutoscaler').find(
        (h) => h.doc.spec?.scaleTargetRef?.name === doc.metadata.name,
      );
      if (!hpa) fail(where, 'no HorizontalPodAutoscaler');
      else {
        const { minReplicas = 1, maxReplicas } = hpa.doc.spec;
        if (service === 'sealer') {
          const topics = (effective.SEALER_TOPICS ?? FACTS.sealer.defaults.SEALER_TOPICS ?? '')
            .replace(/[[\]'"]/g, '')
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean);
          const partitions = topics.reduce((n, t) => n + (TOPICS[t] ?? 0), 0);
          if (maxReplicas > partitions) {
            fail(
              hpa.file,
              `sealer maxReplicas ${maxReplicas} exceeds the ${partitions} input partitions (${topics.join(' + ')}): extra replicas idle`,
            );
          }
        } else if (minReplicas < 2)
          fail(hpa.file, `${service} minReplicas ${minReplicas}: keep 2 for availability`);
      }
    }
  }
  for (const service of SERVICES)
    if (!seen.includes(service)) fail('deploy/k8s', `no Deployment runs ${service}`);
  const job = of('Job').find((j) => JSON.stringify(j.doc).includes('kafka-topics.sh'));
  if (!job) fail('deploy/k8s', 'no Job creates the Kafka topics');
  else {
    const c = job.doc.spec.template.spec.containers[0];
    checkTopicScript(
      `${job.file} ${job.doc.metadata.name}`,
      [...(c.command ?? []), ...(c.args ?? [])].join('\n'),
    );
    const pinned = /^KAFKA_VERSION=(\S+)/m.exec(read(path.join(DEPLOY, 'local/versions.env')))?.[1];
    if (pinned && !String(c.image).endsWith(`:${pinned}`)) {
      fail(job.file, `image ${c.image}: deploy/local/versions.env pins Kafka ${pinned}`);
    }
  }
  passed.push(`deploy/k8s: ${docs.length} documents, Deployments for ${seen.join(', ')}`);
}

// ---- Grafana and Prometheus -------------------------------------------------------------------

function checkDashboard(checkExpr, registered) {
  const file = path.join(DEPLOY, 'grafana/vigil-dashboard.json');
  let dashboard;
  try {
    dashboard = JSON.parse(read(file));
  } catch (err) {
    fail(rel(file), `not valid JSON: ${err.message}`);
    return;
  }
  const vars = new Set((dashboard.templating?.list ?? []).map((v) => v.name));
  const panels = [];
  const collect = (list) => {
    for (const p of list ?? []) {
      panels.push(p);
      collect(p.panels);
    }
  };
  collect(dashboard.panels);
  let queries = 0;
  const ids = new Set();
  const shown = new Set();
  for (const panel of panels) {
    const where = `${rel(file)} panel "${panel.title}"`;
    if (ids.has(panel.id)) fail(where, `duplicate panel id ${panel.id}`);
    ids.add(panel.id);
    for (const ds of [panel.datasource, ...(panel.targets ?? []).map((t) => t.datasource)]) {
      const ref = /^\$\{?(\w+)\}?$/.exec(ds?.uid ?? '');
      if (ref && !vars.has(ref[1])) fail(where, `datasource variable ${ref[1]} is not defined`);
    }
    for (const target of panel.targets ?? []) {
      if (!target.expr) continue;
      queries++;
      const expr = target.expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m');
      for (const name of checkExpr(where, expr)) shown.add(name);
    }
  }
  if (!dashboard.schemaVersion) fail(rel(file), 'no schemaVersion');
  // The other direction: every Vigil metric the code registers is on the dashboard.
  const vigil = [...registered.keys()].filter((name) => name.startsWith('vigil_')).sort();
  for (const name of vigil) {
    if (shown.has(name) || DASHBOARD_EXEMPT.has(name)) continue;
    fail(
      rel(file),
      `metric ${name} (${registered.get(name).where}) is in no panel: add one, or list it in DASHBOARD_EXEMPT in deploy/check.cjs with the reason`,
    );
  }
  for (const name of DASHBOARD_EXEMPT.keys()) {
    if (!registered.has(name))
      fail(
        'deploy/check.cjs',
        `DASHBOARD_EXEMPT lists ${name}, which the code no longer registers`,
      );
    else if (shown.has(name))
      fail('deploy/check.cjs', `DASHBOARD_EXEMPT lists ${name}, which a panel shows: remove it`);
  }
  const onDashboard = vigil.filter((name) => shown.has(name)).length;
  const exempt = vigil.filter((name) => DASHBOARD_EXEMPT.has(name) && !shown.has(name)).length;
  passed.push(
    `Grafana dashboard: ${panels.length} panels, ${queries} queries, ${onDashboard} of ${vigil.length} Vigil metrics shown${exempt ? `, ${exempt} exempt` : ''}`,
  );
}

function checkPrometheus(checkExpr) {
  const file = path.join(DEPLOY, 'prometheus/alerts.yml');
  const [rules] = parseYamlFile(file);
  if (!rules) return;
  let count = 0;
  for (const group of rules.groups ?? []) {
    for (const rule of group.rules ?? []) {
      const where = `${rel(file)} ${rule.alert ?? rule.record}`;
      count++;
      if (!rule.expr) fail(where, 'no expr');
      else checkExpr(where, String(rule.expr));
      if (rule.alert) {
        if (!rule.labels?.severity) fail(where, 'no severity label');
        if (!rule.annotations?.summary || !rule.annotations?.description)
          fail(where, 'needs summary and description');
      }
    }
  }
  const testFile = path.join(DEPLOY, 'prometheus/alerts.test.yml');
  if (fs.existsSync(testFile)) {
    const [tests] = parseYamlFile(testFile);
    for (const test of tests?.tests ?? []) {
      for (const s of test.input_series ?? [])
        checkExpr(`${rel(testFile)} "${test.name}"`, s.series);
    }
  }
  const configFile = path.join(DEPLOY, 'prometheus/prometheus.yml');
  if (fs.existsSync(configFile)) {
    const [config] = parseYamlFile(configFile);
    for (const f of config?.rule_files ?? []) {
      if (!fs.existsSync(path.join(path.dirname(configFile), f)))
        fail(rel(configFile), `rule file ${f} does not exist`);
    }
    const jobs = (config?.scrape_configs ?? []).map((j) => j.job_name);
    for (const service of SERVICES) {
      if (!jobs.includes(`vigil-${service}`))
        fail(rel(configFile), `no scrape job vigil-${service} (alerts.yml expects it)`);
    }
  }
  passed.push(`Prometheus: ${count} rules`);
}

// ---- Kafka ACLs -------------------------------------------------------------------------------

/** The kafka-acls commands shown in deploy/README.md are those of deploy/kafka/acls.txt. */
function checkKafkaAcls() {
  const readme = path.join(DEPLOY, 'README.md');
  const block =
    /<!-- kafka-acls:begin[^>]*-->\s*```sh\n([\s\S]*?)```\s*<!-- kafka-acls:end -->/.exec(
      read(readme),
    );
  if (!block) {
    fail(rel(readme), 'no kafka-acls:begin/end block with the ACL commands');
    return;
  }
  // The parser and printer are the runtime's (built by `pnpm build`, which runs first in verify).
  const dist = path.join(ROOT, 'packages/runtime/dist/kafka-acls.js');
  if (!fs.existsSync(dist)) {
    fail(rel(dist), 'missing: build first (pnpm run build) to check the ACL commands');
    return;
  }
  const { kafkaAclsCommands, loadAcls } = require(dist);
  let grants;
  try {
    grants = loadAcls(path.join(DEPLOY, 'kafka/acls.txt'));
  } catch (err) {
    fail('deploy/kafka/acls.txt', err.message);
    return;
  }
  const expected = kafkaAclsCommands(grants).join('\n');
  if (block[1].trim() !== expected) {
    fail(
      rel(readme),
      'the kafka-acls commands differ from deploy/kafka/acls.txt; print them with node packages/runtime/dist/bin/kafka-acls.js',
    );
    return;
  }
  passed.push(
    `kafka ACLs: ${grants.length} grants in deploy/kafka/acls.txt, as deploy/README.md shows`,
  );
}

// ---- Main -------------------------------------------------------------------------------------

async function main() {
  const docker = checkDockerfile();
  checkCompose(docker);
  checkKubernetes(docker);
  checkKafkaAcls();
  const { metrics, defaultLabels } = registeredMetrics();
  const defaults = await defaultMetrics();
  if (defaults.size === 0) fail('check', 'prom-client not found: cannot list its default metrics');
  const checkExpr = makeMetricChecker(metrics, defaults, defaultLabels);
  checkDashboard(checkExpr, metrics);
  checkPrometheus(checkExpr);
  passed.push(
    `code: ${metrics.size} Vigil metrics, env of ${SERVICES.map((s) => `${s} (${FACTS[s].names.size})`).join(', ')}`,
  );

  for (const line of passed) process.stdout.write(`ok   ${line}\n`);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`FAIL ${e}\n`);
    process.stderr.write(`\ndeploy check: ${errors.length} problem(s)\n`);
    process.exit(1);
  }
  process.stdout.write('deploy check: everything consistent\n');
}

main().catch((err) => {
  process.stderr.write(`check: ${err.stack ?? err}\n`);
  process.exit(2);
});
