import * as fc from 'fast-check';
import {
  parseStrictJson,
  StrictJsonError,
  type AliasSpec,
  type StrictJsonOptions,
} from '../src/strict-json';

// ---- a document model that may hold duplicate names, and its expected verdict ---------------

type Tree =
  | { kind: 'object'; entries: Array<{ name: string; escaped: boolean; value: Tree }> }
  | { kind: 'array'; items: Tree[] }
  | { kind: 'leaf'; text: string };

const NAMES = [
  'a',
  'b',
  'userId',
  'user_id',
  'nested',
  '__proto__',
  'a"b',
  '\\',
  'é',
  '😀',
  'x y',
  '',
];
const WHITESPACE = ['', ' ', '\n', '\t', '\r\n  '];

const INT_LEXEME = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,19}$/)),
    fc.option(fc.stringMatching(/^\.[0-9]{1,3}$/), { nil: '' }),
    fc.option(fc.stringMatching(/^[eE][+-]?[0-9]{1,2}$/), { nil: '' }),
  )
  .map((parts) => parts.join(''));

const leaf = fc.oneof(
  fc
    .oneof(
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    .map((v) => ({ kind: 'leaf' as const, text: JSON.stringify(v) })),
  INT_LEXEME.map((text) => ({ kind: 'leaf' as const, text })),
  fc
    .constantFrom('4.0', '1.0000000000000001', '4e0', '-0', '9007199254740991', '9007199254740992')
    .map((text) => ({ kind: 'leaf' as const, text })),
);

const { tree } = fc.letrec<{ tree: Tree; object: Tree; array: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array')),
  object: fc
    .array(
      fc.record({ name: fc.constantFrom(...NAMES), escaped: fc.boolean(), value: tie('tree') }),
      { maxLength: 5 },
    )
    .map((entries) => ({ kind: 'object' as const, entries })),
  array: fc
    .array(tie('tree'), { maxLength: 4 })
    .map((items) => ({ kind: 'array' as const, items })),
}));

/** JSON text of a tree, with whitespace drawn from `pads` and names optionally \u-escaped. */
function render(t: Tree, pads: readonly number[]): string {
  let p = 0;
  const ws = () => WHITESPACE[(pads[p++ % Math.max(1, pads.length)] ?? 0) % WHITESPACE.length];
  const name = (n: string, escaped: boolean) =>
    escaped
      ? `"${Array.from(n)
          .map((c) =>
            Array.from(
              { length: c.length },
              (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`,
            ).join(''),
          )
          .join('')}"`
      : JSON.stringify(n);
  const go = (node: Tree): string => {
    switch (node.kind) {
      case 'leaf':
        return `${ws()}${node.text}${ws()}`;
      case 'array':
        return `${ws()}[${node.items.map(go).join(',')}${ws()}]${ws()}`;
      case 'object':
        return `${ws()}{${node.entries
          .map((e) => `${ws()}${name(e.name, e.escaped)}${ws()}:${go(e.value)}`)
          .join(',')}${ws()}}${ws()}`;
    }
  };
  return go(t);
}

const PLAIN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const step = (path: string, key: string) =>
  PLAIN.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

interface Expected {
  code: string;
  path: string;
  key?: string;
}

/** Recursive alias spec: userId/user_id alias at the top, in array items and under "nested". */
const SPEC: { groups: string[][]; items?: AliasSpec; members?: Record<string, AliasSpec> } = {
  groups: [['userId', 'user_id']],
};
SPEC.items = SPEC;
SPEC.members = { nested: SPEC };

const canonicalName = (name: string, spec: AliasSpec | undefined) =>
  spec && (name === 'userId' || name === 'user_id') ? 'userId' : name;

/** The first problem in document order, as the scanner must report it. */
function firstProblem(
  node: Tree,
  path: string,
  spec: AliasSpec | undefined,
  integers: boolean,
): Expected | undefined {
  switch (node.kind) {
    case 'leaf': {
      if (!integers || !/^-?[0-9]/.test(node.text)) return undefined;
      if (!/^-?(0|[1-9][0-9]*)$/.test(node.text) || node.text === '-0') {
        return { code: 'NOT_AN_INTEGER', path };
      }
      const digits = node.text.replace('-', '');
      if (BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) {
        return { code: 'INTEGER_TOO_LARGE', path };
      }
      return undefined;
    }
    case 'array':
      for (let i = 0; i < node.items.length; i++) {
        const found = firstProblem(node.items[i] as Tree, `${path}[${i}]`, spec?.items, integers);
        if (found) return found;
      }
      return undefined;
    case 'object': {
      const seen = new Set<string>();
      for (const entry of node.entries) {
        const canonical = canonicalName(entry.name, spec);
        if (seen.has(canonical)) return { code: 'DUPLICATE_KEY', path, key: entry.name };
        seen.add(canonical);
        const child =
          spec?.members && Object.hasOwn(spec.members, entry.name)
            ? spec.members[entry.name]
            : undefined;
        const found = firstProblem(entry.value, step(path, entry.name), child, integers);
        if (found) return found;
      }
      return undefined;
    }
  }
}

