// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SERVICES = ['ingest', 'risk', 'sealer'];

/**
 * The layers, as import rules: a service never imports another service, a package never imports
 * a service, and @vigil/audit (what an auditor re-implements) touches neither the runtime nor any
 * I/O. Relative paths that climb into another workspace member count as imports of it.
 */
const noImportOf = (names, why) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: names.map((name) => ({
        group: [name, `${name}/**`],
        message: why,
      })),
    },
  ],
});
/** Every way to name service `s` in an import: its package, or a relative path into it. */
const serviceImports = (s) => [
  `@vigil/${s}`,
  `**/services/${s}`,
  `**/../${s}/src`,
  `**/../${s}/dist`,
];
const otherServices = (self) => SERVICES.filter((s) => s !== self).flatMap(serviceImports);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'packages/proto/generated/**',
      '.local/**',
      '.tools/**',
      'coverage/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-namespace': 'off',
      'no-console': 'error',
      // `import x = require()` is how TypeScript consumes the generated CommonJS protobuf module.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/generated/vigil$'] }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error, and one passed where a callback
    // returns void is never awaited at all. Fire-and-forget is allowed, but must be written
    // `void promise` so that a reader sees it was meant.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Every workspace import is declared by the package that makes it (tests: devDependencies).
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: ['**/test/**', 'test/**', 'bench/**', '**/*.config.*'] },
      ],
    },
  },
  ...SERVICES.map((service) => ({
    files: [`services/${service}/**/*.ts`],
    rules: noImportOf(
      otherServices(service),
      'services never import one another: share code through packages/',
    ),
  })),
  {
    files: ['packages/**/*.ts'],
    rules: noImportOf(SERVICES.flatMap(serviceImports), 'packages never import services'),
  },
  {
    files: ['packages/audit/src/**/*.ts'],
    rules: noImportOf(
      [
        '@vigil/runtime',
        '@vigil/client',
        '@vigil/cli',
        ...SERVICES.map((s) => `@vigil/${s}`),
        'kafkajs',
        'ioredis',
        '@grpc/grpc-js',
        'node:fs',
        'node:net',
        'node:http',
        'node:https',
        'node:child_process',
      ],
      '@vigil/audit is pure verification: no runtime, no I/O (callers read Kafka and files)',
    ),
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: globals.node,
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['**/test/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
