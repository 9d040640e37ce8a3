import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeKafkaSecurityEnv, readEnvFile } from '@vigil/runtime';
import { stateDir } from '../paths';

/** The principals of the local secure broker that clients act as (deploy/local/kafka-secure.sh). */
export type LocalKafkaPrincipal = 'ingest' | 'risk' | 'sealer' | 'auditor' | 'admin';

/** Secure mode of the local stack: `VIGIL_KAFKA_SECURE=1` (./dev up passes it on). */
export const localKafkaSecure = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.VIGIL_KAFKA_SECURE === '1';

export const localKafkaSecretsDir = (): string => path.join(stateDir(), 'secrets', 'kafka');

/**
 * The Kafka security settings of one principal on the local broker in secure mode: its SASL_SSL
 * settings as kafka.sh wrote them (the password stays in its file), every variable set so that
 * nothing of the caller's leaks in. Otherwise none: the caller's own settings apply (an external
 * cluster, VIGIL_EXTERNAL_INFRA=1).
 */
export function localKafkaClientEnv(
  principal: LocalKafkaPrincipal,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  if (!localKafkaSecure(env)) return {};
  const file = path.join(localKafkaSecretsDir(), `${principal}.env`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `VIGIL_KAFKA_SECURE=1 but ${file} does not exist: start the local broker in secure mode first (VIGIL_KAFKA_SECURE=1 ./dev up)`,
    );
  }
  return completeKafkaSecurityEnv(readEnvFile(file));
}
