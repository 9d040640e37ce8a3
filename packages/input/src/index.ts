/**
 * @vigil/input: one definition per input kind, shared by every door (ingest gRPC and HTTP,
 * Authorize, RiskAdmin, policy matching, the CLI), and strict JSON. Pure: no I/O. The rules and
 * why they are what they are: README.md.
 */
export { parseAction } from './actions';
export { parseCountryCode, parsePosition, type LatLon, type PositionInput } from './geo';
export {
  parseAttributeKey,
  parseDeviceId,
  parseEventId,
  parseReviewer,
  parseSessionId,
  parseTenantId,
  parseUserId,
} from './identifiers';
export { formatIpv6, parseIp } from './ip';
export { BYTE_LIMITS, type InputKind } from './limits';
export { parseResource, resourceMatchKey } from './resources';
export { errorClass, fail, ok, type InputError, type InputErrorCode, type Parsed } from './result';
export {
  parseStrictJson,
  StrictJsonError,
  type AliasSpec,
  type JsonPathSegment,
  type StrictJsonErrorCode,
  type StrictJsonOptions,
} from './strict-json';
export { cleanText, parseFreeText, presentText, type FieldOptions } from './text';
export {
  exactMillis,
  formatRfc3339,
  formatRfc3339Millis,
  MAX_TIMESTAMP_SECONDS,
  MIN_TIMESTAMP_SECONDS,
  parseRfc3339,
  type Timestamp,
} from './time';
export {
  codePointLabel,
  exceedsBytes,
  findForbidden,
  foldCase,
  isNfc,
  isWellFormed,
  utf8Length,
} from './unicode';
