import { describe, expect, it } from 'vitest';
import { fields, findField } from '#domain/catalogue/fields';
import { procedures } from '#domain/catalogue/procedures';

describe('Function: fields', () => {
  it('lists the seed fields with their counters (appendix 1)', () => {
    expect(fields.map((f) => [f.id, f.name, f.counters])).toEqual([
      ['van-thu', 'Văn thư', [1]],
      ['chung-thuc', 'Chứng thực', [2, 3]],
      ['ho-tich', 'Hộ tịch', [2, 3]],
      ['xay-dung-nha-o-dat-dai', 'Xây dựng, nhà ở và đất đai', [4]],
      ['lao-dong-thuong-binh-xa-hoi', 'Lao động – Thương binh và Xã hội', [5]],
      ['thue', 'Thuế', [6]],
      ['linh-vuc-khac', 'Lĩnh vực khác', [7]],
      ['tu-van', 'Tư vấn, hướng dẫn', [8]],
    ]);
  });

  it('describes which fields counter 7 covers', () => {
    expect(findField('linh-vuc-khac')?.description).toBe(
      'Giao thông vận tải, giáo dục, tôn giáo, phòng cháy chữa cháy, bảo hiểm xã hội',
    );
  });

  it('has an English name for every field', () => {
    for (const f of fields) expect(f.nameEn).not.toBe('');
  });

  it('covers every field a procedure refers to', () => {
    for (const p of procedures) expect(findField(p.fieldId), p.id).toBeDefined();
  });
});

describe('Function: findField', () => {
  it('finds a field by id', () => {
    expect(findField('ho-tich')?.name).toBe('Hộ tịch');
  });

  it('returns undefined for an unknown id', () => {
    expect(findField('nope')).toBeUndefined();
  });
});
