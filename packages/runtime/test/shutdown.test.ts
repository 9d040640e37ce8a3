import { Writable } from 'node:stream';
import { createLogger, installGracefulShutdown } from '../src';

const silent = createLogger({
  service: 'test',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

describe('installGracefulShutdown', () => {
  it('runs every step in order and exits 0', async () => {
    const order: string[] = [];
    const exit = jest.fn();
    const { shutdown } = installGracefulShutdown({
      logger: silent,
      timeoutMs: 1_000,
      exit,
      signals: [],
      steps: [
        { name: 'stop accepting', run: () => void order.push('stop') },
        { name: 'drain', run: async () => void order.push('drain') },
        { name: 'disconnect', run: () => void order.push('disconnect') },
      ],
    });
    await shutdown('test');
    expect(order).toEqual(['stop', 'drain', 'disconnect']);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('keeps going after a failing step and exits 1', async () => {
    const exit = jest.fn();
    const flushed = jest.fn();
    const { shutdown } = installGracefulShutdown({
      logger: silent,
      timeoutMs: 1_000,
      exit,
      signals: [],
      steps: [
        { name: 'commit', run: () => Promise.reject(new Error('broker gone')) },
        { name: 'flush', run: flushed },
      ],
    });
    await shutdown('test');
    expect(flushed).toHaveBeenCalled();
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('exits 1 when the steps overrun the deadline', async () => {
    const exit = jest.fn();
    let release: () => void = () => undefined;
    const { shutdown } = installGracefulShutdown({
      logger: silent,
      timeoutMs: 20,
      exit,
      signals: [],
      steps: [{ name: 'stuck', run: () => new Promise<void>((resolve) => (release = resolve)) }],
    });
    const done = shutdown('test');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(exit).toHaveBeenCalledWith(1);
    release();
    await done;
  });

  it('runs the sequence once however often it is asked', async () => {
    const step = jest.fn();
    const { shutdown } = installGracefulShutdown({
      logger: silent,
      timeoutMs: 1_000,
      exit: jest.fn(),
      signals: [],
      steps: [{ name: 'once', run: step }],
    });
    await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')]);
    expect(step).toHaveBeenCalledTimes(1);
  });
});
