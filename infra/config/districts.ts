import { type District, districts } from '#domain/catalogue/units';

/**
 * The typed unit configuration the stacks are built from: the seven districts of
 * functions/config/units.json with their wards (validated by zod when loaded). A district's
 * wards share one deployment.
 */
export const allDistricts: readonly District[] = districts;

/** Every district id, in the order of the unit configuration. */
export const districtIds: readonly string[] = districts.map((d) => d.id);

/** An unknown district was asked for; the message lists the known ones. */
export class UnknownDistrictError extends Error {
  constructor(readonly districtId: string) {
    super(`unknown district '${districtId}': expected one of ${districtIds.join(', ')}`);
    this.name = 'UnknownDistrictError';
  }
}

/** The districts to build: the one named, or all of them when none is named. */
export function selectDistricts(districtId?: string): readonly District[] {
  if (districtId === undefined) return allDistricts;
  const district = allDistricts.find((d) => d.id === districtId);
  if (!district) throw new UnknownDistrictError(districtId);
  return [district];
}
