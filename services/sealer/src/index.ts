export * from './batch-buffer';
export * from './build-root';
export * from './chain-head';
export * from './config';
export * from './sealer';
export * from './signing-key';
