import type * as net from 'node:net';
import { VigilError } from './errors';

/**
 * Starts `server` listening on `host:port`. A port that is taken fails with PORT_IN_USE and names
 * the setting to change; the error listener is removed once listening, so later server errors
 * are not swallowed by it.
 */
export async function listen(
  server: net.Server,
  options: { host: string; port: number; setting: string },
): Promise<void> {
  const { host, port, setting } = options;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new VigilError('PORT_IN_USE', `${setting} ${port} on ${host} is already in use`)
          : err,
      );
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
