/**
 * Sources: who may send events, and what their events may assert. A source is named by its
 * credential (a bearer token digest or an mTLS client subject), never by anything it writes in
 * an event. Its scope says which tenants it speaks for and which actions it may emit; its grant
 * (`establishes`) says what its events may teach the risk model. Pure: parsing, validation and
 * matching, no I/O.
 */
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { tokenTable, type TokenTable } from '@vigil/runtime';
import type { Violation } from './errors';

/** What a source's events may establish (copied into every event it sends). */
export interface Establishes {
  knownAttributes: boolean;
  failedAuthentication: boolean;
}

export interface SourceScope {
  name: string;
  /** Tenants it speaks for; `any` for every tenant. */
  tenants: 'any' | ReadonlySet<string>;
  /** Stamped on events that carry no tenant_id. */
  defaultTenant: string | undefined;
  /** The action patterns as written, for messages. */
  actionPatterns: readonly string[];
  allowsAction(action: string): boolean;
  establishes: Establishes;
}

/** Actions only the risk service writes (to its own topic); no source may emit them. */
export const RESERVED_ACTION = /^risk\./;

/** Source names become Redis key parts and the `source` field. */
const SOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ESTABLISHES = ['known_attributes', 'failed_authentication'] as const;

const expected = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `expected ${what} (it is required)` : `expected ${what}`,
});

const credentialSchema = z.union(
  [
    z.strictObject({
      token_sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the token, 64 lowercase hex digits'),
    }),
    z.strictObject({
      mtls_subject: z
        .string()
        .regex(
          SOURCE_NAME,
          "expected the client certificate's CN or DNS name (letters, digits, . _ -)",
        ),
    }),
  ],
  expected('{token_sha256: <64 hex>} or {mtls_subject: <certificate CN or DNS name>}'),
);

const sourceSchema = z.strictObject(
  {
    description: z.string().optional(),
    credentials: z.array(credentialSchema, expected('a list of credentials')).min(1, {
      message: 'expected at least one credential',
    }),
    tenants: z
      .array(
        z.string().min(1, { message: 'expected a tenant id or "*"' }),
        expected('a list of tenant ids, or ["*"]'),
      )
      .min(1, { message: 'expected at least one tenant id, or "*"' }),
    default_tenant: z.string().min(1).optional(),
    actions: z
      .array(
        z
          .string()
          .regex(
            /^[A-Za-z0-9*._:-]{1,128}$/,
            'expected an action pattern such as auth.* or db.query',
          ),
        expected('a list of action patterns'),
      )
      .min(1, { message: 'expected at least one action pattern' }),
    establishes: z
      .array(z.enum(ESTABLISHES, expected(`one of ${ESTABLISHES.join(', ')}`)), expected('a list'))
      .default([]),
  },
  expected('a mapping of fields'),
);

const fileSchema = z.strictObject(
  {
    sources: z.record(
      z.string().regex(SOURCE_NAME, 'expected a source name (letters, digits, . _ -, at most 64)'),
      sourceSchema,
      expected('a mapping of source names to sources'),
    ),
  },
  expected('a mapping with a "sources" field'),
);

/** Every credential leads to exactly one source. */
export interface SourceRegistry {
  /** Names sources by token digest. */
  readonly tokens: TokenTable;
  /** The source a verified client certificate names, if any. */
  sourceForSubject(subject: string): string | undefined;
  scope(name: string): SourceScope | undefined;
}

export class SourcesFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'SourcesFileError';
  }
}

