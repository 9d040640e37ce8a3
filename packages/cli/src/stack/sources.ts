import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { REPO_ROOT } from '../paths';

/** The local stack's sources, without credentials (see the file's header). */
export const DEV_SOURCES_TEMPLATE = path.join(REPO_ROOT, 'deploy/local/sources.yaml');

/**
 * The template's sources with a token digest each, as ingest reads them: the services see only
 * digests, as in production. Every source of the template must have a token.
 */
export function renderSourcesFile(
  template: string,
  tokens: Readonly<Record<string, string>>,
): string {
  const doc = parseDocument(template);
  const names = Object.keys((doc.toJS() as { sources?: Record<string, unknown> }).sources ?? {});
  for (const name of names) {
    const token = tokens[name];
    if (!token) throw new Error(`no dev token for source "${name}" of ${DEV_SOURCES_TEMPLATE}`);
    const digest = createHash('sha256').update(token, 'utf8').digest('hex');
    doc.setIn(['sources', name, 'credentials'], [{ token_sha256: digest }]);
  }
  return doc.toString();
}

/** The names of the template's sources. */
export function devSourceNames(template = fs.readFileSync(DEV_SOURCES_TEMPLATE, 'utf8')): string[] {
  const doc = parseDocument(template).toJS() as { sources?: Record<string, unknown> };
  return Object.keys(doc.sources ?? {});
}

/** The stack.env variable that carries a source's dev token: VIGIL_SOURCE_TOKEN_<NAME>. */
export const sourceTokenVariable = (name: string): string =>
  `VIGIL_SOURCE_TOKEN_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
