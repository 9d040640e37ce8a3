import * as path from 'node:path';
import { resolveProto, THIRD_PARTY_PROTO_ROOT } from '@vigil/proto';
import * as protobuf from 'protobufjs';

/**
 * Offline checks of proxy configuration (YAML as Envoy and Istio read it) against the .proto
 * files that define it, without the proxy: every key must be a field of its message, every enum
 * value a name (or number) of its enum, every `@type` of a google.protobuf.Any a vendored message
 * (whose fields are then checked too), and at most one member of each oneof may be set.
 *
 * What this does not do: Envoy's protoc-gen-validate rules (stripped from the vendored files),
 * required fields, cross references (a cluster name that exists), and anything the proxy only
 * decides at run time.
 */

export const FIXTURE_PROTO_ROOT = path.resolve(__dirname, '../fixtures/proxy-protos');

/** Field names as written in the YAML: proto names (Envoy's style) or JSON names (Istio's). */
export type NameStyle = 'proto' | 'json';

/** Loads `files` (relative to the vendored roots) with proto field names kept. */
export function loadProxyProtos(files: readonly string[]): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) =>
    resolveProto(target, [THIRD_PARTY_PROTO_ROOT, FIXTURE_PROTO_ROOT]);
  root.loadSync([...files], { keepCase: true });
  root.resolveAll();
  return root;
}

const WRAPPERS: Record<string, 'number' | 'string' | 'boolean'> = {
  '.google.protobuf.DoubleValue': 'number',
  '.google.protobuf.FloatValue': 'number',
  '.google.protobuf.Int64Value': 'number',
  '.google.protobuf.UInt64Value': 'number',
  '.google.protobuf.Int32Value': 'number',
  '.google.protobuf.UInt32Value': 'number',
  '.google.protobuf.BoolValue': 'boolean',
  '.google.protobuf.StringValue': 'string',
  '.google.protobuf.BytesValue': 'string',
};
const NUMERIC = new Set([
  'double',
  'float',
  'int32',
  'uint32',
  'sint32',
  'fixed32',
  'sfixed32',
  'int64',
  'uint64',
  'sint64',
  'fixed64',
  'sfixed64',
]);
/** protobuf JSON mapping of Duration: decimal seconds with an `s`, e.g. "0.2s". */
const DURATION = /^-?\d+(\.\d{1,9})?s$/;
const TYPE_URL = /^type\.googleapis\.com\/([A-Za-z0-9_.]+)$/;

const lowerCamel = (name: string) =>
  name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export interface ShapeReport {
  problems: string[];
  /** Every message type checked, e.g. to show that an Any's payload was reached. */
  typesSeen: Set<string>;
}

/** Checks `value` as a message of type `typeName`; problems name their path from `at`. */
export function checkShape(
  root: protobuf.Root,
  typeName: string,
  value: unknown,
  at: string,
  style: NameStyle,
): ShapeReport {
  const report: ShapeReport = { problems: [], typesSeen: new Set() };
  checkMessage(root, root.lookupType(typeName), value, at, style, report);
  return report;
}

function checkMessage(
  root: protobuf.Root,
  type: protobuf.Type,
  value: unknown,
  at: string,
  style: NameStyle,
  report: ShapeReport,
): void {
  const full = type.fullName;
  report.typesSeen.add(full.slice(1));
  if (full === '.google.protobuf.Struct' || full === '.google.protobuf.Value') return;
  if (full === '.google.protobuf.ListValue') {
    if (!Array.isArray(value)) report.problems.push(`${at}: expected a list`);
    return;
  }
  if (full === '.google.protobuf.Duration') {
    if (typeof value !== 'string' || !DURATION.test(value)) {
      report.problems.push(
        `${at}: expected a duration such as "0.2s", got ${JSON.stringify(value)}`,
      );
    }
    return;
  }
  if (full === '.google.protobuf.Timestamp') {
    if (typeof value !== 'string') report.problems.push(`${at}: expected an RFC 3339 timestamp`);
    return;
  }
  const wrapped = WRAPPERS[full];
  if (wrapped) {
    if (!scalarOk(wrapped, value)) report.problems.push(`${at}: expected a ${wrapped}`);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report.problems.push(`${at}: expected a mapping (${full.slice(1)})`);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (full === '.google.protobuf.Any') {
    const url = (value as Record<string, unknown>)['@type'];
    const match = typeof url === 'string' ? TYPE_URL.exec(url) : null;
    if (!match) {
      report.problems.push(`${at}.@type: expected type.googleapis.com/<message>`);
      return;
    }
    let payload: protobuf.Type;
    try {
      payload = root.lookupType(match[1] as string);
    } catch {
      report.problems.push(`${at}.@type: ${match[1]} is not a vendored message type`);
      return;
    }
    const rest = Object.fromEntries(entries.filter(([k]) => k !== '@type'));
    checkMessage(root, payload, rest, at, style, report);
    return;
  }

  const byName = new Map<string, protobuf.Field>();
  for (const field of type.fieldsArray) {
    byName.set(style === 'proto' ? field.name : lowerCamel(field.name), field);
  }
  for (const [key, child] of entries) {
    const field = byName.get(key);
    if (!field) {
      const other = type.fieldsArray.find((f) => f.name === key || lowerCamel(f.name) === key);
      report.problems.push(
        other
          ? `${at}.${key}: write ${style === 'proto' ? other.name : lowerCamel(other.name)} (${style} field names)`
          : `${at}.${key}: no such field in ${full.slice(1)}`,
      );
      continue;
    }
    checkField(root, field, child, `${at}.${key}`, style, report);
  }
  for (const oneof of type.oneofsArray) {
    const set = oneof.fieldsArray.filter((f) => entries.some(([k]) => byName.get(k) === f));
    if (set.length > 1) {
      report.problems.push(
        `${at}: ${set.map((f) => f.name).join(' and ')} are alternatives (oneof ${oneof.name}); set one`,
      );
    }
  }
}

function checkField(
  root: protobuf.Root,
  field: protobuf.Field,
  value: unknown,
  at: string,
  style: NameStyle,
  report: ShapeReport,
): void {
  if (field instanceof protobuf.MapField) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      report.problems.push(`${at}: expected a map`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      checkSingle(root, field, item, `${at}.${key}`, style, report);
    }
    return;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) {
      report.problems.push(`${at}: expected a list`);
      return;
    }
    value.forEach((item, i) => checkSingle(root, field, item, `${at}[${i}]`, style, report));
    return;
  }
  checkSingle(root, field, value, at, style, report);
}

function checkSingle(
  root: protobuf.Root,
  field: protobuf.Field,
  value: unknown,
  at: string,
  style: NameStyle,
  report: ShapeReport,
): void {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    const ok =
      (typeof value === 'string' && value in resolved.values) ||
      (typeof value === 'number' && Object.values(resolved.values).includes(value));
    if (!ok) {
      report.problems.push(
        `${at}: ${JSON.stringify(value)} is not a value of ${resolved.fullName.slice(1)}`,
      );
    }
    return;
  }
  if (resolved instanceof protobuf.Type) {
    checkMessage(root, resolved, value, at, style, report);
    return;
  }
  const kind = NUMERIC.has(field.type) ? 'number' : field.type === 'bool' ? 'boolean' : 'string';
  if (!scalarOk(kind, value)) report.problems.push(`${at}: expected a ${field.type}`);
}

function scalarOk(kind: 'number' | 'string' | 'boolean', value: unknown): boolean {
  if (kind === 'number') {
    // int64 and friends may be written as strings in the JSON mapping.
    return (
      typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
    );
  }
  return typeof value === kind;
}
