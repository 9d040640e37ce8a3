/**
 * Strict JSON: JSON.parse, plus what JSON.parse lets through silently.
 *
 * - A repeated member name is refused (JSON.parse keeps the last value: `{"a":1,"a":2}` is
 *   `{a: 2}`), compared after unescaping, so `"a"` and `"\u0061"` are one name.
 * - Names declared aliases of one member (`userId` and `user_id` in proto3 JSON) may not both
 *   appear in one object. Alias groups are declared per object position (AliasSpec), so that a
 *   free-form map below (`attributes`) may hold both spellings as distinct keys.
 * - Optionally, every number must be an integer written one way only (`integers: true`): no
 *   fraction, no exponent, no `-0`, magnitude at most 2^53-1. JSON.parse reads `4.0`,
 *   `4e0` and `1.0000000000000001` all as 4.
 * - Optionally, nesting deeper than `maxDepth` is refused.
 *
 * A reviver cannot do this (it sees values after duplicates have been merged), so the text is
 * scanned. JSON.parse runs first and decides validity and the value; the scanner then only
 * walks text already known to be valid JSON, iteratively (no recursion, so no stack overflow
 * on deep nesting), in time linear in the text.
 */

export type JsonPathSegment = string | number;

/**
 * Alias groups for the objects at one position of a document, and the positions below it.
 * `members` is keyed by member name (any spelling in a group finds the entry); `items` applies
 * to the elements of an array at this position. The same spec object may be reused.
 */
export interface AliasSpec {
  readonly groups?: ReadonlyArray<readonly string[]>;
  readonly members?: Readonly<Record<string, AliasSpec>>;
  readonly items?: AliasSpec;
}

export interface StrictJsonOptions {
  aliases?: AliasSpec;
  /** Every number must be an integer literal of magnitude at most 2^53-1. */
  integers?: boolean;
  /** Deepest nesting of arrays and objects allowed (the top level is depth 1). */
  maxDepth?: number;
}

export type StrictJsonErrorCode =
  /** Not JSON at all (JSON.parse's verdict). */
  | 'INVALID_JSON'
  /** A member name repeated in one object, or two aliases of one member. */
  | 'DUPLICATE_KEY'
  /** With `integers`: a number with a fraction, an exponent, or `-0`. */
  | 'NOT_AN_INTEGER'
  /** With `integers`: an integer beyond 2^53-1 in magnitude. */
  | 'INTEGER_TOO_LARGE'
  /** Nesting beyond `maxDepth`. */
  | 'TOO_DEEP';

export class StrictJsonError extends Error {
  constructor(
    readonly code: StrictJsonErrorCode,
    message: string,
    /** JSONPath-like location of the problem: `$`, `$.actor`, `$[3].attributes["a b"]`. */
    readonly path: string,
    /** The member name at fault, for DUPLICATE_KEY. */
    readonly key?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Parses JSON text strictly (see the module comment); throws StrictJsonError. */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new StrictJsonError('INVALID_JSON', `not valid JSON (${(err as Error).message})`, '$');
  }
  scan(text, options);
  return value;
}

// ---- the scanner ----------------------------------------------------------------------------

interface CompiledSpec {
  /** Member name -> the first name of its alias group. */
  canonical: Map<string, string>;
  members: Map<string, AliasSpec>;
  items: AliasSpec | undefined;
}

const compiled = new WeakMap<AliasSpec, CompiledSpec>();

function compile(spec: AliasSpec): CompiledSpec {
  let c = compiled.get(spec);
  if (c) return c;
  const canonical = new Map<string, string>();
  for (const group of spec.groups ?? []) {
    const first = group[0];
    if (first === undefined) continue;
    for (const name of group) {
      const prior = canonical.get(name);
      if (prior !== undefined && prior !== first) {
        throw new TypeError(`alias "${name}" is in two groups`);
      }
      canonical.set(name, first);
    }
  }
  const members = new Map<string, AliasSpec>(Object.entries(spec.members ?? {}));
  c = { canonical, members, items: spec.items };
  compiled.set(spec, c);
  return c;
}

interface ObjectFrame {
  kind: 'object';
  spec: CompiledSpec | undefined;
  /** Canonical member name -> the name as first written. */
  seen: Map<string, string>;
  /** The member whose value is being read (or was just read). */
  key: string | undefined;
  expectKey: boolean;
}

interface ArrayFrame {
  kind: 'array';
  spec: CompiledSpec | undefined;
  index: number;
}

