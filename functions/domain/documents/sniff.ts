import type { ScanContentType } from './document.ts';

/** Bytes from the start of a file that sniffContentType needs. */
export const SNIFF_BYTES = 8;

const SIGNATURES: readonly { type: ScanContentType; bytes: readonly number[] }[] = [
  // `%PDF-`. Readers tolerate junk before it; scanners never write any, so the strict form is safer.
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the first segment's marker byte.
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // Little-endian `II*\0` and big-endian `MM\0*`; BigTIFF (43) as well, which large scans use.
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2b, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2b] },
];

/**
 * The scan type the first bytes of a file prove, or undefined for anything else. The declared
 * content type and file name are the uploader's word; these bytes are the file's.
 */
export function sniffContentType(head: Uint8Array): ScanContentType | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((b, i) => head[i] === b))?.type;
}
