import { documents, dossiers } from '#adapters/repositories';
import { scansBucketFor } from '#adapters/s3';
import { deleteObject, inspectObject } from '#adapters/scan-objects';
import { httpHandler } from '#api/http';
import { DocumentPath } from '#api/params';
import { documentView } from '#api/views';
import { attachDocument, attachingRole, DocumentLimitError } from '#domain/documents/attach';
import { verifyUpload } from '#domain/documents/verify-upload';
import { ConflictError, NotFoundError, UnprocessableError } from '#domain/errors';

/**
 * `POST /v1/dossiers/{code}/documents/{documentId}/complete`: checks the uploaded object (size,
 * SHA-256, magic bytes against the declared type) and attaches it to the dossier's history.
 * A file that fails is deleted with its reservation and answered 422; repeating a completed
 * call answers the document again.
 */
export const handler = httpHandler(
  { access: 'authenticated', path: DocumentPath },
  async ({ path, principal, now }) => {
    const dossier = await dossiers.find(path.code);
    if (!dossier) throw new NotFoundError(`dossier ${path.code} not found`);
    attachingRole(principal, dossier);
    const document = await documents.find(dossier.code, path.documentId);
    if (!document) throw new NotFoundError(`no document ${path.documentId} in dossier ${dossier.code}`);
    if (document.state === 'complete') return { status: 200, body: documentView(document) };

    const ref = { bucket: scansBucketFor(dossier.districtId), key: document.key };
    const uploaded = await inspectObject(ref, document.size);
    if (!uploaded) {
      throw new ConflictError(`nothing was uploaded for document ${document.documentId} yet`, {
        state: document.state,
      });
    }
    const discard = () => Promise.all([deleteObject(ref), documents.removePending(document)]);
    const problem = verifyUpload(document, uploaded);
    if (problem) {
      await discard();
      throw new UnprocessableError(`the upload was rejected and deleted: ${problem.reason}`, problem.field);
    }
    try {
      const completed = await documents.complete(document, (current) =>
        attachDocument(current, document, { principal, now }),
      );
      return { status: 200, body: documentView(completed) };
    } catch (error) {
      if (error instanceof DocumentLimitError) await discard();
      throw error;
    }
  },
);
