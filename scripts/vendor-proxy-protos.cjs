#!/usr/bin/env node
// Copies Envoy's ext_authz protos (and what they import) into proto/third_party/, and the extra
// Envoy and Istio protos that only the deploy-example checker needs into
// services/risk/test/fixtures/proxy-protos/, from pinned upstream commits. See
// proto/third_party/README.md for what is vendored and why.
//
//   node scripts/vendor-proxy-protos.cjs --envoy <git dir> --xds <git dir> \
//     --googleapis <git dir> --istio <git dir> [--check]
//
// Each <git dir> is a clone (or bare mirror) of envoyproxy/data-plane-api, cncf/xds,
// googleapis/googleapis and istio/api that contains the pinned commit below. `--check` rewrites
// nothing and fails when the committed files differ from what the pinned commits produce.
//
// The only change made to upstream text: annotation imports that protobufjs cannot load
// (udpa/annotations/*, validate/validate.proto, xds/annotations/*) are removed, together with
// every option that uses them. Such options only drive Envoy's code generators and
// protoc-gen-validate; no field, number or type changes. The script fails when any reference to
// a stripped package is left behind, so a new upstream construct cannot slip through half-edited.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const RUNTIME_DIR = path.join(ROOT, 'proto/third_party');
const FIXTURE_DIR = path.join(ROOT, 'services/risk/test/fixtures/proxy-protos');

/** Upstream repositories, their pinned commits and the path prefixes each one provides. */
const UPSTREAMS = {
  envoy: {
    repo: 'envoyproxy/data-plane-api',
    commit: '84e84367f2560cdb47b9bb78fd3e615feb80c3e4',
    owns: (p) => p.startsWith('envoy/'),
    license: 'LICENSE.envoy-data-plane-api',
  },
  xds: {
    repo: 'cncf/xds',
    commit: '5cf4b19495289a9e992ce5e2c3ffb08f2cf387be',
    owns: (p) => p.startsWith('xds/') || p.startsWith('udpa/'),
    license: 'LICENSE.cncf-xds',
  },
  googleapis: {
    repo: 'googleapis/googleapis',
    // The commit Envoy's bazel/repository_locations.bzl pins at the data-plane-api commit above.
    commit: 'fd52b5754b2b268bc3a22a10f29844f206abb327',
    owns: (p) => p.startsWith('google/rpc/') || p.startsWith('google/api/'),
    license: 'LICENSE.googleapis',
  },
  istio: {
    repo: 'istio/api',
    commit: 'b8f8791d9653b2edc77a071d48887e582cfe84bf',
    owns: (p) => /^(mesh|networking|security|type)\//.test(p),
    license: 'LICENSE.istio-api',
  },
};

