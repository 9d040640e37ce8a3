import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keyIdFor } from '@vigil/audit';
import { DEV_SOURCES_TEMPLATE, devSourceNames, renderSourcesFile } from './sources';

/** Development secrets for the local stack, created once per checkout and kept in .local/. */
export interface DevSecrets {
  dir: string;
  signingKeyFile: string;
  publicKeyFile: string;
  keyId: string;
  /** Each ingest source's token (VIGIL_SOURCE_TOKEN_<NAME>), by source name. */
  sourceTokens: Record<string, string>;
  /** The sources file ingest reads: the template with each token's digest. */
  sourcesFile: string;
  /** The token `vigil events send` uses by default: the gateway's. */
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
  const token = () => randomBytes(24).toString('base64url');
  const stored = fs.existsSync(tokensFile)
    ? (JSON.parse(fs.readFileSync(tokensFile, 'utf8')) as StoredTokens)
    : {};
  // Tokens are kept once made; sources added to the template since get theirs now.
  const template = fs.readFileSync(DEV_SOURCES_TEMPLATE, 'utf8');
  const sourceTokens = { ...stored.sources };
  for (const name of devSourceNames(template)) sourceTokens[name] ??= token();
  const tokens = {
    authz: stored.authz ?? token(),
    admin: stored.admin ?? token(),
    sources: sourceTokens,
  };
  fs.writeFileSync(tokensFile, JSON.stringify(tokens, null, 2), { mode: 0o600 });
  const sourcesFile = path.join(dir, 'sources.yaml');
  fs.writeFileSync(sourcesFile, renderSourcesFile(template, sourceTokens), { mode: 0o600 });
  const keyId = keyIdFor(createPublicKey(fs.readFileSync(signingKeyFile, 'utf8')));
  return {
    dir,
    signingKeyFile,
    publicKeyFile,
    keyId,
    sourceTokens,
    sourcesFile,
    ingestToken: sourceTokens.gateway ?? Object.values(sourceTokens)[0] ?? '',
    authzToken: tokens.authz,
    adminToken: tokens.admin,
    k8sAuditToken: sourceTokens['dev-cluster'] ?? '',
  };
}

interface StoredTokens {
  authz?: string;
  admin?: string;
  sources?: Record<string, string>;
}

/** The services see only digests of the tokens, as in production. */
export function tokenTableFor(name: string, token: string): string {
  return `${name}=sha256:${sha256(token)}`;
}
