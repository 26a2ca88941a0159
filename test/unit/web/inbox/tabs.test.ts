import { describe, expect, it } from 'vitest';
import { districts } from '#domain/catalogue/units';
import { pickTab, tabsFor, wardChoicesFor } from '../../../../web/src/features/inbox/tabs.ts';

const units = { districts };

describe('the inbox tabs of each role', () => {
  it('gives a specialist their own list first, a leader the approvals, everyone the ward', () => {
    expect(tabsFor({ roles: ['specialist'], wardId: 'an-khe' })).toEqual(['assigned', 'overview']);
    expect(tabsFor({ roles: ['leader'], wardId: 'an-khe' })).toEqual(['approval', 'overview']);
    expect(tabsFor({ roles: ['clerk'], wardId: 'an-khe' })).toEqual(['overview']);
    expect(tabsFor({ roles: ['ward_admin'], wardId: 'an-khe' })).toEqual(['overview']);
  });

  it('gives officials, who have no ward, no tabs (they pick a ward)', () => {
    expect(tabsFor({ roles: ['district_official'] })).toEqual([]);
  });

  it('opens the tab the address names only when the user has it', () => {
    expect(pickTab(['assigned', 'overview'], 'overview')).toBe('overview');
    expect(pickTab(['assigned', 'overview'], 'approval')).toBe('assigned');
    expect(pickTab(['overview'], null)).toBe('overview');
  });
});

describe('Function: wardChoicesFor', () => {
  it('offers a district official the wards of their district only', () => {
    const choices = wardChoicesFor({ roles: ['district_official'], districtId: 'thanh-khe' }, units);
    expect(choices.map((c) => c.district.id)).toEqual(['thanh-khe']);
    expect(choices[0]?.wards.map((w) => w.id)).toContain('thanh-khe-tay');
  });

  it('offers the city every ward, by district, and a ward user none', () => {
    expect(wardChoicesFor({ roles: ['city_official'] }, units)).toHaveLength(districts.length);
    expect(wardChoicesFor({ roles: ['clerk'], districtId: 'thanh-khe' }, units)).toEqual([]);
  });
});
