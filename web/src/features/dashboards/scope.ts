import type { ReportScope } from '../../../../functions/domain/stats/report-scope.ts';
import type { Principal } from '../../shared/auth/principal.ts';

/** What the dashboards show: the whole city, one district or one ward (as the API's `scope`). */
export type Scope = ReportScope;

/** The units the scopes name: `GET /v1/units`. */
export interface ScopeUnits {
  readonly city: { readonly id: string; readonly name: string };
  readonly districts: readonly {
    readonly id: string;
    readonly name: string;
    readonly wards: readonly { readonly id: string; readonly name: string }[];
  }[];
}

const CITY: Scope = { kind: 'city' };

function districtOf(units: ScopeUnits, wardId: string) {
  return units.districts.find((d) => d.wards.some((w) => w.id === wardId));
}

/** Reads `city`, `district:<id>` or `ward:<id>` of a known unit; undefined otherwise. */
export function parseScope(text: string | null | undefined, units: ScopeUnits): Scope | undefined {
  if (text === 'city') return CITY;
  const m = /^(district|ward):([a-z0-9-]+)$/.exec(text ?? '');
  const id = m?.[2];
  if (!id) return undefined;
  if (m[1] === 'district')
    return units.districts.some((d) => d.id === id) ? { kind: 'district', districtId: id } : undefined;
  return districtOf(units, id) ? { kind: 'ward', wardId: id } : undefined;
}

export function formatScope(scope: Scope): string {
  if (scope.kind === 'city') return 'city';
  return scope.kind === 'district' ? `district:${scope.districtId}` : `ward:${scope.wardId}`;
}

/** The widest scope a user may see: the city, their district or their ward. */
export function homeScope(principal: Principal, units: ScopeUnits): Scope | undefined {
  const { roles } = principal;
  if (roles.includes('city_official')) return CITY;
  if (roles.includes('district_official') && principal.districtId)
    return { kind: 'district', districtId: principal.districtId };
  if ((roles.includes('leader') || roles.includes('ward_admin')) && principal.wardId) {
    return districtOf(units, principal.wardId) ? { kind: 'ward', wardId: principal.wardId } : undefined;
  }
  return undefined;
}

/** Whether `scope` lies inside `home` (a scope holds itself). */
export function holds(home: Scope, scope: Scope, units: ScopeUnits): boolean {
  if (home.kind === 'city') return true;
  if (home.kind === 'ward') return scope.kind === 'ward' && scope.wardId === home.wardId;
  if (scope.kind === 'district') return scope.districtId === home.districtId;
  return scope.kind === 'ward' && districtOf(units, scope.wardId)?.id === home.districtId;
}

/** The Vietnamese name of a scope's unit. */
export function scopeName(scope: Scope, units: ScopeUnits): string {
  if (scope.kind === 'city') return units.city.name;
  if (scope.kind === 'district')
    return units.districts.find((d) => d.id === scope.districtId)?.name ?? scope.districtId;
  return districtOf(units, scope.wardId)?.wards.find((w) => w.id === scope.wardId)?.name ?? scope.wardId;
}

/** The scopes from `home` down to `scope`, for the breadcrumb (just `scope` when outside `home`). */
export function trail(home: Scope, scope: Scope, units: ScopeUnits): Scope[] {
  if (!holds(home, scope, units)) return [scope];
  const chain: Scope[] = [CITY];
  const districtId =
    scope.kind === 'district'
      ? scope.districtId
      : scope.kind === 'ward'
        ? districtOf(units, scope.wardId)?.id
        : undefined;
  if (districtId) chain.push({ kind: 'district', districtId });
  if (scope.kind === 'ward') chain.push(scope);
  const start = chain.findIndex((s) => formatScope(s) === formatScope(home));
  return chain.slice(Math.max(0, start));
}

/** The scope one level down for a breakdown row's key (a ward's breakdown is by field: none). */
export function childScope(scope: Scope, key: string): Scope | undefined {
  if (scope.kind === 'city') return { kind: 'district', districtId: key };
  if (scope.kind === 'district') return { kind: 'ward', wardId: key };
  return undefined;
}

/**
 * The district whose API answers for a scope. In the cloud each district has its own API; any of
 * them answers for the city.
 */
export function apiDistrict(scope: Scope, units: ScopeUnits): string | undefined {
  if (scope.kind === 'city') return undefined;
  if (scope.kind === 'district') return scope.districtId;
  return districtOf(units, scope.wardId)?.id;
}
