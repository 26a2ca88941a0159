import type { DossierDocument } from './document.ts';
import { sniffContentType } from './sniff.ts';

/** What the stored object turned out to be. */
export interface UploadedObject {
  /** Bytes stored. */
  readonly size: number;
  /** SHA-256 of the bytes read, lowercase hex; absent when reading stopped early (too large). */
  readonly sha256?: string;
  /** The first bytes of the object (at least SNIFF_BYTES when it has that many). */
  readonly head: Uint8Array;
}

/** Why an upload is refused, naming the declared field it contradicts. */
export interface UploadProblem {
  readonly field: 'size' | 'sha256' | 'contentType';
  readonly reason: string;
}

/**
 * Checks an uploaded object against what was declared: its size, its SHA-256, and magic bytes
 * that prove the declared type. S3 already enforces the first two on a presigned upload; they
 * are checked again because the local stand-in does not, and a check costs one read.
 */
export function verifyUpload(declared: DossierDocument, actual: UploadedObject): UploadProblem | undefined {
  if (actual.size !== declared.size) {
    return { field: 'size', reason: `the file has ${actual.size} bytes, ${declared.size} were declared` };
  }
  if (actual.sha256 !== declared.sha256) {
    return { field: 'sha256', reason: 'the SHA-256 of the file differs from the one declared' };
  }
  const sniffed = sniffContentType(actual.head);
  if (sniffed !== declared.contentType) {
    const what = sniffed ?? 'not a PDF, JPEG, PNG or TIFF file';
    return { field: 'contentType', reason: `the file is ${what}, but ${declared.contentType} was declared` };
  }
  return undefined;
}
