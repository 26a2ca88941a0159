import { api } from './api/client.ts';
import type { District, Field, Units, Ward } from './api/types.ts';
import { once } from './once.ts';

/** `GET /v1/units`, fetched once per page load: the city's units change with a deployment, not a session. */
export const loadUnits: () => Promise<Units> = once(() => api<Units>('/v1/units'));

/** `<agency code>-YYMMDD-XXXX` (Circular 01/2018 art. 19, functions/domain/dossier/code.ts). */
const CODE = /^(.+)-\d{6}-\d{4}$/;

/** True for a dossier code in the form printed on the receipt (after `normaliseCode`). */
export function isDossierCode(code: string): boolean {
  return CODE.test(code);
}

/** A code as typed (spaces, lower case) in the form printed on the receipt. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * The ward that received a dossier, read from its code's agency prefix; undefined for a malformed
 * code or an agency no ward has. The code may be typed with stray spaces or in lower case.
 */
export function wardOfCode(code: string, units: Pick<Units, 'districts'>): Ward | undefined {
  const agencyCode = CODE.exec(normaliseCode(code))?.[1];
  if (!agencyCode) return undefined;
  for (const district of units.districts)
    for (const ward of district.wards) if (ward.agencyCode.toUpperCase() === agencyCode) return ward;
  return undefined;
}

/**
 * The district whose API holds a dossier. The dossier names its district, but reading it needs
 * that district's API first, so the code's agency prefix decides.
 */
export function districtOfCode(code: string, units: Pick<Units, 'districts'>): string | undefined {
  return wardOfCode(code, units)?.districtId;
}

/** A ward by its id; its `districtId` names the API that holds its dossiers and queue. */
export function findWard(wardId: string, units: Pick<Units, 'districts'>): Ward | undefined {
  for (const district of units.districts) {
    const ward = district.wards.find((w) => w.id === wardId);
    if (ward) return ward;
  }
  return undefined;
}

/** The district of a ward, by its id. */
export function districtOfWard(wardId: string, units: Pick<Units, 'districts'>): District | undefined {
  return units.districts.find((d) => d.wards.some((w) => w.id === wardId));
}

/**
 * A field's name in the UI language from the units' field list; else `fallback` (a ward's queue
 * may name a field the list lacks), else its id.
 */
export function fieldName(
  fieldId: string,
  lang: 'vi' | 'en',
  fields: readonly Pick<Field, 'id' | 'name' | 'nameEn'>[] | undefined,
  fallback?: string,
): string {
  const field = fields?.find((f) => f.id === fieldId);
  if (field) return lang === 'en' ? field.nameEn : field.name;
  return fallback ?? fieldId;
}
