import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseSourcesFile } from '../../services/ingest/src/sources';

/**
 * The sources files a deployment starts from: the Kubernetes template in secrets.example.yaml and
 * what deploy/secrets/generate.sh writes for Compose. Both must be what ingest accepts, with only
 * the identity provider's events establishing anything.
 */

const REPO = path.resolve(__dirname, '../..');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('deploy/k8s/secrets.example.yaml', () => {
  it('holds a sources file that ingest accepts once the digests are filled in', () => {
    const file = path.join(REPO, 'deploy/k8s/secrets.example.yaml');
    const secret = parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map((d) => d.toJS() as { metadata: { name: string }; stringData: Record<string, string> })
      .find((d) => d.metadata.name === 'vigil-ingest-sources');
    const template = secret?.stringData['sources.yaml'] ?? '';
    const placeholders = template.match(/REPLACE_WITH_\w+/g) ?? [];
    expect(placeholders).toHaveLength(2);
    // Left as they are, the placeholders stop ingest at startup.
    expect(() => parseSourcesFile(template)).toThrow(/token_sha256: expected the SHA-256/);

    const tokens = placeholders.map((_, i) => `token-${i}`);
    let filled = template;
    placeholders.forEach((p, i) => (filled = filled.replace(p, sha256(tokens[i] as string))));
    const sources = parseSourcesFile(filled);
    const [idp, gateway] = tokens.map((t) => sources.tokens.authenticate(t));
    expect([idp, gateway]).toEqual(['idp', 'gateway']);
    expect(sources.scope('idp')?.establishes).toEqual({
      knownAttributes: true,
      failedAuthentication: true,
    });
    expect(sources.scope('gateway')?.establishes).toEqual({
      knownAttributes: false,
      failedAuthentication: false,
    });
    expect(sources.scope('gateway')?.allowsAction('auth.login')).toBe(false);
  });
});

describe('deploy/secrets/generate.sh', () => {
  /** A copy of the script in a directory of its own (it writes next to itself). */
  function scriptCopy(): { dir: string; run: () => ReturnType<typeof spawnSync> } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-generate-'));
    dirs.push(root);
    const dir = path.join(root, 'deploy/secrets');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(REPO, 'deploy/secrets/generate.sh'), path.join(dir, 'generate.sh'));
    // The script starts node about nine times: ~1 s on an idle machine, but a CI run loads both
    // cores with Kafka tests, and a run once overran 30 s. The bound is only against a hang.
    const run = () =>
      spawnSync('bash', [path.join(dir, 'generate.sh')], { encoding: 'utf8', timeout: 120_000 });
    return { dir, run };
  }

  const env = (text: string) =>
    Object.fromEntries(
      text
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );

  it('writes a sources file for idp and gateway whose digests are those of the CLI tokens', () => {
    const { dir, run } = scriptCopy();
    expect(run().status).toBe(0);
    const cli = env(fs.readFileSync(path.join(dir, 'cli.env'), 'utf8'));
    const sources = parseSourcesFile(fs.readFileSync(path.join(dir, 'sources.yaml'), 'utf8'));
    expect(sources.tokens.authenticate(cli.VIGIL_SOURCE_TOKEN_IDP)).toBe('idp');
    expect(sources.tokens.authenticate(cli.VIGIL_SOURCE_TOKEN_GATEWAY)).toBe('gateway');
    expect(cli.VIGIL_INGEST_TOKEN).toBe(cli.VIGIL_SOURCE_TOKEN_GATEWAY);
    expect(sources.scope('idp')?.establishes.knownAttributes).toBe(true);
    expect(sources.scope('gateway')?.establishes.knownAttributes).toBe(false);
    const risk = env(fs.readFileSync(path.join(dir, 'risk.env'), 'utf8'));
    expect(risk.RISK_API_TOKENS).toBe(`local=sha256:${sha256(cli.VIGIL_AUTHZ_TOKEN as string)}`);
    // The ingest container (uid 10001) reads it through a bind mount.
    expect(fs.statSync(path.join(dir, 'sources.yaml')).mode & 0o777).toBe(0o644);
  });

  it('keeps the tokens on a second run, and refuses to make only some of them anew', () => {
    const { dir, run } = scriptCopy();
    expect(run().status).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'cli.env'), 'utf8');
    expect(run().status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'cli.env'), 'utf8')).toBe(before);

    fs.rmSync(path.join(dir, 'sources.yaml'));
    const partial = run();
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain(
      'only risk.env cli.env of sources.yaml risk.env cli.env exist',
    );
    expect(fs.existsSync(path.join(dir, 'sources.yaml'))).toBe(false);
  });
});
