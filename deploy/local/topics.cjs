#!/usr/bin/env node
// Waits until the broker is really ready (metadata, group coordinator and transaction
// coordinator all answer), then creates Vigil's topics explicitly. Idempotent: existing topics
// are kept as they are, and a partition count that differs from the configuration is reported.
//
// Settings (environment):
//   KAFKA_BROKERS                     host:port list (default 127.0.0.1:9092)
//   KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_TLS_*
//                                     TLS/SASL as for every Vigil client (README, "Secure mode");
//                                     the principal must be allowed to create topics (and ACLs)
//   VIGIL_ACCESS_EVENTS_PARTITIONS    default 6
//   VIGIL_AUTHZ_DECISIONS_PARTITIONS  default 3
//   VIGIL_SEALED_ROOTS_PARTITIONS     default 3
//   VIGIL_RISK_ADMIN_PARTITIONS       default 1
//   VIGIL_REPLICATION_FACTOR          default 1
//   VIGIL_AUDIT_RETENTION_MS          default -1 (keep forever); applies to all four topics
//   VIGIL_KAFKA_APPLY_ACLS            1: also create the ACLs of deploy/kafka/acls.txt for
//                                     principals User:<name> (the local secure broker does)
//
// The Kafka client comes from @vigil/runtime's build (packages/runtime/dist), so this script
// connects exactly as the services do; ./dev builds before it runs this.
'use strict';
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');

function runtime() {
  const dist = path.resolve(__dirname, '../../packages/runtime/dist');
  try {
    return {
      ...require(path.join(dist, 'kafka.js')),
      ...require(path.join(dist, 'kafka-acls.js')),
      ...require(path.join(dist, 'errors.js')),
    };
  } catch (err) {
    process.stderr.write(
      `topics: cannot load ${dist} (${err.message.split('\n')[0]}); build first: ./dev pnpm run build\n`,
    );
    process.exit(1);
  }
}
const { kafkaConnectionFromEnv, applyAcls, loadAcls, ConfigError } = runtime();

function intEnv(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    fail(`${name}: expected an integer >= ${min} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

function fail(message) {
  process.stderr.write(`topics: ${message}\n`);
  process.exit(78);
}

let connection;
try {
  connection = kafkaConnectionFromEnv(process.env);
} catch (err) {
  if (err instanceof ConfigError) fail(err.message);
  throw err;
}
const brokers = connection.brokers;
const applyAclsToo = process.env.VIGIL_KAFKA_APPLY_ACLS === '1';
const replicationFactor = intEnv('VIGIL_REPLICATION_FACTOR', 1, 1);
const retentionMs = intEnv('VIGIL_AUDIT_RETENTION_MS', -1, -1);
const auditConfig = [
  { name: 'retention.ms', value: String(retentionMs) },
  { name: 'retention.bytes', value: '-1' },
  { name: 'cleanup.policy', value: 'delete' },
  // The sealer hashes record values as stored; the broker must never rewrite them.
  { name: 'message.timestamp.type', value: 'CreateTime' },
];
const topics = [
  { topic: 'access-events', numPartitions: intEnv('VIGIL_ACCESS_EVENTS_PARTITIONS', 6, 1) },
  { topic: 'authz-decisions', numPartitions: intEnv('VIGIL_AUTHZ_DECISIONS_PARTITIONS', 3, 1) },
  { topic: 'risk-admin', numPartitions: intEnv('VIGIL_RISK_ADMIN_PARTITIONS', 1, 1) },
  { topic: 'sealed-roots', numPartitions: intEnv('VIGIL_SEALED_ROOTS_PARTITIONS', 3, 1) },
].map((t) => ({ ...t, replicationFactor, configEntries: auditConfig }));

const deadlineMs = intEnv('VIGIL_KAFKA_READY_TIMEOUT_MS', 90_000, 1000);

async function until(what, fn) {
  const deadline = Date.now() + deadlineMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      return await fn();
    } catch (err) {
      // Refused credentials or permissions will not get better by waiting.
      if (
        err.name === 'KafkaJSSASLAuthenticationError' ||
        /AUTHORIZATION_FAILED/.test(String(err.type))
      ) {
        fail(`kafka at ${brokers.join(',')} refused ${what}: ${err.message}`);
      }
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  fail(`kafka at ${brokers.join(',')} not ready: ${what}: ${lastError && lastError.message}`);
}

async function main() {
  const started = Date.now();
  const kafka = new Kafka({
    clientId: 'vigil-provision',
    ...connection,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  await until('connect', () => admin.connect());
  await until('cluster metadata', () => admin.describeCluster());
  // FindCoordinator creates __consumer_offsets; groups only work once it is loaded.
  await until('group coordinator', async () => {
    const { groups } = await admin.describeGroups(['vigil-readiness-probe']);
    if (!groups[0] || groups[0].errorCode) throw new Error('group coordinator loading');
  });
  // Likewise __transaction_state for the sealer's transactional producers.
  await until('transaction coordinator', async () => {
    const producer = kafka.producer({
      transactionalId: 'vigil-readiness-probe',
      maxInFlightRequests: 1,
      idempotent: true,
    });
    await producer.connect();
    await producer.disconnect();
  });
  const readyMs = Date.now() - started;

  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  }
  const metadata = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
  for (const t of topics) {
    const found = metadata.topics.find((m) => m.name === t.topic);
    const partitions = found ? found.partitions.length : 0;
    const state = missing.includes(t) ? 'created' : 'exists';
    const note =
      partitions !== t.numPartitions
        ? ` (configured ${t.numPartitions}; existing topics are never altered)`
        : '';
    process.stderr.write(`[vigil] topic ${t.topic}: ${state}, ${partitions} partitions${note}\n`);
  }
  if (applyAclsToo) {
    const count = await applyAcls(admin, loadAcls());
    process.stderr.write(`[vigil] kafka ACLs: ${count} grants from deploy/kafka/acls.txt\n`);
  }
  await admin.disconnect();
  process.stderr.write(`[vigil] kafka ready (coordinators loaded) in ${readyMs} ms\n`);
}

main().catch((err) => fail(err && err.message ? err.message : String(err)));
