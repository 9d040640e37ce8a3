import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  AuditError,
  Keyring,
  keyIdFor,
  loadPrivateKey,
  loadPublicKey,
  publicKeyFromRaw,
  publicKeyToPem,
  rawPublicKey,
} from '../src';
import { expectCode, newKey } from './fixtures';

// RFC 8032 §7.1 TEST 1: secret key and the public key it derives.
const RFC8032_SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';

const rfcKey = () =>
  createPrivateKey({
    key: Buffer.from(PKCS8_ED25519_PREFIX + RFC8032_SECRET, 'hex'),
    format: 'der',
    type: 'pkcs8',
  });

const pemOf = (key: ReturnType<typeof newKey>) => ({
  privatePem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
});

/** Asserts a key-loading call fails with INVALID_KEY without echoing any of `secrets`. */
function expectInvalidKeyWithoutEcho(fn: () => unknown, secrets: string[]) {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AuditError);
  const error = caught as AuditError;
  expect(error.code).toBe('INVALID_KEY');
  expect(error.cause).toBeUndefined();
  const text = `${error.message}\n${error.stack ?? ''}\n${JSON.stringify(error)}`;
  expect(text).not.toMatch(/BEGIN|END|KEY-----/);
  for (const secret of secrets) {
    for (const line of secret.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))) {
      expect(text).not.toContain(line);
      expect(text).not.toContain(line.slice(8, 24));
    }
  }
}

describe('key ids', () => {
  it('are ed25519: + the first 16 bytes of SHA-256 of the raw public key, in hex', () => {
    const priv = rfcKey();
    const spki = createPublicKey(priv).export({ type: 'spki', format: 'der' });
    // The raw key is the tail of the fixed-prefix SPKI encoding: an independent route to it.
    expect(spki.subarray(12).toString('hex')).toBe(RFC8032_PUBLIC);
    const expected =
      'ed25519:' + createHash('sha256').update(spki.subarray(12)).digest('hex').slice(0, 32);
    expect(keyIdFor(createPublicKey(priv))).toBe(expected);
    expect(keyIdFor(priv)).toBe(expected);
    expect(Buffer.from(rawPublicKey(priv)).toString('hex')).toBe(RFC8032_PUBLIC);
  });

  it('are stable across encodings of the same key and differ between keys', () => {
    const key = newKey();
    const { publicPem } = pemOf(key);
    const raw = Buffer.from(rawPublicKey(key.publicKey)).toString('base64');
    const id = keyIdFor(key.publicKey);
    expect(id).toMatch(/^ed25519:[0-9a-f]{32}$/);
    expect(keyIdFor(loadPublicKey(publicPem))).toBe(id);
    expect(keyIdFor(loadPublicKey(raw))).toBe(id);
    expect(keyIdFor(publicKeyFromRaw(rawPublicKey(key.publicKey)))).toBe(id);
    expect(keyIdFor(key.privateKey)).toBe(id);
    expect(keyIdFor(newKey().publicKey)).not.toBe(id);
  });

  it('refuse keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const x25519 = generateKeyPairSync('x25519');
    for (const key of [rsa.publicKey, ec.publicKey, x25519.publicKey]) {
      expectCode(() => keyIdFor(key), 'INVALID_KEY');
    }
  });
});

