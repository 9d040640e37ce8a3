#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) from the official Maven Central artifacts.
#   kafka.sh provision   resolve the jars into $VIGIL_CACHE_DIR (once per version)
#   kafka.sh start       format storage if new, start, wait until the broker answers
#   kafka.sh stop        stop cleanly (SIGTERM, then SIGKILL after 30 s)
#   kafka.sh status      print whether it runs
# Every command is idempotent. VIGIL_KAFKA_SECURE=1 starts it in secure mode: SASL_SSL with one
# SCRAM user per service and ACLs enforced (see kafka-secure.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$LOCAL_DIR/kafka-secure.sh"

PID_FILE="$KAFKA_STATE/kafka.pid"
CONFIG="$KAFKA_STATE/server.properties"
# Which mode the running broker was started in, so a start in the other mode is refused.
MODE_FILE="$KAFKA_STATE/kafka.mode"

provision() {
  if [[ -f "$KAFKA_HOME/.complete" ]]; then
    return 0
  fi
  require java "Install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)."
  require mvn "Install Apache Maven (Debian: apt-get install maven); it fetches Kafka from Maven Central."
  say "provisioning Apache Kafka $KAFKA_VERSION from Maven Central into $KAFKA_HOME"
  local staging="$KAFKA_HOME.partial"
  rm -rf "$staging"
  mkdir -p "$staging"
  if ! mvn -q -B -f "$LOCAL_DIR/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$staging/libs" \
    >"$staging/mvn.log" 2>&1; then
    tail -20 "$staging/mvn.log" >&2
    die "Maven could not resolve org.apache.kafka:kafka_2.13:$KAFKA_VERSION (log: $staging/mvn.log)"
  fi
  touch "$staging/.complete"
  rm -rf "$KAFKA_HOME"
  mv "$staging" "$KAFKA_HOME"
}

kafka_java() {
  java -cp "$KAFKA_HOME/libs/*" "$@"
}

render_config() {
  mkdir -p "$KAFKA_STATE/data" "$KAFKA_STATE/logs"
  (
    umask 077
    {
      sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
        -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
        -e "s|@DATA_DIR@|$KAFKA_STATE/data|g" \
        "$LOCAL_DIR/kafka/server.properties.template"
      if secure_mode; then
        secure_listener_properties
      else
        plain_listener_properties
      fi
    } >"$CONFIG"
  )
}

plain_listener_properties() {
  cat <<EOF
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
EOF
}

secure_mode() { [[ "${VIGIL_KAFKA_SECURE:-0}" == "1" ]]; }
mode_name() { if secure_mode; then echo secure; else echo plain; fi; }

format_storage() {
  if [[ -f "$KAFKA_STATE/data/meta.properties" ]]; then
    check_formatted_mode
    return 0
  fi
  local cluster_id args="$KAFKA_STATE/format.args"
  cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  # A java @argfile, so the SCRAM passwords of secure mode never show in the process list.
  (
    umask 077
    printf '%s\n' kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG" >"$args"
    if secure_mode; then scram_format_args >>"$args"; fi
  )
  kafka_java -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2.yaml" -Dkafka.logs.dir="$KAFKA_STATE/logs" \
    "@$args" >"$KAFKA_STATE/logs/format.log" 2>&1 ||
    { rm -f "$args"; cat "$KAFKA_STATE/logs/format.log" >&2; die "formatting KRaft storage failed"; }
  rm -f "$args"
  if secure_mode; then credentials_digest >"$SECURITY_MARKER"; fi
}

# Data formatted in plain mode has no SCRAM users, and data formatted with other credentials
# would refuse this checkout's: say so instead of failing every client later.
check_formatted_mode() {
  secure_mode || return 0
  if [[ ! -f "$SECURITY_MARKER" ]]; then
    die "the local Kafka data in $KAFKA_STATE was created in plain mode and has no SCRAM users; delete it (./dev down --purge) to start in secure mode, or unset VIGIL_KAFKA_SECURE"
  fi
  if [[ "$(cat "$SECURITY_MARKER")" != "$(credentials_digest)" ]]; then
    die "the local Kafka data in $KAFKA_STATE was formatted with other SCRAM credentials than $KAFKA_SECRETS holds; delete it (./dev down --purge) to start again"
  fi
}

start() {
  if pid_alive "$PID_FILE"; then
    local running
    running="$(cat "$MODE_FILE" 2>/dev/null || echo plain)"
    if [[ "$running" != "$(mode_name)" ]]; then
      die "kafka is already running in $running mode on 127.0.0.1:$KAFKA_PORT; stop it first (./dev down) or $([[ "$running" == secure ]] && echo "set VIGIL_KAFKA_SECURE=1" || echo "unset VIGIL_KAFKA_SECURE")"
    fi
    say "kafka already running in $running mode (pid $(cat "$PID_FILE")) on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  if port_open "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is taken by another process. Stop it, set KAFKA_PORT, or use an existing cluster with VIGIL_EXTERNAL_INFRA=1 and KAFKA_BROKERS (see README)."
  fi
  provision
  require java "Install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)."
  if secure_mode; then ensure_kafka_secrets; fi
  render_config
  format_storage
  local started=$SECONDS
  # Bounded heap: the broker shares two cores and the memory with the services and tests.
  nohup java -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dkafka.logs.dir="$KAFKA_STATE/logs" \
    -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2.yaml" \
    -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$CONFIG" \
    >"$KAFKA_STATE/logs/stdout.log" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  mode_name >"$MODE_FILE"
  if ! wait_until 90 "kafka port" kafka_listening; then
    tail -30 "$KAFKA_STATE/logs/server.log" "$KAFKA_STATE/logs/stdout.log" >&2 || true
    stop >/dev/null 2>&1 || true
    die "kafka did not start listening on 127.0.0.1:$KAFKA_PORT (logs: $KAFKA_STATE/logs)"
  fi
  say "kafka $KAFKA_VERSION listening on 127.0.0.1:$KAFKA_PORT ($(mode_name) mode) after $((SECONDS - started)) s (pid $(cat "$PID_FILE"))"
}

kafka_listening() {
  pid_alive "$PID_FILE" || die "kafka exited during startup (logs: $KAFKA_STATE/logs)"
  port_open "$KAFKA_PORT"
}

stop() {
  if ! pid_alive "$PID_FILE"; then
    rm -f "$PID_FILE"
    say "kafka is not running"
    return 0
  fi
  local pid
  pid="$(cat "$PID_FILE")"
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until 30 "kafka exit" not_alive "$pid"; then
    say "kafka did not stop within 30 s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 5 "kafka exit" not_alive "$pid" || true
  fi
  rm -f "$PID_FILE" "$MODE_FILE"
  say "kafka stopped"
}

not_alive() { ! kill -0 "$1" 2>/dev/null; }

status() {
  if pid_alive "$PID_FILE"; then
    echo "kafka: running (pid $(cat "$PID_FILE")) on 127.0.0.1:$KAFKA_PORT, version $KAFKA_VERSION, $(cat "$MODE_FILE" 2>/dev/null || echo plain) mode"
  else
    echo "kafka: stopped"
    return 3
  fi
}

case "${1:-}" in
  provision) provision ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  home) echo "$KAFKA_HOME" ;;
  *) die "usage: kafka.sh provision|start|stop|status|home" ;;
esac
