import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { vigil as proto } from '@vigil/proto';
import { runCli } from '../src/program';
import { EXIT } from '../src/exit-codes';
import { resolveReviewer } from '../src/commands/risk';

/**
 * The risk service as the CLI sees it: a fake RiskAdminClient that answers from `mockProfiles`
 * and records every request, so these tests need no server (and the validation tests can show
 * that a bad value is refused before any call).
 */
const mockProfiles = new Map<string, proto.v1.IRiskProfile>();
const mockCalls: { method: string; request: unknown }[] = [];
jest.mock('@vigil/client', () => {
  const actual = jest.requireActual<typeof import('@vigil/client')>('@vigil/client');
  class FakeRiskAdminClient {
    getRiskProfile(userId: string): Promise<proto.v1.RiskProfile> {
      mockCalls.push({ method: 'getRiskProfile', request: userId });
      const { vigil } = jest.requireActual<typeof import('@vigil/proto')>('@vigil/proto');
      // Like the service: a user it never saw gets an all-defaults profile, not NOT_FOUND.
      return Promise.resolve(vigil.v1.RiskProfile.create(mockProfiles.get(userId) ?? { userId }));
    }
    clearRestriction(
      request: proto.v1.IClearRestrictionRequest,
    ): Promise<proto.v1.ClearRestrictionResponse> {
      mockCalls.push({ method: 'clearRestriction', request });
      const { vigil } = jest.requireActual<typeof import('@vigil/proto')>('@vigil/proto');
      return Promise.resolve(
        vigil.v1.ClearRestrictionResponse.create({ wasRestricted: true, auditEventId: 'evt-1' }),
      );
    }
    close(): void {}
  }
  return { ...actual, RiskAdminClient: FakeRiskAdminClient };
});

async function vigil(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const outSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    return { code: await runCli(argv), stdout: out.join(''), stderr: err.join('') };
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
  }
}

const service = ['--addr', '127.0.0.1:1', '--token', 't'];

