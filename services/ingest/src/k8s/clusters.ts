import { z } from 'zod';

/**
 * Which authenticated sources are Kubernetes clusters, and under which cluster name their events
 * are filed: INGEST_K8S_AUDIT_CLUSTERS="dev-cluster=dev,prod-eu-api=prod-eu". Only these sources
 * may post to /v1/k8s/audit. The cluster name becomes a resource segment (`k8s/<cluster>/...`).
 */
const ENTRY = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})=([a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?)$/;

export type ClusterMap = ReadonlyMap<string, string>;

export const clusterMapEnv = () =>
  z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((parts) => parts.every((p) => ENTRY.test(p)), {
      message:
        'a comma-separated list of source=cluster (source as in INGEST_API_TOKENS; cluster: ' +
        'lower-case letters, digits, ".", "_", "-")',
    })
    .refine((parts) => new Set(parts.map((p) => p.split('=')[0])).size === parts.length, {
      message: 'each source at most once',
    })
    .transform(
      (parts): ClusterMap =>
        new Map(
          parts.map((p) => {
            const [, source, cluster] = ENTRY.exec(p) as RegExpExecArray;
            return [source as string, cluster as string];
          }),
        ),
    );