type Frame = ObjectFrame | ArrayFrame;

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function scan(text: string, options: StrictJsonOptions): void {
  const stack: Frame[] = [];
  const maxDepth = options.maxDepth ?? Infinity;
  const root = options.aliases ? compile(options.aliases) : undefined;
  const top = (): Frame | undefined => stack[stack.length - 1];

  /** The spec for a value about to start at the current position. */
  const childSpec = (): CompiledSpec | undefined => {
    const parent = top();
    if (!parent) return root;
    const spec = parent.spec;
    if (!spec) return undefined;
    if (parent.kind === 'array') return spec.items ? compile(spec.items) : undefined;
    const key = parent.key as string;
    const child = spec.members.get(key) ?? spec.members.get(spec.canonical.get(key) ?? key);
    return child ? compile(child) : undefined;
  };

  const open = (frame: Frame) => {
    if (stack.length + 1 > maxDepth) {
      throw new StrictJsonError(
        'TOO_DEEP',
        `nested deeper than ${maxDepth} levels at ${pathOf(stack)}`,
        pathOf(stack),
      );
    }
    stack.push(frame);
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x20: // space
      case 0x09: // tab
      case 0x0a: // LF
      case 0x0d: // CR
      case 0x3a: // ':'
        i++;
        break;
      case 0x7b: // '{'
        open({
          kind: 'object',
          spec: childSpec(),
          seen: new Map(),
          key: undefined,
          expectKey: true,
        });
        i++;
        break;
      case 0x5b: // '['
        open({ kind: 'array', spec: childSpec(), index: 0 });
        i++;
        break;
      case 0x7d: // '}'
      case 0x5d: // ']'
        stack.pop();
        i++;
        break;
      case 0x2c: {
        // ','
        const frame = top() as Frame;
        if (frame.kind === 'array') frame.index++;
        else frame.expectKey = true;
        i++;
        break;
      }
      case 0x22: {
        // '"'
        const end = stringEnd(text, i);
        const frame = top();
        if (frame?.kind === 'object' && frame.expectKey) {
          const raw = text.slice(i + 1, end);
          const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
          member(frame, key, stack);
        }
        i = end + 1;
        break;
      }
      case 0x74: // true
      case 0x6e: // null
        i += 4;
        break;
      case 0x66: // false
        i += 5;
        break;
      default: {
        // A number: JSON.parse accepted the text, so the lexeme is there.
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text) as RegExpExecArray;
        if (options.integers) checkInteger(m, stack);
        i += m[0].length;
      }
    }
  }
}

/** Index of the quote that closes the string opening at `start`, in linear time. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  let quote = text.indexOf('"', from);
  let backslash = text.indexOf('\\', from);
  while (backslash !== -1 && backslash < quote) {
    from = backslash + 2; // skip the escaped character (for \uXXXX the rest is plain hex)
    if (quote < from) quote = text.indexOf('"', from);
    backslash = text.indexOf('\\', from);
  }
  return quote;
}

function member(frame: ObjectFrame, key: string, stack: readonly Frame[]): void {
  frame.expectKey = false;
  frame.key = key;
  const canonical = frame.spec?.canonical.get(key) ?? key;
  const prior = frame.seen.get(canonical);
  if (prior === undefined) {
    frame.seen.set(canonical, key);
    return;
  }
  const where = pathOf(stack.slice(0, -1).concat({ ...frame, key: undefined }));
  const message =
    prior === key
      ? `duplicate key ${quote(key)} at ${where}`
      : `keys ${quote(prior)} and ${quote(key)} at ${where} name the same field; give one`;
  throw new StrictJsonError('DUPLICATE_KEY', message, where, key);
}

function checkInteger(m: RegExpExecArray, stack: readonly Frame[]): void {
  const lexeme = m[0];
  if (m[1] !== undefined || m[2] !== undefined || lexeme === '-0') {
    const where = pathOf(stack);
    throw new StrictJsonError(
      'NOT_AN_INTEGER',
      `${where}: ${abbreviate(lexeme)} must be written as an integer (digits only, no fraction or exponent)`,
      where,
    );
  }
  const digits = lexeme.startsWith('-') ? lexeme.slice(1) : lexeme;
  if (digits.length > 15 && BigInt(digits) > MAX_SAFE) {
    const where = pathOf(stack);
    throw new StrictJsonError(
      'INTEGER_TOO_LARGE',
      `${where}: ${abbreviate(lexeme)} is beyond 2^53-1`,
      where,
    );
  }
}

const PLAIN_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** How many characters of a client-supplied name or number a message repeats. */
const MAX_ECHO = 64;

function abbreviate(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO)}…(${text.length} chars)`;
}

/** A member name for a message: JSON-quoted (controls escaped) and bounded. */
function quote(key: string): string {
  const cut = Array.from(key.slice(0, MAX_ECHO * 2))
    .slice(0, MAX_ECHO)
    .join('');
  return cut.length === key.length
    ? JSON.stringify(key)
    : `${JSON.stringify(`${cut}…`)}(${key.length} chars)`;
}

/** The path of the value being read: `$`, `$.a`, `$.a[2]`, `$["x y"]`. */
function pathOf(stack: readonly Frame[]): string {
  let path = '$';
  for (const frame of stack) {
    if (frame.kind === 'array') path += `[${frame.index}]`;
    else if (frame.key !== undefined) {
      path +=
        PLAIN_NAME.test(frame.key) && frame.key.length <= MAX_ECHO
          ? `.${frame.key}`
          : `[${quote(frame.key)}]`;
    }
  }
  return path;
}
