import { isIP } from 'node:net';
import type { envoyAuth, vigil } from '@vigil/proto';
import { FIELD_LIMITS } from '../authz/authorizer';
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
  const userAgent = header(mapping.headers.userAgent).slice(0, FIELD_LIMITS['context.user_agent']);
  const request = {
    userId: user.id,
    action: route.action ?? `http.${method.toLowerCase() || 'unknown'}`,
    resource: route.resource,
    tenantId: header(mapping.headers.tenantId),
    context: {
      ip: clientIp(attributes, headers, mapping),
      deviceId: header(mapping.headers.deviceId),
      sessionId: header(mapping.headers.sessionId),
      userAgent,
      geo: { countryCode: header(mapping.headers.country) },
    },
  };

  // Bounds as Authorize's, but named after where the value came from: the client can fix a
  // header it sent, not an Authorize field it never saw.
  const bounded: Array<[string, string, number]> = [
    [user.from, request.userId, FIELD_LIMITS.user_id],
    [`header ${mapping.headers.tenantId}`, request.tenantId, FIELD_LIMITS.tenant_id],
    [
      `header ${mapping.headers.deviceId}`,
      request.context.deviceId,
      FIELD_LIMITS['context.device_id'],
    ],
    [
      `header ${mapping.headers.sessionId}`,
      request.context.sessionId,
      FIELD_LIMITS['context.session_id'],
    ],
    [
      `header ${mapping.headers.country}`,
      request.context.geo.countryCode,
      FIELD_LIMITS['context.geo.country_code'],
    ],
  ];
  for (const [where, value, max] of bounded) {
    if (value.length > max) {
      return { kind: 'invalid', message: `${where} is longer than ${max} characters` };
    }
  }
  if (request.action.length > FIELD_LIMITS.action) {
    return { kind: 'invalid', message: 'the HTTP method is too long' };
  }

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

/** A claim as text: strings as they are, whole numbers in decimal; anything else is no user. */
function claimText(value: envoyAuth.Value | undefined): string {
  if (!value) return '';
  if (typeof value.stringValue === 'string' && value.stringValue !== '') {
    return value.stringValue.trim();
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

/** `203.0.113.7`, `203.0.113.7:443`, `[2001:db8::1]:443` -> the address; else ''. */
function ipOnly(text: string): string {
  let ip = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  return isIP(ip) ? ip.toLowerCase() : '';
}
