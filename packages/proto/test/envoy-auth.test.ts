import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVOY_CHECK_PATH, THIRD_PARTY_PROTO_ROOT, envoyAuth, envoyAuthProtos } from '../src';

function protoFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.proto'))
    .sort();
}

describe('Envoy ext_authz protos (vendored, loaded at run time)', () => {
  it('serves envoy.service.auth.v3.Authorization/Check with the upstream field numbers', () => {
    const { root, AuthorizationServiceDefinition } = envoyAuthProtos();
    const check = AuthorizationServiceDefinition.check;
    expect(check?.path).toBe(ENVOY_CHECK_PATH);
    expect(check?.requestStream).toBe(false);
    expect(check?.responseStream).toBe(false);
    // Spot checks against external_auth.proto and attribute_context.proto at the pinned commit.
    const http = root.lookupType('envoy.service.auth.v3.AttributeContext.HttpRequest');
    expect(http.fields.headers?.id).toBe(3);
    expect(http.fields.path?.id).toBe(4);
    expect(http.fields.host?.id).toBe(5);
    const attributes = root.lookupType('envoy.service.auth.v3.AttributeContext');
    expect(attributes.fields.metadataContext?.id).toBe(11);
    const response = root.lookupType('envoy.service.auth.v3.CheckResponse');
    expect(response.oneofs.httpResponse?.fieldsArray.map((f) => f.name).sort()).toEqual([
      'deniedResponse',
      'errorResponse',
      'okResponse',
    ]);
  });

  it('round-trips a CheckRequest and a CheckResponse', () => {
    const { CheckRequest, CheckResponse, AuthorizationServiceDefinition } = envoyAuthProtos();
    const check = AuthorizationServiceDefinition.check!;
    const request: envoyAuth.CheckRequest = {
      attributes: {
        source: { address: { socketAddress: { address: '203.0.113.9', portValue: 50123 } } },
        request: {
          http: {
            method: 'GET',
            host: 'api.example.com',
            path: '/payments/1?x=1',
            headers: { 'x-user-id': 'alice' },
          },
        },
        metadataContext: {
          filterMetadata: {
            'envoy.filters.http.jwt_authn': {
              fields: {
                jwt_payload: { structValue: { fields: { sub: { stringValue: 'bob' } } } },
              },
            },
          },
        },
      },
    };
    const bytes = check.requestSerialize(request);
    const decoded = check.requestDeserialize(bytes) as envoyAuth.CheckRequest;
    expect(CheckRequest.toObject(decoded as never)).toEqual(request);

    const response: envoyAuth.CheckResponse = {
      status: { code: 16 },
      deniedResponse: {
        status: { code: 401 },
        headers: [
          {
            header: { key: 'www-authenticate', value: 'Bearer' },
            appendAction: envoyAuth.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD,
          },
        ],
        body: '{}',
      },
    };
    const back = CheckResponse.decode(check.responseSerialize(response));
    expect(CheckResponse.toObject(back)).toEqual(response);
  });

  it('vendors upstream files with only the documented annotation strip applied', () => {
    const files = protoFiles(THIRD_PARTY_PROTO_ROOT);
    expect(files).toHaveLength(14);
    for (const file of files) {
      const text = fs.readFileSync(path.join(THIRD_PARTY_PROTO_ROOT, file), 'utf8');
      // Code only: upstream comments may still mention the stripped options.
      const code = text.replace(/\/\/.*$/gm, '');
      expect({ file, stripped: /udpa\.|validate\.|xds\.annotations/.test(code) }).toEqual({
        file,
        stripped: false,
      });
    }
    const licenses = fs.readdirSync(THIRD_PARTY_PROTO_ROOT).filter((f) => f.startsWith('LICENSE.'));
    expect(licenses.sort()).toEqual([
      'LICENSE.cncf-xds',
      'LICENSE.envoy-data-plane-api',
      'LICENSE.googleapis',
    ]);
  });
});
