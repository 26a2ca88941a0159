import * as z from 'zod';
import { httpHandler } from '#api/http';
import { procedures } from '#domain/catalogue/procedures';

const Query = z.object({
  /** Words of the name or the code; accents optional (`khai sinh` finds `Đăng ký khai sinh`). */
  q: z.string().trim().max(100).optional(),
  fieldId: z.string().max(64).optional(),
});

/** Folds Vietnamese to plain lower-case ASCII for accent-insensitive search. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** `GET /v1/procedures`: the procedure catalogue, optionally searched. */
export const handler = httpHandler({ access: 'public', query: Query }, async ({ query }) => {
  const words = fold(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const items = procedures.filter(
    (p) =>
      (!query.fieldId || p.fieldId === query.fieldId) &&
      words.every((w) => fold(`${p.id} ${p.name} ${p.nameEn}`).includes(w)),
  );
  return { status: 200, body: { items } };
});
