import type { District, Ward } from '#domain/catalogue/units';

/** What a report covers: the whole city, one district or one ward. */
export type ReportScope =
  | { readonly kind: 'city' }
  | { readonly kind: 'district'; readonly districtId: string }
  | { readonly kind: 'ward'; readonly wardId: string };

/** The administrative units a report knows: the city and its districts with their wards, in order. */
export interface ReportUnits {
  readonly city: { readonly id: string; readonly name: string };
  readonly districts: readonly District[];
}

/** Reads `city`, `district:<id>` or `ward:<id>`; undefined for anything else or an unknown id. */
export function parseReportScope(text: string, units: ReportUnits): ReportScope | undefined {
  if (text === 'city') return { kind: 'city' };
  const m = /^(district|ward):([a-z0-9-]+)$/.exec(text);
  if (!m?.[2]) return undefined;
  const id = m[2];
  if (m[1] === 'district') return findDistrict(units, id) ? { kind: 'district', districtId: id } : undefined;
  return findWard(units, id) ? { kind: 'ward', wardId: id } : undefined;
}

/** The scope written as in the query: `city`, `district:hai-chau`, `ward:hai-chau-i`. */
export function formatReportScope(scope: ReportScope): string {
  if (scope.kind === 'city') return 'city';
  return scope.kind === 'district' ? `district:${scope.districtId}` : `ward:${scope.wardId}`;
}

/** The wards a scope covers, in the order of the units list. */
export function wardsInScope(scope: ReportScope, units: ReportUnits): Ward[] {
  if (scope.kind === 'city') return units.districts.flatMap((d) => d.wards);
  if (scope.kind === 'district') return [...(findDistrict(units, scope.districtId)?.wards ?? [])];
  const ward = findWard(units, scope.wardId);
  return ward ? [ward] : [];
}

/** The Vietnamese name of the unit a scope covers (`Thành phố Đà Nẵng`, `Quận Hải Châu`…). */
export function scopeName(scope: ReportScope, units: ReportUnits): string {
  if (scope.kind === 'city') return units.city.name;
  if (scope.kind === 'district') return findDistrict(units, scope.districtId)?.name ?? scope.districtId;
  return findWard(units, scope.wardId)?.name ?? scope.wardId;
}

export function findDistrict(units: ReportUnits, districtId: string): District | undefined {
  return units.districts.find((d) => d.id === districtId);
}

export function findWard(units: ReportUnits, wardId: string): Ward | undefined {
  for (const district of units.districts) {
    const ward = district.wards.find((w) => w.id === wardId);
    if (ward) return ward;
  }
  return undefined;
}
