# Shared helpers for the local infrastructure scripts. Sourced, not run.
# shellcheck shell=bash

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
# shellcheck source=versions.env
source "$LOCAL_DIR/versions.env"

# Downloads live outside the repository so fresh clones and `git clean` reuse them.
VIGIL_CACHE_DIR="${VIGIL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil}"
# Runtime state (data, logs, pid files) is per checkout.
VIGIL_STATE_DIR="${VIGIL_STATE_DIR:-$REPO_ROOT/.local}"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${KAFKA_HEAP:-768m}"
KAFKA_HOME="$VIGIL_CACHE_DIR/kafka-$KAFKA_VERSION"
KAFKA_STATE="$VIGIL_STATE_DIR/kafka"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_STATE="$VIGIL_STATE_DIR/redis"

say() { printf '\033[1m[vigil]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[vigil] error:\033[0m %s\n' "$*" >&2; exit 1; }

# require CMD "how to get it"
require() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is required but was not found on PATH. $2"
}

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pid_alive FILE: true when FILE names a running process.
pid_alive() {
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# wait_until SECONDS DESCRIPTION CMD...: polls CMD every 0.2 s until it succeeds or time runs out.
wait_until() {
  local deadline=$((SECONDS + $1)) what="$2"
  shift 2
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}
