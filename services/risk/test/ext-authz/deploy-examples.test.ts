import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { DEV_MAPPING_FILE, parseMapping } from '../../src/ext-authz/load';
import { testPolicy } from '../support/policy';
import { checkShape, loadProxyProtos } from '../support/proto-shape';

/**
 * The deploy examples, checked offline (no Envoy or Istio binary can be had here):
 *
 * Checked:
 * - deploy/envoy/envoy.yaml as an envoy.config.bootstrap.v3.Bootstrap: every field name (proto
 *   style, as Envoy's docs write them), enum value, oneof, Duration and Any, recursing into every
 *   typed_config by its @type (HttpConnectionManager, JwtAuthentication, ExtAuthz,
 *   ExtAuthzPerRoute, Router, StdoutAccessLog, HttpProtocolOptions, UpstreamTlsContext).
 * - deploy/k8s/istio/*.yaml: meshConfig as istio.mesh.v1alpha1.MeshConfig, the `spec` of each
 *   RequestAuthentication, AuthorizationPolicy and EnvoyFilter against istio.security.v1beta1 and
 *   istio.networking.v1alpha3 (JSON field names, as Kubernetes takes them), and the EnvoyFilter's
 *   patch value against Envoy's ExtAuthz.
 * - That the pieces fit Vigil: filter order jwt_authn -> ext_authz -> router, fail closed, V3,
 *   the token in initial_metadata, the gRPC cluster on HTTP/2, referenced clusters exist,
 *   jwt_authn's payload_in_metadata and ext_authz's metadata_context_namespaces are what the dev
 *   mapping reads, allowed_headers are exactly the headers it reads, the Istio provider points at the risk Service of deploy/k8s, the CUSTOM
 *   policy names that provider, and the header Istio copies the user into is the mapping's.
 *
 * Not checked: Envoy's validation rules (protoc-gen-validate annotations are stripped from the
 * vendored protos), anything Envoy or istiod decide only at run time (listener binding, DNS,
 * JWKS fetch, TLS), Kubernetes CRD schemas beyond `spec`, and whether a given Istio release names
 * its generated ext_authz filter as the EnvoyFilter's match expects.
 */

const ROOT = path.resolve(__dirname, '../../../..');
const ENVOY_YAML = path.join(ROOT, 'deploy/envoy/envoy.yaml');
const ISTIO_DIR = path.join(ROOT, 'deploy/k8s/istio');

const root = loadProxyProtos([
  'envoy/config/bootstrap/v3/bootstrap.proto',
  'envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto',
  'envoy/extensions/filters/http/ext_authz/v3/ext_authz.proto',
  'envoy/extensions/filters/http/jwt_authn/v3/config.proto',
  'envoy/extensions/filters/http/router/v3/router.proto',
  'envoy/extensions/upstreams/http/v3/http_protocol_options.proto',
  'envoy/extensions/access_loggers/stream/v3/stream.proto',
  'envoy/extensions/transport_sockets/tls/v3/tls.proto',
  'mesh/v1alpha1/config.proto',
  'security/v1beta1/authorization_policy.proto',
  'security/v1beta1/request_authentication.proto',
  'networking/v1alpha3/envoy_filter.proto',
]);
const mapping = parseMapping(
  fs.readFileSync(DEV_MAPPING_FILE, 'utf8'),
  testPolicy().sensitivityOf,
  DEV_MAPPING_FILE,
);
const devMappingDoc = parse(fs.readFileSync(DEV_MAPPING_FILE, 'utf8')) as {
  user: { jwt: { metadata_namespace: string; payload_key: string } };
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ISTIO_SPEC_TYPES: Record<string, string> = {
  RequestAuthentication: 'istio.security.v1beta1.RequestAuthentication',
  AuthorizationPolicy: 'istio.security.v1beta1.AuthorizationPolicy',
  EnvoyFilter: 'istio.networking.v1alpha3.EnvoyFilter',
};

function istioDocuments(): Array<{ file: string; doc: Json }> {
  const out: Array<{ file: string; doc: Json }> = [];
  for (const file of fs
    .readdirSync(ISTIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(ISTIO_DIR, file), 'utf8'))) {
      expect({ file, errors: doc.errors.map((e) => e.message) }).toEqual({ file, errors: [] });
      out.push({ file, doc: doc.toJS() as Json });
    }
  }
  return out;
}

