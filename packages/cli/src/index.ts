export { buildProgram, runCli } from './program';
export { EXIT, CliError } from './exit-codes';
export {
  SealedLogVerifier,
  verifySealedLog,
  type VerifyReport,
  type Finding,
} from './audit/verify-report';
export type { LoadedRoot, StoredRecord } from './audit/sealed-log';
