# Secure mode of the local broker (VIGIL_KAFKA_SECURE=1). Sourced by kafka.sh, not run.
# shellcheck shell=bash
#
# The client listener speaks SASL_SSL with SCRAM-SHA-512 and StandardAuthorizer enforces the ACLs
# in deploy/kafka/acls.txt (created by topics.cjs, VIGIL_KAFKA_APPLY_ACLS=1). Everything is made
# here with openssl, nothing is downloaded, and it all lives in $KAFKA_SECRETS (mode 0700):
#
#   ca.pem, ca.key            a CA of this checkout only
#   broker.pem, broker.key    the broker's certificate for 127.0.0.1 and localhost
#   broker-keystore.pem       key + chain, for the broker's PEM keystore
#   <user>.password           one SCRAM-SHA-512 password per principal
#   <user>.env                that principal's client settings (KAFKA_SECURITY_PROTOCOL, ...),
#                             with the password by file: `set -a; . admin.env; set +a`
#
# Principals: ingest, risk, sealer (one per service), auditor (read only), admin (super user:
# topics and ACLs) and broker (super user: the broker's own inter-broker connections). The
# controller listener stays on 127.0.0.1 and authenticates the broker with SASL/PLAIN: SCRAM
# credentials live in the metadata log, which the controller listener must work without.

KAFKA_SECRETS="$VIGIL_STATE_DIR/secrets/kafka"
KAFKA_SCRAM_USERS=(admin broker ingest risk sealer auditor)
KAFKA_SUPER_USERS="User:admin;User:broker;User:controller"
# Marks data formatted with this checkout's SCRAM credentials (a digest, never the passwords).
SECURITY_MARKER="$KAFKA_STATE/data/vigil-security"

random_password() {
  # base64url: nothing that needs quoting in JAAS or in kafka-storage's SCRAM syntax.
  openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n'
}

ensure_kafka_secrets() {
  require openssl "Install OpenSSL (Debian: apt-get install openssl); secure mode makes its certificates with it."
  mkdir -p "$KAFKA_SECRETS"
  chmod 0700 "$KAFKA_SECRETS"
  (
    umask 077
    cd "$KAFKA_SECRETS"
    if [[ ! -f ca.pem || ! -f ca.key ]]; then
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -keyout ca.key -out ca.pem -days 825 -subj "/CN=Vigil local Kafka CA $(hostname)" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null ||
        die "openssl could not make the local Kafka CA"
      rm -f broker.pem
    fi
    if [[ ! -f broker.pem || ! -f broker.key ]]; then
      openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -keyout broker.key -out broker.csr -subj "/CN=localhost" 2>/dev/null ||
        die "openssl could not make the broker key"
      printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
        "extendedKeyUsage=serverAuth" "subjectAltName=IP:127.0.0.1,DNS:localhost" >broker.ext
      openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
        -days 825 -extfile broker.ext -out broker.pem 2>/dev/null ||
        die "openssl could not sign the broker certificate"
      rm -f broker.csr broker.ext
      cat broker.key broker.pem ca.pem >broker-keystore.pem
    fi
    chmod 0644 ca.pem broker.pem
    local user
    for user in "${KAFKA_SCRAM_USERS[@]}" controller; do
      [[ -s "$user.password" ]] || random_password >"$user.password"
    done
    for user in "${KAFKA_SCRAM_USERS[@]}"; do
      [[ "$user" == broker ]] && continue
      cat >"$user.env" <<EOF
# Kafka client settings of principal User:$user on the local secure broker (written by kafka.sh).
KAFKA_SECURITY_PROTOCOL=SASL_SSL
KAFKA_SASL_MECHANISM=SCRAM-SHA-512
KAFKA_SASL_USERNAME=$user
KAFKA_SASL_PASSWORD_FILE=$KAFKA_SECRETS/$user.password
KAFKA_TLS_CA_FILE=$KAFKA_SECRETS/ca.pem
EOF
    done
  )
}

# What the formatted data must match: a digest of the SCRAM passwords.
credentials_digest() {
  local user
  for user in "${KAFKA_SCRAM_USERS[@]}"; do
    printf '%s:%s\n' "$user" "$(cat "$KAFKA_SECRETS/$user.password")"
  done | openssl dgst -sha256 -r | cut -d' ' -f1
}

# The listener section of server.properties in secure mode (the file is mode 0600: it holds the
# broker's own passwords).
secure_listener_properties() {
  local broker_password controller_password
  broker_password="$(cat "$KAFKA_SECRETS/broker.password")"
  controller_password="$(cat "$KAFKA_SECRETS/controller.password")"
  cat <<EOF
# Secure mode (VIGIL_KAFKA_SECURE=1): clients use SASL_SSL with SCRAM-SHA-512 and ACLs apply.
listeners=SASL_SSL://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_SSL://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT

ssl.keystore.type=PEM
ssl.keystore.location=$KAFKA_SECRETS/broker-keystore.pem
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_SECRETS/ca.pem
ssl.client.auth=none
ssl.endpoint.identification.algorithm=https

listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$broker_password";

# The controller listener (loopback only) authenticates the broker half of this node with PLAIN:
# SCRAM credentials live in the metadata log, which this listener must work without.
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$controller_password" user_controller="$controller_password";

authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=$KAFKA_SUPER_USERS
EOF
}

# A java @argfile for `kafka-storage format`: the SCRAM passwords stay out of the process list.
scram_format_args() {
  local user
  for user in "${KAFKA_SCRAM_USERS[@]}"; do
    printf -- '--add-scram\nSCRAM-SHA-512=[name=%s,password=%s]\n' "$user" "$(cat "$KAFKA_SECRETS/$user.password")"
  done
}
