import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '@vigil/runtime';
import { loadSealerConfig } from '../src/config';
import { loadSigningKey } from '../src/signing-key';

describe('loadSigningKey', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-key-test-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const keyFile = path.join(dir, 'key.pem');
  fs.writeFileSync(keyFile, pem);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const load = (env: Record<string, string>) => loadSigningKey(loadSealerConfig(env));

  it('loads the key from a file or from the environment, with the same key id', () => {
    const fromFile = load({ SEALER_SIGNING_KEY_FILE: keyFile });
    const fromEnv = load({ SEALER_SIGNING_KEY: pem });
    expect(fromFile.keyId).toMatch(/^ed25519:[0-9a-f]{32}$/);
    expect(fromEnv.keyId).toBe(fromFile.keyId);
    expect(fromFile.trusted.keyIds()).toEqual([fromFile.keyId]);
  });

  it('trusts rotated-out keys from SEALER_KEYRING_FILE', () => {
    const old = generateKeyPairSync('ed25519').publicKey;
    const keyring = path.join(dir, 'keyring.pem');
    fs.writeFileSync(keyring, old.export({ format: 'pem', type: 'spki' }));
    const key = load({ SEALER_SIGNING_KEY_FILE: keyFile, SEALER_KEYRING_FILE: keyring });
    expect(key.trusted.keyIds()).toHaveLength(2);
  });

  it.each([
    [{}, 'SEALER_SIGNING_KEY_FILE: expected a PEM Ed25519 private key file'],
    [
      { SEALER_SIGNING_KEY_FILE: path.join(dir, 'missing.pem') },
      'SEALER_SIGNING_KEY_FILE: expected a readable PEM file',
    ],
    [
      { SEALER_SIGNING_KEY: 'not a key' },
      'SEALER_SIGNING_KEY: expected a PEM-encoded Ed25519 private key',
    ],
    [
      { SEALER_SIGNING_KEY: publicKey.export({ format: 'pem', type: 'spki' }).toString() },
      'SEALER_SIGNING_KEY: expected a PEM-encoded Ed25519 private key',
    ],
  ])('names the setting when the key is unusable (%#)', (env, message) => {
    expect(() => load(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => load(env as Record<string, string>)).toThrow(message);
  });

  it('never puts key material in the error', () => {
    try {
      load({ SEALER_SIGNING_KEY: pem.replace('MC4CAQ', 'XXXXXX') });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as Error).message).not.toContain('PRIVATE KEY');
    }
  });
});
