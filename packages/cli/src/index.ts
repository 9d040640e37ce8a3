export { buildProgram, runCli } from './program';
export { EXIT, CliError } from './exit-codes';
export { verifySealedLog, type VerifyReport, type Finding } from './audit/verify-report';
