import { api } from '../../shared/api/client.ts';
import type { ScanDocument } from '../../shared/api/types.ts';
import { scanContentType, settableUploadHeaders, sha256Hex } from './scan-file.ts';

/** `POST /v1/dossiers/{code}/documents` → 201 (functions/handlers/documents/create.ts). */
interface UploadSlot {
  readonly documentId: string;
  readonly uploadUrl: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly completeUrl: string;
}

/** The storage refused the bytes (an expired URL, a checksum that does not match). */
export class StorageError extends Error {
  constructor(readonly status: number) {
    super(`the storage answered ${status}`);
    this.name = 'StorageError';
  }
}

export type UploadStage = 'preparing' | 'uploading' | 'checking';

/**
 * PUTs the bytes with XMLHttpRequest rather than fetch: only XHR reports upload progress.
 * The signed headers must go exactly as the API gave them, or the storage refuses the PUT.
 */
function put(slot: UploadSlot, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(slot.method, slot.uploadUrl);
    for (const [name, value] of settableUploadHeaders(slot.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new StorageError(xhr.status));
    xhr.onerror = () => reject(new StorageError(0));
    xhr.send(file);
  });
}

/**
 * Attaches one scan to a dossier: declares it (name, type, size, SHA-256), uploads the bytes
 * to the presigned URL, then asks the API to check and attach it (422 if the bytes are not
 * what was declared: the API deletes them).
 */
export async function uploadScan(
  code: string,
  file: File,
  district: string | undefined,
  report: (stage: UploadStage, fraction: number) => void,
): Promise<ScanDocument> {
  report('preparing', 0);
  const contentType = scanContentType(file.name, file.type);
  if (!contentType) throw new TypeError(`unsupported file ${file.name}`);
  const sha256 = await sha256Hex(await file.arrayBuffer());
  const path = `/v1/dossiers/${encodeURIComponent(code)}/documents`;
  const slot = await api<UploadSlot>(path, {
    method: 'POST',
    district,
    body: { name: file.name, kind: 'component', contentType, size: file.size, sha256 },
  });
  report('uploading', 0);
  await put(slot, file, (fraction) => report('uploading', fraction));
  report('checking', 1);
  return api<ScanDocument>(slot.completeUrl, { method: 'POST', district });
}
