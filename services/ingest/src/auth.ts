import type { PeerCertificate } from 'node:tls';
import { bearerToken } from '@vigil/runtime';
import { IngestError } from './errors';
import type { SourceRegistry, SourceScope } from './sources';

/** A certificate's CN or DNS name as a sources file may name it. */
const SUBJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface Credentials {
  /**
   * Every `authorization` header (HTTP: `req.headersDistinct`, since `req.headers` keeps only
   * the first) or metadata value (gRPC), if any. More than one is refused.
   */
  authorization: string | readonly string[] | undefined;
  /** The verified client certificate of an mTLS connection, if any. */
  certificate?: Pick<PeerCertificate, 'subject' | 'subjectaltname'> | undefined;
}

/**
 * Finds the source of a request from its bearer token, its mTLS client certificate, or both (they
 * must then name the same source). Its name is what ends up in the event's `source`, whatever
 * the client wrote there, and its scope decides what it may send. Throws UNAUTHENTICATED
 * otherwise; the message never echoes the token.
 */
export function authenticate(credentials: Credentials, sources: SourceRegistry): SourceScope {
  const name = sourceName(credentials, sources);
  const scope = sources.scope(name);
  if (!scope) throw unauthenticated('the credential names no configured source');
  return scope;
}

function sourceName(credentials: Credentials, sources: SourceRegistry): string {
  const tokens = sources.tokens;
  const header = singleAuthorization(credentials.authorization);
  const presented = header === undefined ? undefined : bearerToken(header);
  if (header !== undefined && presented === undefined) {
    throw unauthenticated('the authorization header must be "Bearer <token>"');
  }
  const tokenSource = presented === undefined ? undefined : tokens.authenticate(presented);
  if (presented !== undefined && tokenSource === undefined) {
    throw unauthenticated('unknown API token');
  }
  const subject = credentials.certificate
    ? sourceFromCertificate(credentials.certificate)
    : undefined;
  const certSource = subject === undefined ? undefined : sources.sourceForSubject(subject);
  if (credentials.certificate && certSource === undefined) {
    throw unauthenticated('the client certificate names no configured source (CN or DNS SAN)');
  }
  if (tokenSource && certSource && tokenSource !== certSource) {
    throw unauthenticated('the API token and the client certificate name different sources');
  }
  const source = tokenSource ?? certSource;
  if (!source) throw unauthenticated('an API token (authorization: Bearer) is required');
  return source;
}

/**
 * The one authorization value, or undefined when there is none. Two values are refused
 * (CONFLICTING_CREDENTIALS), even if equal: whichever one a server picks, a proxy in front of it
 * may have picked the other, and the caller would be two sources at once.
 */
export function singleAuthorization(
  authorization: string | readonly string[] | undefined,
): string | undefined {
  if (typeof authorization === 'string' || authorization === undefined) return authorization;
  if (authorization.length > 1) {
    throw new IngestError(
      'CONFLICTING_CREDENTIALS',
      `${authorization.length} authorization headers; send exactly one`,
    );
  }
  return authorization[0];
}

/** The certificate's subject CN, else its first DNS subject alternative name. */
export function sourceFromCertificate(
  certificate: Pick<PeerCertificate, 'subject' | 'subjectaltname'>,
): string | undefined {
  const cn = certificate.subject?.CN;
  const commonName = Array.isArray(cn) ? cn[0] : cn;
  if (commonName) return SUBJECT_NAME.test(commonName) ? commonName : undefined;
  const dns = (certificate.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .find((entry) => entry.startsWith('DNS:'))
    ?.slice(4);
  return dns && SUBJECT_NAME.test(dns) ? dns : undefined;
}

function unauthenticated(message: string): IngestError {
  return new IngestError('UNAUTHENTICATED', message);
}
