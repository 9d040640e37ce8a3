import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../src/program';
import { EXIT } from '../src/exit-codes';

/** Runs the CLI in-process and captures what it wrote to stderr. */
async function vigil(...argv: string[]): Promise<{ code: number; stderr: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    return { code: await runCli(argv), stderr: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

// Nothing listens on this address; every case below must fail before any call is made.
const nowhere = ['--addr', '127.0.0.1:1', '--token', 't'];

describe('vigil usage errors', () => {
  // An empty state dir: a running ./dev stack's .local/stack.env must not fill in addresses.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-test-'));
  const savedStateDir = process.env.VIGIL_STATE_DIR;
  beforeAll(() => (process.env.VIGIL_STATE_DIR = stateDir));
  afterAll(() => {
    if (savedStateDir === undefined) delete process.env.VIGIL_STATE_DIR;
    else process.env.VIGIL_STATE_DIR = savedStateDir;
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('names a --timeout that is not a number of milliseconds, with exit 2', async () => {
    for (const bad of ['abc', '0', '-5', '1.5', '']) {
      const { code, stderr } = await vigil(
        'authz',
        'check',
        ...nowhere,
        '--user',
        'u',
        '--action',
        'a',
        '--resource',
        'r',
        '--timeout',
        bad,
      );
      expect({ bad, code }).toEqual({ bad, code: EXIT.USAGE });
      expect(stderr).toContain('--timeout must be a positive whole number of milliseconds');
    }
  });

  it('reports errors as one JSON object on stderr under --json', async () => {
    const { code, stderr } = await vigil(
      '--json',
      'risk',
      'show',
      'alice',
      ...nowhere,
      '--timeout',
      'soon',
    );
    expect(code).toBe(EXIT.USAGE);
    expect(JSON.parse(stderr)).toEqual({
      error: {
        code: 'USAGE',
        exitCode: EXIT.USAGE,
        message: expect.stringContaining('--timeout') as unknown,
        hint: 'e.g. --timeout 5000',
      },
    });
  });

  describe('under --json, usage errors found while parsing are JSON error objects too', () => {
    const cases: { what: string; argv: string[]; code: string; message: string; hint?: string }[] =
      [
        {
          what: 'an unknown option',
          argv: ['--json', 'stack', 'status', '--jsn'],
          code: 'UNKNOWN_OPTION',
          message: "unknown option '--jsn'",
          hint: 'Did you mean --json?',
        },
        {
          what: 'an unknown command',
          argv: ['--json', 'stak', 'status'],
          code: 'UNKNOWN_COMMAND',
          message: "unknown command 'stak'",
          hint: 'Did you mean stack?',
        },
        {
          what: 'an unknown subcommand',
          argv: ['audit', 'frobnicate', '--json'],
          code: 'UNKNOWN_COMMAND',
          message: "unknown command 'frobnicate'",
        },
        {
          what: 'a missing required flag',
          argv: ['--json', 'audit', 'prove', '--topic', 'access-events', '--offset', '0'],
          code: 'MISSING_REQUIRED_OPTION',
          message: "required option '--partition <n>' not specified",
        },
        {
          what: 'a missing argument',
          argv: ['--json', 'risk', 'show', ...nowhere],
          code: 'MISSING_ARGUMENT',
          message: "missing required argument 'user'",
        },
        {
          what: 'a missing subcommand',
          argv: ['--json', 'audit'],
          code: 'MISSING_COMMAND',
          message: 'a command is required',
          hint: 'run with --help for the commands',
        },
        {
          what: 'a flag without its value',
          argv: ['--json', 'audit', 'keygen', '--out'],
          code: 'MISSING_OPTION_VALUE',
          message: "option '--out <dir>' argument missing",
        },
      ];
    it.each(cases)('$what', async ({ argv, code, message, hint }) => {
      const result = await vigil(...argv);
      expect(result.code).toBe(EXIT.USAGE);
      // Exactly one line of JSON, and nothing else (no help text, no "error: ..." line).
      expect(result.stderr.endsWith('\n')).toBe(true);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(result.stderr)).toEqual({
        error: {
          code,
          exitCode: EXIT.USAGE,
          message,
          hint: hint ?? 'run with --help for usage',
        },
      });
    });

    it('stays plain text, with the usage hint, without --json', async () => {
      const { code, stderr } = await vigil('stack', 'status', '--jsn');
      expect(code).toBe(EXIT.USAGE);
      expect(stderr).toContain("error: unknown option '--jsn'");
      expect(stderr).toContain('(run with --help for usage)');
      expect(() => JSON.parse(stderr) as unknown).toThrow();
    });
  });

  it('asks for a missing address by flag and variable', async () => {
    const saved = process.env.VIGIL_INGEST_ADDR;
    delete process.env.VIGIL_INGEST_ADDR;
    try {
      const { code, stderr } = await vigil(
        'events',
        'send',
        '--token',
        't',
        '--user',
        'u',
        '--action',
        'a',
      );
      expect(code).toBe(EXIT.USAGE);
      expect(stderr).toContain('--addr is required');
      expect(stderr).toContain('VIGIL_INGEST_ADDR');
    } finally {
      if (saved !== undefined) process.env.VIGIL_INGEST_ADDR = saved;
    }
  });
});
