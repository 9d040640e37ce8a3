export * from './batch-buffer';
export * from './build-root';
export * from './chain-head';
export * from './config';
export { createSealerMetrics, type SealerMetrics } from './metrics';
export * from './sealer';
export * from './signing-key';
export * from './app';
