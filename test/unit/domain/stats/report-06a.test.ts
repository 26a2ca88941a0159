import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fields } from '#domain/catalogue/fields';
import { procedures } from '#domain/catalogue/procedures';
import { city, districts } from '#domain/catalogue/units';
import { DOSSIER_COUNTERS, type DossierCounter } from '#domain/stats/dossier-counters';
import {
  type DossierStatsItem,
  type Report06aFigures,
  type ReportBy,
  reconciles,
  report06a,
} from '#domain/stats/report-06a';
import type { ReportScope } from '#domain/stats/report-scope';
import { addDays } from '#domain/time';
import {
  CHUNG_THUC,
  CITY_TOTAL,
  FROM,
  f,
  HAI_CHAU,
  HAI_CHAU_I,
  HISTORY,
  HO_TICH,
  KET_HON,
  KHAI_SINH,
  P1,
  P2,
  P3,
  SON_TRA,
  type StatsDossier,
  statsItems,
  THACH_THANG,
  THACH_THANG_LAST_DAY,
  TO,
  W1,
  W2,
  W3,
  ZERO,
} from '../../reports/fixtures/dossier-stats.ts';

const units = { city, districts };
const catalogue = { fields, procedures };
const items = statsItems(Object.values(HISTORY));

const run = (scope: ReportScope, by: ReportBy, from = FROM, to = TO, list = items) =>
  report06a(list, { scope, by, from, to, units, catalogue });

describe('Function: report06a', () => {
  it('breaks a district into all its wards in the order of the units list, zeros included', () => {
    const report = run({ kind: 'district', districtId: 'hai-chau' }, 'unit');
    const haiChau = districts.find((d) => d.id === 'hai-chau');
    expect(report.rows.map((r) => r.key)).toEqual(haiChau?.wards.map((w) => w.id));
    expect(report.rows.find((r) => r.key === W1)).toEqual({
      key: W1,
      name: 'Phường Hải Châu I',
      ...HAI_CHAU_I,
    });
    expect(report.rows.find((r) => r.key === W2)).toEqual({
      key: W2,
      name: 'Phường Thạch Thang',
      ...THACH_THANG,
    });
    for (const row of report.rows.filter((r) => r.key !== W1 && r.key !== W2))
      expect(row).toMatchObject(ZERO);
    expect(report.totals).toEqual(HAI_CHAU);
  });

  it('breaks the city into its seven districts, and counts the other district only there', () => {
    const report = run({ kind: 'city' }, 'unit');
    expect(report.rows.map((r) => r.key)).toEqual(districts.map((d) => d.id));
    expect(report.rows).toHaveLength(7);
    expect(report.rows.find((r) => r.key === 'hai-chau')).toEqual({
      key: 'hai-chau',
      name: 'Quận Hải Châu',
      ...HAI_CHAU,
    });
    expect(report.rows.find((r) => r.key === 'son-tra')).toEqual({
      key: 'son-tra',
      name: 'Quận Sơn Trà',
      ...SON_TRA,
    });
    expect(report.totals).toEqual(CITY_TOTAL);
  });

  it('reports a ward as itself', () => {
    const report = run({ kind: 'ward', wardId: W1 }, 'unit');
    expect(report.rows).toEqual([{ key: W1, name: 'Phường Hải Châu I', ...HAI_CHAU_I }]);
    expect(report.totals).toEqual(HAI_CHAU_I);
  });

  it('breaks a district into fields by code with their names, only fields with figures', () => {
    const report = run({ kind: 'district', districtId: 'hai-chau' }, 'field');
    expect(report.rows).toEqual([
      { key: 'chung-thuc', name: 'Chứng thực', ...CHUNG_THUC },
      { key: 'ho-tich', name: 'Hộ tịch', ...HO_TICH },
    ]);
    expect(report.totals).toEqual(HAI_CHAU);
  });

  it('breaks a district into procedures by code with their names', () => {
    const report = run({ kind: 'district', districtId: 'hai-chau' }, 'procedure');
    expect(report.rows).toEqual([
      { key: P3, name: 'Đăng ký kết hôn', ...KET_HON },
      { key: P1, name: 'Đăng ký khai sinh', ...KHAI_SINH },
      { key: P2, name: 'Chứng thực bản sao từ bản chính', ...CHUNG_THUC },
    ]);
    expect(report.totals).toEqual(HAI_CHAU);
  });

  it('reports a single day: carried over from every day before it, overdue when due that day', () => {
    const report = run({ kind: 'ward', wardId: W2 }, 'unit', '2026-03-31', '2026-03-31');
    expect(report.totals).toEqual(THACH_THANG_LAST_DAY);
  });

  it('ignores items outside the scope and outside the periods it sums', () => {
    const stray = [
      ...items,
      {
        wardId: W3,
        fieldId: 'ho-tich',
        procedureId: P1,
        grain: 'D' as const,
        period: '2026-03-01',
        counts: { receivedOnline: 9 },
      },
    ];
    expect(run({ kind: 'district', districtId: 'hai-chau' }, 'unit', FROM, TO, stray).totals).toEqual(
      HAI_CHAU,
    );
  });

  it('names a procedure missing from the catalogue by its code', () => {
    const odd = statsItems([
      { wardId: W1, procedureId: 'X.000001', channel: 'online', received: '2026-03-01' },
    ]);
    expect(run({ kind: 'ward', wardId: W1 }, 'procedure', FROM, TO, odd).rows).toEqual([
      { key: 'X.000001', name: 'X.000001', ...f([1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0]) },
    ]);
  });
});

