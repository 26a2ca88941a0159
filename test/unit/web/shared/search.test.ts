import { describe, expect, it } from 'vitest';
import { fold, matchesWords, queryWords } from '../../../../web/src/shared/search.ts';

describe('accent-insensitive search', () => {
  it('folds Vietnamese marks, đ and case to plain ASCII, and squeezes spaces', () => {
    expect(fold('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(fold('  Đăng  ký KHAI sinh ')).toBe('dang ky khai sinh');
    expect(fold('Chứng thực bản sao')).toBe('chung thuc ban sao');
    expect(fold('  Hòa   Cường  Bắc ')).toBe('hoa cuong bac');
  });

  it('treats precomposed and combining forms alike', () => {
    expect(fold('Hộ tịch'.normalize('NFC'))).toBe(fold('Hộ tịch'.normalize('NFD')));
  });

  it('needs every word of the query, in any order and with or without marks', () => {
    const words = queryWords('khai sinh');
    expect(matchesWords(words, 'Đăng ký khai sinh')).toBe(true);
    expect(matchesWords(queryWords('sinh khai'), 'Đăng ký khai sinh')).toBe(true);
    expect(matchesWords(queryWords('đăng ký khai sinh'), 'Dang ky khai sinh')).toBe(true);
    expect(matchesWords(queryWords('khai tử'), 'Đăng ký khai sinh')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(queryWords('   ')).toEqual([]);
    expect(matchesWords([], 'anything')).toBe(true);
  });
});
