import * as fs from 'node:fs';
import * as path from 'node:path';
import { VigilError } from '@vigil/runtime';
import { parse as parseYaml } from 'yaml';
import type { Sensitivity } from '../model/sensitivity';
import { describeIssues } from '../policy/load';
import { compileMapping, type Mapping } from './mapping';
import { mappingSchema } from './schema';

/** The mapping the dev stack runs with (`vigil stack up`): /payments/ is db/prod-payments. */
export const DEV_MAPPING_FILE = path.resolve(__dirname, '../../policy/ext-authz-dev.yaml');

/** The ext_authz mapping file is missing, not YAML, or has invalid fields (each named by path). */
export class MappingError extends VigilError {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super('EXT_AUTHZ_MAPPING_INVALID', `${source}: ${problems.join('; ')}`);
  }
}

export function loadMappingFile(
  file: string,
  sensitivityOf: (resource: string) => Sensitivity,
): Mapping {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new MappingError(file, [`cannot read the file (${(err as Error).message})`]);
  }
  return parseMapping(text, sensitivityOf, file);
}

/** Parses and validates mapping YAML; every problem is reported with its field path. */
export function parseMapping(
  text: string,
  sensitivityOf: (resource: string) => Sensitivity,
  source = 'mapping',
): Mapping {
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: false });
  } catch (err) {
    throw new MappingError(source, [`not valid YAML (${(err as Error).message})`]);
  }
  const parsed = mappingSchema.safeParse(doc ?? {});
  if (!parsed.success) {
    throw new MappingError(source, describeIssues(parsed.error.issues, 'mapping'));
  }
  return compileMapping(parsed.data, sensitivityOf);
}

/**
 * The mapping named by RISK_EXT_AUTHZ_MAPPING_FILE, or a problem naming that variable. Without a
 * policy (it failed to load) the file is still validated, so one start reports both.
 */
export function mappingFromEnv(
  file: string | undefined,
  sensitivityOf: ((resource: string) => Sensitivity) | undefined,
): { mapping?: Mapping; problem?: { variable: string; expected: string } } {
  if (file === undefined) return {};
  try {
    return { mapping: loadMappingFile(file, sensitivityOf ?? (() => 'critical')) };
  } catch (err) {
    if (!(err instanceof MappingError)) throw err;
    return {
      problem: {
        variable: 'RISK_EXT_AUTHZ_MAPPING_FILE',
        expected: `a valid ext_authz mapping file: ${err.message}`,
      },
    };
  }
}
