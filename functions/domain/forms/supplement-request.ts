import { committeeOf, type FormInput, formIdentity, latestOf, receptionOpening } from './common.ts';
import { formatDateTime } from './format.ts';
import { ROLE_UNIT } from './labels.ts';
import { type FormDocument, paragraph, value } from './layout.ts';

const TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

/** Form 02, from the latest supplement request in the history: what is missing and whom to ask. */
export function supplementRequestForm(input: FormInput): FormDocument {
  const { dossier, ward } = input;
  const request = latestOf(input.history, 'request_supplement');
  if (!request) throw new RangeError('form 02 needs a supplement request in the history');
  const reason = request.reason ?? dossier.reason ?? '';
  // One row per line the official wrote; a single reason stays a single row.
  const items = reason
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    ...formIdentity('02', TITLE, input, request.at),
    pages: [
      {
        blocks: [
          ...receptionOpening(input, TITLE),
          paragraph('Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:'),
          {
            kind: 'table',
            columns: [
              { header: 'TT', width: 0.08, align: 'center' },
              { header: 'Nội dung cần bổ sung, hoàn thiện và lý do', width: 0.92 },
            ],
            rows: (items.length > 0 ? items : ['…']).map((item, i) => [String(i + 1), item]),
          },
          paragraph(
            'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ',
            value(`${ROLE_UNIT[request.actor.role]} (${request.actor.userId})`),
            ` hoặc Bộ phận tiếp nhận và trả kết quả ${committeeOf(ward)} để được hướng dẫn.`,
          ),
          paragraph(
            'Thời gian giải quyết hồ sơ tạm dừng từ ',
            value(formatDateTime(request.at)),
            ' cho đến khi nhận đủ hồ sơ bổ sung.',
          ),
          {
            kind: 'signatures',
            signers: [
              { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: dossier.applicant.fullName },
              { title: 'NGƯỜI HƯỚNG DẪN', hint: '(Ký và ghi rõ họ tên)' },
            ],
          },
        ],
      },
    ],
  };
}
