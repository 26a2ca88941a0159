import { describe, expect, it } from 'vitest';
import { procedures } from '#domain/catalogue/procedures';
import {
  feeText,
  procedureName,
  processingTimeText,
  searchProcedures,
} from '../../../../web/src/features/public/catalogue.ts';

describe('procedure catalogue search', () => {
  it('finds birth registration by words typed with or without marks', () => {
    for (const q of ['khai sinh', 'Khai Sinh', 'đăng ký khai sinh', 'dang ky khai sinh']) {
      expect(searchProcedures(procedures, { q }).map((p) => p.name)).toContain('Đăng ký khai sinh');
    }
  });

  it('finds a procedure by its code and by its English name', () => {
    expect(searchProcedures(procedures, { q: '1.001193' }).map((p) => p.id)).toEqual(['1.001193']);
    expect(searchProcedures(procedures, { q: 'birth registration' }).map((p) => p.id)).toContain('1.001193');
  });

  it('keeps only the chosen field', () => {
    const found = searchProcedures(procedures, { q: '', fieldId: 'chung-thuc' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.fieldId === 'chung-thuc')).toBe(true);
    expect(searchProcedures(procedures, { q: 'khai sinh', fieldId: 'chung-thuc' })).toEqual([]);
  });

  it('lists the whole catalogue, in its order, for an empty search', () => {
    expect(searchProcedures(procedures, { q: '' })).toEqual(procedures);
  });
});

describe('procedure facts as citizens read them', () => {
  it('writes the processing time in working days, same day for 0, not published for null', () => {
    expect(processingTimeText(3, 'vi')).toBe('3 ngày làm việc');
    expect(processingTimeText(0, 'vi')).toBe('Trong ngày');
    expect(processingTimeText(null, 'vi')).toBe('Chưa công bố');
    expect(processingTimeText(1, 'en')).toBe('1 working day');
    expect(processingTimeText(5, 'en')).toBe('5 working days');
    expect(processingTimeText(0, 'en')).toBe('Same day');
    expect(processingTimeText(null, 'en')).toBe('Not published');
  });

  it('shows the published fee text or says it is not published', () => {
    expect(feeText({ text: 'Miễn phí' }, 'vi')).toBe('Miễn phí');
    expect(feeText(null, 'vi')).toBe('Chưa công bố');
    expect(feeText(null, 'en')).toBe('Not published');
  });

  it('names procedures in the chosen language', () => {
    expect(procedureName({ name: 'Đăng ký khai sinh', nameEn: 'Birth registration' }, 'en')).toBe(
      'Birth registration',
    );
  });
});
