import * as z from 'zod';
import { isIsoInstant } from '../time.ts';

/** A scan may be at most this large: a 300 dpi colour A4 page set fits comfortably. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Scans a dossier may hold, pending uploads included. */
export const MAX_DOCUMENTS_PER_DOSSIER = 200;
/** Pages of one scan uploaded as separate images. */
export const MAX_PAGES = 500;

/** What scanners produce and what the magic bytes can prove: PDF, JPEG, PNG, TIFF. */
export const ScanContentType = z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']);
export type ScanContentType = z.infer<typeof ScanContentType>;

/** File name endings that name a content type; a name ending otherwise is accepted as is. */
const EXTENSIONS: Record<string, ScanContentType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

/** What a scan is in the dossier, for the dossier page and the archive. */
export const DocumentKind = z.enum(['component', 'supplement', 'result', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DOCUMENT_KIND_LABEL = {
  component: 'Thành phần hồ sơ',
  supplement: 'Hồ sơ bổ sung',
  result: 'Kết quả giải quyết',
  other: 'Tài liệu khác',
} as const satisfies Record<DocumentKind, string>;

/** Half of a UTF-16 pair on its own: JSON can carry one, UTF-8 (and so S3 headers) cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const Sha256Hex = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the file as 64 hex digits')
  .transform((s) => s.toLowerCase());

/**
 * `POST /v1/dossiers/{code}/documents`: what the uploader declares before uploading. The
 * presigned URL binds the upload to exactly these values.
 */
export const UploadRequest = z
  .object({
    name: z
      .string()
      .transform((s) => s.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, 'is required')
          .max(255, 'must be at most 255 characters')
          // Shown in download headers and lists: no control characters, no path separators.
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
          .regex(/^[^\u0000-\u001f\u007f/\\]+$/, 'must not contain control characters, / or \\')
          .refine((s) => !LONE_SURROGATE.test(s), 'must be valid Unicode text'),
      ),
    kind: DocumentKind,
    contentType: ScanContentType,
    size: z
      .number()
      .int('must be a whole number of bytes')
      .min(1, 'must be at least 1 byte')
      .max(MAX_DOCUMENT_BYTES, `must be at most ${MAX_DOCUMENT_BYTES} bytes (50 MB)`),
    sha256: Sha256Hex,
    /** Page number when a multi-page scan is uploaded as one image per page (same name, pages 1…n). */
    page: z.number().int().min(1).max(MAX_PAGES).optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    const ending = /\.([A-Za-z]+)$/.exec(req.name)?.[1]?.toLowerCase();
    const named = ending ? EXTENSIONS[ending] : undefined;
    if (named && named !== req.contentType) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `ends in .${ending}, which does not match contentType ${req.contentType}`,
      });
    }
  });
export type UploadRequest = z.infer<typeof UploadRequest>;

const IsoInstant = z.string().refine(isIsoInstant, 'must be an ISO-8601 date-time with offset');

/**
 * A scan of a dossier. `pending` from the moment an upload URL is handed out; `complete` once
 * the object was checked and the attachment written to the dossier's history.
 */
export const DossierDocument = z.object({
  documentId: z.string(),
  code: z.string(),
  wardId: z.string(),
  name: z.string(),
  kind: DocumentKind,
  contentType: ScanContentType,
  size: z.number().int(),
  sha256: z.string(),
  page: z.number().int().optional(),
  /** The object key, chosen by the server: `<ward>/<code>/<documentId>`. */
  key: z.string(),
  state: z.enum(['pending', 'complete']),
  uploadedBy: z.string(),
  createdAt: IsoInstant,
  completedAt: IsoInstant.optional(),
});
export type DossierDocument = z.infer<typeof DossierDocument>;

/** The object key of a scan; nothing in it comes from the client (ARCHITECTURE §3, infra/buckets.ts). */
export function documentKey(wardId: string, code: string, documentId: string): string {
  return `${wardId}/${code}/${documentId}`;
}

/** Builds the pending document for an upload request. */
export function pendingDocument(
  request: UploadRequest,
  ids: { documentId: string; code: string; wardId: string; uploadedBy: string; createdAt: string },
): DossierDocument {
  const document: DossierDocument = {
    documentId: ids.documentId,
    code: ids.code,
    wardId: ids.wardId,
    name: request.name,
    kind: request.kind,
    contentType: request.contentType,
    size: request.size,
    sha256: request.sha256,
    key: documentKey(ids.wardId, ids.code, ids.documentId),
    state: 'pending',
    uploadedBy: ids.uploadedBy,
    createdAt: ids.createdAt,
  };
  if (request.page !== undefined) document.page = request.page;
  return document;
}
