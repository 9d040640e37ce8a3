import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keyIdFor } from '@vigil/audit';

/** Development secrets for the local stack, created once per checkout and kept in .local/. */
export interface DevSecrets {
  dir: string;
  signingKeyFile: string;
  publicKeyFile: string;
  keyId: string;
  ingestToken: string;
  authzToken: string;
  adminToken: string;
  /** The `dev-cluster` source's token, for a Kubernetes API server's audit webhook. */
  k8sAuditToken: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function ensureDevSecrets(dir: string): DevSecrets {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const signingKeyFile = path.join(dir, 'sealer-signing-key.pem');
  const publicKeyFile = path.join(dir, 'sealer-public-key.pem');
  if (!fs.existsSync(signingKeyFile)) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(signingKeyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
    });
    fs.writeFileSync(publicKeyFile, publicKey.export({ format: 'pem', type: 'spki' }));
  }
  const tokensFile = path.join(dir, 'tokens.json');
  if (!fs.existsSync(tokensFile)) {
    const token = () => randomBytes(24).toString('base64url');
    fs.writeFileSync(
      tokensFile,
      JSON.stringify({ ingest: token(), authz: token(), admin: token() }, null, 2),
      { mode: 0o600 },
    );
  }
  const tokens = JSON.parse(fs.readFileSync(tokensFile, 'utf8')) as Record<string, string>;
  // Checkouts older than a token get it added, keeping the others.
  if (!tokens.k8sAudit) {
    tokens.k8sAudit = randomBytes(24).toString('base64url');
    fs.writeFileSync(tokensFile, JSON.stringify(tokens, null, 2), { mode: 0o600 });
  }
  const keyId = keyIdFor(createPublicKey(fs.readFileSync(signingKeyFile, 'utf8')));
  return {
    dir,
    signingKeyFile,
    publicKeyFile,
    keyId,
    ingestToken: tokens.ingest as string,
    authzToken: tokens.authz as string,
    adminToken: tokens.admin as string,
    k8sAuditToken: tokens.k8sAudit,
  };
}

/** The services see only digests of the tokens, as in production. */
export function tokenTableFor(name: string, token: string): string {
  return `${name}=sha256:${sha256(token)}`;
}