/** Parses and validates a sources file; every problem is reported with its field path. */
export function parseSourcesFile(text: string): SourceRegistry {
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    throw new SourcesFileError([`not valid YAML (${(err as Error).message})`]);
  }
  const parsed = fileSchema.safeParse(doc ?? {});
  if (!parsed.success) {
    throw new SourcesFileError(
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => `${fieldPath([...issue.path, key])}: unknown field`)
          : [`${fieldPath(issue.path)}: ${issue.message}`],
      ),
    );
  }
  const problems: string[] = [];
  const tokenOwners = new Map<string, string>();
  const subjectOwners = new Map<string, string>();
  const scopes = new Map<string, SourceScope>();
  for (const [name, source] of Object.entries(parsed.data.sources)) {
    source.credentials.forEach((credential, i) => {
      const [owners, value] =
        'token_sha256' in credential
          ? [tokenOwners, credential.token_sha256]
          : [subjectOwners, credential.mtls_subject];
      const owner = owners.get(value);
      if (owner !== undefined && owner !== name) {
        problems.push(
          `sources.${name}.credentials[${i}]: already the credential of source "${owner}"`,
        );
      }
      owners.set(value, name);
    });
    const anyTenant = source.tenants.includes('*');
    if (
      source.default_tenant !== undefined &&
      !anyTenant &&
      !source.tenants.includes(source.default_tenant)
    ) {
      problems.push(`sources.${name}.default_tenant: expected one of the source's tenants`);
    }
    scopes.set(name, {
      name,
      tenants: anyTenant ? 'any' : new Set(source.tenants),
      defaultTenant: source.default_tenant,
      actionPatterns: source.actions,
      allowsAction: picomatch(source.actions, { dot: true }),
      establishes: {
        knownAttributes: source.establishes.includes('known_attributes'),
        failedAuthentication: source.establishes.includes('failed_authentication'),
      },
    });
  }
  if (scopes.size === 0) problems.push('sources: expected at least one source');
  if (problems.length > 0) throw new SourcesFileError(problems);
  return {
    tokens: tokenTable([...tokenOwners].map(([sha256, name]) => ({ name, sha256 }))),
    sourceForSubject: (subject) => subjectOwners.get(subject),
    scope: (name) => scopes.get(name),
  };
}

/**
 * The registry for INGEST_API_TOKENS, the shorthand from before sources files: every token is a
 * source that may speak for any tenant and emit any action, and whose events establish nothing.
 * A verified client certificate names its source by CN, as before.
 */
export function legacySourceRegistry(tokens: TokenTable): SourceRegistry {
  const scopeOf = (name: string): SourceScope => ({
    name,
    tenants: 'any',
    defaultTenant: undefined,
    actionPatterns: ['*'],
    allowsAction: () => true,
    establishes: { knownAttributes: false, failedAuthentication: false },
  });
  return {
    tokens,
    sourceForSubject: (subject) => subject,
    scope: (name) => (SOURCE_NAME.test(name) ? scopeOf(name) : undefined),
  };
}

/** An event as far as the scope check is concerned. */
export interface ScopedEvent {
  tenantId?: string | null;
  action?: string | null;
}

/**
 * Every event of a request that its source may not send, each naming the rule it breaks. The
 * request is refused whole when there is any (nothing of it is stored).
 */
export function scopeViolations(scope: SourceScope, events: readonly ScopedEvent[]): Violation[] {
  const violations: Violation[] = [];
  events.forEach((event, index) => {
    const action = event.action ?? '';
    if (RESERVED_ACTION.test(action)) {
      violations.push({
        index,
        field: 'action',
        reason: 'NOT_PERMITTED',
        message: `"${action}" is reserved for the risk service's admin log (rule: reserved actions risk.*)`,
      });
    } else if (action !== '' && !scope.allowsAction(action)) {
      violations.push({
        index,
        field: 'action',
        reason: 'NOT_PERMITTED',
        message: `source "${scope.name}" may not emit "${action}" (rule: sources.${scope.name}.actions: ${scope.actionPatterns.join(', ')})`,
      });
    }
    const tenant = event.tenantId || scope.defaultTenant || '';
    if (scope.tenants !== 'any' && !scope.tenants.has(tenant)) {
      violations.push({
        index,
        field: 'tenant_id',
        reason: 'NOT_PERMITTED',
        message:
          tenant === ''
            ? `source "${scope.name}" must name a tenant (rule: sources.${scope.name}.tenants)`
            : `source "${scope.name}" may not speak for tenant "${tenant}" (rule: sources.${scope.name}.tenants)`,
      });
    }
  });
  return violations;
}

/** ['sources', 'idp', 'actions', 0] -> "sources.idp.actions[0]". */
function fieldPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    out += typeof segment === 'number' ? `[${segment}]` : `${out ? '.' : ''}${String(segment)}`;
  }
  return out || '(file)';
}
