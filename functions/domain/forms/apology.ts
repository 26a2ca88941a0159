import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Dossier } from '../dossier/dossier.ts';
import { InvalidInputError } from '../errors.ts';
import { isLocalDate, type LocalDate, localDateOf, parseInstant } from '../time.ts';
import { isOverdue } from './applicability.ts';
import { committeeOf, type FormInput, formIdentity, receptionOpening } from './common.ts';
import { formatDateTime, formatLocalDate } from './format.ts';
import { type FormDocument, paragraph, value } from './layout.ts';

const TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';

/**
 * The new return date of form 04 must be a working day after the current due date (the new
 * date does not make the dossier on time, one-stop-rules §5); InvalidInputError otherwise.
 */
export function checkNewDueAt(
  newDueAt: string,
  dossier: Dossier,
  calendar: WorkingCalendar,
  field = 'newDueAt',
): LocalDate {
  if (!isLocalDate(newDueAt)) throw new InvalidInputError(field, 'must be a date YYYY-MM-DD');
  const due = localDateOf(parseInstant(dossier.dueAt));
  if (newDueAt <= due) {
    throw new InvalidInputError(field, `must be after the current due date ${formatLocalDate(due)}`);
  }
  if (!calendar.isWorkingDay(newDueAt)) {
    throw new InvalidInputError(field, `${formatLocalDate(newDueAt)} is not a working day`);
  }
  return newDueAt;
}

/** Form 04, the apology with a new return date, dated the day it is printed. */
export function apologyForm(input: FormInput): FormDocument {
  const { dossier, ward, apology } = input;
  if (!apology) throw new RangeError('form 04 needs the new return date');
  // Dated by the day (not the second) it is printed, so a reprint that day is the same document.
  const issuedAt = `${localDateOf(input.now)}T00:00:00+07:00`;
  const finished = !isOverdue(input);
  return {
    ...formIdentity('04', TITLE, input, issuedAt),
    pages: [
      {
        blocks: [
          ...receptionOpening(input, TITLE),
          paragraph('Thời hạn trả kết quả theo quy định: ', value(formatDateTime(dossier.dueAt)), '.'),
          paragraph(
            finished
              ? 'Hồ sơ của Ông/Bà đã được giải quyết nhưng quá thời hạn nêu trên.'
              : 'Đến nay, hồ sơ của Ông/Bà chưa được giải quyết xong theo đúng thời hạn nêu trên.',
          ),
          paragraph('Lý do: ', apology.reason ? value(apology.reason) : '…………………………………………………………………………'),
          paragraph(
            `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${committeeOf(ward)} thành thật xin lỗi Ông/Bà ` +
              'và hẹn trả kết quả vào ngày ',
            value(formatLocalDate(apology.newDueAt)),
            '.',
          ),
          paragraph('Rất mong nhận được sự thông cảm của Ông/Bà.'),
          {
            kind: 'signatures',
            signers: [
              { title: 'NGƯỜI NHẬN', hint: '(Ký và ghi rõ họ tên)', name: dossier.applicant.fullName },
              { title: 'ĐẠI DIỆN CƠ QUAN', hint: '(Ký, ghi rõ họ tên và đóng dấu)' },
            ],
          },
          {
            kind: 'note',
            text: 'Phiếu được gửi trực tiếp hoặc qua thư điện tử, tin nhắn cho người nộp hồ sơ.',
          },
        ],
      },
    ],
  };
}
