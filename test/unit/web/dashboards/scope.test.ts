import { describe, expect, it } from 'vitest';
import {
  apiDistrict,
  childScope,
  formatScope,
  holds,
  homeScope,
  parseScope,
  type ScopeUnits,
  scopeName,
  trail,
} from '../../../../web/src/features/dashboards/scope.ts';
import { nextSearch, pickTab, tabsOf } from '../../../../web/src/features/dashboards/url.ts';
import type { Principal } from '../../../../web/src/shared/auth/principal.ts';

const UNITS: ScopeUnits = {
  city: { id: 'danang', name: 'Thành phố Đà Nẵng' },
  districts: [
    {
      id: 'hai-chau',
      name: 'Quận Hải Châu',
      wards: [
        { id: 'hai-chau-i', name: 'Phường Hải Châu I' },
        { id: 'thach-thang', name: 'Phường Thạch Thang' },
      ],
    },
    { id: 'son-tra', name: 'Quận Sơn Trà', wards: [{ id: 'man-thai', name: 'Phường Mân Thái' }] },
  ],
};

const person = (roles: Principal['roles'], extra: Partial<Principal> = {}): Principal => ({
  userId: 'u',
  roles,
  ...extra,
});

describe('Function: parseScope', () => {
  it('reads the city, a known district and a known ward, and writes them back alike', () => {
    for (const text of ['city', 'district:hai-chau', 'ward:man-thai'])
      expect(formatScope(parseScope(text, UNITS) ?? { kind: 'city' })).toBe(text);
  });

  it('refuses unknown units and malformed text', () => {
    for (const text of ['district:atlantis', 'ward:hai-chau', 'ward:', 'province', 'ward:Hai-Chau-I', null])
      expect(parseScope(text, UNITS)).toBeUndefined();
  });
});

describe('Function: homeScope', () => {
  it('starts each role at its own level', () => {
    expect(homeScope(person(['city_official']), UNITS)).toEqual({ kind: 'city' });
    expect(homeScope(person(['district_official'], { districtId: 'son-tra' }), UNITS)).toEqual({
      kind: 'district',
      districtId: 'son-tra',
    });
    expect(homeScope(person(['leader'], { wardId: 'thach-thang' }), UNITS)).toEqual({
      kind: 'ward',
      wardId: 'thach-thang',
    });
    expect(homeScope(person(['ward_admin'], { wardId: 'hai-chau-i' }), UNITS)?.kind).toBe('ward');
  });

  it('gives no scope to roles without statistics', () => {
    expect(homeScope(person(['clerk'], { wardId: 'hai-chau-i' }), UNITS)).toBeUndefined();
  });
});

describe('Function: holds', () => {
  const hai = { kind: 'district', districtId: 'hai-chau' } as const;
  it('lets a district see itself and its wards only', () => {
    expect(holds(hai, hai, UNITS)).toBe(true);
    expect(holds(hai, { kind: 'ward', wardId: 'thach-thang' }, UNITS)).toBe(true);
    expect(holds(hai, { kind: 'ward', wardId: 'man-thai' }, UNITS)).toBe(false);
    expect(holds(hai, { kind: 'district', districtId: 'son-tra' }, UNITS)).toBe(false);
    expect(holds(hai, { kind: 'city' }, UNITS)).toBe(false);
  });

  it('lets the city see everything and a ward only itself', () => {
    expect(holds({ kind: 'city' }, { kind: 'ward', wardId: 'man-thai' }, UNITS)).toBe(true);
    const ward = { kind: 'ward', wardId: 'hai-chau-i' } as const;
    expect(holds(ward, ward, UNITS)).toBe(true);
    expect(holds(ward, { kind: 'ward', wardId: 'thach-thang' }, UNITS)).toBe(false);
  });
});

describe('Function: trail', () => {
  it('runs from the home scope down to the one shown', () => {
    const ward = { kind: 'ward', wardId: 'thach-thang' } as const;
    expect(trail({ kind: 'city' }, ward, UNITS).map(formatScope)).toEqual([
      'city',
      'district:hai-chau',
      'ward:thach-thang',
    ]);
    expect(trail({ kind: 'district', districtId: 'hai-chau' }, ward, UNITS).map(formatScope)).toEqual([
      'district:hai-chau',
      'ward:thach-thang',
    ]);
    expect(trail(ward, ward, UNITS).map(formatScope)).toEqual(['ward:thach-thang']);
  });
});

describe('Function: childScope and apiDistrict', () => {
  it('drills city → district → ward and stops at a ward', () => {
    expect(childScope({ kind: 'city' }, 'son-tra')).toEqual({ kind: 'district', districtId: 'son-tra' });
    expect(childScope({ kind: 'district', districtId: 'son-tra' }, 'man-thai')).toEqual({
      kind: 'ward',
      wardId: 'man-thai',
    });
    expect(childScope({ kind: 'ward', wardId: 'man-thai' }, 'ho-tich')).toBeUndefined();
  });

  it("asks a ward's or district's own API, any API for the city", () => {
    expect(apiDistrict({ kind: 'ward', wardId: 'man-thai' }, UNITS)).toBe('son-tra');
    expect(apiDistrict({ kind: 'district', districtId: 'hai-chau' }, UNITS)).toBe('hai-chau');
    expect(apiDistrict({ kind: 'city' }, UNITS)).toBeUndefined();
    expect(scopeName({ kind: 'ward', wardId: 'man-thai' }, UNITS)).toBe('Phường Mân Thái');
  });
});

describe('Function: nextSearch', () => {
  it('changes the scope and keeps the period and tab, so a drill-down can be shared', () => {
    const current = new URLSearchParams('scope=city&period=custom&from=2025-10-01&to=2025-10-31&tab=report');
    const next = new URLSearchParams(
      nextSearch(current, { scope: { kind: 'district', districtId: 'son-tra' } }),
    );
    expect(Object.fromEntries(next)).toEqual({
      scope: 'district:son-tra',
      period: 'custom',
      from: '2025-10-01',
      to: '2025-10-31',
      tab: 'report',
    });
  });

  it('drops the old end day when a calendar period replaces a custom range', () => {
    const current = new URLSearchParams('period=custom&from=2025-10-01&to=2025-10-31');
    const next = new URLSearchParams(
      nextSearch(current, { period: { kind: 'month', from: '2025-11-01', to: '2025-11-30' } }),
    );
    expect(next.get('to')).toBeNull();
    expect(next.get('period')).toBe('month');
  });

  it('offers the devices tab for a ward only', () => {
    expect(tabsOf({ kind: 'city' })).not.toContain('devices');
    expect(tabsOf({ kind: 'ward', wardId: 'man-thai' })).toContain('devices');
    expect(pickTab(tabsOf({ kind: 'city' }), 'devices')).toBe('dossiers');
  });
});
