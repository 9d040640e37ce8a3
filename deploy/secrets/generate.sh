#!/usr/bin/env bash
# Creates the local secrets deploy/docker-compose.yml reads, in this directory (git-ignored):
#
#   cli.env                   plain tokens + addresses for clients and the vigil CLI (keep private):
#                             set -a; . deploy/secrets/cli.env; set +a
#   sources.yaml              ingest's sources file (INGEST_SOURCES_FILE): the sources idp and
#                             gateway, each with the SHA-256 of its token
#   risk.env                  RISK_API_TOKENS=local=sha256:<hex>, RISK_ADMIN_TOKENS=admin=sha256:<hex>
#   sealer-signing-key.pem    Ed25519 private key of the sealer (SEALER_SIGNING_KEY_FILE)
#   sealer-public-key.pem     its public key, for `vigil audit verify --keyring`
#
# Existing files are kept: delete one to make it anew (the token files go together). Never rotate
# the signing key by deleting it once roots were published: see "Key rotation" in
# services/sealer/README.md.
# Needs Node.js (any version Vigil supports); uses the vigil CLI for the key when it is built.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DIR/../.." && pwd)"
cd "$DIR"
umask 077

random_token() { node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))"; }
# The same digest as `printf %s "$TOKEN" | sha256sum`.
sha256_hex() {
  node -e "process.stdout.write(require('crypto').createHash('sha256').update(process.argv[1],'utf8').digest('hex'))" "$1"
}

# cli.env holds the tokens whose digests the other two hold: they are made together or not at all.
token_files=(sources.yaml risk.env cli.env)
existing=()
for f in "${token_files[@]}"; do if [[ -e $f ]]; then existing+=("$f"); fi; done
if ((${#existing[@]} == ${#token_files[@]})); then
  echo "[secrets] ${token_files[*]} exist, tokens kept (delete them to make new ones)" >&2
elif ((${#existing[@]} > 0)); then
  # E.g. risk.env and cli.env from before ingest had a sources file.
  echo "[secrets] only ${existing[*]} of ${token_files[*]} exist: delete them (and an old ingest.env) to make all three anew" >&2
  exit 1
else
  idp_token="$(random_token)"
  gateway_token="$(random_token)"
  risk_token="$(random_token)"
  admin_token="$(random_token)"
  # Two of the sources of deploy/local/sources.yaml, with credentials.
  cat >sources.yaml <<EOF
# Written by deploy/secrets/generate.sh: who may send events to ingest, and what their events may
# establish (services/ingest/README.md, "Sources: who may send what").
sources:
  idp:
    description: Identity provider. Only its events teach known devices, IPs and countries.
    credentials: [{ token_sha256: $(sha256_hex "$idp_token") }]
    tenants: ['*']
    actions: ['auth.*']
    establishes: [known_attributes, failed_authentication]
  gateway:
    description: API gateway and applications. Scored, but its events teach nothing.
    credentials: [{ token_sha256: $(sha256_hex "$gateway_token") }]
    tenants: ['*']
    actions: ['http.*', 'api.*', 'db.*', 'app.*', 'file.*', 'payment.*', 'admin.*']
EOF
  {
    printf 'RISK_API_TOKENS=local=sha256:%s\n' "$(sha256_hex "$risk_token")"
    printf 'RISK_ADMIN_TOKENS=admin=sha256:%s\n' "$(sha256_hex "$admin_token")"
  } >risk.env
  {
    echo "# The Compose stack as the vigil CLI reaches it; plain tokens (Authorization: Bearer <token>)."
    echo "# The services only know their SHA-256 digests. Use: set -a; . deploy/secrets/cli.env; set +a"
    echo "KAFKA_BROKERS=localhost:29092"
    echo "VIGIL_INGEST_ADDR=127.0.0.1:7001"
    echo "# vigil events send: the gateway's token, or --source idp for the identity provider's."
    echo "VIGIL_INGEST_TOKEN=$gateway_token"
    echo "VIGIL_SOURCE_TOKEN_IDP=$idp_token"
    echo "VIGIL_SOURCE_TOKEN_GATEWAY=$gateway_token"
    echo "VIGIL_AUTHZ_ADDR=127.0.0.1:7002"
    echo "VIGIL_AUTHZ_TOKEN=$risk_token"
    echo "VIGIL_ADMIN_TOKEN=$admin_token"
    echo "VIGIL_KEYRING=$DIR/sealer-public-key.pem"
  } >cli.env
  # Mounted into the ingest container as a Compose secret, with its host mode (see below). It
  # holds digests only.
  chmod 0644 sources.yaml
  echo "[secrets] wrote sources.yaml, risk.env and cli.env (plain tokens)" >&2
fi

if [[ -e sealer-signing-key.pem ]]; then
  echo "[secrets] sealer-signing-key.pem exists, kept" >&2
elif [[ -f "$ROOT/packages/cli/dist/bin/vigil.js" ]]; then
  node "$ROOT/packages/cli/dist/bin/vigil.js" audit keygen --out "$DIR"
else
  # Same output as `vigil audit keygen` (PKCS#8 private key, SPKI public key), without a build.
  node -e "
    const crypto = require('crypto'), fs = require('fs');
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    fs.writeFileSync('sealer-signing-key.pem', privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    fs.writeFileSync('sealer-public-key.pem', publicKey.export({ format: 'pem', type: 'spki' }));
  "
  echo "[secrets] wrote sealer-signing-key.pem and sealer-public-key.pem" >&2
fi
# Compose bind-mounts file secrets with their host owner and mode, and the sealer runs as uid
# 10001, so the key must be readable by others on this machine. Fine for a local stack; in
# Kubernetes the Secret is mounted 0440 for the pod's group instead (deploy/k8s/sealer.yaml).
chmod 0644 sealer-signing-key.pem sealer-public-key.pem