function outcome(text: string, options: StrictJsonOptions = {}) {
  try {
    return { value: parseStrictJson(text, options) };
  } catch (err) {
    if (!(err instanceof StrictJsonError)) throw err;
    return { error: { code: err.code, path: err.path, key: err.key }, message: err.message };
  }
}

const document = fc.tuple(tree, fc.array(fc.nat(), { maxLength: 50 }));

describe('parseStrictJson against JSON.parse', () => {
  it('returns what JSON.parse returns, unless a name repeats, and then names it', () => {
    fc.assert(
      fc.property(document, ([t, pads]) => {
        const text = render(t, pads);
        const expected = firstProblem(t, '$', undefined, false);
        const got = outcome(text);
        if (expected) expect(got.error).toEqual({ ...expected, key: expected.key });
        else expect(got).toEqual({ value: JSON.parse(text) });
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses two aliases of one member where aliases are declared, and only there', () => {
    fc.assert(
      fc.property(document, ([t, pads]) => {
        const text = render(t, pads);
        const expected = firstProblem(t, '$', SPEC, false);
        const got = outcome(text, { aliases: SPEC });
        if (expected) expect(got.error).toEqual({ ...expected, key: expected.key });
        else expect(got).toEqual({ value: JSON.parse(text) });
      }),
      { numRuns: 3000 },
    );
  });

  it('with integers, refuses the first number not written as a safe integer', () => {
    fc.assert(
      fc.property(document, ([t, pads]) => {
        const text = render(t, pads);
        const expected = firstProblem(t, '$', undefined, true);
        const got = outcome(text, { integers: true });
        if (expected) expect(got.error).toEqual({ ...expected, key: expected.key });
        else expect(got).toEqual({ value: JSON.parse(text) });
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses exactly what JSON.parse refuses, for mangled documents', () => {
    fc.assert(
      fc.property(
        document,
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom(
              '',
              '{',
              '}',
              '[',
              ']',
              '"',
              ',',
              ':',
              '\\',
              '0',
              '-',
              '.',
              'e',
              'a',
              ' ',
            ),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        ([t, pads], edits) => {
          let text = render(t, pads);
          for (const [at, insert] of edits) {
            const i = text.length === 0 ? 0 : at % text.length;
            text = `${text.slice(0, i)}${insert}${text.slice(i + (insert === '' ? 1 : 0))}`;
          }
          let reference: unknown;
          let valid = true;
          try {
            reference = JSON.parse(text);
          } catch {
            valid = false;
          }
          const got = outcome(text);
          if (!valid) {
            expect(got.error?.code).toBe('INVALID_JSON');
            return;
          }
          expect(got.error?.code === 'DUPLICATE_KEY').toBe(referenceHasDuplicate(text));
          if (!got.error) expect(got.value).toEqual(reference);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

/**
 * Whether valid JSON text repeats a name in some object, judged by a second, independent
 * implementation: a plain recursive-descent parser (fine for the small documents of the tests).
 */
function referenceHasDuplicate(text: string): boolean {
  let i = 0;
  const at = () => text[i] as string;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(at())) i++;
  };
  const string = (): string => {
    const start = i++;
    while (at() !== '"') i += at() === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): boolean => {
    ws();
    let duplicate = false;
    if (at() === '{' || at() === '[') {
      const object = at() === '{';
      const close = object ? '}' : ']';
      const seen = new Set<string>();
      i++;
      ws();
      if (at() === close) i++;
      else {
        for (;;) {
          if (object) {
            ws();
            const name = string();
            if (seen.has(name)) duplicate = true;
            seen.add(name);
            ws();
            i++; // ':'
          }
          if (value()) duplicate = true;
          ws();
          const sep = at();
          i++;
          if (sep !== ',') break;
        }
      }
    } else if (at() === '"') string();
    else while (i < text.length && !',]} \t\n\r'.includes(at())) i++;
    ws();
    return duplicate;
  };
  return value();
}

describe('parseStrictJson examples', () => {
  it('refuses a repeated key, naming it and its path', () => {
    expect(outcome('{"a":1,"a":2}').message).toBe('duplicate key "a" at $');
    expect(outcome('{"x":[{"b":1},{"b":1,"b":2}]}').message).toBe('duplicate key "b" at $.x[1]');
    expect(outcome('{"a":1,"\\u0061":2}').error).toEqual({
      code: 'DUPLICATE_KEY',
      path: '$',
      key: 'a',
    });
    expect(outcome('{"__proto__":1,"__proto__":2}').error?.code).toBe('DUPLICATE_KEY');
    expect(outcome('{"a b":{"c":1,"c":2}}').message).toBe('duplicate key "c" at $["a b"]');
  });

  it('bounds the echo of a long repeated key', () => {
    const long = 'k'.repeat(10_000);
    const got = outcome(`{"${long}":1,"${long}":2}`);
    expect(got.error?.code).toBe('DUPLICATE_KEY');
    expect(got.message?.length).toBeLessThan(200);
  });

  it('refuses alias pairs such as userId and user_id, but not in free-form maps', () => {
    const event: AliasSpec = {
      groups: [
        ['userId', 'user_id'],
        ['eventId', 'event_id'],
      ],
    };
    const ingest: AliasSpec = { ...event, items: event };
    expect(outcome('{"userId":"a","user_id":"b"}', { aliases: ingest }).message).toBe(
      'keys "userId" and "user_id" at $ name the same field; give one',
    );
    expect(
      outcome('[{"event_id":"1"},{"eventId":"2","event_id":"3"}]', { aliases: ingest }).error,
    ).toEqual({ code: 'DUPLICATE_KEY', path: '$[1]', key: 'event_id' });
    expect(
      outcome('{"userId":"a","attributes":{"userId":"x","user_id":"y"}}', { aliases: ingest }),
    ).toEqual({ value: { userId: 'a', attributes: { userId: 'x', user_id: 'y' } } });
  });

  it('finds member specs by any spelling of the member', () => {
    const spec: AliasSpec = {
      groups: [['actorInfo', 'actor_info']],
      members: { actorInfo: { groups: [['userId', 'user_id']] } },
    };
    expect(outcome('{"actor_info":{"userId":"a","user_id":"b"}}', { aliases: spec }).error).toEqual(
      { code: 'DUPLICATE_KEY', path: '$.actor_info', key: 'user_id' },
    );
  });

  it('with integers, refuses 4.0, 1.0000000000000001, 4e0, -0 and 2^53', () => {
    for (const [text, code] of [
      ['4.0', 'NOT_AN_INTEGER'],
      ['1.0000000000000001', 'NOT_AN_INTEGER'],
      ['4e0', 'NOT_AN_INTEGER'],
      ['-0', 'NOT_AN_INTEGER'],
      ['9007199254740992', 'INTEGER_TOO_LARGE'],
      ['-9007199254740992', 'INTEGER_TOO_LARGE'],
    ] as const) {
      expect(outcome(`{"n":[${text}]}`, { integers: true }).error).toEqual({
        code,
        path: '$.n[0]',
        key: undefined,
      });
    }
    expect(outcome('[0, -1, 9007199254740991, -9007199254740991]', { integers: true })).toEqual({
      value: [0, -1, 9007199254740991, -9007199254740991],
    });
  });

  it('limits depth when asked, and handles deep nesting without recursion otherwise', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(Array.isArray(parseStrictJson(deep))).toBe(true);
    expect(outcome('[[[1]]]', { maxDepth: 3 })).toEqual({ value: [[[1]]] });
    expect(outcome('{"a":[[1]]}', { maxDepth: 2 }).error).toEqual({
      code: 'TOO_DEEP',
      path: '$.a[0]',
      key: undefined,
    });
  });

  it('reads strings full of escapes in linear time', () => {
    const text = `{"k":"${'\\\\\\"'.repeat(200_000)}","k2":1}`;
    const started = process.hrtime.bigint();
    expect(parseStrictJson(text)).toMatchObject({ k2: 1 });
    // Generous: a quadratic scan of this string takes minutes.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5_000);
  });

  it('reports invalid JSON as INVALID_JSON', () => {
    for (const text of ['', '{', '{"a":1,}', "{'a':1}", '\ufeff{}', '[1] [2]', 'NaN']) {
      expect(outcome(text).error?.code).toBe('INVALID_JSON');
    }
  });

  it('refuses an alias declared in two groups', () => {
    expect(() =>
      parseStrictJson('{}', {
        aliases: {
          groups: [
            ['a', 'b'],
            ['b', 'c'],
          ],
        },
      }),
    ).toThrow(TypeError);
  });
});
