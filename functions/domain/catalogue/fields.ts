import * as z from 'zod';

/** A field (lĩnh vực) of procedures, served at its own counters of the ward's reception room. */
export const Field = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  description: z.string().min(1).optional(),
  /** Counter numbers of the seed layout (appendix 1); a counter may serve several fields. */
  counters: z.array(z.int().min(1)).min(1),
});
export type Field = z.infer<typeof Field>;

/** The fields and counters of the seed (appendix 1), validated once at load so a bad edit fails fast. */
export const fields: readonly Field[] = z.array(Field).parse([
  { id: 'van-thu', name: 'Văn thư', nameEn: 'Clerical', counters: [1] },
  { id: 'chung-thuc', name: 'Chứng thực', nameEn: 'Certification', counters: [2, 3] },
  { id: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status', counters: [2, 3] },
  {
    id: 'xay-dung-nha-o-dat-dai',
    name: 'Xây dựng, nhà ở và đất đai',
    nameEn: 'Construction, housing and land',
    counters: [4],
  },
  {
    id: 'lao-dong-thuong-binh-xa-hoi',
    name: 'Lao động – Thương binh và Xã hội',
    nameEn: 'Labour, invalids and social affairs',
    counters: [5],
  },
  { id: 'thue', name: 'Thuế', nameEn: 'Tax', counters: [6] },
  {
    id: 'linh-vuc-khac',
    name: 'Lĩnh vực khác',
    nameEn: 'Other fields',
    description: 'Giao thông vận tải, giáo dục, tôn giáo, phòng cháy chữa cháy, bảo hiểm xã hội',
    counters: [7],
  },
  { id: 'tu-van', name: 'Tư vấn, hướng dẫn', nameEn: 'Advice and guidance', counters: [8] },
]);

const fieldsById = new Map(fields.map((f) => [f.id, f] as const));

if (fieldsById.size !== fields.length) throw new Error('fields: ids must be unique');

export function findField(id: string): Field | undefined {
  return fieldsById.get(id);
}
