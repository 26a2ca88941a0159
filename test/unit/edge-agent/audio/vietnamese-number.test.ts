import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_READABLE,
  NUMBER_WORD_TEXT,
  type NumberWord,
  readNumber,
  wordsText,
} from '../../../../edge-agent/src/devices/audio/vietnamese-number.ts';

/**
 * Written by hand from the Vietnamese reading rules, one or more cases per rule; not
 * generated from the code under test.
 */
const GOLDEN: ReadonlyArray<readonly [number, string]> = [
  // Single digits: năm, not lăm, when 5 stands alone.
  [0, 'không'],
  [1, 'một'],
  [2, 'hai'],
  [3, 'ba'],
  [4, 'bốn'],
  [5, 'năm'],
  [6, 'sáu'],
  [7, 'bảy'],
  [8, 'tám'],
  [9, 'chín'],
  // mười: 1 stays một, 4 stays bốn, 5 becomes lăm.
  [10, 'mười'],
  [11, 'mười một'],
  [12, 'mười hai'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [19, 'mười chín'],
  // mươi: 1 becomes mốt, 4 becomes tư, 5 becomes lăm.
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [22, 'hai mươi hai'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [30, 'ba mươi'],
  [31, 'ba mươi mốt'],
  [34, 'ba mươi tư'],
  [41, 'bốn mươi mốt'],
  [44, 'bốn mươi tư'],
  [45, 'bốn mươi lăm'],
  [50, 'năm mươi'],
  [51, 'năm mươi mốt'],
  [54, 'năm mươi tư'],
  [55, 'năm mươi lăm'],
  [70, 'bảy mươi'],
  [81, 'tám mươi mốt'],
  [99, 'chín mươi chín'],
  // trăm, with linh for zero tens before a unit (and năm, not lăm, after linh).
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [109, 'một trăm linh chín'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [120, 'một trăm hai mươi'],
  [121, 'một trăm hai mươi mốt'],
  [124, 'một trăm hai mươi tư'],
  [125, 'một trăm hai mươi lăm'],
  [200, 'hai trăm'],
  [205, 'hai trăm linh năm'],
  [305, 'ba trăm linh năm'],
  [415, 'bốn trăm mười lăm'],
  [500, 'năm trăm'],
  [505, 'năm trăm linh năm'],
  [555, 'năm trăm năm mươi lăm'],
  [911, 'chín trăm mười một'],
  [999, 'chín trăm chín mươi chín'],
  // nghìn, with "không trăm" when the hundreds are zero but the rest is not.
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1004, 'một nghìn không trăm linh bốn'],
  [1005, 'một nghìn không trăm linh năm'],
  [1010, 'một nghìn không trăm mười'],
  [1011, 'một nghìn không trăm mười một'],
  [1014, 'một nghìn không trăm mười bốn'],
  [1015, 'một nghìn không trăm mười lăm'],
  [1021, 'một nghìn không trăm hai mươi mốt'],
  [1050, 'một nghìn không trăm năm mươi'],
  [1100, 'một nghìn một trăm'],
  [1105, 'một nghìn một trăm linh năm'],
  [1111, 'một nghìn một trăm mười một'],
  [1234, 'một nghìn hai trăm ba mươi tư'],
  [1500, 'một nghìn năm trăm'],
  [2000, 'hai nghìn'],
  [2021, 'hai nghìn không trăm hai mươi mốt'],
  [2025, 'hai nghìn không trăm hai mươi lăm'],
  [3510, 'ba nghìn năm trăm mười'],
  [4444, 'bốn nghìn bốn trăm bốn mươi tư'],
  [5005, 'năm nghìn không trăm linh năm'],
  [5555, 'năm nghìn năm trăm năm mươi lăm'],
  [6215, 'sáu nghìn hai trăm mười lăm'],
  [7070, 'bảy nghìn không trăm bảy mươi'],
  [8001, 'tám nghìn không trăm linh một'],
  [9001, 'chín nghìn không trăm linh một'],
  [9999, 'chín nghìn chín trăm chín mươi chín'],
];

const ALL = Array.from({ length: MAX_READABLE + 1 }, (_, n) => n);
const DIGIT_WORDS: readonly NumberWord[] = [
  'khong',
  'mot',
  'hai',
  'ba',
  'bon',
  'nam',
  'sau',
  'bay',
  'tam',
  'chin',
];
const DIGIT_VALUE = new Map<NumberWord, number>([
  ...DIGIT_WORDS.map((w, i) => [w, i] as const),
  ['mot-sac', 1],
  ['tu', 4],
  ['lam', 5],
]);

/** A listener's reading of the words back into a number (a parser, not a second generator). */
function heardAs(words: readonly NumberWord[]): number {
  let total = 0;
  let group = 0;
  let pending = 0;
  for (const word of words) {
    if (DIGIT_VALUE.has(word)) pending = DIGIT_VALUE.get(word) as number;
    else if (word === 'muoi') group += 10;
    else if (word === 'muoi-ngang') [group, pending] = [group + pending * 10, 0];
    else if (word === 'tram') [group, pending] = [group + pending * 100, 0];
    else if (word === 'nghin' || word === 'ngan') [total, group, pending] = [(group + pending) * 1000, 0, 0];
  }
  return total + group + pending;
}

/** Numbers whose reading breaks `rule`, as "n: words" lines, so a failure shows the culprits. */
function violations(rule: (words: NumberWord[], n: number) => boolean): string[] {
  return ALL.filter((n) => !rule(readNumber(n), n)).map((n) => `${n}: ${readNumber(n).join(' ')}`);
}

/** Whether every occurrence of `word` is immediately after one of `before`. */
const onlyAfter = (words: NumberWord[], word: NumberWord, before: readonly NumberWord[]) =>
  words.every((w, i) => w !== word || (i > 0 && before.includes(words[i - 1] as NumberWord)));

describe('Function: readNumber', () => {
  it.each(GOLDEN)('reads %i as "%s"', (n, text) => {
    expect(wordsText(n)).toBe(text);
  });

  it('names the clips by ASCII slugs, telling mười/mươi and một/mốt apart', () => {
    expect(readNumber(1005)).toEqual(['mot', 'nghin', 'khong', 'tram', 'linh', 'nam']);
    expect(readNumber(21)).toEqual(['hai', 'muoi-ngang', 'mot-sac']);
    expect(readNumber(11)).toEqual(['muoi', 'mot']);
    expect(readNumber(15)).toEqual(['muoi', 'lam']);
    expect(readNumber(24)).toEqual(['hai', 'muoi-ngang', 'tu']);
  });

  it('says "bốn", "lẻ" and "ngàn" when the ward chooses them', () => {
    expect(wordsText(24, { four: 'bon' })).toBe('hai mươi bốn');
    expect(wordsText(1234, { four: 'bon' })).toBe('một nghìn hai trăm ba mươi bốn');
    expect(wordsText(14, { four: 'bon' })).toBe('mười bốn');
    expect(wordsText(105, { zeroTens: 'le' })).toBe('một trăm lẻ năm');
    expect(wordsText(1005, { zeroTens: 'le' })).toBe('một nghìn không trăm lẻ năm');
    expect(wordsText(2021, { thousand: 'ngan' })).toBe('hai ngàn không trăm hai mươi mốt');
  });

  it('changes nothing but the chosen word under another style, for every number', () => {
    const swap = (words: NumberWord[], from: NumberWord, to: NumberWord) =>
      words.map((w) => (w === from ? to : w));
    for (const n of ALL) {
      expect(readNumber(n, { four: 'bon' })).toEqual(swap(readNumber(n), 'tu', 'bon'));
      expect(readNumber(n, { zeroTens: 'le' })).toEqual(swap(readNumber(n), 'linh', 'le'));
      expect(readNumber(n, { thousand: 'ngan' })).toEqual(swap(readNumber(n), 'nghin', 'ngan'));
    }
  });

  it('refuses what it cannot read: negatives, fractions, 10000 and up', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ max: -1 }),
          fc.integer({ min: MAX_READABLE + 1 }),
          fc.double({ noInteger: true }),
        ),
        (n) => {
          expect(() => readNumber(n)).toThrow(RangeError);
        },
      ),
    );
  });

  describe('over all 10,000 numbers', () => {
    it('means the number it reads, and no two numbers read alike', () => {
      expect(violations((words, n) => heardAs(words) === n)).toEqual([]);
      expect(new Set(ALL.map((n) => wordsText(n))).size).toBe(ALL.length);
    });

    it('uses only words that have a clip, at most 7 of them', () => {
      const known = Object.keys(NUMBER_WORD_TEXT);
      expect(violations((words) => words.length >= 1 && words.length <= 7)).toEqual([]);
      expect(violations((words) => words.every((w) => known.includes(w)))).toEqual([]);
    });

    it('says mốt only after mươi, and never một after mươi', () => {
      expect(violations((words) => onlyAfter(words, 'mot-sac', ['muoi-ngang']))).toEqual([]);
      expect(
        violations((words) => words.every((w, i) => w !== 'mot' || words[i - 1] !== 'muoi-ngang')),
      ).toEqual([]);
    });

    it('says lăm only after mười/mươi, and never năm right after them', () => {
      expect(violations((words) => onlyAfter(words, 'lam', ['muoi', 'muoi-ngang']))).toEqual([]);
      expect(
        violations((words) =>
          words.every((w, i) => w !== 'nam' || !['muoi', 'muoi-ngang'].includes(words[i - 1] ?? '')),
        ),
      ).toEqual([]);
    });

    it('says tư only after mươi, and never bốn right after mươi', () => {
      expect(violations((words) => onlyAfter(words, 'tu', ['muoi-ngang']))).toEqual([]);
      expect(
        violations((words) => words.every((w, i) => w !== 'bon' || words[i - 1] !== 'muoi-ngang')),
      ).toEqual([]);
    });

    it('says mươi only after a digit 2–9, and mười never after a digit (no "mươi" after "mười")', () => {
      const twoToNine: NumberWord[] = ['hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin'];
      expect(violations((words) => onlyAfter(words, 'muoi-ngang', twoToNine))).toEqual([]);
      expect(
        violations((words) => words.every((w, i) => w !== 'muoi' || i === 0 || words[i - 1] === 'tram')),
      ).toEqual([]);
    });

    it('says linh exactly when the tens are 0 and the units are not, right after trăm, before the last digit', () => {
      expect(
        violations((words, n) => {
          const expected = n >= 100 && Math.floor(n / 10) % 10 === 0 && n % 10 > 0;
          const i = words.indexOf('linh');
          if (!expected) return i === -1;
          return (
            i === words.length - 2 &&
            words[i - 1] === 'tram' &&
            words[i + 1] === DIGIT_WORDS[n % 10] &&
            words.lastIndexOf('linh') === i
          );
        }),
      ).toEqual([]);
    });

    it('says nghìn exactly from 1000, as the second word', () => {
      expect(
        violations((words, n) => (n >= 1000 ? words.indexOf('nghin') === 1 : !words.includes('nghin'))),
      ).toEqual([]);
    });

    it('says trăm once, after a digit, whenever there is a hundreds place to say', () => {
      expect(
        violations((words, n) => {
          const said = (n >= 100 && n < 1000) || (n >= 1000 && n % 1000 !== 0);
          const count = words.filter((w) => w === 'tram').length;
          return count === (said ? 1 : 0) && onlyAfter(words, 'tram', DIGIT_WORDS);
        }),
      ).toEqual([]);
    });

    it('says không alone for 0, or as "không trăm" after nghìn when the hundreds are 0', () => {
      expect(
        violations((words, n) => {
          if (n === 0) return words.join() === 'khong';
          const expected = n >= 1000 && Math.floor(n / 100) % 10 === 0 && n % 1000 !== 0;
          const i = words.indexOf('khong');
          if (!expected) return i === -1;
          return i === 2 && words[1] === 'nghin' && words[3] === 'tram' && words.lastIndexOf('khong') === i;
        }),
      ).toEqual([]);
    });

    it('ends a round number on its place word: mười, mươi, trăm or nghìn', () => {
      expect(
        violations((words, n) => {
          if (n === 0 || n % 10 !== 0) return true;
          return ['muoi', 'muoi-ngang', 'tram', 'nghin'].includes(words.at(-1) as string);
        }),
      ).toEqual([]);
    });
  });
});
