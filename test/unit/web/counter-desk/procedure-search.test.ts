import { describe, expect, it } from 'vitest';
import { procedures } from '#domain/catalogue/procedures';
import { searchProcedures } from '../../../../web/src/features/counter-desk/procedure-search.ts';

const names = (query: string, preferred: string[] = []) =>
  searchProcedures(procedures, query, preferred).map((p) => p.name);

describe('searchProcedures', () => {
  it('finds “Đăng ký khai sinh” first whether the clerk types marks or not', () => {
    expect(names('khai sinh')[0]).toBe('Đăng ký khai sinh');
    expect(names('Khai sinh')[0]).toBe('Đăng ký khai sinh');
    expect(names('dang ky khai sinh')[0]).toBe('Đăng ký khai sinh');
    expect(names('đăng ký khai sinh')[0]).toBe('Đăng ký khai sinh');
  });

  it('lists every procedure containing the words, closer and shorter matches first', () => {
    expect(names('khai sinh')).toEqual([
      'Đăng ký khai sinh',
      'Đăng ký lại khai sinh',
      'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
    ]);
  });

  it('matches words in any order and leaves out what lacks one of them', () => {
    expect(names('hon ket')).toContain('Đăng ký kết hôn');
    expect(names('ket hon khai sinh')).toEqual([]);
  });

  it('finds a procedure by its code, an exact code first even from another field', () => {
    expect(searchProcedures(procedures, '2.000884', ['ho-tich'])[0]?.name).toBe('Chứng thực chữ ký');
    expect(names('dn.ht.01')).toEqual(['Đăng ký giám hộ']);
  });

  it('puts the fields of the clerk’s counter before the others, but keeps the others', () => {
    const found = searchProcedures(procedures, 'ban sao', ['ho-tich']);
    expect(found.map((p) => p.fieldId)).toEqual(['ho-tich', 'chung-thuc', 'chung-thuc']);
    expect(found[0]?.name).toBe('Cấp bản sao trích lục hộ tịch');
  });

  it('lists the whole catalogue for an empty query, the counter’s fields first, in catalogue order', () => {
    const all = searchProcedures(procedures, '  ', ['chung-thuc']);
    expect(all).toHaveLength(procedures.length);
    expect(all.slice(0, 5).every((p) => p.fieldId === 'chung-thuc')).toBe(true);
    expect(all[0]?.id).toBe(procedures.find((p) => p.fieldId === 'chung-thuc')?.id);
  });
});