describe('Function: report06a (properties)', () => {
  const wardIds = ['hai-chau-i', 'thach-thang', 'tho-quang', 'hoa-bac'];
  const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-11-01', n));
  const dossier: fc.Arbitrary<StatsDossier> = fc
    .record({
      wardId: fc.constantFrom(...wardIds),
      procedureId: fc.constantFrom(P1, P2, P3),
      channel: fc.constantFrom('online' as const, 'in_person' as const),
      received: day,
      dueAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      closeAfter: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
      as: fc.constantFrom(
        'early' as const,
        'onTime' as const,
        'late' as const,
        'refused' as const,
        'withdrawn' as const,
      ),
    })
    .map((r) => {
      const due = r.dueAfter === undefined ? undefined : addDays(r.received, r.dueAfter);
      if (r.closeAfter === undefined) return { ...r, due };
      const on = addDays(r.received, r.closeAfter);
      // The outcome follows the days, as the lifecycle decides it.
      const as =
        r.as === 'refused' || r.as === 'withdrawn' || !due
          ? r.as
          : on < due
            ? 'early'
            : on === due
              ? 'onTime'
              : 'late';
      return { ...r, due, closed: { on, as } };
    });
  const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
  const scopes: ReportScope[] = [
    { kind: 'city' },
    { kind: 'district', districtId: 'hai-chau' },
    { kind: 'ward', wardId: W2 },
  ];

  it('reconciles every row and the totals, and totals agree whatever the rows are', () => {
    fc.assert(
      fc.property(
        fc.array(dossier, { maxLength: 40 }),
        period,
        fc.constantFrom(...scopes),
        (list, [from, to], scope) => {
          const data = statsItems(list);
          const [byUnit, byField, byProcedure] = (['unit', 'field', 'procedure'] as const).map((by) =>
            run(scope, by, from, to, data),
          );
          for (const r of [byUnit, byField, byProcedure]) {
            expect(reconciles(r?.totals as Report06aFigures)).toBe(true);
            for (const row of r?.rows ?? []) expect(reconciles(row)).toBe(true);
          }
          expect(byField?.totals).toEqual(byUnit?.totals);
          expect(byProcedure?.totals).toEqual(byUnit?.totals);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reconciles for any counters at all, even ones no history could produce', () => {
    const counts = fc.record(
      Object.fromEntries(DOSSIER_COUNTERS.map((c) => [c, fc.integer({ min: 0, max: 50 })])) as Record<
        DossierCounter,
        fc.Arbitrary<number>
      >,
    );
    const item = fc.record({
      wardId: fc.constantFrom(...wardIds),
      fieldId: fc.constantFrom('ho-tich', 'chung-thuc'),
      procedureId: fc.constantFrom(P1, P2, P3),
      day,
      counts,
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        period,
        fc.constantFrom(...scopes),
        (list, [from, to], scope) => {
          const data: DossierStatsItem[] = list.map(({ day: d, ...rest }) => ({
            ...rest,
            grain: 'D',
            period: d,
          }));
          for (const by of ['unit', 'field', 'procedure'] as const) {
            const report = run(scope, by, from, to, data);
            expect(reconciles(report.totals)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts pending and overdue at the end of any period as the dossiers themselves say', () => {
    fc.assert(
      fc.property(fc.array(dossier, { maxLength: 40 }), period, (list, [from, to]) => {
        const report = run({ kind: 'city' }, 'unit', from, to, statsItems(list));
        const open = list.filter((d) => d.received <= to && !(d.closed && d.closed.on <= to));
        const overdue = open.filter((d) => d.due !== undefined && d.due <= to);
        expect(report.totals.pending.total).toBe(open.length);
        expect(report.totals.pending.overdue).toBe(overdue.length);
        const carried = list.filter((d) => d.received < from && !(d.closed && d.closed.on < from));
        expect(report.totals.received.carriedOver).toBe(carried.length);
        // What is pending at the end of one period is what the next one carries over.
        const next = run({ kind: 'city' }, 'unit', addDays(to, 1), addDays(to, 1), statsItems(list));
        expect(next.totals.received.carriedOver).toBe(report.totals.pending.total);
      }),
      { numRuns: 150 },
    );
  });
});
