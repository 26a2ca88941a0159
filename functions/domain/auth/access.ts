import { findWard } from '../catalogue/units.ts';
import type { ReportScope } from '../stats/report-scope.ts';
import type { Principal, Role } from './principal.ts';

/** Roles whose holders work inside one ward. */
export const WARD_ROLES: readonly Role[] = ['clerk', 'specialist', 'leader', 'ward_admin'];

/**
 * Who may read a ward's dossiers: its own staff, the officials of its district, and the city.
 */
export function canReadWard(principal: Principal, wardId: string): boolean {
  const ward = findWard(wardId);
  if (!ward) return false;
  return principal.roles.some((role) => {
    if (role === 'city_official') return true;
    if (role === 'district_official') return principal.districtId === ward.districtId;
    return principal.wardId === wardId;
  });
}

/** Roles of the principal that act within this ward (officials only read). */
export function rolesInWard(principal: Principal, wardId: string): Role[] {
  if (principal.wardId !== wardId) return [];
  return principal.roles.filter((r) => WARD_ROLES.includes(r));
}

export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/**
 * Who may read a report (II.06a) over a scope: a city official any; a district official their
 * district and its wards; a ward leader or ward admin their own ward. Clerks and specialists
 * work dossiers, they get no reports.
 */
export function canReadReport(principal: Principal, scope: ReportScope): boolean {
  return principal.roles.some((role) => {
    if (role === 'city_official') return true;
    if (role === 'district_official') {
      if (!principal.districtId || scope.kind === 'city') return false;
      if (scope.kind === 'district') return scope.districtId === principal.districtId;
      return findWard(scope.wardId)?.districtId === principal.districtId;
    }
    if (role === 'leader' || role === 'ward_admin')
      return scope.kind === 'ward' && principal.wardId !== undefined && scope.wardId === principal.wardId;
    return false;
  });
}