/** Imports that are removed, with every option that uses them (see the header). */
const STRIPPED_IMPORT = /^(udpa\/annotations\/|validate\/validate\.proto$|xds\/annotations\/)/;
const STRIPPED_OPTION = /^\((udpa\.annotations|validate|xds\.annotations)\./;
/** Well-known types: protobufjs has them built in, or (descriptor.proto) ships them. */
const WELL_KNOWN = /^google\/protobuf\//;

/** Served by the risk service: Check and everything it needs at run time. */
const RUNTIME_ROOTS = ['envoy/service/auth/v3/external_auth.proto'];
/** Only for checking deploy/envoy/envoy.yaml and deploy/k8s/istio/*.yaml field by field. */
const FIXTURE_ROOTS = [
  'envoy/config/bootstrap/v3/bootstrap.proto',
  'envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto',
  'envoy/extensions/filters/http/ext_authz/v3/ext_authz.proto',
  'envoy/extensions/filters/http/jwt_authn/v3/config.proto',
  'envoy/extensions/filters/http/router/v3/router.proto',
  'envoy/extensions/upstreams/http/v3/http_protocol_options.proto',
  'envoy/extensions/access_loggers/stream/v3/stream.proto',
  'envoy/extensions/transport_sockets/tls/v3/tls.proto',
  'mesh/v1alpha1/config.proto',
  'security/v1beta1/authorization_policy.proto',
  'security/v1beta1/request_authentication.proto',
  'networking/v1alpha3/envoy_filter.proto',
];

function parseArgs(argv) {
  const args = { check: false, dirs: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') args.check = true;
    else if (arg.startsWith('--') && arg.slice(2) in UPSTREAMS) args.dirs[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  for (const name of Object.keys(UPSTREAMS)) {
    if (!args.dirs[name])
      throw new Error(`--${name} <git dir of ${UPSTREAMS[name].repo}> is required`);
  }
  return args;
}

function upstreamOf(file) {
  for (const [name, upstream] of Object.entries(UPSTREAMS)) if (upstream.owns(file)) return name;
  throw new Error(`no upstream provides ${file}`);
}

function gitShow(dir, commit, file) {
  return execFileSync('git', ['--git-dir', gitDir(dir), 'show', `${commit}:${file}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function gitDir(dir) {
  return fs.existsSync(path.join(dir, '.git')) ? path.join(dir, '.git') : dir;
}

const IMPORT = /^import\s+(?:public\s+|weak\s+)?"([^"]+)";/gm;

/** Every vendored file reachable from `roots`, with the upstream that provides it. */
function closure(roots, dirs, exclude = new Set()) {
  const files = new Map();
  const todo = [...roots];
  while (todo.length > 0) {
    const file = todo.pop();
    if (files.has(file) || exclude.has(file)) continue;
    if (WELL_KNOWN.test(file) || STRIPPED_IMPORT.test(file)) continue;
    const name = upstreamOf(file);
    const text = gitShow(dirs[name], UPSTREAMS[name].commit, file);
    files.set(file, { upstream: name, text });
    for (const match of text.matchAll(IMPORT)) todo.push(match[1]);
  }
  return files;
}

// ---- The strip ---------------------------------------------------------------------------------

/**
 * Index just past the end of what starts at `i` in proto source: a comment, a string, or one
 * character. Comments and strings are skipped as units, so brackets inside them never count.
 */
function skipAtom(text, i) {
  if (text.startsWith('//', i)) {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (text.startsWith('/*', i)) return text.indexOf('*/', i + 2) + 2;
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    let j = i + 1;
    while (text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i + 1;
}

/** Index of the `close` that balances the `open` at `start` (nesting () [] {} counted). */
function matching(text, start) {
  let depth = 0;
  for (let i = start; i < text.length;) {
    const c = text[i];
    if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) {
      depth -= 1;
      if (depth === 0) return i;
    }
    i = skipAtom(text, i);
  }
  throw new Error(`unbalanced ${text[start]} at ${start}`);
}

/** Splits an option list at its top-level commas. */
function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) depth -= 1;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
    i = skipAtom(text, i);
  }
  parts.push(text.slice(from));
  return parts;
}

/** Removes stripped imports, `option (...) = ...;` statements and `[(...) = ...]` entries. */
function strip(text) {
  let out = '';
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const rest = text.slice(i, i + 200);
    const importMatch = lineStart && /^import\s+"([^"]+)";[ \t]*\n/.exec(rest);
    if (importMatch && STRIPPED_IMPORT.test(importMatch[1])) {
      i += importMatch[0].length;
      continue;
    }
    const optionMatch = lineStart && /^([ \t]*)option\s+(\([^)]*\))/.exec(rest);
    if (optionMatch && STRIPPED_OPTION.test(optionMatch[2])) {
      let j = i + optionMatch[0].length;
      while (text[j] !== ';')
        j = '([{'.includes(text[j]) ? matching(text, j) + 1 : skipAtom(text, j);
      j += 1;
      if (text[j] === '\n') j += 1;
      i = j;
      continue;
    }
    const c = text[i];
    if (c === '[') {
      const close = matching(text, i);
      const inner = text.slice(i + 1, close);
      const parts = splitTopLevel(inner);
      const kept = parts.filter((part) => !STRIPPED_OPTION.test(part.trim()));
      if (kept.length === parts.length) {
        out += text.slice(i, close + 1);
      } else if (kept.length > 0) {
        out += `[${kept.map((part) => part.trim()).join(', ')}]`;
      } else {
        out = out.replace(/\s+$/, '');
      }
      i = close + 1;
      lineStart = false;
      continue;
    }
    const next = skipAtom(text, i);
    out += text.slice(i, next);
    // Statements are matched at line starts only (with their indentation).
    lineStart = c === '\n';
    i = next;
  }
  return out;
}

/** Code (comments and strings removed) that still names a stripped package. */
function leftovers(text) {
  let code = '';
  for (let i = 0; i < text.length;) {
    const next = skipAtom(text, i);
    if (!text.startsWith('//', i) && !text.startsWith('/*', i)) {
      const c = text[i];
      code +=
        c === '"' || c === "'" ? text.slice(i, next).replace(/[^"'\n]/g, '') : text.slice(i, next);
    }
    i = next;
  }
  const hits = [];
  code.split('\n').forEach((line, n) => {
    if (
      /\b(udpa\.annotations|validate\.(rules|required|disabled|ignored)|xds\.annotations)\b/.test(
        line,
      )
    )
      hits.push(`line ${n + 1}: ${line.trim()}`);
  });
  // Imports are checked on the raw text: their paths are strings.
  for (const m of text.matchAll(IMPORT))
    if (STRIPPED_IMPORT.test(m[1])) hits.push(`import ${m[1]}`);
  return hits;
}

// ---- Output ------------------------------------------------------------------------------------

function render(files) {
  const out = new Map();
  const problems = [];
  for (const [file, { text }] of files) {
    const stripped = strip(text);
    for (const hit of leftovers(stripped)) problems.push(`${file}: ${hit}`);
    out.set(file, stripped);
  }
  if (problems.length > 0) throw new Error(`strip left references behind:\n${problems.join('\n')}`);
  return out;
}

function licenses(files, dirs) {
  const out = new Map();
  for (const name of new Set([...files.values()].map((f) => f.upstream))) {
    const upstream = UPSTREAMS[name];
    out.set(upstream.license, gitShow(dirs[name], upstream.commit, 'LICENSE'));
  }
  return out;
}

function listTree(dir) {
  const found = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.proto') || entry.name.startsWith('LICENSE.'))
        found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found.sort();
}

function sync(dir, wanted, check) {
  const problems = [];
  for (const [file, text] of wanted) {
    const full = path.join(dir, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
    if (current === text) continue;
    if (check)
      problems.push(
        `${path.relative(ROOT, full)} ${current === undefined ? 'is missing' : 'differs'}`,
      );
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
  }
  for (const file of listTree(dir)) {
    if (wanted.has(file)) continue;
    if (check) problems.push(`${path.relative(ROOT, path.join(dir, file))} is not upstream`);
    else fs.rmSync(path.join(dir, file));
  }
  return problems;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const runtime = closure(RUNTIME_ROOTS, args.dirs);
  const fixtures = closure(FIXTURE_ROOTS, args.dirs, new Set(runtime.keys()));
  const runtimeOut = new Map([...render(runtime), ...licenses(runtime, args.dirs)]);
  const fixtureOut = new Map([...render(fixtures), ...licenses(fixtures, args.dirs)]);
  const problems = [
    ...sync(RUNTIME_DIR, runtimeOut, args.check),
    ...sync(FIXTURE_DIR, fixtureOut, args.check),
  ];
  if (problems.length > 0) {
    console.error(
      `vendored protos differ from the pinned upstream commits:\n${problems.join('\n')}`,
    );
    process.exit(1);
  }
  const count = (files) => [...files.keys()].filter((f) => f.endsWith('.proto')).length;
  console.log(
    `${args.check ? 'checked' : 'wrote'} ${count(runtimeOut)} protos in ${path.relative(ROOT, RUNTIME_DIR)}, ` +
      `${count(fixtureOut)} in ${path.relative(ROOT, FIXTURE_DIR)}`,
  );
}

if (require.main === module) main();

module.exports = { strip, leftovers };