describe('the shape checker itself', () => {
  const extAuthz = 'envoy.extensions.filters.http.ext_authz.v3.ExtAuthz';
  const check = (value: unknown) => checkShape(root, extAuthz, value, 'x', 'proto').problems;

  it('catches misspelled fields, wrong enum values, oneof conflicts, bad durations and @types', () => {
    expect(check({ failure_mode_alow: false })).toEqual([
      'x.failure_mode_alow: no such field in envoy.extensions.filters.http.ext_authz.v3.ExtAuthz',
    ]);
    expect(check({ failureModeAllow: false })).toEqual([
      'x.failureModeAllow: write failure_mode_allow (proto field names)',
    ]);
    expect(check({ transport_api_version: 'V4' })).toEqual([
      'x.transport_api_version: "V4" is not a value of envoy.config.core.v3.ApiVersion',
    ]);
    expect(
      check({
        grpc_service: { envoy_grpc: { cluster_name: 'a' }, google_grpc: {}, timeout: '200ms' },
      }),
    ).toEqual([
      'x.grpc_service.timeout: expected a duration such as "0.2s", got "200ms"',
      'x.grpc_service: envoy_grpc and google_grpc are alternatives (oneof target_specifier); set one',
    ]);
    expect(
      checkShape(
        root,
        'envoy.config.listener.v3.Filter',
        { name: 'f', typed_config: { '@type': 'type.googleapis.com/envoy.Nope' } },
        'x',
        'proto',
      ).problems,
    ).toEqual(['x.typed_config.@type: envoy.Nope is not a vendored message type']);
  });
});

describe('deploy/envoy/envoy.yaml', () => {
  const config = parse(fs.readFileSync(ENVOY_YAML, 'utf8')) as Json;

  it('is a valid Bootstrap, field by field, through every typed_config', () => {
    const report = checkShape(
      root,
      'envoy.config.bootstrap.v3.Bootstrap',
      config,
      'envoy.yaml',
      'proto',
    );
    expect(report.problems).toEqual([]);
    expect([...report.typesSeen]).toEqual(
      expect.arrayContaining([
        'envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
        'envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication',
        'envoy.extensions.filters.http.ext_authz.v3.ExtAuthz',
        'envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute',
        'envoy.extensions.filters.http.router.v3.Router',
        'envoy.extensions.access_loggers.stream.v3.StdoutAccessLog',
        'envoy.extensions.upstreams.http.v3.HttpProtocolOptions',
        'envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext',
      ]),
    );
  });

  it('runs jwt_authn then ext_authz against Vigil, failing closed, with the token', () => {
    const hcm = config.static_resources.listeners[0].filter_chains[0].filters[0].typed_config;
    const filters = hcm.http_filters as Json[];
    expect(filters.map((f) => f.name)).toEqual([
      'envoy.filters.http.jwt_authn',
      'envoy.filters.http.ext_authz',
      'envoy.filters.http.router',
    ]);
    const extAuthz = filters[1]?.typed_config as Json;
    expect(extAuthz.failure_mode_allow).toBe(false);
    expect(extAuthz.transport_api_version).toBe('V3');
    expect(extAuthz.grpc_service.initial_metadata).toEqual([
      { key: 'authorization', value: 'Bearer ${VIGIL_AUTHZ_TOKEN}' },
    ]);
    expect(parseFloat(extAuthz.grpc_service.timeout)).toBeLessThanOrEqual(0.2);

    const clusters = new Map<string, Json>(
      (config.static_resources.clusters as Json[]).map((c) => [c.name, c]),
    );
    const risk = clusters.get(extAuthz.grpc_service.envoy_grpc.cluster_name);
    expect(
      risk?.typed_extension_protocol_options?.[
        'envoy.extensions.upstreams.http.v3.HttpProtocolOptions'
      ]?.explicit_http_config?.http2_protocol_options,
    ).toEqual({});
    expect(
      risk?.load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address.port_value,
    ).toBe(7002);

    // Every cluster referenced exists.
    const jwt = filters[0]?.typed_config as Json;
    const referenced = [
      ...hcm.route_config.virtual_hosts.flatMap((v: Json) =>
        v.routes.map((r: Json) => r.route.cluster),
      ),
      ...Object.values(jwt.providers as Record<string, Json>).map(
        (p) => p.remote_jwks.http_uri.cluster,
      ),
    ];
    for (const name of referenced)
      expect({ name, exists: clusters.has(name) }).toEqual({ name, exists: true });
  });

  it('hands Check the JWT payload where the dev mapping reads it', () => {
    const filters = config.static_resources.listeners[0].filter_chains[0].filters[0].typed_config
      .http_filters as Json[];
    const jwt = filters[0]?.typed_config as Json;
    const extAuthz = filters[1]?.typed_config as Json;
    const { metadata_namespace, payload_key } = devMappingDoc.user.jwt;
    expect(filters[0]?.name).toBe(metadata_namespace);
    expect(extAuthz.metadata_context_namespaces).toEqual([metadata_namespace]);
    for (const provider of Object.values(jwt.providers as Record<string, Json>)) {
      expect(provider.payload_in_metadata).toBe(payload_key);
    }
    expect(mapping.user.sources[0]).toBe('jwt');
  });

  it('sends Check exactly the headers the dev mapping reads', () => {
    const filters = config.static_resources.listeners[0].filter_chains[0].filters[0].typed_config
      .http_filters as Json[];
    const allowed = (filters[1]?.typed_config.allowed_headers.patterns as Json[]).map(
      (p) => p.exact,
    );
    const read = [
      mapping.user.sources.includes('header') ? mapping.user.header : null,
      ...Object.values(mapping.headers),
      mapping.clientIp.from === 'x_forwarded_for' ? 'x-forwarded-for' : null,
    ].filter((h): h is string => h !== null);
    expect([...allowed].sort()).toEqual([...read].sort());
  });
});

