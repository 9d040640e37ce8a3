export { createRiskApp, type RiskApp, type RiskAppDeps } from './app';
export { loadRiskConfig, riskEnv, type RiskConfig, type RiskEnv } from './config';
export { DEFAULT_POLICY_FILE, loadPolicyFile, parsePolicy } from './policy/load';
export type { Policy } from './policy/policy';
export { rebuildRiskState, type RebuildOptions, type RebuildSummary } from './rebuild-state';
export { KeyLayout } from './store/keys';
export { SIGNAL_CODES, RESTRICTED, RISK_STATE_UNAVAILABLE, NO_USER } from './model/signals';
export { ADMIN_ACTIONS, ADMIN_SOURCE } from './model/events';
