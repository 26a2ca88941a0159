import { documents, dossiers } from '#adapters/repositories';
import { scansBucketFor } from '#adapters/s3';
import { presignDownload } from '#adapters/scan-urls';
import { inlineDisposition } from '#api/content-disposition';
import { httpHandler } from '#api/http';
import { DocumentPath } from '#api/params';
import { documentView } from '#api/views';
import { canReadWard } from '#domain/auth/access';
import { ForbiddenError, NotFoundError } from '#domain/errors';

/**
 * `GET /v1/dossiers/{code}/documents/{documentId}`: a completed scan with a presigned GET URL
 * that shows it inline under its own name for five minutes.
 */
export const handler = httpHandler(
  { access: 'authenticated', path: DocumentPath },
  async ({ path, principal, now }) => {
    const dossier = await dossiers.find(path.code);
    if (!dossier) throw new NotFoundError(`dossier ${path.code} not found`);
    if (!canReadWard(principal, dossier.wardId))
      throw new ForbiddenError(`dossier ${path.code} belongs to another ward`);
    const document = await documents.find(dossier.code, path.documentId);
    // A pending upload is not part of the dossier yet; it is listed nowhere either.
    if (document?.state !== 'complete')
      throw new NotFoundError(`no completed document ${path.documentId} in dossier ${dossier.code}`);
    const download = await presignDownload(
      {
        bucket: scansBucketFor(dossier.districtId),
        key: document.key,
        contentType: document.contentType,
        contentDisposition: inlineDisposition(document.name),
      },
      now,
    );
    return {
      status: 200,
      body: { ...documentView(document), downloadUrl: download.url, expiresAt: download.expiresAt },
    };
  },
);
