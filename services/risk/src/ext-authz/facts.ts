import {
  BYTE_LIMITS,
  parseAction,
  parseCountryCode,
  parseDeviceId,
  parseIp,
  parseSessionId,
  parseTenantId,
  parseUserId,
  type Parsed,
} from '@vigil/input';
import type { envoyAuth, vigil } from '@vigil/proto';
import {
  normalizeHost,
  normalizePath,
  type Mapping,
  type RouteMatch,
  type UserSource,
} from './mapping';

/** Authorize's facts for one Check, and what the answer needs to know about its route. */
export interface CheckFacts {
  kind: 'facts';
  /** user_id is empty when the request named no user. */
  request: vigil.v1.IAuthorizeRequest;
  route: RouteMatch;
  /** Recorded with the decision (AuthzDecision.ext_authz). */
  extAuthz: vigil.v1.IExtAuthzRequest;
}

/** A request that can never be decided as sent; answered 400 and not logged as a decision. */
export interface CheckRejection {
  kind: 'invalid';
  message: string;
}

/** Reads a CheckRequest through the mapping. Pure: no I/O, no clock. */
export function checkFacts(
  check: envoyAuth.CheckRequest,
  mapping: Mapping,
): CheckFacts | CheckRejection {
  const attributes = check.attributes ?? {};
  const http = attributes.request?.http ?? {};
  const headers = http.headers ?? {};
  const method = (http.method ?? '').toUpperCase();
  const host = normalizeHost(http.host ?? headers[':authority'] ?? '');
  const path = normalizePath(http.path ?? headers[':path'] ?? '/');
  const route = mapping.match(host, path, method);

  const user = userId(attributes, headers, mapping);
  const header = (name: string | null): string => (name ? (headers[name] ?? '').trim() : '');
  // The shared input rules (@vigil/input), with errors named after where the value came from:
  // the client can fix a header it sent, not an Authorize field it never saw.
  const named = (name: string | null) => ({ field: `header ${name ?? ''}` });
  const parsed = {
    userId: parseUserId(user.id, { field: user.from, required: false }),
    tenantId: parseTenantId(header(mapping.headers.tenantId), named(mapping.headers.tenantId)),
    deviceId: parseDeviceId(header(mapping.headers.deviceId), named(mapping.headers.deviceId)),
    sessionId: parseSessionId(header(mapping.headers.sessionId), named(mapping.headers.sessionId)),
    country: parseCountryCode(header(mapping.headers.country), named(mapping.headers.country)),
    action: parseAction(route.action ?? `http.${method.toLowerCase() || 'unknown'}`, {
      field: 'the HTTP method',
    }),
  };
  for (const result of Object.values(parsed)) {
    if (!result.ok) return { kind: 'invalid', message: result.error.message };
  }
  const value = (result: Parsed<string>): string => (result.ok ? result.value : '');
  const request = {
    userId: value(parsed.userId),
    action: value(parsed.action),
    resource: route.resource,
    tenantId: value(parsed.tenantId),
    context: {
      ip: clientIp(attributes, headers, mapping),
      deviceId: value(parsed.deviceId),
      sessionId: value(parsed.sessionId),
      // Free text, kept for the record: cut to the limit rather than refusing the request.
      userAgent: truncateUtf8(header(mapping.headers.userAgent), BYTE_LIMITS.userAgent),
      geo: { countryCode: value(parsed.country) },
    },
  };

  return {
    kind: 'facts',
    request,
    route,
    extAuthz: {
      requestId: (http.id ?? '').slice(0, 256),
      method: method.slice(0, 32),
      host: host.slice(0, 256),
      path: path.slice(0, 1_024),
      route: route.route,
      sensitivity: route.sensitivity,
      userSource: user.id ? user.source : '',
    },
  };
}

function userId(
  attributes: envoyAuth.AttributeContext,
  headers: Record<string, string>,
  mapping: Mapping,
): { id: string; source: UserSource; from: string } {
  const { jwt } = mapping.user;
  for (const source of mapping.user.sources) {
    if (source === 'header') {
      const id = (headers[mapping.user.header] ?? '').trim();
      if (id) return { id, source, from: `header ${mapping.user.header}` };
    } else {
      const payload =
        attributes.metadataContext?.filterMetadata?.[jwt.namespace]?.fields?.[jwt.payloadKey]
          ?.structValue;
      const id = claimText(payload?.fields?.[jwt.claim]);
      if (id) return { id, source, from: `JWT claim ${jwt.claim}` };
    }
  }
  return { id: '', source: mapping.user.sources[0] ?? 'header', from: 'the user id' };
}

/**
 * A claim as text: strings exactly as they are (a claim with surrounding whitespace is refused by
 * the user id rules, not repaired), whole numbers in decimal; anything else is no user.
 */
function claimText(value: envoyAuth.Value | undefined): string {
  if (!value) return '';
  if (typeof value.stringValue === 'string' && value.stringValue !== '') {
    return value.stringValue;
  }
  if (typeof value.numberValue === 'number' && Number.isSafeInteger(value.numberValue)) {
    return String(value.numberValue);
  }
  return '';
}

/**
 * The client's IP: the peer Envoy saw, or the x-forwarded-for entry `trusted_hops` places from
 * the right (Envoy's xff_num_trusted_hops rule; Envoy itself appends the peer when
 * use_remote_address is on). Too few entries means the request did not come through the trusted
 * proxies, so the peer address is used. Anything that is not an IP address counts as unknown.
 */
export function clientIp(
  attributes: envoyAuth.AttributeContext,
  headers: Record<string, string>,
  mapping: Mapping,
): string {
  const peer = attributes.source?.address?.socketAddress?.address ?? '';
  let candidate = peer;
  if (mapping.clientIp.from === 'x_forwarded_for') {
    const entries = (headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const index = entries.length - 1 - mapping.clientIp.trustedHops;
    if (index >= 0) candidate = entries[index] as string;
  }
  return ipOnly(candidate);
}

/**
 * `203.0.113.7`, `203.0.113.7:443`, `[2001:db8::1]:443` -> the address in its one spelling
 * (@vigil/input parseIp); else ''.
 */
function ipOnly(text: string): string {
  let ip = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  const parsed = parseIp(ip);
  return parsed.ok ? parsed.value : '';
}

/** The longest prefix of `text` within `maxBytes` of UTF-8 that does not split a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // Back up over continuation bytes (10xxxxxx) to the start of the cut character.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString('utf8');
}
