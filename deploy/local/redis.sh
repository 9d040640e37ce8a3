#!/usr/bin/env bash
# Local Redis. Uses the one already answering on 127.0.0.1:$REDIS_PORT when there is one (and
# then never stops it); otherwise starts redis-server and says so.
#   redis.sh start | stop | status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PID_FILE="$REDIS_STATE/redis.pid"

redis_answers() {
  # A PING in RESP, over bash's /dev/tcp, so no redis-cli is needed.
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" || return 1
  printf '*1\r\n$4\r\nPING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&-
  [[ "$reply" == "+PONG"* ]]
}

start() {
  if redis_answers 2>/dev/null; then
    if pid_alive "$PID_FILE"; then
      say "redis already running (started by vigil, pid $(cat "$PID_FILE")) on 127.0.0.1:$REDIS_PORT"
    else
      say "using the redis already answering on 127.0.0.1:$REDIS_PORT"
    fi
    return 0
  fi
  require redis-server "Install Redis 7 (Debian: apt-get install redis-server), or point REDIS_URL at an existing Redis with VIGIL_EXTERNAL_INFRA=1."
  mkdir -p "$REDIS_STATE"
  say "no redis answered on 127.0.0.1:$REDIS_PORT, starting redis-server"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$REDIS_STATE" --pidfile "$PID_FILE" --logfile "$REDIS_STATE/redis.log" >/dev/null
  wait_until 15 "redis" redis_answers 2>/dev/null ||
    die "redis-server did not answer on 127.0.0.1:$REDIS_PORT (log: $REDIS_STATE/redis.log)"
  say "redis started on 127.0.0.1:$REDIS_PORT (pid $(cat "$PID_FILE"))"
}

stop() {
  if pid_alive "$PID_FILE"; then
    kill -TERM "$(cat "$PID_FILE")"
    wait_until 10 "redis exit" not_running || die "redis did not stop"
    rm -f "$PID_FILE"
    say "redis stopped"
  else
    rm -f "$PID_FILE"
    say "redis: nothing to stop (vigil did not start one)"
  fi
}

not_running() { ! pid_alive "$PID_FILE"; }

status() {
  if redis_answers 2>/dev/null; then
    echo "redis: answering on 127.0.0.1:$REDIS_PORT$(pid_alive "$PID_FILE" && echo " (started by vigil)")"
  else
    echo "redis: not answering on 127.0.0.1:$REDIS_PORT"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: redis.sh start|stop|status" ;;
esac
