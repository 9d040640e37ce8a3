/**
 * Rebuilds risk state from the audit log: `node services/risk/dist/rebuild.js --yes`.
 * Stop the risk consumers first; start them again afterwards (see README.md, "Rebuilding state").
 */
import {
  commonEnv,
  createKafka,
  createLogger,
  createRedis,
  loadConfig,
  runMain,
} from '@vigil/runtime';
import { riskEnv } from './config';
import { rebuildRiskState } from './rebuild-state';

const rebuildEnv = {
  ...commonEnv,
  RISK_GROUP_ID: riskEnv.RISK_GROUP_ID,
  RISK_EVENTS_TOPIC: riskEnv.RISK_EVENTS_TOPIC,
  RISK_ADMIN_TOPIC: riskEnv.RISK_ADMIN_TOPIC,
  RISK_REDIS_PREFIX: riskEnv.RISK_REDIS_PREFIX,
};

runMain('risk-rebuild', async () => {
  const env = loadConfig(rebuildEnv);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (!process.argv.includes('--yes')) {
    out(
      `This deletes every key under "${env.RISK_REDIS_PREFIX}:" in ${env.REDIS_URL} and resets ` +
        `consumer group "${env.RISK_GROUP_ID}" on "${env.RISK_EVENTS_TOPIC}" and "${env.RISK_ADMIN_TOPIC}" to the earliest offsets.`,
    );
    out('Stop the risk consumers first, then run again with --yes.');
    process.exitCode = 2;
    return;
  }
  const logger = createLogger({ service: 'risk-rebuild', level: env.LOG_LEVEL });
  const kafka = createKafka({ config: env, clientId: 'vigil-risk-rebuild', logger });
  const admin = kafka.admin();
  const redis = createRedis({
    url: env.REDIS_URL,
    logger,
    commandTimeoutMs: 10_000,
    overrides: { lazyConnect: true },
  });
  await admin.connect();
  try {
    await redis.connect();
    const summary = await rebuildRiskState({
      admin,
      redis,
      groupId: env.RISK_GROUP_ID,
      topics: [env.RISK_EVENTS_TOPIC, env.RISK_ADMIN_TOPIC],
      redisPrefix: env.RISK_REDIS_PREFIX,
    });
    out(
      `reset group "${env.RISK_GROUP_ID}" to the earliest offsets of ${summary.partitions} ` +
        `partition(s) and deleted ${summary.deletedKeys} key(s) under "${env.RISK_REDIS_PREFIX}:". ` +
        'Start the risk consumers to replay.',
    );
  } finally {
    redis.disconnect();
    await admin.disconnect();
  }
});
