/**
 * gRPC over TLS with bearer tokens, and mTLS where the client certificate names the source.
 * Certificates are made for the test with openssl.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as grpc from '@grpc/grpc-js';
import type { Admin, Kafka } from 'kafkajs';
import type Redis from 'ioredis';
import { IngestCallError, IngestClient, type IngestReceipt } from '@vigil/client';
import { vigil } from '@vigil/proto';
import { createTestTopics, testKafka, testRedis, uniqueName } from '../../../test/support/infra';
import { createTestPki, type TestPki } from './certs';
import {
  TOKENS,
  accessEvent,
  readTopic,
  startIngest,
  testEnv,
  type RunningIngest,
} from './support';

describe('ingest over TLS', () => {
  const topic = uniqueName('tls');
  let pki: TestPki;
  let kafka: Kafka;
  let admin: Admin;
  let redis: Redis;
  const apps: RunningIngest[] = [];
  const clients: IngestClient[] = [];

  beforeAll(async () => {
    pki = createTestPki();
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
    redis = testRedis();
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const app of apps) {
      await app.stop();
      const keys = await redis.keys(`${app.prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
    pki.remove();
  });

  async function start(env: Record<string, string>) {
    const app = await startIngest(testEnv(topic, env));
    apps.push(app);
    return app;
  }

  function client(
    app: RunningIngest,
    options: { token?: string; cert?: { cert: string; key: string } },
  ) {
    const c = new IngestClient({
      address: `127.0.0.1:${app.app.ports.grpc}`,
      caFile: pki.caCert,
      token: options.token,
      certFile: options.cert?.cert,
      keyFile: options.cert?.key,
      timeoutMs: 10_000,
      // The certificate names localhost; TLS has no server names for IP addresses (RFC 6066).
      channelOptions: { 'grpc.ssl_target_name_override': 'localhost' },
    });
    clients.push(c);
    return c;
  }

  async function storedSource(receipt: IngestReceipt): Promise<string> {
    const records = await readTopic(kafka, admin, topic);
    const record = records.find((r) => r.offset === receipt.offset);
    return vigil.v1.AccessEvent.decode(record!.value).source;
  }

  const failure = (call: Promise<unknown>) =>
    call.then(
      () => {
        throw new Error('the call succeeded');
      },
      (e: unknown) => e as IngestCallError,
    );

  it('serves gRPC and HTTPS with the server certificate; the token names the source', async () => {
    const app = await start({
      INGEST_TLS_CERT_FILE: pki.serverCert,
      INGEST_TLS_KEY_FILE: pki.serverKey,
    });
    const receipt = await client(app, { token: TOKENS.gateway }).publish(accessEvent());
    expect(await storedSource(receipt)).toBe('gateway');

    const noToken = await failure(client(app, {}).publish(accessEvent()));
    expect(noToken.code).toBe(grpc.status.UNAUTHENTICATED);

    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: app.app.ports.http,
          path: '/v1/events',
          method: 'POST',
          ca: fs.readFileSync(pki.caCert),
          headers: { authorization: `Bearer ${TOKENS.okta}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(
        JSON.stringify({
          occurredAt: new Date().toISOString(),
          actor: { userId: 'u' },
          action: 'a',
        }),
      );
    });
    expect(status).toBe(200);
  });

  it('with mTLS, the client certificate CN is the source; a conflicting token is refused', async () => {
    const app = await start({
      INGEST_TLS_CERT_FILE: pki.serverCert,
      INGEST_TLS_KEY_FILE: pki.serverKey,
      INGEST_TLS_CLIENT_CA_FILE: pki.caCert,
    });
    const okta = pki.client('okta');
    const receipt = await client(app, { cert: okta }).publish(accessEvent({ source: 'gateway' }));
    expect(await storedSource(receipt)).toBe('okta');

    // Certificate and token may both be given, but they must name the same source.
    const agreeing = await client(app, { cert: okta, token: TOKENS.okta }).publish(accessEvent());
    expect(agreeing.duplicate).toBe(false);
    const conflicting = await failure(
      client(app, { cert: okta, token: TOKENS.gateway }).publish(accessEvent()),
    );
    expect(conflicting.code).toBe(grpc.status.UNAUTHENTICATED);

    // No certificate, or one from a CA the server does not trust: the handshake fails.
    const anonymous = await failure(client(app, { token: TOKENS.gateway }).publish(accessEvent()));
    expect(anonymous.code).toBe(grpc.status.UNAVAILABLE);
    const stranger = await failure(
      client(app, { cert: pki.strangerClient() }).publish(accessEvent()),
    );
    expect(stranger.code).toBe(grpc.status.UNAVAILABLE);
  });
});
