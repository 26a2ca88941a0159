import { Role } from '../auth/principal.ts';
import { ACTION_LABEL } from '../dossier/actions.ts';
import type { HistoryEntry } from '../dossier/dossier.ts';
import { committeeOf, type FormInput, formIdentity, procedureName } from './common.ts';
import { formatDate, formatDateTime, formatTime } from './format.ts';
import { HOLDER_OF_STATUS, OUTCOME_LABEL, ROLE_UNIT } from './labels.ts';
import { type FormDocument, paragraph, value } from './layout.ts';

const TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';
/** A note column is narrow; a long reason is printed in full on form 02 or 03, and shortened here. */
const NOTE_LIMIT = 300;

/**
 * Form 06, the process-control slip: one row per hand-off in the history, with who handed
 * over, who received, when, and the step's result against the deadline. Attaching a scan is
 * not a hand-off and has no row.
 */
export function controlSlipForm(input: FormInput): FormDocument {
  const { dossier, ward } = input;
  const steps = input.history.filter((entry) => entry.action !== 'attach_document');
  return {
    ...formIdentity('06', TITLE, input, dossier.receivedAt, false),
    pages: [
      {
        blocks: [
          { kind: 'title', text: TITLE },
          { kind: 'codes', value: dossier.code },
          paragraph('Kèm theo hồ sơ của: ', value(dossier.applicant.fullName)),
          paragraph('Nội dung yêu cầu giải quyết: ', value(procedureName(input))),
          paragraph('Ngày nhận hồ sơ: ', value(formatDateTime(dossier.receivedAt))),
          paragraph('Ngày hẹn trả kết quả: ', value(formatDateTime(dossier.dueAt))),
          paragraph('Cơ quan giải quyết hồ sơ: ', value(committeeOf(ward))),
          {
            kind: 'table',
            columns: [
              { header: 'TT', width: 0.05, align: 'center' },
              { header: 'Nội dung', width: 0.16 },
              { header: 'Bên giao', width: 0.2 },
              { header: 'Bên nhận', width: 0.2 },
              // Wide enough that `dd/mm/yyyy` never breaks.
              { header: 'Thời gian giao, nhận', width: 0.15, align: 'center' },
              { header: 'Kết quả', width: 0.09, align: 'center' },
              { header: 'Ghi chú', width: 0.15 },
            ],
            rows: steps.map((entry, i) => [
              String(i + 1),
              ACTION_LABEL[entry.action],
              `${ROLE_UNIT[entry.actor.role]}\n${entry.actor.userId}`,
              receiverOf(entry),
              `${formatTime(entry.at)}\n${formatDate(entry.at)}`,
              OUTCOME_LABEL[entry.outcome],
              clip(entry.reason ?? '', NOTE_LIMIT),
            ]),
          },
          {
            kind: 'note',
            text: 'Kết quả của mỗi bước tính theo thời hạn giải quyết tại thời điểm giao, nhận.',
          },
        ],
      },
    ],
  };
}

/** Who the dossier went to: the named role or person (in the unit that holds its new state), else that unit. */
export function receiverOf(entry: HistoryEntry): string {
  if (!entry.handoffTo) return HOLDER_OF_STATUS[entry.to];
  const role = Role.safeParse(entry.handoffTo);
  return role.success ? ROLE_UNIT[role.data] : `${HOLDER_OF_STATUS[entry.to]}\n${entry.handoffTo}`;
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}
