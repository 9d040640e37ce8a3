#!/usr/bin/env bash
# Installs the pinned pnpm (from the npm registry, into .tools/, never globally: corepack cannot
# fetch it on our machines) and the workspace dependencies from the lockfile.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"
PNPM="$ROOT/.tools/node_modules/.bin/pnpm"

command -v node >/dev/null || { echo "[vigil] error: Node.js 20 is required (https://nodejs.org)" >&2; exit 1; }
command -v npm >/dev/null || { echo "[vigil] error: npm is required (it comes with Node.js)" >&2; exit 1; }

if [[ ! -x "$PNPM" ]] || [[ "$("$PNPM" --version)" != "$PNPM_VERSION" ]]; then
  echo "[vigil] installing pnpm $PNPM_VERSION into .tools/" >&2
  npm install --silent --prefix "$ROOT/.tools" --no-save --no-package-lock --no-audit --no-fund \
    "pnpm@$PNPM_VERSION" >&2
fi
cd "$ROOT"
"$PNPM" install --frozen-lockfile --reporter=silent >&2
