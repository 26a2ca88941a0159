import type { ScanContentType } from '../../../../functions/domain/documents/document.ts';

/** The API's limit on one scan (functions/domain/documents/document.ts). */
export const MAX_SCAN_BYTES = 50 * 1024 * 1024;

/** What the file picker offers: the types scanners produce and the API can check. */
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

const BY_ENDING: Readonly<Record<string, ScanContentType>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};
const TYPES = new Set<string>(Object.values(BY_ENDING));

/**
 * The content type to declare for a file: its name's ending decides when it has one the API
 * knows (the API refuses a name whose ending names another type); else what the browser says.
 */
export function scanContentType(name: string, browserType: string): ScanContentType | undefined {
  const ending = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  const named = ending ? BY_ENDING[ending] : undefined;
  if (named) return named;
  if (ending) return undefined;
  return TYPES.has(browserType) ? (browserType as ScanContentType) : undefined;
}

/** Why a file cannot be sent at all, before asking the API. */
export function scanRefusal(file: {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}): 'type' | 'empty' | 'tooLarge' | undefined {
  if (!scanContentType(file.name, file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_SCAN_BYTES) return 'tooLarge';
  return undefined;
}

/** SHA-256 of the bytes as 64 hex digits, as the upload request declares it. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `1,2 MB`, `340 KB`: a file's size as the list shows it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Headers of the presigned PUT that a script may set. A browser sets Content-Length itself
 * from the body and refuses to let a script set it; the body is exactly the declared bytes.
 */
export function settableUploadHeaders(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length');
}
