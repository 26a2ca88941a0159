import * as z from 'zod';
import data from '../../config/units.json' with { type: 'json' };

/** A ward or commune People's Committee: one reception unit with its own dossier codes. */
export const Ward = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  districtId: z.string(),
  /** Receiving-unit code of Circular 01/2018 art. 19, the prefix of every dossier code. */
  agencyCode: z.string().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/),
});
export type Ward = z.infer<typeof Ward>;

export const District = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  wards: z.array(Ward).min(1),
});
export type District = z.infer<typeof District>;

export const city = z.object({ id: z.string(), name: z.string() }).parse(data.city);

/** Districts with their wards, validated once at load so a bad configuration fails fast. */
export const districts: readonly District[] = z
  .array(District)
  .parse(data.districts.map((d) => ({ ...d, wards: d.wards.map((w) => ({ ...w, districtId: d.id })) })));

const wardsById = new Map(districts.flatMap((d) => d.wards.map((w) => [w.id, w] as const)));
const wardsByAgencyCode = new Map(districts.flatMap((d) => d.wards.map((w) => [w.agencyCode, w] as const)));
const districtsById = new Map(districts.map((d) => [d.id, d] as const));

if (wardsById.size !== wardsByAgencyCode.size) throw new Error('units.json: agency codes must be unique');

export const allWards: readonly Ward[] = [...wardsById.values()];

export function findWard(wardId: string): Ward | undefined {
  return wardsById.get(wardId);
}

export function findWardByAgencyCode(agencyCode: string): Ward | undefined {
  return wardsByAgencyCode.get(agencyCode);
}

export function findDistrict(districtId: string): District | undefined {
  return districtsById.get(districtId);
}
