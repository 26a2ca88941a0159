import { describe, expect, it } from 'vitest';
import {
  dueRuleOf,
  findProcedure,
  type Procedure,
  parseProcedures,
  procedures,
  processingDaysFor,
} from '#domain/catalogue/procedures';

const HT = 'ho-tich';
const CT = 'chung-thuc';
const XD = 'xay-dung-nha-o-dat-dai';
const LD = 'lao-dong-thuong-binh-xa-hoi';

// One row per row of the reference table, in its order:
// id, name, field, processing days (null = unknown), extension days, fee text (null = unknown).
const table: [string, string, string, number | null, number | null, string | null][] = [
  [
    '1.001193',
    'Đăng ký khai sinh',
    HT,
    0,
    null,
    'Miễn phí nếu đăng ký đúng hạn; 8.000 đồng nếu quá hạn (Đà Nẵng)',
  ],
  ['1.000894', 'Đăng ký kết hôn', HT, 0, 5, 'Miễn phí (kết hôn trong nước)'],
  ['1.000656', 'Đăng ký khai tử', HT, 0, null, 'Miễn phí nếu đăng ký đúng hạn'],
  ['DN.HT.01', 'Đăng ký giám hộ', HT, 3, null, 'Miễn phí'],
  ['1.004845', 'Đăng ký chấm dứt giám hộ', HT, 2, null, 'Theo mức do Hội đồng nhân dân thành phố quy định'],
  ['DN.HT.02', 'Đăng ký nhận cha, mẹ, con', HT, 3, 5, '15.000–50.000 đồng (Đà Nẵng)'],
  ['DN.HT.03', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', HT, 3, 3, '15.000–50.000 đồng (Đà Nẵng)'],
  ['DN.HT.04', 'Bổ sung hộ tịch', HT, 0, null, 'Nhóm mức 5.000 đồng (Đà Nẵng)'],
  ['2.000635', 'Cấp bản sao trích lục hộ tịch', HT, 0, null, 'Có thu phí; chưa xác định mức phí'],
  ['1.004873', 'Xác nhận tình trạng hôn nhân', HT, null, null, null],
  ['1.004884', 'Đăng ký lại khai sinh', HT, null, null, '8.000 đồng (Đà Nẵng)'],
  ['1.005461', 'Đăng ký lại khai tử', HT, null, null, '5.000 đồng (Đà Nẵng)'],
  ['1.004746', 'Đăng ký lại kết hôn', HT, null, null, null],
  ['1.000689', 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', HT, null, null, null],
  [
    '2.000815',
    'Chứng thực bản sao từ bản chính',
    CT,
    0,
    2,
    '2.000 đồng/trang; từ trang thứ ba trở đi 1.000 đồng/trang; tối đa 200.000 đồng/bản',
  ],
  ['2.000884', 'Chứng thực chữ ký', CT, 0, null, '10.000 đồng'],
  ['DN.CT.01', 'Chứng thực hợp đồng, giao dịch', CT, 2, null, '50.000 đồng'],
  ['2.000992', 'Chứng thực chữ ký người dịch', CT, 0, null, null],
  ['DN.CT.02', 'Cấp bản sao từ sổ gốc', CT, 0, null, null],
  ['1.013225', 'Cấp giấy phép xây dựng (nhà ở riêng lẻ)', XD, null, null, null],
  ['1.001699', 'Xác định mức độ khuyết tật lần đầu', LD, null, null, 'Miễn phí'],
  ['1.011607', 'Công nhận hộ nghèo, hộ cận nghèo hằng năm', LD, null, null, 'Miễn phí'],
  ['1.001731', 'Hỗ trợ chi phí mai táng', LD, null, null, 'Miễn phí'],
];

function get(id: string): Procedure {
  const p = findProcedure(id);
  if (!p) throw new Error(`missing ${id}`);
  return p;
}

const valid: Procedure = {
  id: 'DN.HT.99',
  nationalCode: null,
  name: 'Thủ tục thử',
  nameEn: 'Test procedure',
  fieldId: 'ho-tich',
  processingDays: 3,
  extension: null,
  cutoff: '17:00',
  fee: null,
  legalBasis: null,
  requiredDocuments: null,
};

describe('Function: procedures', () => {
  it('holds exactly the rows of the reference table, in order', () => {
    expect(procedures.map((p) => p.id)).toEqual(table.map((r) => r[0]));
  });

  it.each(table)('matches row %s (%s)', (id, name, fieldId, days, extensionDays, fee) => {
    const p = get(id);
    expect(p.name).toBe(name);
    expect(p.fieldId).toBe(fieldId);
    expect(p.processingDays).toBe(days);
    expect(p.extension?.upToDays ?? null).toBe(extensionDays);
    expect(p.fee?.text ?? null).toBe(fee);
    expect(p.cutoff).toBe(fieldId === CT ? '15:00' : '17:00');
    expect(p.nationalCode).toBe(id.startsWith('DN.') ? null : id);
  });

  it('leaves required documents to the ward admin, since the source lists none', () => {
    for (const p of procedures) expect(p.requiredDocuments).toBeNull();
  });

  it('has no legal basis where the source cites none', () => {
    for (const p of procedures) expect(p.legalBasis === null).toBe(p.processingDays === null);
  });

  it('states extension conditions in Vietnamese', () => {
    expect(get('1.000894').extension?.when).toBe('Trường hợp cần xác minh');
    expect(get('2.000815').extension?.when).toBe('Yêu cầu chứng thực số lượng lớn');
  });
});

describe('Function: parseProcedures', () => {
  it('accepts a valid procedure', () => {
    expect(parseProcedures([valid])).toEqual([valid]);
  });

  it('rejects a duplicate id', () => {
    expect(() => parseProcedures([valid, { ...valid, name: 'Khác' }])).toThrow(/duplicate id DN.HT.99/);
  });

  it('rejects an unknown field', () => {
    expect(() => parseProcedures([{ ...valid, id: 'DN.XX.01', fieldId: 'xx' }])).toThrow(/unknown field xx/);
  });

  it('rejects a local code whose prefix names another field', () => {
    expect(() => parseProcedures([{ ...valid, id: 'DN.CT.99' }])).toThrow(/prefix/);
  });

  it('rejects an id that differs from the national code', () => {
    expect(() => parseProcedures([{ ...valid, nationalCode: '1.000001' }])).toThrow(/national code/);
  });

  it('rejects a local id that is not DN.<field>.<nn>', () => {
    expect(() => parseProcedures([{ ...valid, id: 'HT-1' }])).toThrow(/local code/);
  });

  it('rejects an extension on an unknown processing time', () => {
    const p = { ...valid, processingDays: null, extension: { upToDays: 2, when: 'x' } };
    expect(() => parseProcedures([p])).toThrow(/needs known processingDays/);
  });

  it('rejects a certification cut-off after 15:00', () => {
    expect(() => parseProcedures([{ ...valid, id: 'DN.CT.99', fieldId: 'chung-thuc' }])).toThrow(/15:00/);
  });

  it('rejects a malformed cut-off and unknown keys', () => {
    expect(() => parseProcedures([{ ...valid, cutoff: '5pm' }])).toThrow(/HH:MM/);
    expect(() => parseProcedures([{ ...valid, fees: null }])).toThrow();
  });

  it('rejects a fractional or negative processing time', () => {
    expect(() => parseProcedures([{ ...valid, processingDays: 1.5 }])).toThrow();
    expect(() => parseProcedures([{ ...valid, processingDays: -1 }])).toThrow();
  });
});

describe('Function: findProcedure', () => {
  it('finds by national or local code', () => {
    expect(findProcedure('1.001193')?.name).toBe('Đăng ký khai sinh');
    expect(findProcedure('DN.CT.01')?.name).toBe('Chứng thực hợp đồng, giao dịch');
  });

  it('returns undefined for an unknown id', () => {
    expect(findProcedure('9.999999')).toBeUndefined();
  });
});

describe('Function: dueRuleOf', () => {
  it('gives processing days and cut-off', () => {
    expect(dueRuleOf(get('2.000815'))).toEqual({ processingDays: 0, cutoff: '15:00' });
    expect(dueRuleOf(get('DN.HT.01'))).toEqual({ processingDays: 3, cutoff: '17:00' });
  });

  it('is undefined while the processing time is unknown', () => {
    expect(dueRuleOf(get('1.004873'))).toBeUndefined();
  });
});

describe('Function: processingDaysFor', () => {
  it('takes the catalogue value when none is requested', () => {
    expect(processingDaysFor(get('1.001193'))).toEqual({ ok: true, days: 0 });
    expect(processingDaysFor(get('DN.HT.01'))).toEqual({ ok: true, days: 3 });
  });

  it('asks for processing days when the catalogue does not know them', () => {
    const r = processingDaysFor(get('1.004873'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toMatch(
        /does not know the processing time of procedure 1\.004873; give processingDays/,
      );
  });

  it('accepts any whole number of days from 0 to 365 when the catalogue does not know them', () => {
    const p = get('1.013225');
    expect(processingDaysFor(p, 0)).toEqual({ ok: true, days: 0 });
    expect(processingDaysFor(p, 15)).toEqual({ ok: true, days: 15 });
    expect(processingDaysFor(p, 365)).toEqual({ ok: true, days: 365 });
  });

  it('rejects requested days that are not a whole number from 0 to 365', () => {
    const p = get('1.013225');
    for (const bad of [-1, 366, 2.5, Number.NaN]) {
      expect(processingDaysFor(p, bad)).toEqual({
        ok: false,
        reason: 'processingDays must be an integer from 0 to 365',
      });
    }
  });

  it('accepts requested days within the extension', () => {
    const p = get('1.000894');
    expect(processingDaysFor(p, 0)).toEqual({ ok: true, days: 0 });
    expect(processingDaysFor(p, 5)).toEqual({ ok: true, days: 5 });
    expect(processingDaysFor(get('DN.HT.03'), 6)).toEqual({ ok: true, days: 6 });
  });

  it('names the allowed range when the request lies outside it', () => {
    expect(processingDaysFor(get('1.000894'), 6)).toEqual({
      ok: false,
      reason: 'processingDays for procedure 1.000894 must be from 0 to 5',
    });
    expect(processingDaysFor(get('DN.HT.03'), 2)).toEqual({
      ok: false,
      reason: 'processingDays for procedure DN.HT.03 must be from 3 to 6',
    });
  });

  it('allows only the catalogue value when there is no extension', () => {
    expect(processingDaysFor(get('DN.HT.01'), 3)).toEqual({ ok: true, days: 3 });
    expect(processingDaysFor(get('DN.HT.01'), 4)).toEqual({
      ok: false,
      reason: 'processingDays for procedure DN.HT.01 must be 3',
    });
  });
});
