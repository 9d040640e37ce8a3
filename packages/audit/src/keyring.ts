/**
 * Public keys by key id. Roots carry the id of the key that signed them, so a keyring holding
 * the current and all retired keys verifies a chain that spans key rotations.
 */
import type { KeyObject } from 'node:crypto';
import { AuditError } from './errors';
import { assertEd25519, keyIdFor, loadPublicKey, publicKeyToPem } from './keys';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

export class Keyring {
  private readonly keys = new Map<string, KeyObject>();

  static fromPublicKeys(keys: readonly KeyObject[]): Keyring {
    const keyring = new Keyring();
    for (const key of keys) keyring.add(key);
    return keyring;
  }

  /**
   * Every "PUBLIC KEY" PEM block in `text` (a keyring file: keys concatenated, text between
   * blocks ignored as RFC 7468 allows). Any other block type, a private key above all, is refused.
   */
  static fromPem(text: string): Keyring {
    if (typeof text !== 'string') throw new AuditError('INVALID_KEY', 'keyring must be PEM text');
    const keyring = new Keyring();
    const begins = text.match(/-----BEGIN /g)?.length ?? 0;
    let blocks = 0;
    for (const match of text.matchAll(PEM_BLOCK)) {
      blocks++;
      if (match[1] !== 'PUBLIC KEY') {
        const what = match[1]?.includes('PRIVATE') ? 'a private key' : `a ${match[1]} block`;
        throw new AuditError(
          'INVALID_KEY',
          `keyring PEM block ${blocks} is ${what}; keyrings hold public keys only`,
        );
      }
      try {
        keyring.add(loadPublicKey(match[0]));
      } catch (error) {
        const reason = error instanceof AuditError ? error.message : 'unreadable';
        throw new AuditError('INVALID_KEY', `keyring PEM block ${blocks}: ${reason}`);
      }
    }
    if (blocks !== begins) {
      throw new AuditError('INVALID_KEY', 'keyring contains an unterminated PEM block');
    }
    if (blocks === 0) throw new AuditError('INVALID_KEY', 'keyring contains no PEM public keys');
    return keyring;
  }

  /** Adds an Ed25519 public key (idempotent) and returns its key id. */
  add(key: KeyObject): string {
    assertEd25519(key, 'public');
    const keyId = keyIdFor(key);
    const existing = this.keys.get(keyId);
    if (existing && !existing.equals(key)) {
      // 128-bit ids cannot collide by accident; two keys with one id are an attack.
      throw new AuditError('INVALID_KEY', `two different keys have the key id ${keyId}`);
    }
    if (!existing) this.keys.set(keyId, key);
    return keyId;
  }

  get(keyId: string): KeyObject | undefined {
    return this.keys.get(keyId);
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** Key ids in the order the keys were added. */
  keyIds(): string[] {
    return [...this.keys.keys()];
  }

  get size(): number {
    return this.keys.size;
  }

  /** The keyring file form: SPKI PEM blocks in insertion order; fromPem reads it back. */
  toPem(): string {
    return [...this.keys.values()].map(publicKeyToPem).join('');
  }
}
