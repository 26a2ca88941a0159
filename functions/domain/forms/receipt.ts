import { parseDossierCode } from '../dossier/code.ts';
import {
  applicantBlocks,
  collectionPoint,
  committeeOf,
  type FormInput,
  formIdentity,
  procedureName,
} from './common.ts';
import { formatDate, formatDateTime, twoDigits } from './format.ts';
import { DOCUMENT_FORM_LABEL } from './labels.ts';
import { type Block, type FormDocument, type FormPage, paragraph, value } from './layout.ts';

const TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

/**
 * Form 01, the receipt and appointment, in two copies: one for the applicant (with the lookup
 * key when the caller proved it) and one kept at the counter (never with the key).
 */
export function receiptForm(input: FormInput): FormDocument {
  const { dossier, lookupKey, webOrigin } = input;
  const link = lookupKey && webOrigin ? publicLookupUrl(webOrigin, dossier.code, lookupKey) : undefined;
  const citizen: FormPage = {
    copy: 'Bản giao người nộp hồ sơ',
    blocks: receiptBlocks(input, lookupLine(lookupKey), link),
  };
  const office: FormPage = {
    copy: 'Bản lưu tại Bộ phận tiếp nhận và trả kết quả',
    blocks: receiptBlocks(input, 'Mã tra cứu hồ sơ: đã in trên bản giao người nộp hồ sơ.', undefined),
  };
  return {
    ...formIdentity('01', TITLE, input, dossier.receivedAt),
    pages: [citizen, office],
  };
}

/**
 * The web app's public lookup with the code and key filled in, for the applicant's QR code:
 * scanned, it shows the dossier's status with nothing to type.
 */
export function publicLookupUrl(webOrigin: string, code: string, key: string): string {
  const origin = webOrigin.replace(/\/+$/, '');
  return `${origin}/lookup?code=${encodeURIComponent(code)}&key=${encodeURIComponent(key)}`;
}

function lookupLine(key: string | undefined): string | { key: string } {
  return key ? { key } : 'Mã tra cứu hồ sơ: in trên Giấy tiếp nhận bản gốc giao người nộp hồ sơ.';
}

function receiptBlocks(
  input: FormInput,
  lookup: string | { key: string },
  link: string | undefined,
): Block[] {
  const { dossier, ward } = input;
  const sequence = parseDossierCode(dossier.code)?.sequence;
  const days = dossier.processingDays;
  return [
    { kind: 'title', text: TITLE },
    { kind: 'codes', value: dossier.code, ...(link ? { qr: link } : {}) },
    paragraph(`Bộ phận tiếp nhận và trả kết quả ${committeeOf(ward)} đã tiếp nhận hồ sơ của:`),
    ...applicantBlocks(dossier.applicant),
    paragraph('Nội dung yêu cầu giải quyết: ', value(procedureName(input))),
    paragraph('1. Thành phần hồ sơ nộp gồm:'),
    {
      kind: 'table',
      columns: [
        { header: 'TT', width: 0.07, align: 'center' },
        { header: 'Tên giấy tờ', width: 0.55 },
        { header: 'Hình thức', width: 0.24 },
        { header: 'Số lượng', width: 0.14, align: 'center' },
      ],
      rows: dossier.documents.map((d, i) => [
        String(i + 1),
        d.name,
        DOCUMENT_FORM_LABEL[d.form],
        String(d.quantity),
      ]),
    },
    paragraph('2. Số lượng hồ sơ: ', value(`${twoDigits(dossier.numberOfSets)} bộ`)),
    paragraph(
      '3. Thời gian giải quyết hồ sơ theo quy định: ',
      value(days === 0 ? 'trong ngày làm việc' : `${days} ngày làm việc`),
    ),
    paragraph('4. Thời gian nhận hồ sơ: ', value(formatDateTime(dossier.receivedAt))),
    paragraph('5. Thời gian trả kết quả giải quyết hồ sơ: ', value(formatDateTime(dossier.dueAt))),
    paragraph('6. Nơi nhận kết quả: ', value(collectionPoint(ward))),
    paragraph(
      'Vào Sổ theo dõi hồ sơ: số thứ tự ',
      value(sequence === undefined ? '…' : String(sequence).padStart(4, '0')),
      ' ngày ',
      value(formatDate(dossier.receivedAt)),
    ),
    typeof lookup === 'string'
      ? paragraph(lookup)
      : paragraph('Mã tra cứu hồ sơ: ', value(lookup.key), ' (dùng cùng mã hồ sơ để tra cứu trực tuyến).'),
    {
      kind: 'signatures',
      signers: [
        { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: dossier.applicant.fullName },
        { title: 'NGƯỜI TIẾP NHẬN', hint: '(Ký và ghi rõ họ tên)' },
      ],
    },
    {
      kind: 'note',
      text:
        'Giấy này được lập thành 02 bản: 01 bản giao người nộp hồ sơ, 01 bản lưu tại Bộ phận tiếp nhận ' +
        'và trả kết quả. Khi đến nhận kết quả, người nộp hồ sơ mang theo Giấy tiếp nhận này.',
    },
  ];
}
