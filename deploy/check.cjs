#!/usr/bin/env node
// Checks that the deployment files in deploy/ agree with the code they deploy:
//
//   node deploy/check.cjs        (after `pnpm run build`: it loads the built services)
//
// What a service accepts comes from its build, not from reading its source: its settings are the
// zod schemas services/<svc>/dist/config.js exports (ingestEnv, sealerEnv, riskEnv, which spread
// the shared commonEnv), and its metrics are what its metric factories create on a fresh
// registry from @vigil/runtime's createMetricsRegistry(). The list of checks is in
// deploy/README.md ("node deploy/check.cjs"); deploy/test/check.test.ts breaks copies of deploy/
// on purpose to show they fire.
//
// Exits 1 listing every mismatch, 2 when it cannot run (e.g. nothing built yet).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const SERVICES = ['ingest', 'sealer', 'risk'];
/** Variables that Node.js itself reads; not settings of any service. */
const NODE_ENV_VARS = new Set(['NODE_ENV', 'NODE_OPTIONS']);
/** Stands for a value that comes from a Secret or ConfigMap key (not known here). */
const REF = '<ref>';
/** Metrics that come from Prometheus or kube-state-metrics, not from Vigil. */
const EXTERNAL_METRIC = /^(up|ALERTS|ALERTS_FOR_STATE|kube_[a-z0-9_]+)$/;
/** Labels Prometheus adds to every scraped series (target labels). */
const TARGET_LABELS = ['instance', 'job', 'namespace', 'pod', 'container', 'node'];
// Vigil metrics that no dashboard panel needs to show: name -> why. Every other vigil_* metric
// must appear in a dashboard query, so a new metric gets a panel (or a reason here) instead of
// going unseen. Empty: all are shown.
const DASHBOARD_EXEMPT = new Map([
  // ['vigil_example_total', 'why no panel shows it'],
]);

/**
 * Where each service's settings and metrics are: `load(name)` requires services/<svc>/dist/<name>.
 * A metric created anywhere else would escape the dashboard check, so the check also fails on a
 * vigil_* metric name in the build that these factories do not create.
 */
const SERVICE_CODE = {
  ingest: {
    env: (load) => load('config').ingestEnv,
    metrics: (load, registry, runtime) => {
      load('metrics').createIngestMetrics(registry);
      load('k8s-audit-http').createK8sAuditMetrics(registry);
      // Undecodable or conflicting gRPC requests, refused by the runtime's server.
      runtime.createGrpcRefusalMetrics(registry);
    },
  },
  sealer: {
    env: (load) => load('config').sealerEnv,
    metrics: (load, registry) => load('metrics').createSealerMetrics(registry),
  },
  risk: {
    env: (load) => load('config').riskEnv,
    metrics: (load, registry, runtime) => {
      const { RiskMetrics, createRiskStatusMetrics } = load('metrics');
      new RiskMetrics(registry);
      createRiskStatusMetrics(registry, { redisReady: () => false, policyVersion: 'check' });
      runtime.createGrpcRefusalMetrics(registry);
    },
  },
};

// One run's state, set by runChecks().
let root, deploy, code, topics, errors, passed;
const rel = (file) => path.relative(root, file);
const fail = (where, message) => errors.push(`${where}: ${message}`);
const read = (file) => fs.readFileSync(file, 'utf8');
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const entry = (service) => ['node', `services/${service}/dist/main.js`];

