import {
  BYTE_LIMITS,
  parseAction,
  parseCountryCode,
  parseDeviceId,
  parseFreeText,
  parseIp,
  parsePosition,
  parseResource,
  parseSessionId,
  parseTenantId,
  parseUserId,
} from '@vigil/input';
import { vigil } from '@vigil/proto';
import { validInput } from '../errors';
import type { RequestFacts } from '../model/assess';

/** An AuthorizeRequest in canonical form, and what the risk model reads from it. */
export interface CanonicalRequest {
  /**
   * What is decided on, keyed by and logged: the user id case-folded, the action lower-cased,
   * the IP in its one spelling, the country upper-cased; everything else exactly as sent.
   */
  request: vigil.v1.AuthorizeRequest;
  facts: RequestFacts;
}

/**
 * Applies the shared input rules (@vigil/input, the same ingest applies) to an Authorize request:
 * every field is canonicalized or refused, never repaired, and a refusal is an
 * InvalidRequestError (INVALID_ARGUMENT) naming the field. Refusing is what keeps the doors in
 * agreement: a user id with a trailing space or U+200B, a resource spelled `db//prod-payments`
 * or a latitude of 1000 would otherwise be decided as a different user, a less sensitive
 * resource or no position at all. Pure.
 *
 * The byte limits also bound the decision record, which copies the request: a record Kafka
 * refused as too large could never be logged and would block the decision log behind it.
 *
 * `anonymous`: the caller allows a request without a user (ext_authz routes); otherwise user_id
 * is required.
 */
export function canonicalRequest(
  request: vigil.v1.IAuthorizeRequest,
  anonymous: boolean,
): CanonicalRequest {
  const userId = validInput(parseUserId(request.userId, { required: !anonymous }));
  const action = validInput(parseAction(request.action));
  const resource = validInput(parseResource(request.resource, { required: true }));
  const tenantId = validInput(parseTenantId(request.tenantId));
  const context = request.context ?? {};
  const ip = validInput(parseIp(context.ip, { field: 'context.ip' }));
  const deviceId = validInput(parseDeviceId(context.deviceId, { field: 'context.device_id' }));
  const sessionId = validInput(parseSessionId(context.sessionId, { field: 'context.session_id' }));
  const userAgent = validInput(
    parseFreeText(context.userAgent, {
      field: 'context.user_agent',
      maxBytes: BYTE_LIMITS.userAgent,
    }),
  );
  const geo = context.geo ?? {};
  const country = validInput(
    parseCountryCode(geo.countryCode, { field: 'context.geo.country_code' }),
  );
  const position = validInput(parsePosition(geo, { field: 'context.geo' }));

  const canonical = vigil.v1.AuthorizeRequest.create({ userId, action, resource, tenantId });
  // Absent messages stay absent, so the decision record shows what the caller sent.
  if (request.context) {
    canonical.context = vigil.v1.RequestContext.create({ ip, deviceId, sessionId, userAgent });
    if (context.geo) {
      canonical.context.geo = vigil.v1.Geo.create(
        position
          ? { countryCode: country, latitude: position.lat, longitude: position.lon }
          : { countryCode: country },
      );
      canonical.context.geo.hasPosition = position !== undefined;
    }
  }
  return { request: canonical, facts: { ip, deviceId, country, position } };
}
