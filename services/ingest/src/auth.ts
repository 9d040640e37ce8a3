import type { PeerCertificate } from 'node:tls';
import { bearerToken, type TokenTable } from '@vigil/runtime';
import { IngestError } from './errors';

/** Source names become Redis key parts and the `source` field: the token table's alphabet. */
const SOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface Credentials {
  /** The `authorization` header or metadata value, if any. */
  authorization: string | string[] | undefined;
  /** The verified client certificate of an mTLS connection, if any. */
  certificate?: Pick<PeerCertificate, 'subject' | 'subjectaltname'> | undefined;
}

/**
 * Names the source of a request from its bearer token, its mTLS client certificate, or both (they
 * must then agree). The name is what ends up in the event's `source`, whatever the client wrote
 * there. Throws UNAUTHENTICATED otherwise; the message never echoes the token.
 */
export function authenticate(credentials: Credentials, tokens: TokenTable): string {
  const header = credentials.authorization;
  const presented = header === undefined ? undefined : bearerToken(header);
  if (header !== undefined && presented === undefined) {
    throw unauthenticated('the authorization header must be "Bearer <token>"');
  }
  const tokenSource = presented === undefined ? undefined : tokens.authenticate(presented);
  if (presented !== undefined && tokenSource === undefined) {
    throw unauthenticated('unknown API token');
  }
  const certSource = credentials.certificate
    ? sourceFromCertificate(credentials.certificate)
    : undefined;
  if (credentials.certificate && certSource === undefined) {
    throw unauthenticated('the client certificate names no usable source (CN or DNS SAN)');
  }
  if (tokenSource && certSource && tokenSource !== certSource) {
    throw unauthenticated('the API token and the client certificate name different sources');
  }
  const source = tokenSource ?? certSource;
  if (!source) throw unauthenticated('an API token (authorization: Bearer) is required');
  return source;
}

/** The certificate's subject CN, else its first DNS subject alternative name. */
export function sourceFromCertificate(
  certificate: Pick<PeerCertificate, 'subject' | 'subjectaltname'>,
): string | undefined {
  const cn = certificate.subject?.CN;
  const commonName = Array.isArray(cn) ? cn[0] : cn;
  if (commonName) return SOURCE_NAME.test(commonName) ? commonName : undefined;
  const dns = (certificate.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .find((entry) => entry.startsWith('DNS:'))
    ?.slice(4);
  return dns && SOURCE_NAME.test(dns) ? dns : undefined;
}

function unauthenticated(message: string): IngestError {
  return new IngestError('UNAUTHENTICATED', message);
}
