import { describe, expect, it } from 'vitest';
import { fields } from '../../../../functions/domain/catalogue/fields.ts';
import { procedures } from '../../../../functions/domain/catalogue/procedures.ts';
import { groupProcedures } from '../../../../web/src/features/admin/ward-catalogue.ts';

describe('ward catalogue', () => {
  it('groups procedures by field in the units’ order, with the counters serving each', () => {
    const counters = [
      { number: 2, fields: ['chung-thuc', 'ho-tich'] },
      { number: 3, fields: ['ho-tich'] },
    ];
    const groups = groupProcedures(procedures, fields, counters);
    const order = fields.map((f) => f.id);
    const ids = groups.map((g) => g.fieldId);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(groups.reduce((n, g) => n + g.procedures.length, 0)).toBe(procedures.length);
    expect(groups.find((g) => g.fieldId === 'ho-tich')?.counters).toEqual([2, 3]);
    expect(groups.find((g) => g.fieldId === 'chung-thuc')?.counters).toEqual([2]);
    expect(groups.find((g) => g.fieldId === 'lao-dong-thuong-binh-xa-hoi')?.counters).toEqual([]);
    expect(groups.every((g) => g.procedures.length > 0)).toBe(true);
  });

  it('keeps procedures of a field the units do not list, after the known ones', () => {
    const extra = { ...procedures[0], fieldId: 'zz-moi' } as (typeof procedures)[number];
    const groups = groupProcedures([extra, ...procedures], fields, []);
    expect(groups.at(-1)).toMatchObject({ fieldId: 'zz-moi', counters: [] });
    expect(groups.at(-1)?.field).toBeUndefined();
  });
});
