import * as z from 'zod';
import { dossiers } from '#adapters/repositories';
import { httpHandler } from '#api/http';
import { publicView } from '#api/views';
import { matchesLookupKey } from '#domain/dossier/lookup-key';
import { NotFoundError } from '#domain/errors';

/**
 * `GET /v1/public/dossiers/{code}?key=…` (no login): status for the citizen. A wrong or missing
 * key answers exactly like an unknown code, so codes cannot be probed.
 */
export const handler = httpHandler(
  // No length rules here: a malformed code or key must answer the same 404 as an unknown one.
  { access: 'public', path: z.object({ code: z.string() }), query: z.object({ key: z.string().optional() }) },
  async ({ path, query }) => {
    const dossier = query.key ? await dossiers.find(path.code) : undefined;
    if (!dossier || !query.key || !matchesLookupKey(dossier.code, query.key, dossier.lookupKeyHash)) {
      throw new NotFoundError('no dossier with this code and key');
    }
    return { status: 200, body: publicView(dossier) };
  },
);
