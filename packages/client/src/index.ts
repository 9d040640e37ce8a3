export * from './connection';
export * from './ingest';
export * from './authz';
