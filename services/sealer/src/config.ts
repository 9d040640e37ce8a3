import { z } from 'zod';
import { logNameProblem } from '@vigil/audit';
import { commonEnv, loadConfig, port, positiveInt, type ConfigOf } from '@vigil/runtime';

const topicList = () =>
  z
    .string()
    .transform((s) => s.split(',').map((t) => t.trim()))
    .refine(
      (topics) => topics.length > 0 && topics.every((t) => /^[A-Za-z0-9._-]{1,249}$/.test(t)),
      {
        message: 'a comma-separated list of Kafka topic names',
      },
    );

export const sealerEnv = {
  ...commonEnv,
  /** The topics whose partitions are sealed. */
  SEALER_TOPICS: topicList().default(['access-events', 'authz-decisions', 'risk-admin']),
  SEALER_ROOTS_TOPIC: z.string().min(1).default('sealed-roots'),
  /**
   * Name of the deployment's log: each sealed partition is the c2sp.org log (and checkpoint key
   * name) `<SEALER_LOG_NAME>/<topic>/<partition>`. A schema-less URL naming this deployment;
   * changing it later starts new logs in the eyes of every verifier, so choose it once.
   */
  SEALER_LOG_NAME: z
    .string()
    .default('vigil.local/audit')
    .superRefine((name, ctx) => {
      const problem = logNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  SEALER_GROUP_ID: z.string().min(1).default('sealer'),
  /** Prefix of the per-partition transactional ids; instances of one deployment must share it. */
  SEALER_TRANSACTIONAL_ID_PREFIX: z.string().min(1).default('vigil-sealer'),
  SEALER_MAX_BATCH_EVENTS: positiveInt().default(1_000),
  SEALER_MAX_BATCH_MS: positiveInt().default(1_000),
  /** How long an open transaction of a crashed instance may hold a partition before Kafka aborts it. */
  SEALER_TRANSACTION_TIMEOUT_MS: positiveInt().default(15_000),
  /** PEM Ed25519 private key: a file path, or the PEM itself in SEALER_SIGNING_KEY. */
  SEALER_SIGNING_KEY_FILE: z.string().min(1).optional(),
  SEALER_SIGNING_KEY: z.string().min(1).optional(),
  /** Public keys of earlier (rotated-out) signing keys, PEM, so their roots still count. */
  SEALER_KEYRING_FILE: z.string().min(1).optional(),
  /** How soon the group notices a dead instance and moves its partitions (broker minimum 6 s). */
  SEALER_SESSION_TIMEOUT_MS: positiveInt().default(30_000),
  OPS_PORT: port().default(9103),
} as const;

export type SealerConfig = ConfigOf<typeof sealerEnv>;

export function loadSealerConfig(env: NodeJS.ProcessEnv = process.env): SealerConfig {
  return loadConfig(sealerEnv, env);
}
