export { vigil, google } from './generated';
export * from './timestamps';
export * from './grpc';
export { PROTO_ROOT, PROTO_FILES } from './files';
export * from './envoy-auth';
