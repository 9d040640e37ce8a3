// One gRPC unary call with REPEATED `authorization` metadata values, which neither grpc-js nor
// Node's HTTP/2 client will send (Node treats authorization as a single-value header and throws
// ERR_HTTP2_HEADER_SINGLE_VALUE). Run as `node --expose-internals grpc-repeated-header-client.cjs` with a
// JSON request on stdin: { address, path, payload (base64), authorization: string[], timeoutMs }.
// Prints { code, details, trailers } as JSON. Other clients (Go, grpcurl -H twice) send such
// calls; this is how the tests do.
'use strict';
const path = require('node:path');
const { createRequire } = require('node:module');

// Patch before http2 is loaded: internal/http2/core binds mapToHeaders when it loads.
// grpc-js refuses two authorization values itself, so the extra ones travel as EXTRA metadata
// and become authorization headers here, on the wire.
const EXTRA = 'x-test-extra-authorization';
const util = require('internal/http2/util');
const original = util.mapToHeaders;
util.mapToHeaders = function mapToHeaders(map, ...rest) {
  if (!map || map[EXTRA] === undefined) return original.call(this, map, ...rest);
  const extra = [map[EXTRA]].flat();
  const copy = { ...map };
  delete copy[EXTRA];
  const [block, count] = original.call(this, copy, ...rest);
  // Each header is "name\0value\0" plus a flags byte ("\0": may be indexed).
  return [block + extra.map((v) => `authorization\0${v}\0\0`).join(''), count + extra.length];
};

const repo = path.resolve(__dirname, '../..');
const grpc = createRequire(path.join(repo, 'packages/client/package.json'))('@grpc/grpc-js');

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const client = new grpc.Client(request.address, grpc.credentials.createInsecure());
  const metadata = new grpc.Metadata();
  const [first, ...more] = request.authorization;
  if (first !== undefined) metadata.add('authorization', first);
  for (const value of more) metadata.add(EXTRA, value);
  client.makeUnaryRequest(
    request.path,
    (b) => b,
    (b) => b,
    Buffer.from(request.payload, 'base64'),
    metadata,
    { deadline: Date.now() + (request.timeoutMs || 10_000) },
    (err) => {
      const trailers = {};
      for (const [k, v] of Object.entries(err?.metadata?.getMap() ?? {})) {
        trailers[k] = typeof v === 'string' ? v : Buffer.from(v).toString('base64');
      }
      process.stdout.write(
        JSON.stringify({ code: err ? err.code : 0, details: err ? err.details : '', trailers }),
      );
      client.close();
    },
  );
});
