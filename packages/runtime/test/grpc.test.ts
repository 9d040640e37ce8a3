import * as net from 'node:net';
import { Writable } from 'node:stream';
import { createLogger, startGrpcServer } from '../src';

const logger = createLogger({
  service: 'test',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

describe('gRPC server start', () => {
  let occupier: net.Server;
  let port: number;

  beforeAll(async () => {
    occupier = net.createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    port = (occupier.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupier.close(() => resolve())));

  it('names the setting whose port is taken', async () => {
    // grpc-js also prints its own "No address added" line; the error below is what counts.
    const grpcLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      startGrpcServer({
        host: '127.0.0.1',
        port,
        portSetting: 'EXAMPLE_GRPC_PORT',
        services: [],
        logger,
      }),
    ).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      message: expect.stringContaining(`EXAMPLE_GRPC_PORT ${port} on 127.0.0.1`),
    });
    grpcLog.mockRestore();
  });
});
