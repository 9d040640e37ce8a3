import {
  MAX_ECHOED_KEY_CHARS,
  attributeField,
  capEncoded,
  capText,
  isWellFormed,
  memberName,
  quoteKey,
  takeCodePoints,
  toWellFormed,
} from '../src/text';

describe('text helpers for echoed client input', () => {
  it('tells well-formed strings from ones with lone surrogates', () => {
    expect(isWellFormed('plain ascii')).toBe(true);
    expect(isWellFormed('grüße 😀')).toBe(true);
    expect(isWellFormed('')).toBe(true);
    for (const bad of ['\ud800', 'a\udfffb', '\ud83d', '\udc00x', '😀\ud800']) {
      expect(isWellFormed(bad)).toBe(false);
    }
    expect(toWellFormed('a\ud800b😀')).toBe('a\ufffdb😀');
  });

  it('cuts by code points, never inside a surrogate pair', () => {
    expect(takeCodePoints('😀😀😀', 2)).toBe('😀😀');
    expect(takeCodePoints('abc', 10)).toBe('abc');
    expect(isWellFormed(takeCodePoints('a😀'.repeat(100), 5))).toBe(true);
  });

  it('echoes short keys whole and long keys cut to 64 characters with their length', () => {
    expect(attributeField('mfa')).toBe('attributes["mfa"]');
    expect(attributeField('a"b\n')).toBe('attributes["a\\"b\\n"]');
    const field = attributeField('k'.repeat(100_000));
    expect(field).toBe(`attributes["${'k'.repeat(MAX_ECHOED_KEY_CHARS)}…"(100000 chars)]`);
    const accents = quoteKey('é'.repeat(40_000));
    expect(accents.length).toBeLessThan(100);
    // Lone surrogates come out escaped, so the field path itself is well-formed.
    expect(isWellFormed(quoteKey('\ud800'))).toBe(true);
    expect(quoteKey('\ud800')).toBe('"\\ud800"');
  });

  it('prints unknown member names plainly only when they look like names', () => {
    expect(memberName('colour')).toBe('colour');
    expect(memberName('__proto__')).toBe('__proto__');
    expect(memberName('actor.userId')).toBe('"actor.userId"');
    expect(memberName('x'.repeat(1_000)).length).toBeLessThan(100);
  });

  it('caps messages in UTF-8 bytes and in percent-encoded length', () => {
    expect(capText('short')).toBe('short');
    const long = capText('é'.repeat(10_000));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(1024);
    expect(long.endsWith('…')).toBe(true);
    expect(isWellFormed(capText('😀'.repeat(1_000)))).toBe(true);
    expect(capText('a\ud800')).toBe('a\ufffd');

    expect(capEncoded('short message')).toBe('short message');
    for (const text of [
      'é'.repeat(5_000),
      'x'.repeat(5_000),
      '😀'.repeat(500),
      ' '.repeat(2_000),
    ]) {
      const capped = capEncoded(text);
      expect(encodeURI(capped).length).toBeLessThanOrEqual(1024);
      expect(capped.endsWith('…')).toBe(true);
    }
    // encodeURI throws on lone surrogates; the capped text never has one.
    expect(() => encodeURI(capEncoded('\ud800'.repeat(2_000)))).not.toThrow();
  });
});
