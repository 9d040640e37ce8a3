import picomatch from 'picomatch';
import type { Sensitivity } from '../model/sensitivity';
import type { MappingDocument } from './schema';

export type UserSource = 'jwt' | 'header';

export interface StepUpChallenge {
  readonly acrValues: readonly string[];
  readonly maxAgeSeconds: number | undefined;
}

/** What the mapping says about one request: the route it matched, or the default. */
export interface RouteMatch {
  /** The route's name; empty when no route matched and the default applied. */
  readonly route: string;
  readonly resource: string;
  /** Undefined: the action comes from the HTTP method (`http.get`). */
  readonly action: string | undefined;
  readonly sensitivity: Sensitivity;
  readonly allowAnonymous: boolean;
  readonly stepUp: StepUpChallenge;
}

/** The mapping file in the form the Check path uses: globs compiled, sensitivities resolved. */
export interface Mapping {
  readonly user: {
    readonly sources: readonly UserSource[];
    readonly header: string;
    readonly jwt: {
      readonly namespace: string;
      readonly payloadKey: string;
      readonly claim: string;
    };
  };
  readonly headers: {
    readonly deviceId: string | null;
    readonly sessionId: string | null;
    readonly country: string | null;
    readonly userAgent: string | null;
    readonly tenantId: string | null;
  };
  readonly clientIp: {
    readonly from: 'source_address' | 'x_forwarded_for';
    readonly trustedHops: number;
  };
  readonly errorDescription: string;
  /** The route for a request: the first rule whose glob and methods match, else the default. */
  match(host: string, path: string, method: string): RouteMatch;
}

/**
 * Compiles a validated mapping document. `sensitivityOf` is the policy's: a route's resource
 * gets the level the policy gives it (the policy stays the one place that says how sensitive a
 * resource is), resolved once here because route resources are fixed strings.
 */
export function compileMapping(
  doc: MappingDocument,
  sensitivityOf: (resource: string) => Sensitivity,
): Mapping {
  const stepUp = (s: { acr_values: string[]; max_age_seconds?: number | undefined }) => ({
    acrValues: [...s.acr_values],
    maxAgeSeconds: s.max_age_seconds,
  });
  const globalStepUp = stepUp(doc.step_up);
  const routes = doc.routes.map((r) => ({
    test: picomatch(r.match, { dot: true }),
    methods: r.methods ? new Set(r.methods) : undefined,
    result: {
      route: r.name,
      resource: r.resource,
      action: r.action,
      sensitivity: sensitivityOf(r.resource),
      allowAnonymous: r.allow_anonymous,
      stepUp: r.step_up ? stepUp(r.step_up) : globalStepUp,
    } satisfies RouteMatch,
  }));
  const fallback: RouteMatch = {
    route: '',
    resource: doc.default.resource,
    action: doc.default.action,
    sensitivity: doc.default.sensitivity,
    allowAnonymous: doc.default.allow_anonymous,
    stepUp: globalStepUp,
  };
  return {
    user: {
      sources: [...doc.user.sources],
      header: doc.user.header,
      jwt: {
        namespace: doc.user.jwt.metadata_namespace,
        payloadKey: doc.user.jwt.payload_key,
        claim: doc.user.jwt.claim,
      },
    },
    headers: {
      deviceId: doc.request_headers.device_id,
      sessionId: doc.request_headers.session_id,
      country: doc.request_headers.country,
      userAgent: doc.request_headers.user_agent,
      tenantId: doc.request_headers.tenant_id,
    },
    clientIp: { from: doc.client_ip.from, trustedHops: doc.client_ip.trusted_hops },
    errorDescription: doc.step_up.error_description,
    match(host, path, method) {
      const subject = `${host}${path}`;
      for (const route of routes) {
        if (route.methods && !route.methods.has(method)) continue;
        if (route.test(subject)) return route.result;
      }
      return fallback;
    },
  };
}

/** Lower-cased, without port or trailing dot: `API.example.com:8443` -> `api.example.com`. */
export function normalizeHost(authority: string): string {
  let host = authority.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    host = end === -1 ? host : host.slice(0, end + 1);
  } else {
    const colon = host.indexOf(':');
    if (colon !== -1) host = host.slice(0, colon);
  }
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

const UNRESERVED_ESCAPE = /%(2[DdEe]|3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa]|5[Ff]|7[Ee])/g;

/**
 * The path as route globs see it: no query string or fragment (Envoy's `path` includes the
 * query), percent-encoded unreserved characters decoded (RFC 3986 6.2.2.2, so `%2e%2e` is `..`),
 * repeated slashes merged and dot segments resolved (RFC 3986 5.2.4). Envoy does the same with
 * `normalize_path` and `merge_slashes`; doing it here too means a rule cannot be sidestepped
 * with `/public/../payments/` when the proxy is configured otherwise.
 */
export function normalizePath(raw: string): string {
  let path = raw;
  const cut = path.search(/[?#]/);
  if (cut !== -1) path = path.slice(0, cut);
  path = path.replace(UNRESERVED_ESCAPE, (escape) =>
    String.fromCharCode(parseInt(escape.slice(1), 16)),
  );
  if (!path.startsWith('/')) path = `/${path}`;
  const out: string[] = [];
  const segments = path.split('/').slice(1);
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '..') {
      out.pop();
      if (last) out.push('');
    } else if (segment === '.' || (segment === '' && !last)) {
      if (last) out.push('');
    } else {
      out.push(segment);
    }
  });
  return `/${out.join('/')}`;
}