describe('deploy/k8s/istio', () => {
  const docs = istioDocuments();
  const values = docs.find((d) => d.file === 'istiod-values.yaml')?.doc as Json;

  it('has a meshConfig extension provider that is a valid MeshConfig and points at risk', () => {
    const report = checkShape(
      root,
      'istio.mesh.v1alpha1.MeshConfig',
      values.meshConfig,
      'meshConfig',
      'json',
    );
    expect(report.problems).toEqual([]);
    const provider = (values.meshConfig.extensionProviders as Json[]).find(
      (p) => p.name === 'vigil-risk',
    )?.envoyExtAuthzGrpc;
    expect(provider.failOpen).toBe(false);

    // The risk Service of deploy/k8s, in the kustomization's namespace, on its gRPC port.
    const kustomization = parse(
      fs.readFileSync(path.join(ROOT, 'deploy/k8s/kustomization.yaml'), 'utf8'),
    ) as Json;
    const service = parseAllDocuments(
      fs.readFileSync(path.join(ROOT, 'deploy/k8s/risk.yaml'), 'utf8'),
    )
      .map((d) => d.toJS() as Json)
      .find((d) => d.kind === 'Service' && d.metadata.name === 'risk');
    expect(provider.service).toBe(
      `${service?.metadata.name}.${kustomization.namespace}.svc.cluster.local`,
    );
    expect(service?.spec.ports.find((p: Json) => p.name === 'grpc').port).toBe(provider.port);
  });

  it('has a mapping in deploy/k8s that is valid and reads the user from the header Istio sets', () => {
    const file = path.join(ROOT, 'deploy/k8s/config/ext-authz.yaml');
    const k8sMapping = parseMapping(
      fs.readFileSync(file, 'utf8'),
      testPolicy().sensitivityOf,
      file,
    );
    // Istio cannot hand jwt_authn's metadata to Check: the header is the only user source.
    expect(k8sMapping.user.sources).toEqual(['header']);
    const requestAuth = docs.find((d) => d.doc.kind === 'RequestAuthentication')?.doc as Json;
    const copied = (requestAuth.spec.jwtRules as Json[]).flatMap((r) => r.outputClaimToHeaders);
    expect(copied).toContainEqual({ header: k8sMapping.user.header, claim: 'sub' });
  });

  it('has valid RequestAuthentication, AuthorizationPolicy and EnvoyFilter specs', () => {
    const kinds = docs.filter((d) => d.doc.kind).map((d) => d.doc.kind);
    expect(kinds.sort()).toEqual([
      'AuthorizationPolicy',
      'AuthorizationPolicy',
      'EnvoyFilter',
      'RequestAuthentication',
    ]);
    for (const { file, doc } of docs.filter((d) => d.doc.kind)) {
      const type = ISTIO_SPEC_TYPES[doc.kind] as string;
      const at = `${file}:${doc.kind}/${doc.metadata.name}.spec`;
      expect(checkShape(root, type, doc.spec, at, 'json').problems).toEqual([]);
    }
  });

  it('fits Vigil: the CUSTOM policy names the provider, the user header is the mapping’s, the token is merged', () => {
    const specs = docs.filter((d) => d.doc.kind).map((d) => d.doc);
    const custom = specs.find(
      (d) => d.kind === 'AuthorizationPolicy' && d.spec.action === 'CUSTOM',
    );
    expect(custom?.spec.provider.name).toBe('vigil-risk');
    const requestAuth = specs.find((d) => d.kind === 'RequestAuthentication');
    const copied = (requestAuth?.spec.jwtRules as Json[]).flatMap((r) => r.outputClaimToHeaders);
    expect(copied).toContainEqual({ header: mapping.user.header, claim: 'sub' });
    // Without a token the client's own x-user-id would survive: a DENY policy refuses those.
    const deny = specs.find((d) => d.kind === 'AuthorizationPolicy' && d.spec.action === 'DENY');
    expect(deny?.spec.rules[0].from[0].source.notRequestPrincipals).toEqual(['*']);

    const filter = specs.find((d) => d.kind === 'EnvoyFilter');
    const patch = filter?.spec.configPatches[0];
    expect(patch.match.listener.filterChain.filter.subFilter.name).toBe(
      'envoy.filters.http.ext_authz',
    );
    // The patch value is Envoy config (a Struct to Istio): check it as Envoy's ExtAuthz.
    const report = checkShape(
      root,
      'envoy.config.listener.v3.Filter',
      { name: 'envoy.filters.http.ext_authz', typed_config: patch.patch.value.typed_config },
      'EnvoyFilter.patch.value',
      'proto',
    );
    expect(report.problems).toEqual([]);
    expect(report.typesSeen.has('envoy.extensions.filters.http.ext_authz.v3.ExtAuthz')).toBe(true);
    expect(patch.patch.value.typed_config.grpc_service.initial_metadata).toEqual([
      { key: 'authorization', value: 'Bearer ${VIGIL_AUTHZ_TOKEN}' },
    ]);
  });
});
