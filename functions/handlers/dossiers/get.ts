import { dossiers } from '#adapters/repositories';
import { httpHandler } from '#api/http';
import { CodePath } from '#api/params';
import { dossierPage } from '#api/views';
import { canReadWard } from '#domain/auth/access';
import { ForbiddenError, NotFoundError } from '#domain/errors';

/** `GET /v1/dossiers/{code}`: the dossier with its history and the actions open to the caller. */
export const handler = httpHandler(
  { access: 'authenticated', path: CodePath },
  async ({ path, principal }) => {
    const found = await dossiers.findWithHistory(path.code);
    if (!found) throw new NotFoundError(`dossier ${path.code} not found`);
    if (!canReadWard(principal, found.dossier.wardId)) {
      throw new ForbiddenError(`dossier ${path.code} belongs to another ward`);
    }
    return { status: 200, body: dossierPage(found.dossier, found.history, principal) };
  },
);
