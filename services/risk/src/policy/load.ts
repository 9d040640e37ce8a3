import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { PolicyError } from '../errors';
import { compilePolicy, type Policy } from './policy';
import { policySchema } from './schema';

/** The policy shipped with the service, used when RISK_POLICY_FILE is not set. */
export const DEFAULT_POLICY_FILE = path.resolve(__dirname, '../../policy/default.yaml');

export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyError(file, [`cannot read the file (${(err as Error).message})`]);
  }
  return parsePolicy(text, file);
}

/** Parses and validates policy YAML; every problem is reported with its field path. */
export function parsePolicy(text: string, source = 'policy'): Policy {
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: false });
  } catch (err) {
    throw new PolicyError(source, [`not valid YAML (${(err as Error).message})`]);
  }
  const parsed = policySchema.safeParse(doc ?? {});
  if (!parsed.success) throw new PolicyError(source, describeIssues(parsed.error.issues));
  return compilePolicy(parsed.data);
}

/** One line per problem, each naming its field from `root` (also used for the ext_authz mapping). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root = 'policy'): string[] {
  const problems: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(`${fieldPath([...issue.path, key], root)}: unknown field`);
      }
    } else {
      problems.push(`${fieldPath(issue.path, root)}: ${issue.message}`);
    }
  }
  return problems;
}

/** ['signals', 'X', 'weight'] -> "policy.signals.X.weight"; array indexes as [n]. */
function fieldPath(segments: readonly PropertyKey[], root: string): string {
  let out = root;
  for (const segment of segments) {
    out += typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`;
  }
  return out;
}