function parseYamlFile(file) {
  try {
    const out = [];
    for (const doc of YAML.parseAllDocuments(read(file), { merge: true })) {
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

/** KEY=value lines (Compose env_file, kustomize envs). */
function parseEnvFile(file) {
  const out = {};
  for (const line of read(file).split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].trim();
  }
  return out;
}

// ---- What the built code declares -------------------------------------------------------------

class NotBuilt extends Error {}

/** `load(dir, name)` requires `<rootDir>/<dir>/dist/<name>.js` (dir: e.g. services/ingest). */
function builtLoader(rootDir) {
  return (dir, name) => {
    const file = path.join(rootDir, dir, 'dist', `${name}.js`);
    if (!fs.existsSync(file)) {
      throw new NotBuilt(`${path.relative(rootDir, file)} does not exist: run pnpm run build`);
    }
    return require(file);
  };
}

/** Each service's settings (name -> zod schema), and every metric: name -> {type, labels}. */
async function loadCode(load) {
  const runtime = load('packages/runtime', 'index');
  const { createMetricsRegistry } = runtime;
  const env = {};
  const metrics = new Map();
  const defaultLabels = new Set();
  for (const service of SERVICES) {
    const own = (name) => load(`services/${service}`, name);
    env[service] = SERVICE_CODE[service].env(own);
    const registry = createMetricsRegistry(service);
    const builtIn = new Set(registry.getMetricsAsArray().map((m) => m.name));
    SERVICE_CODE[service].metrics(own, registry, runtime);
    for (const { name, type, values } of await registry.getMetricsAsJSON()) {
      const { labelNames = [] } = registry.getSingleMetric(name);
      // Labels on a series that its metric does not declare are the registry's default labels.
      for (const label of values.flatMap((v) => Object.keys(v.labels))) {
        if (!labelNames.includes(label) && label !== 'le') defaultLabels.add(label);
      }
      const where = builtIn.has(name) ? 'prom-client default metrics' : `services/${service}`;
      metrics.set(name, { type, labels: new Set(labelNames), where });
    }
  }
  return { env, metrics, defaultLabels };
}

/** vigil_* metrics constructed in the build (`name: 'vigil_...'`) that loadCode did not see. */
function checkMetricsCovered() {
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      if (!e.name.endsWith('.js')) continue;
      for (const [, name] of read(full).matchAll(/\bname:\s*['"`](vigil_[a-z0-9_]+)['"`]/g)) {
        if (code.metrics.has(name)) continue;
        fail(
          rel(full),
          `creates ${name}, which no factory in SERVICE_CODE (deploy/check.cjs) does`,
        );
      }
    }
  };
  for (const parent of ['services', 'packages']) {
    for (const dir of fs.readdirSync(path.join(root, parent)))
      walk(path.join(root, parent, dir, 'dist'));
  }
}

/** The value a service uses for a setting under `env` (its default when unset). */
function settingValue(service, name, env) {
  const type = code.env[service][name];
  if (!type || env[name] === REF) return undefined;
  const parsed = type.safeParse(env[name] === '' ? undefined : env[name]);
  return parsed.success ? parsed.data : undefined;
}

/** Every variable is a setting of the service, and every literal value one it accepts. */
function checkEnv(where, service, env) {
  for (const [name, value] of Object.entries(env)) {
    if (NODE_ENV_VARS.has(name)) continue;
    const type = code.env[service][name];
    if (!type) {
      fail(where, `${name} is not a setting of ${service} (services/${service}/src/config.ts)`);
    } else if (value !== REF && value !== '' && !value.includes('${')) {
      const parsed = type.safeParse(value);
      if (!parsed.success)
        fail(where, `${name}=${value}: expected ${parsed.error.issues[0].message}`);
    }
  }
}

/**
 * The listeners under `env`: the ports a place opens are exactly OPS_PORT and the gRPC/HTTP ports,
 * and each listens on 0.0.0.0 (the code defaults to 127.0.0.1). Returns name -> port.
 */
function checkListeners(where, service, env, opened, what) {
  const ports = {};
  for (const name of Object.keys(code.env[service])) {
    if (name !== 'OPS_PORT' && !/_(GRPC|HTTP)_PORT$/.test(name)) continue;
    ports[name] = settingValue(service, name, env);
    const host = name.replace(/_PORT$/, '_HOST');
    if (settingValue(service, host, env) !== '0.0.0.0') {
      fail(where, `${host} must be 0.0.0.0 in a container (probes and clients come from outside)`);
    }
    if (!opened.includes(ports[name])) fail(where, `no ${what} for ${name} ${ports[name]}`);
  }
  for (const port of opened) {
    if (!Object.values(ports).includes(port))
      fail(where, `${what} ${port} is not a port of ${service}`);
  }
  return ports;
}

// ---- Topics -----------------------------------------------------------------------------------

/** Partition counts that deploy/local/topics.cjs creates by default. */
function topicDefaults() {
  const file = path.join(deploy, 'local/topics.cjs');
  const out = {};
  const re = /topic:\s*'([^']+)',\s*numPartitions:\s*intEnv\('[A-Z_]+',\s*(\d+)/g;
  for (const m of read(file).matchAll(re)) out[m[1]] = Number(m[2]);
  if (Object.keys(out).length === 0) fail(rel(file), 'no topic defaults found');
  return out;
}

