/**
 * Runs checks through test/interop/go (Go's golang.org/x/mod/sumdb note and tlog), for tests
 * outside the audit package's own interop suite. Same environment as that suite: GOPATH mode
 * against Debian's golang-golang-x-mod-dev, no module proxy.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const PROGRAM = path.join(REPO, 'test/interop/go');
const GOPATH = process.env.VIGIL_X_MOD_GOPATH ?? '/usr/share/gocode';

const goEnv = {
  ...process.env,
  GO111MODULE: 'off',
  GOPATH,
  GOFLAGS: '',
  GOPROXY: 'off',
  GOTOOLCHAIN: 'local',
  GOCACHE: process.env.GOCACHE ?? path.join(os.tmpdir(), 'vigil-go-build-cache'),
};

export interface GoResult {
  ok: boolean;
  error?: string;
  [field: string]: unknown;
}

/** Why Go cannot run here, or undefined when it can. */
export function goMissing(): string | undefined {
  const version = spawnSync('go', ['version'], { env: goEnv, encoding: 'utf8' });
  if (version.error || version.status !== 0) return '`go` is not on PATH';
  const xmod = path.join(GOPATH, 'src/golang.org/x/mod/sumdb/note/note.go');
  if (!fs.existsSync(xmod)) return `golang.org/x/mod is not in GOPATH ${GOPATH}`;
  return undefined;
}

/** Builds the harness into `dir`; returns a function that runs checks through it. */
export function buildGoInterop(dir: string): (checks: Record<string, unknown>[]) => GoResult[] {
  const binary = path.join(dir, 'vigil-interop');
  const build = spawnSync('go', ['build', '-o', binary, '.'], {
    cwd: PROGRAM,
    env: goEnv,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`go build failed:\n${build.stderr}${build.stdout}`);
  return (checks) => {
    const run = spawnSync(binary, [], { input: JSON.stringify({ checks }), encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`vigil-interop failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as GoResult[];
  };
}
