// Two projects: `unit` (pure logic, no I/O, runs anywhere) and `integration` (real Kafka on
// KAFKA_BROKERS and real Redis on REDIS_URL; ./dev test brings them up).
//
// Workspace packages are mapped to their TypeScript sources so tests need no prior build and
// see the code under edit. Code is CommonJS throughout: jest's ESM support is still behind a
// Node flag, and kafkajs, ioredis and grpc-js are CommonJS themselves.
const fs = require('node:fs');
const path = require('node:path');

const moduleNameMapper = {};
for (const dir of ['packages', 'services']) {
  for (const name of fs.readdirSync(path.join(__dirname, dir))) {
    const pkgFile = path.join(__dirname, dir, name, 'package.json');
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = require(pkgFile);
    moduleNameMapper[`^${pkg.name}$`] = `<rootDir>/${dir}/${name}/src`;
  }
}

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{packages,services}/*/test/**/*.test.ts',
        '<rootDir>/deploy/test/*.test.ts',
      ],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.int\\.test\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/test/**/*.int.test.ts',
        '<rootDir>/{packages,services}/*/test/**/*.int.test.ts',
      ],
      setupFiles: ['<rootDir>/test/support/env.ts'],
      slowTestThreshold: 30,
    },
  ],
};
