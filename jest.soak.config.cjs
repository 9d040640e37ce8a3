// Soak tests: long runs against real Kafka that CI cannot afford (`pnpm soak`). They share the
// integration project's setup; the default `jest` run never picks them up (*.soak.ts).
const base = require('./jest.config.cjs');

const integration = base.projects.find((p) => p.displayName === 'integration');

/** @type {import('jest').Config} */
module.exports = {
  reporters: base.reporters,
  projects: [
    {
      ...integration,
      displayName: 'soak',
      testMatch: ['<rootDir>/{packages,services}/*/test/**/*.soak.ts'],
    },
  ],
};
