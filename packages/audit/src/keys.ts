/**
 * Ed25519 key handling. Every failure is an AuditError('INVALID_KEY') with a message written
 * here: nothing the caller passed in (which may be a private key) is ever echoed, and parser
 * errors are not attached as causes.
 *
 * Key id = "ed25519:" + lowercase hex of the first 16 bytes of SHA-256(raw 32-byte public key).
 * 128 bits make accidental collisions impossible in practice; the id is a name for lookup, not a
 * security boundary, because verification always uses the full key it names.
 */
import * as crypto from 'node:crypto';
import { AuditError } from './errors';
import { parseBase64, sha256, toHex } from './bytes';

export const KEY_ID_PREFIX = 'ed25519:';
const RAW_PUBLIC_KEY_SIZE = 32;

/** The key id of an Ed25519 key; a private key is named by its public half. */
export function keyIdFor(publicKey: crypto.KeyObject): string {
  const raw = rawPublicKey(publicKey);
  return KEY_ID_PREFIX + toHex(sha256(raw).subarray(0, 16));
}

/** The raw 32-byte Ed25519 public key (RFC 8032 encoding) of a public or private key. */
export function rawPublicKey(key: crypto.KeyObject): Uint8Array {
  const publicKey = publicKeyOf(key);
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = typeof jwk.x === 'string' ? Buffer.from(jwk.x, 'base64url') : undefined;
  if (!raw || raw.length !== RAW_PUBLIC_KEY_SIZE) {
    throw new AuditError('INVALID_KEY', 'could not export the Ed25519 public key');
  }
  return new Uint8Array(raw);
}

export function loadPrivateKey(pem: string): crypto.KeyObject {
  if (typeof pem !== 'string' || !pem.includes('-----BEGIN PRIVATE KEY-----')) {
    const encrypted = typeof pem === 'string' && pem.includes('ENCRYPTED PRIVATE KEY');
    throw new AuditError(
      'INVALID_KEY',
      encrypted
        ? 'encrypted private keys are not supported; expected an unencrypted PKCS#8 PEM Ed25519 key'
        : 'expected an unencrypted PKCS#8 PEM Ed25519 private key',
    );
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new AuditError('INVALID_KEY', 'could not parse the PEM private key');
  }
  assertEd25519(key, 'private');
  return key;
}

/**
 * A public key from SPKI PEM or from the standard base64 of the
 * raw 32-byte key. Private keys are refused even though a public key could be derived from them:
 * a private key where a public one belongs is a leak to stop, not to work around.
 */
export function loadPublicKey(pemOrRawBase64: string): crypto.KeyObject {
  if (typeof pemOrRawBase64 !== 'string') {
    throw new AuditError('INVALID_KEY', 'public key must be given as a string');
  }
  const text = pemOrRawBase64.trim();
  if (text.includes('PRIVATE KEY')) {
    throw new AuditError('INVALID_KEY', 'expected a public key but got a private key');
  }
  let key: crypto.KeyObject;
  if (text.startsWith('-----BEGIN')) {
    if (!text.startsWith('-----BEGIN PUBLIC KEY-----')) {
      throw new AuditError('INVALID_KEY', 'expected an SPKI PEM public key');
    }
    try {
      key = crypto.createPublicKey({ key: text, format: 'pem' });
    } catch {
      throw new AuditError('INVALID_KEY', 'could not parse the PEM public key');
    }
  } else {
    const raw = parseBase64(text);
    if (!raw || raw.length !== RAW_PUBLIC_KEY_SIZE) {
      throw new AuditError(
        'INVALID_KEY',
        'expected an SPKI PEM public key or the base64 of a raw 32-byte Ed25519 public key',
      );
    }
    key = publicKeyFromRaw(raw);
  }
  assertEd25519(key, 'public');
  return key;
}

export function publicKeyFromRaw(raw: Uint8Array): crypto.KeyObject {
  if (!(raw instanceof Uint8Array) || raw.length !== RAW_PUBLIC_KEY_SIZE) {
    throw new AuditError('INVALID_KEY', 'a raw Ed25519 public key is 32 bytes');
  }
  try {
    return crypto.createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
      format: 'jwk',
    });
  } catch {
    throw new AuditError('INVALID_KEY', 'not a valid Ed25519 public key');
  }
}

/** SPKI PEM of a public key (or of a private key's public half). */
export function publicKeyToPem(key: crypto.KeyObject): string {
  return publicKeyOf(key).export({ type: 'spki', format: 'pem' }).toString();
}

export function assertEd25519(
  key: unknown,
  kind: 'public' | 'private',
): asserts key is crypto.KeyObject {
  if (!(key instanceof crypto.KeyObject)) {
    throw new AuditError('INVALID_KEY', `expected an Ed25519 ${kind} KeyObject`);
  }
  if (key.type !== kind) {
    throw new AuditError('INVALID_KEY', `expected an Ed25519 ${kind} key, got a ${key.type} key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AuditError(
      'INVALID_KEY',
      `expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'an unknown key type'}`,
    );
  }
}

function publicKeyOf(key: crypto.KeyObject): crypto.KeyObject {
  if (key instanceof crypto.KeyObject && key.type === 'private') {
    assertEd25519(key, 'private');
    return crypto.createPublicKey(key);
  }
  assertEd25519(key, 'public');
  return key;
}
