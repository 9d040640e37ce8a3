import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { AuthorizationClient } from '@vigil/client';
import { vigil } from '@vigil/proto';
import type { RiskApp } from '../src/app';
import { createRiskTestEnv, readTopic, startRiskApp, type RiskTestEnv } from './support/harness';

/** A throwaway CA, a server certificate for 127.0.0.1 and a client certificate. */
function makeCertificates(dir: string): void {
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const key = (name: string) =>
    openssl(
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-out',
      `${name}.key`,
    );
  key('ca');
  openssl(
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=vigil-test-ca',
  );
  for (const [name, cn, ext] of [
    ['server', 'localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    ['client', 'billing-service', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    key(name);
    openssl('req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    fs.writeFileSync(path.join(dir, `${name}.ext`), `${ext}\n`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
}

describe('Authorize over mTLS (client certificate instead of a token)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-risk-tls-'));
  const file = (name: string) => path.join(dir, name);
  let env: RiskTestEnv;
  let app: RiskApp;

  beforeAll(async () => {
    makeCertificates(dir);
    env = await createRiskTestEnv({ name: 'risk-tls' });
    const { RISK_API_TOKENS: _none, ...withoutTokens } = env.env;
    app = await startRiskApp({
      ...withoutTokens,
      RISK_TLS_CERT_FILE: file('server.crt'),
      RISK_TLS_KEY_FILE: file('server.key'),
      RISK_TLS_CLIENT_CA_FILE: file('ca.crt'),
      RISK_TLS_REQUIRE_CLIENT_CERT: 'true',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await env?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('authenticates the caller by its certificate and records it in the decision', async () => {
    const client = new AuthorizationClient({
      address: `localhost:${app.ports.grpc}`,
      caFile: file('ca.crt'),
      certFile: file('client.crt'),
      keyFile: file('client.key'),
    });
    try {
      const response = await client.authorize({
        userId: 'tls-user',
        action: 'read',
        resource: 'docs/handbook',
      });
      expect(response.decision).toBe(vigil.v1.Decision.DECISION_ALLOW);
      await app.decisionLog.flush();
      const [record] = await readTopic(
        env.kafka,
        env.decisionsTopic,
        (v) => vigil.v1.AuthzDecision.decode(v),
        (rs) => rs.length > 0,
      );
      expect(record?.value.caller).toBe('mtls:billing-service');
    } finally {
      client.close();
    }
  });

  it('rejects a client without a certificate', async () => {
    const client = new AuthorizationClient({
      address: `localhost:${app.ports.grpc}`,
      caFile: file('ca.crt'),
      timeoutMs: 3_000,
    });
    try {
      await expect(
        client.authorize({ userId: 'tls-user', action: 'read', resource: 'docs/handbook' }),
      ).rejects.toMatchObject({
        code: grpc.status.UNAVAILABLE,
      });
    } finally {
      client.close();
    }
  });
});
