export {
  AUDIT_API_VERSION,
  MAX_EVENTS_PER_LIST,
  MalformedEventListError,
  parseEventList,
} from './audit-event';
export type { AuditEvent, ItemResult, Stage } from './audit-event';
export { classify, isLongRunning, stageDropReason } from './classify';
export type { ActionClass, DropReason } from './classify';
export { clusterMapEnv, type ClusterMap } from './clusters';
export { intakeEventList, summarize, countByClass, MAX_ECHOED_AUDIT_ID_BYTES } from './intake';
export type { IntakeReport, IntakeSummary, MalformedItem } from './intake';
export {
  ATTRIBUTES,
  K8S_EVENT_MAX_ATTRIBUTES,
  K8S_EVENT_MAX_BYTES,
  eventIdFor,
  mapAuditEvent,
  outcomeOf,
  resourceOf,
  sourceIp,
} from './mapping';
export type { MappingOptions, MapResult } from './mapping';
export { COMMAND_MODES, type CommandMode } from './request-uri';
export { storeItems, type MappedItem, type PublishPort, type StoreLimits } from './store';
