export * from './errors';
export * from './config';
export * from './logger';
export * from './kafka';
export * from './kafka-security';
export * from './redis';
export * from './metrics';
export * from './ops-server';
export * from './shutdown';
export * from './main';
export * from './auth';
export * from './grpc';
export {
  createGrpcRefusalMetrics,
  decoderReason,
  decodingInHandler,
  type DecodeOptions,
  type RejectUndecodable,
} from './grpc-decode';
export * from './kafka-read';
export * from './listen';
export * from './kafka-acls';
export * from './backoff';
export * from './consumer-supervisor';
export * from './coalescer';
