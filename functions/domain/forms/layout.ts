import * as z from 'zod';

/** The forms of Circular 03/2025 the one-stop shop prints (one-stop-rules §3). */
export const FormId = z.enum(['01', '02', '03', '04', '06']);
export type FormId = z.infer<typeof FormId>;

/** A piece of text; bold marks the values filled in from the dossier. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
}

export interface TableColumn {
  readonly header: string;
  /** Share of the text width, 0–1; the columns of a table add up to 1. */
  readonly width: number;
  readonly align?: 'left' | 'center';
}

export interface Signer {
  /** Upper case, e.g. `NGƯỜI NỘP HỒ SƠ`. */
  readonly title: string;
  /** Under the title, e.g. `(Ký và ghi rõ họ tên)`. */
  readonly hint: string;
  /** Printed under the space for the signature, when known. */
  readonly name?: string;
}

/**
 * What a form says, with no notion of PDF or HTML: the renderers in functions/forms/ draw
 * the same blocks on paper and on screen.
 */
export type Block =
  | { readonly kind: 'title'; readonly text: string; readonly subtitle?: string }
  | { readonly kind: 'paragraph'; readonly runs: readonly TextRun[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly string[])[];
    }
  /**
   * The dossier code as QR code and Code 128 barcode, with the code in text under them; `qr`,
   * when given, is what the QR code says instead of the bare code (a link to the public lookup).
   */
  | { readonly kind: 'codes'; readonly value: string; readonly qr?: string }
  | { readonly kind: 'signatures'; readonly signers: readonly Signer[] }
  | { readonly kind: 'note'; readonly text: string };

/** The heading every page of a form starts with: the unit on the left, the national motto on the right. */
export interface FormHeader {
  /** e.g. `UBND PHƯỜNG HẢI CHÂU I`, `BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ`. */
  readonly agency: readonly string[];
  readonly motto: readonly string[];
  /** e.g. `Hải Châu I, ngày 02/03/2026`; absent on forms that carry no date line. */
  readonly placeDate?: string;
}

/** One sheet; a form printed in two copies (01) has a page per copy. */
export interface FormPage {
  /** e.g. `Bản giao người nộp hồ sơ`. */
  readonly copy?: string;
  readonly blocks: readonly Block[];
}

export interface FormDocument {
  readonly form: FormId;
  /** Document title (PDF metadata, HTML title). */
  readonly title: string;
  /** Suggested file name, ASCII, e.g. `mau-01-000.01.01.H17-260302-0001.pdf` without the extension. */
  readonly fileName: string;
  readonly header: FormHeader;
  readonly pages: readonly FormPage[];
  /** The time the document is dated by (PDF creation date); fixed, so equal input renders equal bytes. */
  readonly issuedAt: string;
}

/** A paragraph of runs: plain text, then bold values, alternating (`label`, value, `label`, value…). */
export function paragraph(...parts: (string | { value: string })[]): Block {
  return {
    kind: 'paragraph',
    runs: parts.map((p) => (typeof p === 'string' ? { text: p } : { text: p.value, bold: true })),
  };
}

/** A bold value run for `paragraph`. */
export const value = (text: string) => ({ value: text });
