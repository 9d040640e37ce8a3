#!/usr/bin/env bash
# Installs the tools the test suite needs beyond Node: Go and golang.org/x/mod, used by the
# interop test (packages/audit/test/interop-go.test.ts) to check Vigil's checkpoints and proofs
# with an implementation Vigil did not write. Debian packages, so they work without a Go module
# proxy: golang-go (the toolchain) and golang-golang-x-mod-dev (x/mod sources under
# /usr/share/gocode).
#
# Idempotent and quiet: does nothing when both are present. Installs only on Debian/Ubuntu
# (apt-get) and only as root; otherwise it says what is missing and exits 1, and the interop test
# decides whether that is fatal (CI) or a loud skip (a laptop).
set -euo pipefail

GOCODE=/usr/share/gocode
PACKAGES=(golang-go golang-golang-x-mod-dev)

have_go() { command -v go >/dev/null 2>&1; }
have_xmod() { [[ -f "$GOCODE/src/golang.org/x/mod/sumdb/note/note.go" ]]; }

if have_go && have_xmod; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[vigil] install-test-tools: apt-get not found; install Go and golang.org/x/mod (${PACKAGES[*]}) yourself" >&2
  exit 1
fi
if [[ "$(id -u)" != "0" ]]; then
  echo "[vigil] install-test-tools: not root; run: sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
  exit 1
fi

install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" \
    >/tmp/vigil-install-test-tools.log 2>&1
}

echo "[vigil] installing ${PACKAGES[*]} (for the Go interop test)" >&2
# The package lists may be stale or absent (fresh containers ship without them): refresh only
# when the first attempt fails, as an update costs time and network.
if ! install; then
  apt-get update -qq >/tmp/vigil-install-test-tools.log 2>&1 || true
  if ! install; then
    echo "[vigil] install-test-tools: apt-get install failed; see /tmp/vigil-install-test-tools.log" >&2
    exit 1
  fi
fi

if ! have_go || ! have_xmod; then
  echo "[vigil] install-test-tools: installed ${PACKAGES[*]} but go or x/mod is still missing" >&2
  exit 1
fi