describe('vigil risk', () => {
  // An empty state dir (no .local/stack.env), and no reviewer from the caller's environment.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-risk-'));
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.VIGIL_STATE_DIR = stateDir;
    delete process.env.VIGIL_REVIEWER;
  });
  afterAll(() => {
    process.env = saved;
    fs.rmSync(stateDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    mockCalls.length = 0;
    mockProfiles.clear();
    delete process.env.VIGIL_REVIEWER;
  });

  describe('show', () => {
    it('answers an unknown user with a USER_NOT_FOUND error object and exit 4 under --json', async () => {
      const { code, stdout, stderr } = await vigil('--json', 'risk', 'show', 'nobody', ...service);
      expect(code).toBe(EXIT.NOT_FOUND);
      expect(stdout).toBe('');
      expect(JSON.parse(stderr)).toEqual({
        error: {
          code: 'USER_NOT_FOUND',
          exitCode: EXIT.NOT_FOUND,
          message: 'no events seen for user "nobody"',
          hint: expect.any(String) as unknown,
        },
      });
    });

    it('says so in plain words without --json', async () => {
      const { code, stdout, stderr } = await vigil('risk', 'show', 'nobody', ...service);
      expect(code).toBe(EXIT.NOT_FOUND);
      expect(stdout).toBe('');
      expect(stderr).toContain('vigil: no events seen for user "nobody"');
    });

    it('prints a known user, and a restricted user without events, as a profile', async () => {
      mockProfiles.set('alice', { userId: 'alice', riskScore: 12, eventsApplied: 3 });
      mockProfiles.set('bob', { userId: 'bob', restriction: { active: true, reasons: ['X'] } });
      for (const user of ['alice', 'bob']) {
        const { code, stdout, stderr } = await vigil('--json', 'risk', 'show', user, ...service);
        expect({ user, code, stderr }).toEqual({ user, code: EXIT.OK, stderr: '' });
        expect((JSON.parse(stdout) as { userId: string }).userId).toBe(user);
      }
    });

    it('refuses a user id the services refuse, before any call', async () => {
      const { code, stderr } = await vigil('--json', 'risk', 'show', 'alice\u200b', ...service);
      expect(code).toBe(EXIT.USAGE);
      expect(JSON.parse(stderr)).toEqual({
        error: {
          code: 'INVISIBLE_CHARACTER',
          exitCode: EXIT.USAGE,
          message: expect.stringMatching(/^USER .*U\+200B/) as unknown,
          hint: null,
        },
      });
      expect(mockCalls).toEqual([]);
    });
  });

  describe('clear', () => {
    // The module object itself (an `import * as` namespace would be a copy the CLI never reads).
    const userInfo = jest.spyOn(jest.requireActual<typeof os>('node:os'), 'userInfo');
    afterEach(() => userInfo.mockReset());
    afterAll(() => userInfo.mockRestore());
    const osUser = (username: string) =>
      userInfo.mockReturnValue({ username } as ReturnType<typeof os.userInfo>);

    it("works as the README shows it with $USER unset: the reviewer is the OS user's name", async () => {
      delete process.env.USER;
      osUser('ops-jane');
      const { code, stderr } = await vigil(
        'risk',
        'clear',
        'erin',
        '--reason',
        'verified by phone',
        ...service,
      );
      expect({ code, stderr }).toEqual({ code: EXIT.OK, stderr: '' });
      expect(mockCalls).toEqual([
        {
          method: 'clearRestriction',
          request: { userId: 'erin', reviewer: 'ops-jane', reason: 'verified by phone' },
        },
      ]);
    });

    it('takes --reviewer first, then VIGIL_REVIEWER', async () => {
      osUser('ops-jane');
      process.env.VIGIL_REVIEWER = 'from-env';
      await vigil('risk', 'clear', 'erin', '--reason', 'r', ...service);
      await vigil('risk', 'clear', 'erin', '--reason', 'r', '--reviewer', 'flag', ...service);
      expect(mockCalls.map((c) => (c.request as { reviewer: string }).reviewer)).toEqual([
        'from-env',
        'flag',
      ]);
    });

    it('names --reviewer when there is no OS user name to default to', async () => {
      userInfo.mockImplementation(() => {
        throw new Error('ENOENT: no such user');
      });
      const { code, stderr } = await vigil(
        '--json',
        'risk',
        'clear',
        'erin',
        '--reason',
        'r',
        ...service,
      );
      expect(code).toBe(EXIT.USAGE);
      expect(JSON.parse(stderr)).toEqual({
        error: {
          code: 'REQUIRED',
          exitCode: EXIT.USAGE,
          message: '--reviewer is required: there is no OS user name to default to',
          hint: 'pass --reviewer NAME or set VIGIL_REVIEWER',
        },
      });
      expect(mockCalls).toEqual([]);
    });

    it.each([
      {
        what: 'a reviewer with a newline',
        args: ['erin', '--reviewer', 'r\n'],
        code: 'CONTROL_CHARACTER',
        field: '--reviewer',
      },
      {
        what: 'a reviewer with a trailing space',
        args: ['erin', '--reviewer', 'r '],
        code: 'SURROUNDING_WHITESPACE',
        field: '--reviewer',
      },
      {
        what: 'a user id with a newline',
        args: ['a\nb', '--reviewer', 'r'],
        code: 'CONTROL_CHARACTER',
        field: 'USER',
      },
      {
        what: 'a user id with U+200B',
        args: ['erin\u200b', '--reviewer', 'r'],
        code: 'INVISIBLE_CHARACTER',
        field: 'USER',
      },
      {
        what: 'a user id of 257 bytes',
        args: ['u'.repeat(257), '--reviewer', 'r'],
        code: 'TOO_LONG',
        field: 'USER',
      },
    ])('refuses $what, naming it, before any call', async ({ args, code, field }) => {
      const result = await vigil('--json', 'risk', 'clear', ...args, '--reason', 'r', ...service);
      expect(result.code).toBe(EXIT.USAGE);
      const { error } = JSON.parse(result.stderr) as { error: { code: string; message: string } };
      expect(error.code).toBe(code);
      expect(error.message.startsWith(`${field} `)).toBe(true);
      expect(mockCalls).toEqual([]);
    });

    it('names VIGIL_REVIEWER when the bad reviewer came from there', async () => {
      process.env.VIGIL_REVIEWER = 'r\u202e';
      const { code, stderr } = await vigil('risk', 'clear', 'erin', '--reason', 'r', ...service);
      expect(code).toBe(EXIT.USAGE);
      expect(stderr).toContain('vigil: --reviewer (from VIGIL_REVIEWER) must not contain');
    });

    it('refuses a blank --reason', async () => {
      const { code, stderr } = await vigil(
        'risk',
        'clear',
        'erin',
        '--reviewer',
        'r',
        '--reason',
        '  ',
        ...service,
      );
      expect(code).toBe(EXIT.USAGE);
      expect(stderr).toContain('--reason must not be blank');
    });
  });

  it('resolveReviewer: an OS user name that is not a valid reviewer is refused, naming the default', () => {
    expect(() => resolveReviewer(undefined, undefined, () => 'ops jane ')).toThrow(
      '--reviewer (defaulted to the OS user name) must not begin or end with whitespace',
    );
    expect(resolveReviewer(undefined, undefined, () => 'Ops-Jane')).toBe('Ops-Jane');
  });
});
