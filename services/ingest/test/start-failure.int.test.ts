/**
 * A start that fails at a later step (a listener's port is taken) leaves nothing listening: an
 * orchestrator restarting the process, or a test retrying in-process, finds every port free.
 */
import * as net from 'node:net';
import type { Admin } from 'kafkajs';
import { createIngestApp, loadIngestConfig } from '../src';
import { createTestTopics, testKafka, uniqueName } from '../../../test/support/infra';
import { assertPortFree, freePort } from '../../../test/support/processes';
import { silentLogger, testEnv } from './support';

/** Something else listening on a port, as a second copy of the service would. */
async function occupy(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('ingest start failing at a later step', () => {
  const topic = uniqueName('start-failure');
  let admin: Admin;

  beforeAll(async () => {
    admin = testKafka().admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it.each([
    ['gRPC', 'INGEST_GRPC_PORT'],
    ['HTTP', 'INGEST_HTTP_PORT'],
  ])(
    'closes the ops server (and what else it opened) when the %s port is taken',
    async (_, setting) => {
      const taken = await occupy();
      const opsPort = await freePort();
      const grpcPort = await freePort();
      try {
        const config = loadIngestConfig(
          testEnv(topic, {
            OPS_PORT: String(opsPort),
            INGEST_GRPC_PORT: String(grpcPort),
            [setting]: String(taken.port),
          }),
        );
        const app = createIngestApp(config, { logger: silentLogger() });
        await expect(app.start()).rejects.toMatchObject({ code: 'PORT_IN_USE' });

        await assertPortFree(opsPort, 'the ops port after a failed start');
        if (setting !== 'INGEST_GRPC_PORT') await assertPortFree(grpcPort, 'the gRPC port');
        expect(app.ports).toEqual({ grpc: 0, http: 0, ops: 0 });
        expect(app.isReady()).toBe(false);
        // stop() after a failed start has nothing left to close, and does not throw.
        await app.stop();
      } finally {
        await taken.close();
      }
    },
    60_000,
  );
});
