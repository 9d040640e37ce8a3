import * as net from 'node:net';
import { listen } from '../src';

describe('listen', () => {
  const servers: net.Server[] = [];
  const server = () => {
    const s = net.createServer();
    servers.push(s);
    return s;
  };
  afterAll(() =>
    Promise.all(
      servers.map(
        (s) => new Promise<void>((resolve) => (s.listening ? s.close(() => resolve()) : resolve())),
      ),
    ),
  );

  it('names the setting whose port is taken', async () => {
    const first = server();
    await listen(first, { host: '127.0.0.1', port: 0, setting: 'EXAMPLE_PORT' });
    const { port } = first.address() as net.AddressInfo;
    await expect(
      listen(server(), { host: '127.0.0.1', port, setting: 'EXAMPLE_PORT' }),
    ).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      message: `EXAMPLE_PORT ${port} on 127.0.0.1 is already in use`,
    });
  });

  it('leaves no error listener behind once listening, so later errors still surface', async () => {
    const s = server();
    await listen(s, { host: '127.0.0.1', port: 0, setting: 'EXAMPLE_PORT' });
    expect(s.listenerCount('error')).toBe(0);
  });
});
