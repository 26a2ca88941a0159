import { committeeOf, type FormInput, formIdentity, latestOf, receptionOpening } from './common.ts';
import { formatDateTime } from './format.ts';
import { type FormDocument, paragraph, value } from './layout.ts';

const TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

/**
 * Form 03: a refusal at reception (the intake row) or the leader's rejection (the `reject`
 * row), with that row's reason and date.
 */
export function refusalForm(input: FormInput): FormDocument {
  const { dossier, ward } = input;
  const refusal = latestOf(input.history, 'refuse', 'reject');
  const at = refusal?.at ?? dossier.finishedAt ?? dossier.receivedAt;
  const reason = refusal?.reason ?? dossier.reason ?? '…';
  const atReception = refusal ? refusal.action === 'refuse' : dossier.status === 'refused';
  return {
    ...formIdentity('03', TITLE, input, at),
    pages: [
      {
        blocks: [
          ...receptionOpening(input, TITLE),
          paragraph(
            atReception
              ? 'Sau khi xem xét, đối chiếu với quy định hiện hành, Bộ phận tiếp nhận và trả kết quả thông báo không tiếp nhận hồ sơ này với lý do cụ thể như sau:'
              : `Sau khi xem xét, giải quyết theo quy định, ${committeeOf(ward)} thông báo từ chối giải quyết hồ sơ này với lý do cụ thể như sau:`,
          ),
          paragraph({ value: reason }),
          paragraph('Thời điểm từ chối: ', value(formatDateTime(at)), '.'),
          paragraph('Xin thông báo để Ông/Bà được biết và thực hiện.'),
          {
            kind: 'signatures',
            signers: [
              { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: dossier.applicant.fullName },
              atReception
                ? { title: 'NGƯỜI TIẾP NHẬN', hint: '(Ký và ghi rõ họ tên)' }
                : { title: 'LÃNH ĐẠO UBND', hint: '(Ký, ghi rõ họ tên và đóng dấu)' },
            ],
          },
        ],
      },
    ],
  };
}
