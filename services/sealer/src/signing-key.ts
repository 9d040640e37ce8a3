import * as fs from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Keyring, keyIdFor, loadPrivateKey } from '@vigil/audit';
import { ConfigError } from '@vigil/runtime';
import type { SealerConfig } from './config';

export interface SigningKey {
  privateKey: KeyObject;
  keyId: string;
  /** Keys whose roots this sealer trusts when reading the chain: its own plus rotated-out ones. */
  trusted: Keyring;
}

/**
 * Loads the Ed25519 signing key. The key material never leaves this function except as a
 * KeyObject; errors name the setting, not the content. Rotation is a config change: roots keep
 * their key id, so verifiers holding both public keys verify old and new roots alike.
 */
export function loadSigningKey(config: SealerConfig): SigningKey {
  const { SEALER_SIGNING_KEY_FILE: file, SEALER_SIGNING_KEY: inline } = config;
  if (file && inline) {
    throw new ConfigError([
      { variable: 'SEALER_SIGNING_KEY', expected: 'unset when SEALER_SIGNING_KEY_FILE is set' },
    ]);
  }
  let pem: string;
  let variable: string;
  if (file) {
    variable = 'SEALER_SIGNING_KEY_FILE';
    try {
      pem = fs.readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError([
        { variable, expected: 'a readable PEM file', received: JSON.stringify(file) },
      ]);
    }
  } else if (inline) {
    variable = 'SEALER_SIGNING_KEY';
    pem = inline;
  } else {
    throw new ConfigError([
      {
        variable: 'SEALER_SIGNING_KEY_FILE',
        expected: 'a PEM Ed25519 private key file (or SEALER_SIGNING_KEY)',
      },
    ]);
  }
  try {
    const privateKey = loadPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    const trusted = loadKeyring(config.SEALER_KEYRING_FILE);
    trusted.add(publicKey);
    return { privateKey, keyId: keyIdFor(publicKey), trusted };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError([{ variable, expected: 'a PEM-encoded Ed25519 private key' }]);
  }
}

function loadKeyring(file: string | undefined): Keyring {
  if (!file) return Keyring.fromPublicKeys([]);
  try {
    return Keyring.fromPem(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError([
      {
        variable: 'SEALER_KEYRING_FILE',
        expected: 'a readable file of PEM Ed25519 public keys',
        received: JSON.stringify(file),
      },
    ]);
  }
}
