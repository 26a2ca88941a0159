import { documents, dossiers } from '#adapters/repositories';
import { httpHandler } from '#api/http';
import { CodePath } from '#api/params';
import { documentView } from '#api/views';
import { canReadWard } from '#domain/auth/access';
import { ForbiddenError, NotFoundError } from '#domain/errors';

/** `GET /v1/dossiers/{code}/documents`: the dossier's completed scans in upload order. */
export const handler = httpHandler(
  { access: 'authenticated', path: CodePath },
  async ({ path, principal }) => {
    const dossier = await dossiers.find(path.code);
    if (!dossier) throw new NotFoundError(`dossier ${path.code} not found`);
    if (!canReadWard(principal, dossier.wardId))
      throw new ForbiddenError(`dossier ${path.code} belongs to another ward`);
    const items = await documents.listComplete(dossier.code);
    return { status: 200, body: { items: items.map(documentView) } };
  },
);
