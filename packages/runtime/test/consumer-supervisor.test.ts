import pino from 'pino';
import { ConsumerSupervisor } from '../src/consumer-supervisor';

const silent = pino({ level: 'silent' });
const quick = { initialMs: 1, maxMs: 4 };

describe('ConsumerSupervisor', () => {
  it('tears the crashed consumer down, then starts a fresh one', async () => {
    const calls: string[] = [];
    const supervisor = new ConsumerSupervisor({
      teardown: async () => void calls.push('teardown'),
      start: async () => void calls.push('start'),
      isStopping: () => false,
      logger: silent,
      backoff: quick,
    });
    await supervisor.crashed();
    expect(calls).toEqual(['teardown', 'start']);
    expect(supervisor.restarts).toBe(1);
    expect(supervisor.isRestarting).toBe(false);
  });

  it('keeps trying, in a loop, until a start succeeds', async () => {
    let failuresLeft = 50;
    const supervisor = new ConsumerSupervisor({
      teardown: async () => undefined,
      start: async () => {
        if (failuresLeft-- > 0) throw new Error('broker unreachable');
      },
      isStopping: () => false,
      logger: silent,
      backoff: { initialMs: 0, maxMs: 0 },
    });
    await supervisor.crashed();
    expect(supervisor.restarts).toBe(51);
  });

  it('runs one restart at a time, and one more for a crash reported meanwhile', async () => {
    let starts = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const supervisor = new ConsumerSupervisor({
      teardown: () => gate,
      start: async () => void (starts += 1),
      isStopping: () => false,
      logger: silent,
      backoff: quick,
    });
    const first = supervisor.crashed();
    const second = supervisor.crashed();
    const third = supervisor.crashed();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(starts).toBe(2);
    expect(supervisor.isRestarting).toBe(false);
  });

  it('gives up once the service is stopping, and never starts then', async () => {
    let stopping = false;
    let starts = 0;
    const supervisor = new ConsumerSupervisor({
      teardown: async () => void (stopping = true),
      start: async () => void (starts += 1),
      isStopping: () => stopping,
      logger: silent,
      backoff: quick,
    });
    await supervisor.crashed();
    expect(starts).toBe(0);
    await supervisor.crashed();
    expect(supervisor.restarts).toBe(1);
  });

  it('goes on when tearing down fails', async () => {
    let started = false;
    const supervisor = new ConsumerSupervisor({
      teardown: async () => {
        throw new Error('already disconnected');
      },
      start: async () => void (started = true),
      isStopping: () => false,
      logger: silent,
      backoff: quick,
    });
    await supervisor.crashed();
    expect(started).toBe(true);
  });
});
