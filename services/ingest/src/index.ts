export { createIngestApp, type IngestApp, type IngestAppDeps } from './app';
export { ingestEnv, loadIngestConfig, type IngestConfig } from './config';
export { IngestError, type IngestErrorCode, type Violation, type ViolationReason } from './errors';
export { ERROR_MAPPINGS, METADATA } from './error-mapping';
export type { Receipt } from './receipts';
