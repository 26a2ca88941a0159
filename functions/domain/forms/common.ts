import type { Procedure } from '../catalogue/procedures.ts';
import type { Ward } from '../catalogue/units.ts';
import type { Applicant, Dossier, HistoryEntry } from '../dossier/dossier.ts';
import type { LocalDate } from '../time.ts';
import { formatDate, formatDateTime } from './format.ts';
import { type Block, type FormHeader, type FormId, paragraph, value } from './layout.ts';

/** Everything a form is built from; the builders are pure functions of it. */
export interface FormInput {
  readonly dossier: Dossier;
  readonly history: readonly HistoryEntry[];
  readonly ward: Ward;
  /** From the catalogue; a procedure since removed from it prints by its id. */
  readonly procedure?: Procedure;
  readonly now: Date;
  /** Form 01: the lookup key, only when the caller proved it matches the stored hash. */
  readonly lookupKey?: string;
  /** The web app's origin: with the lookup key, form 01's QR code opens the public lookup there. */
  readonly webOrigin?: string;
  /** Form 04: the new return date and why the dossier is late. */
  readonly apology?: { readonly newDueAt: LocalDate; readonly reason?: string };
}

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** `UBND Phường Hải Châu I`. */
export function committeeOf(ward: Ward): string {
  return `UBND ${ward.name}`;
}

/** Where results are handed back (form 01 "nơi nhận kết quả"). */
export function collectionPoint(ward: Ward): string {
  return `Bộ phận tiếp nhận và trả kết quả, ${committeeOf(ward)}`;
}

/** The page heading, dated `at` when given: `Hải Châu I, ngày 02/03/2026`. */
export function formHeader(ward: Ward, at?: string): FormHeader {
  const agency = [committeeOf(ward).toLocaleUpperCase('vi'), 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ'];
  if (!at) return { agency, motto: MOTTO };
  const place = ward.name.replace(/^(Phường|Xã|Thị trấn)\s+/, '');
  return { agency, motto: MOTTO, placeDate: `${place}, ngày ${formatDate(at)}` };
}

export function procedureName(input: FormInput): string {
  return input.procedure?.name ?? `Thủ tục ${input.dossier.procedureId}`;
}

/** The applicant's lines: name always, the contact details the dossier has. */
export function applicantBlocks(applicant: Applicant): Block[] {
  const blocks = [paragraph('Ông/Bà: ', value(applicant.fullName))];
  if (applicant.address) blocks.push(paragraph('Địa chỉ: ', value(applicant.address)));
  if (applicant.phone) blocks.push(paragraph('Số điện thoại: ', value(applicant.phone)));
  if (applicant.email) blocks.push(paragraph('Email: ', value(applicant.email)));
  return blocks;
}

/** `mau-01-000.01.01.H17-260302-0001`: ASCII, so every browser and printer queue keeps it. */
export function formFileName(form: FormId, code: string): string {
  return `mau-${form}-${code}`;
}

/** The latest history row of one of these actions. */
export function latestOf(history: readonly HistoryEntry[], ...actions: HistoryEntry['action'][]) {
  return history.findLast((entry) => actions.includes(entry.action));
}

/**
 * What identifies a form document: its number, title with the dossier code, file name, and the
 * header dated `issuedAt` (undated for the running slip, form 06).
 */
export function formIdentity(form: FormId, title: string, input: FormInput, issuedAt: string, dated = true) {
  const { code } = input.dossier;
  return {
    form,
    title: `${title} - ${code}`,
    fileName: formFileName(form, code),
    header: formHeader(input.ward, dated ? issuedAt : undefined),
    issuedAt,
  };
}

/** The opening of forms 02, 03 and 04: when and from whom the dossier was received, and what it asks. */
export function receptionOpening(input: FormInput, title: string): Block[] {
  const { dossier, ward } = input;
  return [
    { kind: 'title', text: title, subtitle: `Mã hồ sơ: ${dossier.code}` },
    paragraph(
      `Bộ phận tiếp nhận và trả kết quả ${committeeOf(ward)} tiếp nhận hồ sơ lúc `,
      value(formatDateTime(dossier.receivedAt)),
      ' của:',
    ),
    ...applicantBlocks(dossier.applicant),
    paragraph('Nội dung yêu cầu giải quyết: ', value(procedureName(input))),
  ];
}
