import * as fc from 'fast-check';
import {
  codePointLabel,
  exceedsBytes,
  findForbidden,
  foldCase,
  isNfc,
  isWellFormed,
  utf8Length,
} from '../src/unicode';
import { anyString, FORBIDDEN_SAMPLES, unicodeString } from './arbitraries';

/** An independent statement of the forbidden classes, one code point at a time. */
const ORACLE = {
  control: /^[\p{Cc}\p{Zl}\p{Zp}]$/u,
  format: /^\p{Cf}$/u,
  ignorable: /^\p{Default_Ignorable_Code_Point}$/u,
  noncharacter: /^\p{Noncharacter_Code_Point}$/u,
  whitespace: /^\p{White_Space}$/u,
  surrogate: /^\p{Surrogate}$/u,
};
const forbiddenByOracle = (char: string): boolean =>
  ORACLE.control.test(char) ||
  ORACLE.format.test(char) ||
  ORACLE.ignorable.test(char) ||
  ORACLE.noncharacter.test(char) ||
  ORACLE.surrogate.test(char) ||
  (ORACLE.whitespace.test(char) && char !== ' ');

type MaybeWellFormed = { isWellFormed?: () => boolean };

describe('utf8Length and exceedsBytes', () => {
  it('count UTF-8 bytes exactly as Buffer does', () => {
    fc.assert(
      fc.property(unicodeString(60), fc.integer({ min: 0, max: 200 }), (text, limit) => {
        const bytes = Buffer.byteLength(text, 'utf8');
        expect(utf8Length(text)).toBe(bytes);
        expect(exceedsBytes(text, limit)).toBe(bytes > limit);
      }),
      { numRuns: 500 },
    );
  });

  it('count a lone surrogate as 3 bytes (its WTF-8 size), like Buffer', () => {
    expect(utf8Length('a\ud800')).toBe(4);
    expect(utf8Length('\udc00\ud83d\ude00')).toBe(7);
  });
});

describe('isWellFormed', () => {
  it('agrees with String.prototype.isWellFormed', () => {
    fc.assert(
      fc.property(anyString(), (text) => {
        const native = (text as unknown as MaybeWellFormed).isWellFormed;
        if (typeof native === 'function') expect(isWellFormed(text)).toBe(native.call(text));
      }),
    );
  });
});

describe('findForbidden', () => {
  it.each(FORBIDDEN_SAMPLES)('refuses %j as %s, naming the code point', (char, code) => {
    const found = findForbidden(`ab${char}cd`);
    expect(found).toMatchObject({ code, index: 2 });
    expect(found?.problem).toContain(codePointLabel(char.codePointAt(0) as number));
    expect(found?.problem).not.toContain(char);
  });

  it.each(['alice', 'Jürgen Müller', '中文名', 'مستخدم', 'emoji 😀', "o'brien", 'a b c', ''])(
    'allows %j',
    (text) => {
      expect(findForbidden(text)).toBeUndefined();
    },
  );

  it('refuses exactly the code points of the refused classes (every code point)', () => {
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const char = String.fromCodePoint(cp);
      const found = findForbidden(char) !== undefined;
      if (found !== forbiddenByOracle(char)) mismatches.push(codePointLabel(cp));
    }
    expect(mismatches).toEqual([]);
  });

  it('finds the first refused character of any string', () => {
    fc.assert(
      fc.property(anyString(), (text) => {
        const chars = Array.from(text);
        const firstBad = chars.findIndex(forbiddenByOracle);
        const found = findForbidden(text);
        if (firstBad < 0) expect(found).toBeUndefined();
        else expect(found?.index).toBe(chars.slice(0, firstBad).join('').length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isNfc', () => {
  it('agrees with String.prototype.normalize', () => {
    fc.assert(
      fc.property(unicodeString(), (text) => {
        expect(isNfc(text)).toBe(text.normalize('NFC') === text);
        expect(isNfc(text.normalize('NFC'))).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(isNfc('e\u0301')).toBe(false);
    expect(isNfc('\u00e9')).toBe(true);
  });
});

describe('foldCase', () => {
  it.each([
    ['ALICE', 'alice'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['\u1e9e', 'ss'],
    ['\u017f', 's'],
    ['\u212a', 'k'],
    ['ΣΑΣ', 'σας'],
    ['σασ', 'σας'],
    ['ǅ', 'ǆ'],
    ['E\u0301', '\u00e9'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldCase(text)).toBe(folded);
  });

  it('is idempotent and refuses nothing new, for every single code point', () => {
    const problems: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      const folded = foldCase(char);
      if (foldCase(folded) !== folded) problems.push(`${codePointLabel(cp)} not idempotent`);
      if (findForbidden(char) === undefined && findForbidden(folded) !== undefined) {
        problems.push(`${codePointLabel(cp)} folds to a refused character`);
      }
      if (folded !== folded.normalize('NFC')) problems.push(`${codePointLabel(cp)} not NFC`);
    }
    expect(problems).toEqual([]);
  });

  it('maps every case variant and normalization form of a string to one key', () => {
    fc.assert(
      fc.property(unicodeString(), (text) => {
        const key = foldCase(text);
        expect(foldCase(key)).toBe(key);
        expect(foldCase(text.toUpperCase())).toBe(key);
        expect(foldCase(text.toLowerCase())).toBe(key);
        expect(foldCase(text.normalize('NFD'))).toBe(key);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.mixedCase(fc.string({ unit: 'grapheme-ascii' })), fc.string(), (a, b) => {
        expect(foldCase(a)).toBe(a.toLowerCase());
        expect(foldCase(b.toUpperCase())).toBe(foldCase(b));
      }),
    );
  });
});
