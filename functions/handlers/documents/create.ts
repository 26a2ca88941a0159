import { monotonicFactory } from 'ulid';
import { documents, dossiers } from '#adapters/repositories';
import { scansBucketFor } from '#adapters/s3';
import { presignUpload } from '#adapters/scan-urls';
import { httpHandler } from '#api/http';
import { CodePath } from '#api/params';
import { assertRoomFor, attachingRole } from '#domain/documents/attach';
import { pendingDocument, UploadRequest } from '#domain/documents/document';
import { NotFoundError } from '#domain/errors';
import { toLocalIso } from '#domain/time';

// Monotonic, so pages uploaded one after another from this container sort in upload order.
const nextId = monotonicFactory();

/**
 * `POST /v1/dossiers/{code}/documents` (staff of the ward who act on dossiers): reserves a scan
 * and answers a presigned PUT URL for a key the server chose, with the headers to send.
 */
export const handler = httpHandler(
  { access: 'authenticated', path: CodePath, body: UploadRequest },
  async ({ path, body, principal, now }) => {
    const dossier = await dossiers.find(path.code);
    if (!dossier) throw new NotFoundError(`dossier ${path.code} not found`);
    attachingRole(principal, dossier);
    // Counted before the put: concurrent requests can pass this together, so completing a scan
    // checks the limit again, exactly, in the transaction that attaches it.
    assertRoomFor(dossier.code, await documents.countHeld(dossier.code, now));
    const document = pendingDocument(body, {
      documentId: nextId(now.getTime()),
      code: dossier.code,
      wardId: dossier.wardId,
      uploadedBy: principal.userId,
      createdAt: toLocalIso(now),
    });
    await documents.addPending(document);
    const upload = await presignUpload(
      {
        bucket: scansBucketFor(dossier.districtId),
        key: document.key,
        contentType: document.contentType,
        size: document.size,
        sha256Hex: document.sha256,
      },
      now,
    );
    const self = `/v1/dossiers/${encodeURIComponent(dossier.code)}/documents/${document.documentId}`;
    return {
      status: 201,
      headers: { location: self },
      body: {
        documentId: document.documentId,
        state: document.state,
        uploadUrl: upload.url,
        method: upload.method,
        headers: upload.headers,
        expiresAt: upload.expiresAt,
        completeUrl: `${self}/complete`,
      },
    };
  },
);
