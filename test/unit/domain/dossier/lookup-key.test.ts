import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashLookupKey,
  LOOKUP_KEY_ALPHABET,
  matchesLookupKey,
  newLookupKey,
  normaliseLookupKey,
} from '#domain/dossier/lookup-key';

const code = '000.01.01.H17-260217-0001';
const otherCode = '000.01.01.H17-260217-0002';

describe('Function: LOOKUP_KEY_ALPHABET', () => {
  it('holds upper-case letters and digits without 0, O, 1, I, L, each once', () => {
    expect(LOOKUP_KEY_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    expect(LOOKUP_KEY_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(LOOKUP_KEY_ALPHABET).size).toBe(LOOKUP_KEY_ALPHABET.length);
    expect(LOOKUP_KEY_ALPHABET.length).toBe(26 - 3 + 10 - 2);
  });
});

describe('Function: newLookupKey', () => {
  it('gives 8 characters of the alphabet', () => {
    for (let i = 0; i < 1000; i++) {
      const key = newLookupKey();
      expect(key).toHaveLength(8);
      for (const ch of key) expect(LOOKUP_KEY_ALPHABET).toContain(ch);
      expect(key).not.toMatch(/[0O1IL]/);
    }
  });

  it('draws every character about equally often', () => {
    const draws = 20_000;
    const counts = new Map<string, number>([...LOOKUP_KEY_ALPHABET].map((c) => [c, 0]));
    for (let i = 0; i < draws; i++)
      for (const ch of newLookupKey()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (draws * 8) / LOOKUP_KEY_ALPHABET.length;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // 30 degrees of freedom: exceeding 80 has probability below 1e-6 for a uniform source,
    // while `byte % 31` bias (first 8 characters 12.5% more likely) scores in the hundreds.
    expect(chiSquare).toBeLessThan(80);
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.1);
  });

  it('does not repeat keys', () => {
    const keys = new Set(Array.from({ length: 10_000 }, newLookupKey));
    expect(keys.size).toBe(10_000);
  });
});

describe('Function: normaliseLookupKey', () => {
  it('accepts any case, surrounding space, inner spaces and dashes', () => {
    expect(normaliseLookupKey('abcd-efgh')).toBe('ABCDEFGH');
    expect(normaliseLookupKey('  AbCd EfGh ')).toBe('ABCDEFGH');
    expect(normaliseLookupKey('AB-CD-EF-GH')).toBe('ABCDEFGH');
  });

  it('rejects wrong length and characters outside the alphabet', () => {
    for (const bad of [
      '',
      'ABCDEFG',
      'ABCDEFGHJ',
      'ABCDEFG0',
      'ABCDEFGO',
      'ABCDEFGI',
      'ABCDEFG1',
      'ABCD_EFGH',
    ]) {
      expect(normaliseLookupKey(bad)).toBeUndefined();
    }
  });
});

describe('Function: hashLookupKey', () => {
  it('gives 64 lower-case hex digits, the same for every spelling of the key', () => {
    const h = hashLookupKey(code, 'ABCDEFGH');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLookupKey(code, 'abcd-efgh')).toBe(h);
  });

  it('binds the key to the dossier code', () => {
    expect(hashLookupKey(otherCode, 'ABCDEFGH')).not.toBe(hashLookupKey(code, 'ABCDEFGH'));
  });

  it('rejects a malformed code or key', () => {
    expect(() => hashLookupKey('not-a-code', 'ABCDEFGH')).toThrow(RangeError);
    expect(() => hashLookupKey(code, 'ABC')).toThrow(RangeError);
  });
});

describe('Function: matchesLookupKey', () => {
  const key = newLookupKey();
  const hash = hashLookupKey(code, key);

  it('matches the key as printed and as typed', () => {
    expect(matchesLookupKey(code, key, hash)).toBe(true);
    expect(matchesLookupKey(code, ` ${key.slice(0, 4).toLowerCase()}-${key.slice(4)} `, hash)).toBe(true);
  });

  it('does not match a wrong key', () => {
    const wrong = key.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(matchesLookupKey(code, wrong, hash)).toBe(false);
  });

  it('does not match the right key under another dossier code', () => {
    expect(matchesLookupKey(otherCode, key, hash)).toBe(false);
  });

  it('returns false for malformed input', () => {
    expect(matchesLookupKey(code, 'short', hash)).toBe(false);
    expect(matchesLookupKey('nope', key, hash)).toBe(false);
    expect(matchesLookupKey(code, key, 'abc')).toBe(false);
    expect(matchesLookupKey(code, key, `${hash}00`)).toBe(false);
    expect(matchesLookupKey(code, key, 'z'.repeat(64))).toBe(false);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (c, k, h) => {
        expect(typeof matchesLookupKey(c as string, k as string, h as string)).toBe('boolean');
      }),
    );
  });
});
