import { describe, expect, it } from 'vitest';
import { lastAllowedDay, Report06aQuery } from '#handlers/reports/06a-query';

const issues = (input: Record<string, string>) => {
  const parsed = Report06aQuery.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('Schema: Report06aQuery', () => {
  it('reads a scope into its kind and id, with unit and json by default', () => {
    expect(
      Report06aQuery.parse({ scope: 'district:hai-chau', from: '2026-01-01', to: '2026-03-31' }),
    ).toEqual({
      scope: { kind: 'district', districtId: 'hai-chau' },
      by: 'unit',
      from: '2026-01-01',
      to: '2026-03-31',
      format: 'json',
    });
    expect(Report06aQuery.parse({ scope: 'city', from: '2026-01-01', to: '2026-01-01' }).scope).toEqual({
      kind: 'city',
    });
    expect(
      Report06aQuery.parse({ scope: 'ward:thach-thang', from: '2026-01-01', to: '2026-01-01' }).scope,
    ).toEqual({
      kind: 'ward',
      wardId: 'thach-thang',
    });
  });

  it('names each bad parameter', () => {
    expect(issues({ from: '2026-01-01', to: '2026-01-02' })).toEqual(['scope']);
    expect(issues({ scope: 'district:atlantis', from: '2026-01-01', to: '2026-01-02' })).toEqual(['scope']);
    expect(issues({ scope: 'ward:hai-chau', from: '2026-01-01', to: '2026-01-02' })).toEqual(['scope']);
    expect(issues({ scope: 'country', from: '2026-01-01', to: '2026-01-02' })).toEqual(['scope']);
    expect(issues({ scope: 'city', by: 'clerk', from: '2026-01-01', to: '2026-01-02' })).toEqual(['by']);
    expect(issues({ scope: 'city', from: '2026-02-30', to: '2026-03-02' })).toEqual(['from']);
    expect(issues({ scope: 'city', from: '2026-01-01', to: '31/03/2026' })).toEqual(['to']);
    expect(issues({ scope: 'city', from: '2026-01-01', to: '2026-01-02', format: 'pdf' })).toEqual([
      'format',
    ]);
  });

  it('refuses a period that ends before it starts or spans more than five years', () => {
    expect(issues({ scope: 'city', from: '2026-03-02', to: '2026-03-01' })).toEqual(['to']);
    expect(issues({ scope: 'city', from: '2021-01-01', to: '2025-12-31' })).toEqual([]);
    expect(issues({ scope: 'city', from: '2021-01-01', to: '2026-01-01' })).toEqual(['to']);
  });

  it('ends five years from a leap day on the last day of February', () => {
    expect(lastAllowedDay('2024-02-29')).toBe('2029-02-28');
    expect(lastAllowedDay('2026-03-15')).toBe('2031-03-14');
  });
});
