import { parseAction, parseResource, type Parsed } from '@vigil/input';
import { z } from 'zod';
import { SENSITIVITIES } from '../model/sensitivity';

/**
 * The ext_authz mapping file's schema: how an Envoy CheckRequest becomes Authorize's facts.
 * Unknown fields are rejected, so a typo fails at startup instead of silently running with a
 * default. Messages read "expected ..." so the loader can print `mapping.<path>: expected ...`.
 */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `expected ${what} (it is required)` : `expected ${what}`,
});

const section = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, expected('a mapping of fields'));

/** RFC 9110 token characters; Envoy hands header names to ext_authz lower-cased. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const headerName = () =>
  z
    .string(expected('an HTTP header name'))
    .regex(HEADER_NAME, expected('an HTTP header name'))
    .transform((name) => name.toLowerCase());
/** A header to read, or null for "do not read this fact from a header". */
const optionalHeader = (fallback: string | null) =>
  z.union([headerName(), z.null()], expected('an HTTP header name, or null')).default(fallback);

const nonEmpty = (what: string) =>
  z
    .string(expected(what))
    .trim()
    .min(1, expected(what))
    .max(1_024, expected(`${what} (at most 1024 characters)`));

/**
 * A route's resource or action, under the rules Authorize applies to requests (@vigil/input),
 * checked at startup: a mapping naming `db//x` would otherwise fail every request it routes.
 */
const shared = (what: string, parse: (value: string) => Parsed<string>) =>
  z.string(expected(what)).transform((value, ctx) => {
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: `expected ${what}: it ${parsed.error.problem}` });
    return z.NEVER;
  });
const resourceName = () =>
  shared('a resource name', (v) => parseResource(v, { field: 'resource', required: true }));
const actionName = () => shared('an action name', (v) => parseAction(v, { field: 'action' }));

/**
 * Characters RFC 6750 (section 3) allows in the error_description of a Bearer challenge:
 * printable ASCII without `"` and `\`. acr_values are sent the same way (a quoted-string).
 */
const CHALLENGE_TEXT = /^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/;
const acrValue = () =>
  z
    .string(expected('an ACR value'))
    .regex(
      /^[\x21\x23-\x5B\x5D-\x7E]+$/,
      expected('an ACR value (printable ASCII without spaces, " or \\)'),
    );

const stepUp = () =>
  section({
    /** Sent as acr_values="v1 v2" (RFC 9470: in order of preference). */
    acr_values: z
      .array(acrValue(), expected('a list of ACR values'))
      .min(1, expected('at least one ACR value')),
    /** RFC 9470 max_age: seconds since the user's last active authentication. */
    max_age_seconds: z
      .number(expected('a whole number of seconds, 0 or more'))
      .int(expected('a whole number of seconds, 0 or more'))
      .min(0, expected('a whole number of seconds, 0 or more'))
      .optional(),
  });

const METHOD = /^[A-Z]+$/;

const route = () =>
  section({
    /** Recorded with every decision the route makes (AuthzDecision.ext_authz.route). */
    name: nonEmpty('a route name'),
    /** Glob over "<host><path>": host lower-cased without port, path without query string. */
    match: nonEmpty('a glob over host and path, e.g. api.example.com/payments/**'),
    methods: z
      .array(
        z
          .string(expected('an HTTP method'))
          .transform((m) => m.toUpperCase())
          .pipe(z.string().regex(METHOD, expected('an HTTP method such as GET'))),
        expected('a list of HTTP methods'),
      )
      .min(1, expected('at least one HTTP method (or leave methods out)'))
      .optional(),
    resource: resourceName(),
    action: actionName().optional(),
    allow_anonymous: z.boolean(expected('true or false')).default(false),
    step_up: stepUp().optional(),
  });

export const mappingSchema = section({
  user: section({
    /** Where the user id comes from, tried in order; the first non-empty value wins. */
    sources: z
      .array(
        z.enum(['jwt', 'header'], expected('jwt or header')),
        expected('a list of jwt, header'),
      )
      .min(1, expected('at least one of jwt, header'))
      .refine((list) => new Set(list).size === list.length, expected('each source once'))
      .default(['header']),
    header: headerName().default('x-user-id'),
    jwt: section({
      /** The dynamic metadata namespace Envoy's jwt_authn filter writes. */
      metadata_namespace: nonEmpty('a metadata namespace').default('envoy.filters.http.jwt_authn'),
      /** jwt_authn's `payload_in_metadata`: the key the verified payload is stored under. */
      payload_key: nonEmpty('the payload_in_metadata key').default('jwt_payload'),
      claim: nonEmpty('a claim name').default('sub'),
    }).prefault({}),
  }).prefault({}),
  request_headers: section({
    device_id: optionalHeader('x-device-id'),
    session_id: optionalHeader('x-session-id'),
    /** ISO 3166-1 alpha-2, e.g. set by a CDN or the edge proxy. */
    country: optionalHeader('x-country-code'),
    user_agent: optionalHeader('user-agent'),
    tenant_id: optionalHeader(null),
  }).prefault({}),
  client_ip: section({
    from: z
      .enum(['source_address', 'x_forwarded_for'], expected('source_address or x_forwarded_for'))
      .default('source_address'),
    /** As Envoy's xff_num_trusted_hops: 0 takes the rightmost x-forwarded-for address. */
    trusted_hops: z
      .number(expected('a whole number, 0 or more'))
      .int(expected('a whole number, 0 or more'))
      .min(0, expected('a whole number, 0 or more'))
      .default(0),
  }).prefault({}),
  step_up: stepUp().extend({
    error_description: z
      .string(expected('text'))
      .regex(CHALLENGE_TEXT, expected('printable ASCII without " or \\ (RFC 6750)'))
      .default('A different authentication level is required'),
  }),
  routes: z.array(route(), expected('a list of routes')).default([]),
  default: section({
    resource: resourceName().default('http/unmatched'),
    /** Required: a request no route matches must never fall to the lowest level silently. */
    sensitivity: z.enum(SENSITIVITIES, expected('one of low, medium, high, critical')),
    action: actionName().optional(),
    allow_anonymous: z.boolean(expected('true or false')).default(false),
  }),
}).superRefine((doc, ctx) => {
  const seen = new Map<string, number>();
  doc.routes.forEach((r, i) => {
    const first = seen.get(r.name);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['routes', i, 'name'],
        message: `expected a unique route name (routes[${first}] is also "${r.name}")`,
      });
    }
    seen.set(r.name, i);
  });
  if (doc.client_ip.from === 'source_address' && doc.client_ip.trusted_hops !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['client_ip', 'trusted_hops'],
      message: 'expected 0 unless client_ip.from is x_forwarded_for',
    });
  }
});

export type MappingDocument = z.output<typeof mappingSchema>;
