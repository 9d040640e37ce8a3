// Types for deploy/test: what deploy/check.cjs exports.

/** Requires `<dir>/<build or source>/<name>` of a workspace package, e.g. ('services/ingest', 'config'). */
export type Loader = (dir: string, name: string) => unknown;

export interface CheckResult {
  /** One line per area that was checked ("Dockerfile: targets ingest, sealer, risk"). */
  passed: string[];
  /** Every problem found, as "<file and place>: <what is wrong>". */
  errors: string[];
}

/** Checks `<root>/deploy` against the code `load` returns (by default the build in `root`). */
export function runChecks(options?: { root?: string; load?: Loader }): Promise<CheckResult>;

/** Loads `<root>/<dir>/dist/<name>.js`; throws, naming the file, when it was not built. */
export function builtLoader(root: string): Loader;
