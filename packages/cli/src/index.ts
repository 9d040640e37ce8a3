export { buildProgram, runCli } from './program';
export { EXIT, CliError } from './exit-codes';
// The sealed-log verifier is @vigil/audit's (the CLI only reads Kafka and prints); import it from
// there. Re-exported so code that took it from the CLI keeps working.
export {
  SealedLogVerifier,
  verifySealedLog,
  type VerifyReport,
  type Finding,
  type LoadedRoot,
  type StoredRecord,
} from '@vigil/audit';
