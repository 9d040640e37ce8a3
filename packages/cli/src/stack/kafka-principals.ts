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
 * The complete Kafka security settings of one principal on the local broker: in secure mode its
 * SASL_SSL settings as kafka.sh wrote them (the password stays in its file), otherwise
 * PLAINTEXT. Every variable is set, so nothing leaks in from the caller's environment.
 */
export function localKafkaClientEnv(
  principal: LocalKafkaPrincipal,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  if (!localKafkaSecure(env))
    return completeKafkaSecurityEnv({ KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT' });
  const file = path.join(localKafkaSecretsDir(), `${principal}.env`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `VIGIL_KAFKA_SECURE=1 but ${file} does not exist: start the local broker in secure mode first (VIGIL_KAFKA_SECURE=1 ./dev up)`,
    );
  }
  return completeKafkaSecurityEnv(readEnvFile(file));
}
