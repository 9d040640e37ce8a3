#!/usr/bin/env node
// Generates packages/proto/generated/vigil.{js,d.ts} from proto/ with protobufjs-cli.
// The output is checked in so that builds need no generator; `--check` fails when it is stale.
//
// int64 fields are generated as JS numbers (--force-number): every int64 in vigil.v1 is an
// offset, a sequence or epoch seconds, all far below 2^53, and plain numbers avoid the Long
// object trap. Producers of those values must stay within Number.MAX_SAFE_INTEGER.
//
// Map fields (AccessEvent.attributes) are plain objects keyed by client input, and plain
// assignment of the key "__proto__" to `{}` is swallowed (it sets the prototype). protobufjs 8
// generates `$util.makeProp(map, key)` for that key in decode, fromObject and toObject, so the
// output needs no post-processing; packages/proto/test/proto.test.ts checks that a "__proto__"
// key round-trips byte for byte, and fails if a generator change ever drops it again.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const protoDir = path.join(root, 'proto');
const outDir = path.join(root, 'packages/proto/generated');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const protoFiles = fs
  .readdirSync(path.join(protoDir, 'vigil/v1'))
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => path.join(protoDir, 'vigil/v1', f));

function generate(dir) {
  const js = path.join(dir, 'vigil.js');
  execFileSync(
    bin('pbjs'),
    [
      '-t',
      'static-module',
      '-w',
      'commonjs',
      '--force-number',
      '-p',
      protoDir,
      '-o',
      js,
      ...protoFiles,
    ],
    { cwd: protoDir, stdio: 'inherit' },
  );
  execFileSync(bin('pbts'), ['-o', path.join(dir, 'vigil.d.ts'), js], { stdio: 'inherit' });
}

if (process.argv.includes('--check')) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-proto-'));
  try {
    generate(tmp);
    for (const file of ['vigil.js', 'vigil.d.ts']) {
      const fresh = fs.readFileSync(path.join(tmp, file), 'utf8');
      const committed = fs.readFileSync(path.join(outDir, file), 'utf8');
      if (fresh !== committed) {
        console.error(
          `packages/proto/generated/${file} is stale: run \`pnpm proto:gen\` and commit.`,
        );
        process.exit(1);
      }
    }
    console.log('generated protobuf code is up to date');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
} else {
  fs.mkdirSync(outDir, { recursive: true });
  generate(outDir);
  console.log(`wrote ${path.relative(root, outDir)}/vigil.{js,d.ts}`);
}
