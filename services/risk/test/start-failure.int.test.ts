/**
 * createRiskApp opens nothing until start(), and a start that fails at a later step (the gRPC
 * port is taken) closes what it opened: the ops port is free again.
 */
import * as net from 'node:net';
import { createLogger } from '@vigil/runtime';
import { createRiskApp } from '../src/app';
import { loadRiskConfig } from '../src/config';
import { assertPortFree, freePort } from '../../../test/support/processes';
import { createRiskTestEnv, type RiskTestEnv } from './support/harness';

const silent = () => createLogger({ service: 'risk-test', level: 'silent' });

describe('risk start failing at a later step', () => {
  let env: RiskTestEnv;

  beforeAll(async () => {
    env = await createRiskTestEnv({ name: 'risk-start-failure' });
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  it('opens nothing in the factory, and closes the ops server when the gRPC port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const grpcPort = (taken.address() as net.AddressInfo).port;
    const opsPort = await freePort();
    try {
      const app = createRiskApp(
        loadRiskConfig({
          ...env.env,
          OPS_PORT: String(opsPort),
          RISK_GRPC_HOST: '127.0.0.1',
          RISK_GRPC_PORT: String(grpcPort),
        }),
        { logger: silent() },
      );
      // Built, not started: nothing listens yet.
      await assertPortFree(opsPort, 'the ops port before start');
      expect(app.ports).toEqual({ grpc: 0, ops: 0 });

      await expect(app.start()).rejects.toMatchObject({ code: 'PORT_IN_USE' });
      await assertPortFree(opsPort, 'the ops port after a failed start');
      expect(app.ports).toEqual({ grpc: 0, ops: 0 });
      expect(app.isReady()).toBe(false);
      // Its decision log is closed now: starting it again would serve calls it cannot log.
      await expect(app.start()).rejects.toMatchObject({ code: 'ALREADY_STARTED' });
      await app.stop();
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);
});
