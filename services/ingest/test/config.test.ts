import { hashToken } from '@vigil/runtime';
import { loadIngestConfig } from '../src/config';

const TOKENS = `gateway=sha256:${hashToken('t')}`;

describe('ingest configuration', () => {
  it('has working defaults for everything but the tokens', () => {
    const config = loadIngestConfig({ INGEST_API_TOKENS: TOKENS });
    expect(config.INGEST_TOPIC).toBe('access-events');
    expect(config.INGEST_GRPC_PORT).toBe(7001);
    expect(config.INGEST_HTTP_PORT).toBe(7080);
    expect(config.OPS_PORT).toBe(9101);
    expect(config.INGEST_MAX_BATCH_EVENTS).toBe(1000);
    expect(config.INGEST_MAX_BATCH_BYTES).toBe(1024 * 1024);
    expect(config.INGEST_CLOCK_SKEW_PAST_MS).toBe(3_600_000);
    expect(config.sources.tokens.authenticate('t')).toBe('gateway');
  });

  it('refuses the removed dedup window setting, naming it', () => {
    expect(() =>
      loadIngestConfig({ INGEST_API_TOKENS: TOKENS, INGEST_DEDUP_WINDOW_MS: '1' }),
    ).toThrow(/INGEST_DEDUP_WINDOW_MS: expected to be unset/);
  });

  it('requires a sources file (or tokens, as hashes)', () => {
    expect(() => loadIngestConfig({})).toThrow(/INGEST_SOURCES_FILE: expected the path/);
    expect(() => loadIngestConfig({ INGEST_API_TOKENS: 'gateway=plaintext' })).toThrow(
      /INGEST_API_TOKENS: expected a comma-separated list of name=sha256/,
    );
  });

  it('names every bad variable at once', () => {
    const load = () =>
      loadIngestConfig({
        INGEST_API_TOKENS: TOKENS,
        INGEST_LINGER_MS: '-1',
        INGEST_TOPIC: 'bad topic',
        INGEST_COMPRESSION: 'zstd',
      });
    expect(load).toThrow(
      /INGEST_TOPIC: .*INGEST_LINGER_MS: .*INGEST_COMPRESSION: expected gzip or none/,
    );
  });

  it('checks the rules that span variables', () => {
    expect(() =>
      loadIngestConfig({ INGEST_API_TOKENS: TOKENS, INGEST_TLS_CERT_FILE: __filename }),
    ).toThrow(/INGEST_TLS_KEY_FILE: expected a value when the other TLS file is set/);
    expect(() =>
      loadIngestConfig({ INGEST_API_TOKENS: TOKENS, INGEST_TLS_CLIENT_CA_FILE: __filename }),
    ).toThrow(/INGEST_TLS_CERT_FILE: expected a value when INGEST_TLS_CLIENT_CA_FILE is set/);
    expect(() =>
      loadIngestConfig({
        INGEST_API_TOKENS: TOKENS,
        INGEST_TLS_CERT_FILE: '/nope',
        INGEST_TLS_KEY_FILE: __filename,
      }),
    ).toThrow(/INGEST_TLS_CERT_FILE: expected a readable file/);
    expect(() =>
      loadIngestConfig({ INGEST_API_TOKENS: TOKENS, INGEST_MAX_IN_FLIGHT_EVENTS: '10' }),
    ).toThrow(/INGEST_MAX_IN_FLIGHT_EVENTS: expected at least INGEST_MAX_BATCH_EVENTS \(1000\)/);
  });

  it('reads the Kubernetes audit settings and keeps room for mapped events', () => {
    const defaults = loadIngestConfig({ INGEST_API_TOKENS: TOKENS });
    expect(defaults.INGEST_K8S_AUDIT_CLUSTERS.size).toBe(0);
    expect(defaults.INGEST_K8S_AUDIT_MAX_BODY_BYTES).toBe(10 * 1024 * 1024);
    expect(defaults.INGEST_K8S_AUDIT_KEEP_READS).toBe(false);
    expect(defaults.INGEST_K8S_AUDIT_EXEC_COMMAND).toBe('keep');
    const config = loadIngestConfig({
      INGEST_API_TOKENS: TOKENS,
      INGEST_K8S_AUDIT_CLUSTERS: 'dev-cluster=dev, prod-api=prod-eu.1',
      INGEST_K8S_AUDIT_EXEC_COMMAND: 'program',
    });
    expect([...config.INGEST_K8S_AUDIT_CLUSTERS]).toEqual([
      ['dev-cluster', 'dev'],
      ['prod-api', 'prod-eu.1'],
    ]);
    for (const bad of ['dev-cluster', 'dev-cluster=Dev', 'a=x,a=y', 'dev=k8s/x']) {
      expect(() =>
        loadIngestConfig({ INGEST_API_TOKENS: TOKENS, INGEST_K8S_AUDIT_CLUSTERS: bad }),
      ).toThrow(/INGEST_K8S_AUDIT_CLUSTERS: expected /);
    }
    expect(() =>
      loadIngestConfig({ INGEST_API_TOKENS: TOKENS, INGEST_K8S_AUDIT_EXEC_COMMAND: 'hide' }),
    ).toThrow(/INGEST_K8S_AUDIT_EXEC_COMMAND: expected keep, program, none/);
    expect(() =>
      loadIngestConfig({
        INGEST_API_TOKENS: TOKENS,
        INGEST_K8S_AUDIT_CLUSTERS: 'dev-cluster=dev',
        INGEST_MAX_ATTRIBUTES: '8',
        INGEST_MAX_EVENT_BYTES: '4096',
      }),
    ).toThrow(
      /INGEST_MAX_ATTRIBUTES: expected at least 19 .*INGEST_MAX_EVENT_BYTES: expected at least 24576/s,
    );
  });
});
