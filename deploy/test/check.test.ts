import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runChecks, type Loader } from '../check.cjs';

/**
 * deploy/check.cjs against copies of deploy/, each broken in one way: every break must be
 * reported, naming the file and the problem. The services' code comes from their TypeScript
 * sources here (jest compiles them), the same modules the check loads from dist/ after a build.
 */

const REPO = path.resolve(__dirname, '../..');
const fromSource: Loader = (dir, name) => require(path.join(REPO, dir, 'src', name)); // eslint-disable-line @typescript-eslint/no-require-imports

const roots: string[] = [];
afterAll(() => {
  for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
});

/** A repository root whose deploy/ is a copy (edited by `edits`) and the rest links to REPO. */
function brokenCopy(edits: Record<string, (text: string) => string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-deploy-check-'));
  roots.push(root);
  fs.cpSync(path.join(REPO, 'deploy'), path.join(root, 'deploy'), { recursive: true });
  for (const name of ['services', 'packages', 'package.json']) {
    fs.symlinkSync(path.join(REPO, name), path.join(root, name));
  }
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(root, 'deploy', file);
    const before = fs.readFileSync(full, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before); // the edit must change something, or the test proves nothing
    fs.writeFileSync(full, after);
  }
  return root;
}

const check = (edits: Record<string, (text: string) => string>) =>
  runChecks({ root: brokenCopy(edits), load: fromSource });

describe('deploy/check.cjs', () => {
  it('passes on deploy/ as it is', async () => {
    const { errors, passed } = await check({});
    expect(errors).toEqual([]);
    expect(passed).toContainEqual(
      expect.stringMatching(/^code: \d+ Vigil metrics, settings of ingest/),
    );
  });

  it('reports a setting removed from the image', async () => {
    const { errors } = await check({
      'docker/Dockerfile': (t) =>
        t.replace(
          'ENV INGEST_GRPC_HOST=0.0.0.0 \\\n    INGEST_HTTP_HOST=0.0.0.0\n',
          'ENV INGEST_GRPC_HOST=0.0.0.0\n',
        ),
    });
    // Compose and Kubernetes set it themselves, so only the plain image is wrong.
    expect(errors).toEqual([
      'deploy/docker/Dockerfile [ingest]: INGEST_HTTP_HOST must be 0.0.0.0 in a container (probes and clients come from outside)',
    ]);
  });

  it('reports a variable that is not a setting, and a value the setting refuses', async () => {
    const { errors } = await check({
      'k8s/config/risk.env': (t) => t.replace('RISK_GROUP_ID=risk', 'RISK_GROUPID=risk'),
      'k8s/config/sealer.env': (t) => t.replace('SEALER_TOPICS=', 'SEALER_TOPICS=access events,'),
    });
    expect(errors).toContain(
      'deploy/k8s/risk.yaml risk/risk envFrom vigil-risk: RISK_GROUPID is not a setting of risk (services/risk/src/config.ts)',
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^deploy\/k8s\/sealer\.yaml sealer\/sealer envFrom vigil-sealer: SEALER_TOPICS=access events,.*: expected a comma-separated list of Kafka topic names$/,
      ),
    );
  });

  it('reports a file setting whose Secret is not mounted', async () => {
    const { errors } = await check({
      'k8s/sealer.yaml': (t) =>
        t.replace('mountPath: /etc/vigil/sealer', 'mountPath: /etc/vigil/keys'),
    });
    expect(errors).toContain(
      'deploy/k8s/sealer.yaml sealer/sealer: SEALER_SIGNING_KEY_FILE=/etc/vigil/sealer/sealer-signing-key.pem is not under any volumeMount',
    );
  });

  it('finds the ext_authz mapping mounted when risk.env turns it on, and at no other path', async () => {
    const enable = (file: string) => (t: string) =>
      t.replace(
        '# RISK_EXT_AUTHZ_MAPPING_FILE=/etc/vigil/ext-authz/ext-authz.yaml',
        `RISK_EXT_AUTHZ_MAPPING_FILE=${file}`,
      );
    expect(
      (await check({ 'k8s/config/risk.env': enable('/etc/vigil/ext-authz/ext-authz.yaml') }))
        .errors,
    ).toEqual([]);
    const { errors } = await check({
      'k8s/config/risk.env': enable('/etc/vigil/ext-authz/mapping.yaml'),
    });
    expect(errors).toEqual([
      'deploy/k8s/risk.yaml risk/risk: RISK_EXT_AUTHZ_MAPPING_FILE=/etc/vigil/ext-authz/mapping.yaml: ConfigMap vigil-risk-ext-authz has no key mapping.yaml',
    ]);
  });

  it('reports a sources file that the ingest pod does not mount', async () => {
    const { errors } = await check({
      'k8s/ingest.yaml': (t) =>
        t.replace('secretName: vigil-ingest-sources', 'secretName: vigil-ingest-tokens'),
    });
    expect(errors).toEqual([
      'deploy/k8s/ingest.yaml ingest/ingest: INGEST_SOURCES_FILE=/etc/vigil/ingest/sources.yaml: Secret vigil-ingest-tokens has no key sources.yaml',
    ]);
  });

  it('reports a port the Compose service does not publish', async () => {
    const { errors } = await check({
      'docker-compose.yml': (t) => t.replace('      - 127.0.0.1:7002:7002\n', ''),
    });
    expect(errors).toEqual([
      'deploy/docker-compose.yml services.risk: no published port for RISK_GRPC_PORT 7002',
    ]);
  });

  it('reports topics whose partitions differ from deploy/local/topics.cjs', async () => {
    const { errors } = await check({
      'k8s/kafka-topics-job.yaml': (t) => t.replace('create risk-admin 1', 'create risk-admin 2'),
    });
    expect(errors).toEqual([
      'deploy/k8s/kafka-topics-job.yaml kafka-topics: risk-admin: 2 partitions, deploy/local/topics.cjs: 1',
    ]);
  });

  it('reports a dashboard query of an unknown metric, and the metric it no longer shows', async () => {
    const { errors } = await check({
      'grafana/vigil-dashboard.json': (t) =>
        t.replaceAll('vigil_sealer_batch_size_', 'vigil_sealer_batches_'),
    });
    expect(errors).toContainEqual(
      expect.stringMatching(
        /panel ".*": metric vigil_sealer_batches_bucket: no service creates it$/,
      ),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^deploy\/grafana\/vigil-dashboard\.json: metric vigil_sealer_batch_size \(services\/sealer\) is in no panel/,
      ),
    );
  });

  it('reports an alert that matches on a label the metric does not have', async () => {
    const { errors } = await check({
      'prometheus/alerts.yml': (t) =>
        t.replace(
          'sum(vigil_sealer_assigned_partitions)',
          'sum(vigil_sealer_assigned_partitions{topic="x"})',
        ),
    });
    expect(errors).toEqual([
      'deploy/prometheus/alerts.yml VigilSealerPartitionsUnassigned: label "topic" is not a label of vigil_sealer_assigned_partitions',
    ]);
  });

  it('says to build first when there is no build', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-deploy-check-'));
    roots.push(empty);
    await expect(runChecks({ root: empty })).rejects.toThrow(
      'packages/runtime/dist/index.js does not exist: run pnpm run build',
    );
  });
});
