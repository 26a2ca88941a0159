import * as z from 'zod';
import { listWardDossiers } from '#adapters/dossier-list';
import { httpHandler } from '#api/http';
import { BooleanParam, getWard, WardPath } from '#api/params';
import { staffView } from '#api/views';
import { canReadWard } from '#domain/auth/access';
import { DossierStatus } from '#domain/dossier/status';
import { ForbiddenError } from '#domain/errors';

const Query = z.object({
  status: DossierStatus.optional(),
  assignee: z.string().min(1).max(128).optional(),
  overdue: BooleanParam.optional(),
  cursor: z.string().min(1).max(2000).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a number from 1 to 100')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, 'must be from 1 to 100')
    .optional(),
});

/**
 * `GET /v1/wards/{wardId}/dossiers`: a page of the ward's dossiers by due time (open ones unless
 * a status is asked for); `cursor` continues where the previous page stopped.
 */
export const handler = httpHandler(
  { access: 'authenticated', path: WardPath, query: Query },
  async ({ path, query, principal, now }) => {
    const ward = getWard(path.wardId);
    if (!canReadWard(principal, ward.id))
      throw new ForbiddenError(`you may not read the dossiers of ward ${ward.id}`);
    const page = await listWardDossiers(ward, { ...query, limit: query.limit ?? 50, now });
    return { status: 200, body: { items: page.items.map(staffView), cursor: page.cursor ?? null } };
  },
);
