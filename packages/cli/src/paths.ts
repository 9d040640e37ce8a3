import * as path from 'node:path';

/** The checkout this CLI was built in (packages/cli/dist/... -> repo root). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Per-checkout runtime state: logs, pid files, dev secrets. Same default as deploy/local. */
export const stateDir = (): string => process.env.VIGIL_STATE_DIR ?? path.join(REPO_ROOT, '.local');

/** The dev stack's connection settings, written by `vigil stack up`. */
export const stackEnvFile = (): string => path.join(stateDir(), 'stack.env');