describe('loading keys', () => {
  const key = newKey();
  const { privatePem, publicPem } = pemOf(key);

  it('loads PKCS#8 private and SPKI / raw base64 public keys', () => {
    const priv = loadPrivateKey(privatePem);
    expect(priv.type).toBe('private');
    expect(priv.asymmetricKeyType).toBe('ed25519');
    expect(loadPublicKey(publicPem).equals(key.publicKey)).toBe(true);
    expect(loadPublicKey(`\n  ${publicPem}  \n`).equals(key.publicKey)).toBe(true);
    const raw = Buffer.from(rawPublicKey(key.publicKey)).toString('base64');
    expect(loadPublicKey(raw).equals(key.publicKey)).toBe(true);
    expect(publicKeyToPem(key.privateKey)).toBe(publicPem);
  });

  it('refuses what is not an Ed25519 key of the right kind, never echoing key material', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rsaPrivate = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rsaPublic = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const encrypted = key.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    const truncated = privatePem.replace(
      /\n([A-Za-z0-9+/=]+)\n/,
      (_, b64: string) => `\n${b64.slice(0, 20)}\n`,
    );
    const secrets = [privatePem, rsaPrivate, encrypted];

    expectInvalidKeyWithoutEcho(() => loadPrivateKey(publicPem), secrets);
    expectInvalidKeyWithoutEcho(() => loadPrivateKey(rsaPrivate), secrets);
    expectInvalidKeyWithoutEcho(() => loadPrivateKey(encrypted), secrets);
    expectInvalidKeyWithoutEcho(() => loadPrivateKey(truncated), secrets);
    expectInvalidKeyWithoutEcho(
      () => loadPrivateKey(privatePem.replace(/\n(?!-----)/g, '\n!')),
      secrets,
    );
    expectInvalidKeyWithoutEcho(() => loadPrivateKey(''), secrets);
    expectInvalidKeyWithoutEcho(() => loadPrivateKey(undefined as unknown as string), secrets);
    expectInvalidKeyWithoutEcho(() => loadPublicKey(privatePem), secrets);
    expectInvalidKeyWithoutEcho(() => loadPublicKey(rsaPublic), secrets);
    expectInvalidKeyWithoutEcho(() => loadPublicKey(rsaPrivate), secrets);
    expectInvalidKeyWithoutEcho(
      () => loadPublicKey('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'),
      secrets,
    );
    expectInvalidKeyWithoutEcho(() => loadPublicKey(Buffer.alloc(31).toString('base64')), secrets);
    expectInvalidKeyWithoutEcho(() => loadPublicKey('not base64 at all!'), secrets);
    // A private key's raw seed given where a raw public key belongs is just 32 bytes; it loads as
    // a (useless) public key, but a 64-byte libsodium-style secret key is refused.
    expectInvalidKeyWithoutEcho(
      () => loadPublicKey(Buffer.alloc(64, 7).toString('base64')),
      secrets,
    );
    expectInvalidKeyWithoutEcho(() => publicKeyFromRaw(new Uint8Array(33)), secrets);
  });
});

describe('Keyring', () => {
  const a = newKey();
  const b = newKey();
  const c = newKey();

  it('maps key ids to public keys, in insertion order, idempotently', () => {
    const keyring = Keyring.fromPublicKeys([a.publicKey, b.publicKey]);
    expect(keyring.keyIds()).toEqual([keyIdFor(a.publicKey), keyIdFor(b.publicKey)]);
    expect(keyring.add(a.publicKey)).toBe(keyIdFor(a.publicKey));
    expect(keyring.size).toBe(2);
    expect(keyring.get(keyIdFor(b.publicKey))?.equals(b.publicKey)).toBe(true);
    expect(keyring.has(keyIdFor(c.publicKey))).toBe(false);
    expect(keyring.get(keyIdFor(c.publicKey))).toBeUndefined();
  });

  it('round-trips through a PEM keyring file', () => {
    const keyring = Keyring.fromPublicKeys([a.publicKey, b.publicKey, c.publicKey]);
    const pem = keyring.toPem();
    expect(pem.match(/-----BEGIN PUBLIC KEY-----/g)).toHaveLength(3);
    const back = Keyring.fromPem(pem);
    expect(back.keyIds()).toEqual(keyring.keyIds());
    // Comments and blank lines between blocks are ignored.
    const annotated = `# retired 2025\n${pemOf(a).publicPem}\n# current\n\n${pemOf(b).publicPem}`;
    expect(Keyring.fromPem(annotated).keyIds()).toEqual([
      keyIdFor(a.publicKey),
      keyIdFor(b.publicKey),
    ]);
  });

  it('refuses private keys, other blocks and empty or broken files without echoing them', () => {
    const { privatePem, publicPem } = pemOf(a);
    const secrets = [privatePem];
    expectInvalidKeyWithoutEcho(() => Keyring.fromPem(publicPem + privatePem), secrets);
    expectInvalidKeyWithoutEcho(() => Keyring.fromPem(''), secrets);
    expectInvalidKeyWithoutEcho(() => Keyring.fromPem('just text'), secrets);
    expectInvalidKeyWithoutEcho(
      () => Keyring.fromPem(publicPem + '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA'),
      secrets,
    );
    expectInvalidKeyWithoutEcho(
      () => Keyring.fromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'),
      secrets,
    );
    const keyring = new Keyring();
    expectCode(() => keyring.add(a.privateKey), 'INVALID_KEY');
    expectCode(
      () => keyring.add(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey),
      'INVALID_KEY',
    );
    expect(keyring.size).toBe(0);
  });
});
