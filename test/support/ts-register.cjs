// Lets a child process run TypeScript sources directly, the way jest does:
//   node -r ./test/support/ts-register.cjs services/risk/src/main.ts
// @swc/core transpiles each .ts file to CommonJS as it is required, and `@vigil/*` resolve to the
// workspace packages' src/. Integration tests use it to run services as real processes without
// depending on a prior build (a stale dist/ would test old code).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const workspace = new Map();
for (const dir of ['packages', 'services']) {
  for (const name of fs.readdirSync(path.join(root, dir))) {
    const pkgFile = path.join(root, dir, name, 'package.json');
    if (fs.existsSync(pkgFile))
      workspace.set(require(pkgFile).name, path.join(root, dir, name, 'src'));
  }
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, workspace.get(request) ?? request, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
