import * as z from 'zod';
import { httpHandler } from '#api/http';
import { findProcedure } from '#domain/catalogue/procedures';
import { NotFoundError } from '#domain/errors';

/** `GET /v1/procedures/{id}`. */
export const handler = httpHandler(
  { access: 'public', path: z.object({ id: z.string().min(1).max(50) }) },
  async ({ path }) => {
    const procedure = findProcedure(path.id);
    if (!procedure) throw new NotFoundError(`unknown procedure '${path.id}'`);
    return { status: 200, body: procedure };
  },
);
