import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { waitFor } from '../../../test/support/infra';
import { freePort, REPO_ROOT } from '../../../test/support/processes';
import { statusLine } from '../src/commands/stack';
import {
  launchService,
  runningPid,
  serviceStatus,
  stopService,
  type StackService,
} from '../src/stack/stack';

/**
 * `vigil stack` with a stand-in service (a script that idles, exits with FAKE_EXIT_CODE if set,
 * and exits 0 on SIGTERM like the real ones), so the test needs no Kafka, Redis or fixed ports,
 * and the supervisor run from its sources (no build).
 */
describe('vigil stack status tells a crashed service from a stopped one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-stack-'));
  const savedStateDir = process.env.VIGIL_STATE_DIR;
  const entry = path.join(dir, 'fake-service.cjs');
  const supervisor = [
    '-r',
    path.join(REPO_ROOT, 'test/support/ts-register.cjs'),
    path.join(REPO_ROOT, 'packages/cli/src/stack/supervisor.ts'),
  ];
  let service: StackService;
  const style = { style: { ok: String, bad: String, warn: String, dim: String, bold: String } };

  beforeAll(async () => {
    process.env.VIGIL_STATE_DIR = path.join(dir, 'state');
    fs.writeFileSync(
      entry,
      [
        "process.on('SIGTERM', () => process.exit(0));",
        'const code = process.env.FAKE_EXIT_CODE;',
        'if (code) setTimeout(() => process.exit(Number(code)), 100);',
        'setInterval(() => undefined, 1000);',
      ].join('\n'),
    );
    // Nothing listens on the ops port: the service is "not ready" while it runs.
    service = { name: 'risk', entry, opsPort: await freePort(), endpoints: [], env: () => ({}) };
  });

  afterEach(async () => {
    await stopService(service, 2_000);
  });

  afterAll(() => {
    if (savedStateDir === undefined) delete process.env.VIGIL_STATE_DIR;
    else process.env.VIGIL_STATE_DIR = savedStateDir;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string> = {}) => {
    launchService(service, { PATH: process.env.PATH ?? '', ...env }, supervisor);
    return waitFor('the service to run', () => runningPid(service), 20_000);
  };
  const crashed = () =>
    waitFor(
      'status crashed',
      async () => {
        const status = await serviceStatus(service);
        return status.state === 'crashed' && status.exit !== null && status;
      },
      10_000,
    );

  it('a killed service is "crashed (SIGKILL)", not "stopped"', async () => {
    const pid = await start();
    expect((await serviceStatus(service)).state).toBe('not ready');
    process.kill(pid, 'SIGKILL');
    const status = await crashed();
    expect(status).toMatchObject({
      state: 'crashed',
      pid: null,
      ready: false,
      exit: { code: null, signal: 'SIGKILL', error: null },
    });
    expect(statusLine(status, style)).toMatch(/^risk {4}crashed \(SIGKILL\) at \S+Z {2}ops :/);
  });

  it('a service that exits by itself is crashed, with its exit code', async () => {
    await start({ FAKE_EXIT_CODE: '78' });
    const status = await crashed();
    expect(status.exit).toMatchObject({ code: 78, signal: null });
    expect(statusLine(status, style)).toContain('crashed (exit code 78)');
  });

  it('one that died with its supervisor is crashed, exit status unknown', async () => {
    const pid = await start();
    const supervisorPid = Number(
      fs.readFileSync(path.join(dir, 'state/run/risk.supervisor.pid'), 'utf8'),
    );
    process.kill(supervisorPid, 'SIGKILL');
    process.kill(pid, 'SIGKILL');
    const status = await waitFor('status crashed', async () => {
      const s = await serviceStatus(service);
      return s.state === 'crashed' && s;
    });
    expect(status.exit).toBeNull();
    expect(statusLine(status, style)).toContain('crashed (exit status unknown)');
  });

  it('a clean stop is "stopped", and so is a crashed service once stopped', async () => {
    await start();
    expect(await stopService(service, 5_000)).toBe('stopped');
    expect(await serviceStatus(service)).toMatchObject({ state: 'stopped', exit: null });

    const pid = await start();
    process.kill(pid, 'SIGKILL');
    await crashed();
    expect(await stopService(service, 5_000)).toBe('not running');
    expect((await serviceStatus(service)).state).toBe('stopped');
  });

  it('starting again clears the crash record', async () => {
    const pid = await start();
    process.kill(pid, 'SIGKILL');
    await crashed();
    await start();
    expect(await serviceStatus(service)).toMatchObject({ state: 'not ready', exit: null });
  });
});
