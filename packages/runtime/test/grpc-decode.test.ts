import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { Registry } from 'prom-client';
import { callWithRepeatedAuthorization } from '../../../test/support/grpc-repeated-header';
import {
  createLogger,
  grpcError,
  restoreRepeatedAuthorization,
  startGrpcServer,
  type RunningGrpcServer,
} from '../src';

/**
 * Issue #11, "gRPC": an undecodable request got grpc-js's INTERNAL "Error deserializing request",
 * even without a token, with no vigil-error-code, neither logged nor counted. Now the runtime
 * decodes in the handler (grpc-decode.ts).
 */
const lines: string[] = [];
const logger = createLogger({
  service: 'test',
  destination: new Writable({
    write: (chunk: Buffer, _e, done) => {
      lines.push(chunk.toString('utf8'));
      done();
    },
  }),
});

/** A method whose messages are JSON objects: anything else fails to decode. */
const definition = {
  echo: {
    path: '/test.Echo/Echo',
    requestStream: false,
    responseStream: false,
    requestSerialize: (m: unknown) => Buffer.from(JSON.stringify(m)),
    requestDeserialize: (b: Buffer) => {
      const value = JSON.parse(b.toString('utf8')) as unknown;
      if (typeof value !== 'object' || value === null) throw new Error('not an object');
      return value;
    },
    responseSerialize: (m: unknown) => Buffer.from(JSON.stringify(m)),
    responseDeserialize: (b: Buffer) => JSON.parse(b.toString('utf8')) as unknown,
  },
} satisfies grpc.ServiceDefinition;

const GOOD = 'Bearer good';

interface Answer {
  code: grpc.status;
  details: string;
  vigilCode: unknown;
  response?: unknown;
}

describe('gRPC requests are decoded in the handler', () => {
  let server: RunningGrpcServer;
  let client: grpc.Client;
  const registry = new Registry();
  const seen: unknown[] = [];

  beforeAll(async () => {
    server = await startGrpcServer({
      host: '127.0.0.1',
      port: 0,
      logger,
      registry,
      services: [
        {
          name: 'test.Echo',
          definition,
          implementation: {
            echo: (
              call: grpc.ServerUnaryCall<unknown, unknown>,
              callback: grpc.sendUnaryData<unknown>,
            ) => {
              seen.push(call.request);
              callback(null, { echoed: call.request });
            },
          },
          // Authentication first: a caller without the good token is UNAUTHENTICATED.
          rejectUndecodable: (call) =>
            call.metadata.get('authorization')[0] === GOOD
              ? undefined
              : grpcError(grpc.status.UNAUTHENTICATED, 'a token is required', {
                  'vigil-error-code': 'UNAUTHENTICATED',
                }),
        },
      ],
    });
    client = new grpc.Client(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await server.drain(0);
  });

  const call = (bytes: Buffer, authorization: readonly string[]): Promise<Answer> =>
    new Promise((resolve) => {
      const metadata = new grpc.Metadata();
      for (const value of authorization) metadata.add('authorization', value);
      let trailers = new grpc.Metadata();
      const c = client.makeUnaryRequest(
        definition.echo.path,
        (b: Buffer) => b,
        (b: Buffer) => JSON.parse(b.toString('utf8')) as unknown,
        bytes,
        metadata,
        (err, response) =>
          resolve({
            code: err ? err.code : grpc.status.OK,
            details: err ? err.details : '',
            vigilCode: (err?.metadata ?? trailers).get('vigil-error-code')[0],
            response,
          }),
      );
      c.on('status', (s: grpc.StatusObject) => (trailers = s.metadata));
    });

  const refused = async (method: string, code: string) =>
    (await registry.getSingleMetric('vigil_grpc_refused_requests_total')?.get())?.values.find(
      (v) => v.labels.method === method && v.labels.code === code,
    )?.value ?? 0;

  it('hands a decodable request to the handler, decoded', async () => {
    const answer = await call(Buffer.from('{"a":1}'), [GOOD]);
    expect(answer).toMatchObject({ code: grpc.status.OK, response: { echoed: { a: 1 } } });
    expect(seen).toContainEqual({ a: 1 });
  });

  it('answers an undecodable request INVALID_ARGUMENT / MALFORMED_REQUEST, logs and counts it', async () => {
    const before = await refused('/test.Echo/Echo', 'MALFORMED_REQUEST');
    lines.length = 0;
    const payload = Buffer.from([0xff, 0xfe, 0x53, 0x45, 0x43, 0x52, 0x45, 0x54]); // "..SECRET"
    const answer = await call(payload, [GOOD]);
    expect(answer).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      vigilCode: 'MALFORMED_REQUEST',
      details: expect.stringContaining('not a valid message of /test.Echo/Echo'),
    });
    expect(await refused('/test.Echo/Echo', 'MALFORMED_REQUEST')).toBe(before + 1);
    const logged = lines.join('');
    expect(logged).toContain('"code":"MALFORMED_REQUEST"');
    expect(logged).toContain('"bytes":8');
    expect(logged).not.toContain('SECRET');
  });

  it('authenticates first: an undecodable request without credentials is UNAUTHENTICATED', async () => {
    const answer = await call(Buffer.from('garbage'), []);
    expect(answer).toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      vigilCode: 'UNAUTHENTICATED',
    });
  });

  it('refuses two authorization values as CONFLICTING_CREDENTIALS, before the handler', async () => {
    // Node's HTTP/2 server keeps only the first authorization header; grpc.ts restores them all.
    const count = seen.length;
    for (const values of [
      ['Bearer forged', GOOD],
      [GOOD, 'Bearer forged'],
      [GOOD, GOOD],
    ]) {
      const answer = await callWithRepeatedAuthorization({
        address: `127.0.0.1:${server.port}`,
        path: definition.echo.path,
        payload: Buffer.from('{"b":2}'),
        authorization: values,
      });
      expect(answer).toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
        trailers: { 'vigil-error-code': 'CONFLICTING_CREDENTIALS' },
      });
    }
    expect(seen).toHaveLength(count);
    expect(await refused('/test.Echo/Echo', 'CONFLICTING_CREDENTIALS')).toBe(3);
  }, 20_000);

  it('restores every authorization value from the raw headers, and only those', () => {
    const headers: Record<string, string | string[] | undefined> = { authorization: 'a' };
    restoreRepeatedAuthorization(undefined, headers, 0, [
      'authorization',
      'a',
      'x',
      'y',
      'authorization',
      'b',
    ]);
    expect(headers.authorization).toEqual(['a', 'b']);
    const single: Record<string, string | string[] | undefined> = { authorization: 'a' };
    restoreRepeatedAuthorization(undefined, single, 0, ['authorization', 'a']);
    expect(single.authorization).toBe('a');
  });
});
