import * as fs from 'node:fs';
import { parse, stringify } from 'yaml';
import { DEFAULT_POLICY_FILE, parsePolicy } from '../../src/policy/load';
import type { Policy } from '../../src/policy/policy';

type Json = { [key: string]: unknown };

/** The shipped policy document with `overrides` merged in (objects deeply, anything else replaced). */
export function policyDocument(overrides: Json = {}): Json {
  return merge(parse(fs.readFileSync(DEFAULT_POLICY_FILE, 'utf8')) as Json, overrides);
}

export function policyYaml(overrides: Json = {}): string {
  return stringify(policyDocument(overrides));
}

export function testPolicy(overrides: Json = {}): Policy {
  return parsePolicy(policyYaml(overrides), 'test-policy.yaml');
}

function merge(base: Json, overrides: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] = isObject(value) && isObject(current) ? merge(current, value) : (value as unknown);
  }
  return out;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
