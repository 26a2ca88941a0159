import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReadReport } from '#domain/auth/access';
import type { Principal, Role } from '#domain/auth/principal';
import { allWards, districts } from '#domain/catalogue/units';
import type { ReportScope } from '#domain/stats/report-scope';

const city: ReportScope = { kind: 'city' };
const district = (districtId: string): ReportScope => ({ kind: 'district', districtId });
const ward = (wardId: string): ReportScope => ({ kind: 'ward', wardId });

describe('Function: canReadReport', () => {
  it('lets a city official read any scope', () => {
    const official: Principal = { userId: 'city', roles: ['city_official'] };
    expect(canReadReport(official, city)).toBe(true);
    for (const d of districts) expect(canReadReport(official, district(d.id))).toBe(true);
    for (const w of allWards) expect(canReadReport(official, ward(w.id))).toBe(true);
  });

  it('lets a district official read their district and its wards, nothing else', () => {
    const official: Principal = {
      userId: 'district.hai-chau',
      roles: ['district_official'],
      districtId: 'hai-chau',
    };
    expect(canReadReport(official, district('hai-chau'))).toBe(true);
    expect(canReadReport(official, ward('thach-thang'))).toBe(true);
    expect(canReadReport(official, district('son-tra'))).toBe(false);
    expect(canReadReport(official, ward('tho-quang'))).toBe(false);
    expect(canReadReport(official, city)).toBe(false);
  });

  it('lets a ward leader or ward admin read their own ward only', () => {
    for (const role of ['leader', 'ward_admin'] as const) {
      const p: Principal = {
        userId: `${role}.hai-chau-i`,
        roles: [role],
        wardId: 'hai-chau-i',
        districtId: 'hai-chau',
      };
      expect(canReadReport(p, ward('hai-chau-i'))).toBe(true);
      expect(canReadReport(p, ward('hai-chau-ii'))).toBe(false);
      expect(canReadReport(p, district('hai-chau'))).toBe(false);
      expect(canReadReport(p, city)).toBe(false);
    }
  });

  it('gives clerks and specialists no report, not even of their own ward', () => {
    for (const role of ['clerk', 'specialist'] as const) {
      const p: Principal = {
        userId: `${role}.hai-chau-i`,
        roles: [role],
        wardId: 'hai-chau-i',
        districtId: 'hai-chau',
      };
      expect(canReadReport(p, ward('hai-chau-i'))).toBe(false);
    }
  });

  it('never lets a principal without an office-wide role read beyond their own ward (any roles, any scope)', () => {
    const roles = fc.uniqueArray(
      fc.constantFrom<Role>('clerk', 'specialist', 'leader', 'ward_admin', 'district_official'),
      {
        minLength: 1,
      },
    );
    const scope = fc.oneof(
      fc.constant(city),
      fc.constantFrom(...districts.map((d) => district(d.id))),
      fc.constantFrom(...allWards.map((w) => ward(w.id))),
    );
    const home = fc.constantFrom(...allWards);
    fc.assert(
      fc.property(roles, scope, home, (rs, s, w) => {
        const p: Principal = { userId: 'u', roles: rs, wardId: w.id, districtId: w.districtId };
        if (!canReadReport(p, s)) return;
        expect(s.kind).not.toBe('city');
        if (s.kind === 'district') expect(s.districtId).toBe(w.districtId);
        if (s.kind === 'ward') {
          const target = allWards.find((x) => x.id === s.wardId);
          if (rs.includes('district_official')) expect(target?.districtId).toBe(w.districtId);
          else expect(s.wardId).toBe(w.id);
        }
      }),
    );
  });
});
