import * as path from 'node:path';

/** Directory holding `vigil/v1/*.proto`, for loaders that need descriptors (gRPC reflection). */
export const PROTO_ROOT = path.resolve(__dirname, '../../../proto');

export const PROTO_FILES = [
  'vigil/v1/authz.proto',
  'vigil/v1/events.proto',
  'vigil/v1/ingest.proto',
  'vigil/v1/sealing.proto',
] as const;
