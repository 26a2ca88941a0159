import type { District, Units, Ward } from '../../shared/api/types.ts';
import type { Principal } from '../../shared/auth/principal.ts';

/** The inbox's lists: a specialist's own dossiers, the leader's approvals, and the whole ward. */
export type InboxTab = 'assigned' | 'approval' | 'overview';

/** The tabs a user of a ward sees, their main one first; none for officials, who pick a ward. */
export function tabsFor(principal: Pick<Principal, 'roles' | 'wardId'>): InboxTab[] {
  if (!principal.wardId) return [];
  const tabs: InboxTab[] = [];
  if (principal.roles.includes('specialist')) tabs.push('assigned');
  if (principal.roles.includes('leader')) tabs.push('approval');
  tabs.push('overview');
  return tabs;
}

/** The tab the address asks for when the user has it, else their first. */
export function pickTab(tabs: readonly InboxTab[], requested: string | null): InboxTab | undefined {
  return tabs.find((t) => t === requested) ?? tabs[0];
}

/** Wards an official may look into, by district: their own district's, or the whole city's. */
export function wardChoicesFor(
  principal: Pick<Principal, 'roles' | 'districtId'>,
  units: Pick<Units, 'districts'>,
): { district: District; wards: readonly Ward[] }[] {
  const all = units.districts.map((district) => ({ district, wards: district.wards }));
  if (principal.roles.includes('city_official')) return all;
  if (principal.roles.includes('district_official'))
    return all.filter((c) => c.district.id === principal.districtId);
  return [];
}