function checkTopicScript(where, script) {
  const created = {};
  for (const m of script.matchAll(/^\s*create\s+([A-Za-z0-9._-]+)\s+(\d+)\s*$/gm)) {
    created[m[1]] = Number(m[2]);
  }
  for (const [topic, partitions] of Object.entries(topics)) {
    if (created[topic] === undefined) fail(where, `does not create topic ${topic}`);
    else if (created[topic] !== partitions) {
      fail(where, `${topic}: ${created[topic]} partitions, deploy/local/topics.cjs: ${partitions}`);
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

const pinnedKafka = () =>
  /^KAFKA_VERSION=(\S+)/m.exec(read(path.join(deploy, 'local/versions.env')))?.[1];

// ---- Dockerfile -------------------------------------------------------------------------------

function parseDockerfile(file) {
  const stages = new Map();
  let stage;
  const lines = read(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i];
    const heredoc = /<<-?'?([A-Z]+)'?/.exec(line);
    if (heredoc) while (i + 1 < lines.length && lines[++i].trim() !== heredoc[1]);
    const [, instruction, rest] = /^\s*([A-Z]+)\s+(.*)$/.exec(line) ?? [];
    if (instruction === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest);
      stage = { from, env: {}, args: {}, expose: [], entrypoint: undefined, healthcheck: '' };
      if (name) stages.set(name, stage);
    } else if (!stage) {
      continue;
    } else if (instruction === 'ARG') {
      const [k, v] = rest.split('=');
      stage.args[k.trim()] = v?.trim();
    } else if (instruction === 'ENV') {
      for (const [, k, v] of rest.matchAll(/(\w+)=(\S*)/g)) stage.env[k] = v;
    } else if (instruction === 'EXPOSE') {
      stage.expose.push(
        ...rest
          .trim()
          .split(/\s+/)
          .map((p) => Number(p.split('/')[0])),
      );
    } else if (instruction === 'ENTRYPOINT') {
      try {
        stage.entrypoint = JSON.parse(rest);
      } catch {
        stage.entrypoint = ['/bin/sh', '-c', rest.trim()];
      }
    } else if (instruction === 'HEALTHCHECK') {
      stage.healthcheck = rest;
    }
  }
  /** ENV including what a stage inherits from the stages it is built FROM. */
  const envOf = (s) => (s ? { ...envOf(stages.get(s.from)), ...s.env } : {});
  return { stages, envOf: (service) => envOf(stages.get(service)) };
}

function checkDockerfile() {
  const file = path.join(deploy, 'docker/Dockerfile');
  if (!fs.existsSync(file)) {
    fail(rel(file), 'missing');
    return { stages: new Map(), envOf: () => ({}) };
  }
  const docker = parseDockerfile(file);
  for (const service of SERVICES) {
    const stage = docker.stages.get(service);
    const at = `${rel(file)} [${service}]`;
    if (!stage) {
      fail(rel(file), `no \`FROM ... AS ${service}\` target`);
      continue;
    }
    const env = docker.envOf(service);
    checkEnv(`${at} ENV`, service, env);
    if (!same(stage.entrypoint, entry(service))) {
      fail(
        at,
        `ENTRYPOINT is ${JSON.stringify(stage.entrypoint)}, expected ${JSON.stringify(entry(service))}`,
      );
    }
    const { OPS_PORT } = checkListeners(at, service, env, stage.expose, 'EXPOSE');
    if (!stage.healthcheck.includes('/healthz')) fail(at, 'HEALTHCHECK does not hit /healthz');
    if (!stage.healthcheck.includes(`OPS_PORT||${OPS_PORT})`)) {
      fail(at, `HEALTHCHECK does not fall back to OPS_PORT ${OPS_PORT}`);
    }
  }
  const pinned = JSON.parse(read(path.join(root, 'package.json'))).packageManager?.split('@')[1];
  const build = [...docker.stages.values()].find((s) => s.args.PNPM_VERSION !== undefined);
  if (build && pinned && build.args.PNPM_VERSION !== pinned) {
    fail(rel(file), `PNPM_VERSION ${build.args.PNPM_VERSION} but package.json pins pnpm ${pinned}`);
  }
  const ignore = path.join(deploy, 'docker/Dockerfile.dockerignore');
  if (!fs.existsSync(ignore)) {
    fail(rel(ignore), 'missing (the build context would include node_modules and secrets)');
  } else {
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

function asEnvMap(env) {
  const entries = Array.isArray(env)
    ? env.map((e) => [String(e).split('=')[0], String(e).split('=').slice(1).join('=')])
    : Object.entries(env ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]);
  return Object.fromEntries(entries);
}

function checkCompose(docker) {
  const file = path.join(deploy, 'docker-compose.yml');
  const where = rel(file);
  const [compose] = parseYamlFile(file);
  if (!compose) return;
  const services = compose.services ?? {};
  const secretsDir = path.join(deploy, 'secrets') + path.sep;
  const generate = path.join(deploy, 'secrets/generate.sh');
  const readers = new Set(SERVICES.flatMap((s) => Object.keys(code.env[s])));
  for (const [, name] of fs.existsSync(generate)
    ? read(generate).matchAll(/printf '([A-Z][A-Z0-9_]*)=/g)
    : []) {
    if (!readers.has(name)) fail(rel(generate), `writes ${name}, which no service reads`);
  }
  const vigil = [];
  for (const [name, svc] of Object.entries(services)) {
    const at = `${where} services.${name}`;
    const dependsOn = Array.isArray(svc.depends_on)
      ? Object.fromEntries(svc.depends_on.map((d) => [d, {}]))
      : (svc.depends_on ?? {});
    for (const [dep, { condition }] of Object.entries(dependsOn)) {
      if (!services[dep]) fail(at, `depends_on ${dep}, which is not a service`);
      else if (condition === 'service_healthy' && !services[dep].healthcheck) {
        fail(at, `waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      }
    }
    const target = svc.build?.target;
    const service = SERVICES.find((s) => s === target || s === name);
    if (!service || !svc.build) continue;
    vigil.push(service);
    const { context = '.', dockerfile = 'Dockerfile' } = svc.build;
    if (!fs.existsSync(path.resolve(deploy, context, dockerfile))) {
      fail(at, `build.dockerfile ${dockerfile} does not exist`);
    }
    if (!docker.stages.has(target)) fail(at, `build.target ${target} is not a Dockerfile stage`);
    if (target !== service) fail(at, `builds target ${target} for service ${service}`);
    for (const key of ['entrypoint', 'command']) {
      const cmd = Array.isArray(svc[key]) ? svc[key].map(String) : svc[key]?.trim().split(/\s+/);
      if (cmd && !same(cmd, entry(service))) {
        fail(at, `${key} ${JSON.stringify(cmd)} is not ${JSON.stringify(entry(service))}`);
      }
    }
    const env = asEnvMap(svc.environment);
    checkEnv(`${at}.environment`, service, env);
    for (const envFile of [].concat(svc.env_file ?? []).map((f) => f.path ?? f)) {
      const full = path.resolve(deploy, envFile);
      if (fs.existsSync(full)) {
        const vars = parseEnvFile(full);
        checkEnv(`${at}.env_file ${envFile}`, service, vars);
        Object.assign(env, vars);
      } else if (!full.startsWith(secretsDir)) {
        fail(at, `env_file ${envFile} does not exist`);
      }
    }
    const effective = { ...docker.envOf(service), ...env };
    const published = (svc.ports ?? []).map((p) =>
      Number(
        String(p.target ?? p)
          .split(':')
          .pop()
          .split('/')[0],
      ),
    );
    const { OPS_PORT } = checkListeners(at, service, effective, published, 'published port');
    // /readyz, not /healthz: Compose never restarts an unhealthy container (only one that
    // exits), so health here only gates depends_on service_healthy, `up --wait` and `ps`, which
    // mean "ready to serve". The image's HEALTHCHECK stays on /healthz (liveness).
    const test = [].concat(svc.healthcheck?.test ?? []).join(' ');
    const url = /https?:\/\/[^/'"\s]+:(\d+)(\/[a-z]*)/.exec(test);
    if (!url) fail(at, 'healthcheck does not request http://<host>:<OPS_PORT>/readyz');
    else {
      if (url[2] !== '/readyz') fail(at, `healthcheck requests ${url[2]}, expected /readyz`);
      if (Number(url[1]) !== OPS_PORT)
        fail(at, `healthcheck port ${url[1]} is not OPS_PORT ${OPS_PORT}`);
    }
    // Files named by *_FILE settings are a mounted secret or volume.
    const secrets = (svc.secrets ?? []).map((s) => (typeof s === 'string' ? { source: s } : s));
    for (const { source } of secrets) {
      if (!compose.secrets?.[source])
        fail(at, `secret ${source} is not defined under top-level secrets`);
    }
    const volumes = (svc.volumes ?? []).map((v) =>
      typeof v === 'object' ? v : { source: v.split(':')[0], target: v.split(':')[1] },
    );
    const mounted = [
      ...secrets.map((s) => `/run/secrets/${s.target ?? s.source}`),
      ...volumes.map((v) => v.target),
    ];
    for (const [name, value] of Object.entries(effective)) {
      if (/_FILE$/.test(name) && value && !mounted.includes(value)) {
        fail(at, `${name}=${value} is neither a mounted secret nor a volume`);
      }
    }
    for (const { source } of volumes) {
      if (/^\.\.?\//.test(source) && !fs.existsSync(path.resolve(deploy, source))) {
        fail(at, `volume source ${source} does not exist`);
      }
    }
  }
  for (const service of SERVICES)
    if (!vigil.includes(service)) fail(where, `no service builds ${service}`);
  for (const [name, secret] of Object.entries(compose.secrets ?? {})) {
    if (secret.file && !path.resolve(deploy, secret.file).startsWith(secretsDir)) {
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
    if (asEnvMap(kafka.environment).KAFKA_AUTO_CREATE_TOPICS_ENABLE !== 'false') {
      fail(where, 'Kafka must run with KAFKA_AUTO_CREATE_TOPICS_ENABLE=false');
    }
    const [, v1, v2] = /:\$\{KAFKA_VERSION:-([^}]+)\}$|:([^:$]+)$/.exec(kafka.image ?? '') ?? [];
    if (pinnedKafka() && (v1 ?? v2) !== pinnedKafka()) {
      fail(where, `Kafka image ${kafka.image}: deploy/local/versions.env pins ${pinnedKafka()}`);
    }
  }
  passed.push(`docker-compose.yml: ${vigil.join(', ')}`);
}

// ---- Kubernetes -------------------------------------------------------------------------------

/** The kustomization's documents, and its ConfigMaps and Secret templates (name -> data). */
function kubernetesObjects(dir) {
  const kustomizationFile = path.join(dir, 'kustomization.yaml');
  const at = rel(kustomizationFile);
  const [kustomization] = parseYamlFile(kustomizationFile);
  if (!kustomization) return undefined;
  const listed = kustomization.resources ?? [];
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
  for (const f of listed)
    if (!fs.existsSync(path.join(dir, f))) fail(at, `resource ${f} does not exist`);
  for (const f of files) {
    if (!listed.includes(f) && f !== 'secrets.example.yaml')
      fail(at, `${f} is not listed in resources`);
  }
  if (listed.includes('secrets.example.yaml')) {
    fail(
      at,
      'lists secrets.example.yaml: applying it would overwrite the real Secrets with placeholders',
    );
  }
  const configMaps = new Map();
  for (const gen of kustomization.configMapGenerator ?? []) {
    const data = {};
    for (const envFile of gen.envs ?? []) {
      const full = path.join(dir, envFile);
      if (!fs.existsSync(full))
        fail(at, `configMapGenerator ${gen.name}: ${envFile} does not exist`);
      else Object.assign(data, parseEnvFile(full));
    }
    for (const file of gen.files ?? []) {
      const [key, source] = file.includes('=') ? file.split('=') : [path.basename(file), file];
      if (!fs.existsSync(path.join(dir, source)))
        fail(at, `configMapGenerator ${gen.name}: ${source} does not exist`);
      data[key] = source;
    }
    for (const literal of gen.literals ?? []) {
      data[literal.split('=')[0]] = literal.split('=').slice(1).join('=');
    }
    configMaps.set(gen.name, data);
  }
  const docs = [];
  for (const f of files) {
    for (const doc of parseYamlFile(path.join(dir, f))) {
      if (typeof doc !== 'object' || !doc.kind)
        fail(`deploy/k8s/${f}`, 'a document without `kind`');
      else docs.push({ file: `deploy/k8s/${f}`, doc });
    }
  }
  const secrets = new Map();
  for (const { doc } of docs) {
    if (doc.kind === 'ConfigMap') configMaps.set(doc.metadata.name, doc.data ?? {});
    if (doc.kind === 'Secret') secrets.set(doc.metadata.name, { ...doc.data, ...doc.stringData });
  }
  return { docs, configMaps, secrets };
}

function checkKubernetes(docker) {
  const dir = path.join(deploy, 'k8s');
  const objects = kubernetesObjects(dir);
  if (!objects) return;
  const { docs, configMaps, secrets } = objects;
  const of = (kind) =>
    docs.filter((d) => d.doc.kind === kind && !d.file.endsWith('secrets.example.yaml'));

  const policy = configMaps.get('vigil-risk-policy');
  if (policy) {
    const copy = path.join(dir, Object.values(policy)[0] ?? '');
    const original = path.join(root, 'services/risk/policy/default.yaml');
    if (fs.existsSync(copy) && fs.existsSync(original) && read(copy) !== read(original)) {
      fail(
        rel(copy),
        `differs from ${rel(original)}: copy it again (cp ${rel(original)} ${rel(copy)})`,
      );
    }
  }

  const k8s = { of, configMaps, secrets };
  const seen = [];
  for (const { file, doc } of of('Deployment')) {
    for (const container of doc.spec?.template?.spec?.containers ?? []) {
      const service = SERVICES.find(
        (s) => container.name === s || new RegExp(`/${s}(:|@|$)`).test(container.image ?? ''),
      );
      if (!service) continue;
      seen.push(service);
      checkContainer(k8s, docker, { file, doc, container, service });
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
    if (pinnedKafka() && !String(c.image).endsWith(`:${pinnedKafka()}`)) {
      fail(job.file, `image ${c.image}: deploy/local/versions.env pins Kafka ${pinnedKafka()}`);
    }
  }
  passed.push(`deploy/k8s: ${docs.length} documents, Deployments for ${seen.join(', ')}`);
}

/** One service's container in a Deployment, and the Service, PDB and HPA that go with it. */
function checkContainer({ of, configMaps, secrets }, docker, { file, doc, container, service }) {
  const where = `${file} ${doc.metadata.name}/${container.name}`;
  const pod = doc.spec.template.spec;
  const matches = (selector, labels) =>
    Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
  if (!docker.stages.has(service)) fail(where, `no Dockerfile target ${service}`);
  const cmd = [...(container.command ?? []), ...(container.args ?? [])];
  if (cmd.length > 0 && !same(cmd, entry(service))) {
    fail(where, `command ${JSON.stringify(cmd)} is not ${JSON.stringify(entry(service))}`);
  }

  // Environment: the image's, then envFrom ConfigMaps/Secrets, then env.
  const env = docker.envOf(service);
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef?.name ?? from.secretRef?.name;
    const source = from.configMapRef ? configMaps.get(ref) : secrets.get(ref);
    if (!source) {
      fail(
        where,
        `envFrom ${ref}: no such ${from.configMapRef ? 'ConfigMap' : 'Secret (template)'}`,
      );
      continue;
    }
    // A Secret template's values are placeholders: only its keys count.
    const vars = from.secretRef
      ? Object.fromEntries(Object.keys(source).map((k) => [k, REF]))
      : source;
    checkEnv(`${where} envFrom ${ref}`, service, vars);
    Object.assign(env, vars);
  }
  const own = {};
  for (const e of container.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
    own[e.name] = ref ? REF : String(e.value ?? '');
    const [store, place] = e.valueFrom?.secretKeyRef
      ? [secrets, 'secrets.example.yaml']
      : [configMaps, 'a ConfigMap'];
    if (ref && !(ref.key in (store.get(ref.name) ?? {}))) {
      fail(where, `${e.name} refers to ${ref.name}/${ref.key}, not in ${place}`);
    }
  }
  checkEnv(`${where} env`, service, own);
  Object.assign(env, own);

  // Ports and probes.
  const named = Object.fromEntries((container.ports ?? []).map((p) => [p.name, p.containerPort]));
  const portOf = (p) => (typeof p === 'string' ? named[p] : p);
  const ports = checkListeners(where, service, env, Object.values(named), 'containerPort');
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
    if (portOf(get.port) !== ports.OPS_PORT) {
      fail(where, `${probe} port ${get.port} is not OPS_PORT ${ports.OPS_PORT}`);
    }
  }
  const scrapePort = doc.spec.template.metadata?.annotations?.['prometheus.io/port'];
  if (scrapePort && Number(scrapePort) !== ports.OPS_PORT) {
    fail(where, `prometheus.io/port ${scrapePort} is not OPS_PORT ${ports.OPS_PORT}`);
  }

  // Graceful shutdown fits in the grace period.
  const shutdownMs = settingValue(service, 'SHUTDOWN_TIMEOUT_MS', env);
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
  const sc = { ...pod.securityContext, ...container.securityContext };
  if (sc.runAsNonRoot !== true) fail(where, 'runAsNonRoot is not true');
  if (sc.readOnlyRootFilesystem !== true) fail(where, 'readOnlyRootFilesystem is not true');
  for (const kind of ['requests', 'limits']) {
    for (const r of ['cpu', 'memory']) {
      if (!container.resources?.[kind]?.[r]) fail(where, `no resources.${kind}.${r}`);
    }
  }

  // Files named by *_FILE settings are mounted, from a Secret/ConfigMap key that exists.
  for (const [name, value] of Object.entries(env)) {
    if (!/_FILE$/.test(name) || !value || value === REF) continue;
    const mount = (container.volumeMounts ?? []).find((m) => value.startsWith(`${m.mountPath}/`));
    if (!mount) {
      fail(where, `${name}=${value} is not under any volumeMount`);
      continue;
    }
    const volume = (pod.volumes ?? []).find((v) => v.name === mount.name) ?? {};
    const key = value.slice(mount.mountPath.length + 1);
    const [kind, source, store] = volume.secret
      ? ['Secret', volume.secret.secretName, secrets]
      : ['ConfigMap', volume.configMap?.name, configMaps];
    if ((volume.secret || volume.configMap) && !(key in (store.get(source) ?? {}))) {
      fail(where, `${name}=${value}: ${kind} ${source} has no key ${key}`);
    }
  }

  // Services, PDB, HPA.
  const labels = doc.spec.template.metadata?.labels;
  const svcs = of('Service').filter((s) => matches(s.doc.spec?.selector, labels));
  if (svcs.length === 0) fail(where, 'no Service selects these pods');
  for (const { file: sf, doc: s } of svcs) {
    const at = `${sf} Service ${s.metadata.name}`;
    for (const p of s.spec.ports ?? []) {
      if (!Object.values(named).includes(portOf(p.targetPort ?? p.port))) {
        fail(at, `port ${p.name} targets ${p.targetPort}, not a container port`);
      }
    }
    const ann = s.metadata.annotations?.['prometheus.io/port'];
    if (ann && Number(ann) !== ports.OPS_PORT) {
      fail(at, `prometheus.io/port ${ann} is not OPS_PORT ${ports.OPS_PORT}`);
    }
  }
  if (!of('PodDisruptionBudget').some((p) => matches(p.doc.spec?.selector?.matchLabels, labels))) {
    fail(where, 'no PodDisruptionBudget selects these pods');
  }
  const hpa = of('HorizontalPodAutoscaler').find(
    (h) => h.doc.spec?.scaleTargetRef?.name === doc.metadata.name,
  );
  const { minReplicas = 1, maxReplicas } = hpa?.doc.spec ?? {};
  if (!hpa) fail(where, 'no HorizontalPodAutoscaler');
  else if (service === 'sealer') {
    const inputs = settingValue('sealer', 'SEALER_TOPICS', env) ?? [];
    const partitions = inputs.reduce((n, t) => n + (topics[t] ?? 0), 0);
    if (maxReplicas > partitions) {
      fail(
        hpa.file,
        `sealer maxReplicas ${maxReplicas} exceeds the ${partitions} input partitions (${inputs.join(' + ')}): extra replicas idle`,
      );
    }
  } else if (minReplicas < 2) {
    fail(hpa.file, `${service} minReplicas ${minReplicas}: keep 2 for availability`);
  }
}

// ---- Grafana and Prometheus -------------------------------------------------------------------

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
    (...m) => {
      for (const [label] of m[2].matchAll(/[a-zA-Z_][a-zA-Z0-9_]*/g)) labels.add(label);
      return ' ';
    },
  );
  const metrics = new Set();
  for (const m of text.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    if (!m[2] && !PROMQL_WORDS.has(m[1])) metrics.add(m[1]);
  }
  return { metrics, labels };
}

/** The metric a series belongs to: itself, or a histogram's (summary's) _bucket/_sum/_count. */
function lookupSeries(series) {
  for (const [suffix, types] of [
    ['_bucket', ['histogram']],
    ['_sum', ['histogram', 'summary']],
    ['_count', ['histogram', 'summary']],
  ]) {
    const base = series.slice(0, -suffix.length);
    const hit = series.endsWith(suffix) && code.metrics.get(base);
    if (hit && types.includes(hit.type)) {
      const labels = suffix === '_bucket' ? [...hit.labels, 'le'] : hit.labels;
      return { ...hit, name: base, labels: new Set(labels) };
    }
  }
  const hit = code.metrics.get(series);
  return hit && { ...hit, name: series };
}

/** Checks the metrics and labels of a query; returns the names of the metrics it reads. */
function checkExpr(where, expr) {
  const { metrics, labels } = promqlRefs(expr);
  const used = new Set();
  const known = new Set(['__name__', ...code.defaultLabels, ...TARGET_LABELS]);
  let skipLabels = false;
  for (const name of metrics) {
    if (EXTERNAL_METRIC.test(name)) {
      skipLabels = true; // kube-state-metrics or Prometheus: labels not ours to check
      continue;
    }
    const hit = lookupSeries(name);
    if (!hit) {
      const hint = /^(process|nodejs)_/.test(name)
        ? 'not a prom-client default metric'
        : 'no service creates it';
      fail(where, `metric ${name}: ${hint}`);
      skipLabels = true; // its labels are unknown: do not report them as well
      continue;
    }
    used.add(hit.name);
    for (const l of hit.labels) known.add(l);
  }
  for (const label of skipLabels ? [] : labels) {
    if (!known.has(label)) {
      fail(where, `label "${label}" is not a label of ${[...metrics].join(', ') || 'any metric'}`);
    }
  }
  return used;
}

function checkDashboard() {
  const file = path.join(deploy, 'grafana/vigil-dashboard.json');
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
  // The other direction: every Vigil metric is on the dashboard.
  const vigil = [...code.metrics.keys()].filter((name) => name.startsWith('vigil_')).sort();
  for (const name of vigil.filter((n) => !shown.has(n) && !DASHBOARD_EXEMPT.has(n))) {
    fail(
      rel(file),
      `metric ${name} (${code.metrics.get(name).where}) is in no panel: add one, or list it in DASHBOARD_EXEMPT in deploy/check.cjs with the reason`,
    );
  }
  for (const name of DASHBOARD_EXEMPT.keys()) {
    if (!code.metrics.has(name))
      fail('deploy/check.cjs', `DASHBOARD_EXEMPT lists ${name}, which no service creates`);
    else if (shown.has(name))
      fail('deploy/check.cjs', `DASHBOARD_EXEMPT lists ${name}, which a panel shows: remove it`);
  }
  const onDashboard = vigil.filter((name) => shown.has(name)).length;
  const exempt = vigil.filter((name) => DASHBOARD_EXEMPT.has(name) && !shown.has(name)).length;
  passed.push(
    `Grafana dashboard: ${panels.length} panels, ${queries} queries, ${onDashboard} of ${vigil.length} Vigil metrics shown${exempt ? `, ${exempt} exempt` : ''}`,
  );
}

function checkPrometheus() {
  const file = path.join(deploy, 'prometheus/alerts.yml');
  const [rules] = parseYamlFile(file);
  if (!rules) return;
  let count = 0;
  for (const rule of (rules.groups ?? []).flatMap((g) => g.rules ?? [])) {
    const where = `${rel(file)} ${rule.alert ?? rule.record}`;
    count++;
    if (!rule.expr) fail(where, 'no expr');
    else checkExpr(where, String(rule.expr));
    if (rule.alert && !rule.labels?.severity) fail(where, 'no severity label');
    if (rule.alert && !(rule.annotations?.summary && rule.annotations?.description)) {
      fail(where, 'needs summary and description');
    }
  }
  const testFile = path.join(deploy, 'prometheus/alerts.test.yml');
  const [tests] = fs.existsSync(testFile) ? parseYamlFile(testFile) : [];
  for (const test of tests?.tests ?? []) {
    for (const s of test.input_series ?? []) checkExpr(`${rel(testFile)} "${test.name}"`, s.series);
  }
  const configFile = path.join(deploy, 'prometheus/prometheus.yml');
  const [config] = fs.existsSync(configFile) ? parseYamlFile(configFile) : [];
  for (const f of config?.rule_files ?? []) {
    if (!fs.existsSync(path.join(path.dirname(configFile), f)))
      fail(rel(configFile), `rule file ${f} does not exist`);
  }
  const jobs = (config?.scrape_configs ?? []).map((j) => j.job_name);
  for (const service of config ? SERVICES : []) {
    if (!jobs.includes(`vigil-${service}`))
      fail(rel(configFile), `no scrape job vigil-${service} (alerts.yml expects it)`);
  }
  passed.push(`Prometheus: ${count} rules`);
}

// ---- Kafka ACLs -------------------------------------------------------------------------------

/** The kafka-acls commands shown in deploy/README.md are those of deploy/kafka/acls.txt. */
function checkKafkaAcls(load) {
  const readme = path.join(deploy, 'README.md');
  const block =
    /<!-- kafka-acls:begin[^>]*-->\s*```sh\n([\s\S]*?)```\s*<!-- kafka-acls:end -->/.exec(
      read(readme),
    );
  if (!block) {
    fail(rel(readme), 'no kafka-acls:begin/end block with the ACL commands');
    return;
  }
  // The parser and printer are the runtime's own, from its build.
  const { kafkaAclsCommands, loadAcls } = load('packages/runtime', 'kafka-acls');
  let grants;
  try {
    grants = loadAcls(path.join(deploy, 'kafka/acls.txt'));
  } catch (err) {
    fail('deploy/kafka/acls.txt', err.message);
    return;
  }
  if (block[1].trim() !== kafkaAclsCommands(grants).join('\n')) {
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

async function runChecks({ root: rootDir = ROOT, load = builtLoader(rootDir) } = {}) {
  root = rootDir;
  deploy = path.join(root, 'deploy');
  errors = [];
  passed = [];
  code = await loadCode(load);
  checkMetricsCovered();
  for (const service of SERVICES) {
    if (!fs.existsSync(path.join(root, 'services', service, 'src/main.ts'))) {
      fail(`services/${service}`, 'src/main.ts does not exist: nothing to build dist/main.js from');
    }
  }
  topics = topicDefaults();
  const docker = checkDockerfile();
  checkCompose(docker);
  checkKubernetes(docker);
  checkDashboard();
  checkPrometheus();
  checkKafkaAcls(load);
  const vigilMetrics = [...code.metrics.keys()].filter((n) => n.startsWith('vigil_')).length;
  const settings = SERVICES.map((s) => `${s} (${Object.keys(code.env[s]).length})`).join(', ');
  passed.push(`code: ${vigilMetrics} Vigil metrics, settings of ${settings}`);
  return { passed, errors };
}

async function main() {
  const { passed, errors } = await runChecks();
  for (const line of passed) process.stdout.write(`ok   ${line}\n`);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`FAIL ${e}\n`);
    process.stderr.write(`\ndeploy check: ${errors.length} problem(s)\n`);
    process.exit(1);
  }
  process.stdout.write('deploy check: everything consistent\n');
}

module.exports = { runChecks, builtLoader };

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`deploy check: ${err instanceof NotBuilt ? err.message : err.stack}\n`);
    process.exit(2);
  });
}
