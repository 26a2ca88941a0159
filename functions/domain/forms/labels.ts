import type { Role } from '../auth/principal.ts';
import type { StepOutcome } from '../calendar/due-date.ts';
import type { DocumentReceived } from '../dossier/dossier.ts';
import type { DossierStatus } from '../dossier/status.ts';

/** How a document was handed in, as the receipt's table says it. */
export const DOCUMENT_FORM_LABEL = {
  original: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
} as const satisfies Record<DocumentReceived['form'], string>;

/** Result of a step against its deadline (form 06). */
export const OUTCOME_LABEL = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
} as const satisfies Record<StepOutcome, string>;

/** The unit a role works in, as form 06 names who hands over and who receives. */
export const ROLE_UNIT = {
  clerk: 'Bộ phận tiếp nhận và trả kết quả',
  specialist: 'Bộ phận chuyên môn',
  leader: 'Lãnh đạo UBND',
  ward_admin: 'Quản trị hệ thống',
  district_official: 'UBND quận, huyện',
  city_official: 'UBND thành phố',
} as const satisfies Record<Role, string>;

const APPLICANT = 'Người nộp hồ sơ';

/** Who holds the dossier once it reaches a state, when the history row names no one. */
export const HOLDER_OF_STATUS = {
  received: ROLE_UNIT.clerk,
  refused: APPLICANT,
  processing: ROLE_UNIT.specialist,
  awaiting_supplement: APPLICANT,
  awaiting_payment: APPLICANT,
  awaiting_approval: ROLE_UNIT.leader,
  approved: ROLE_UNIT.clerk,
  rejected: ROLE_UNIT.clerk,
  result_ready: ROLE_UNIT.clerk,
  returned: APPLICANT,
  withdrawn: APPLICANT,
  stopped: ROLE_UNIT.clerk,
} as const satisfies Record<DossierStatus, string>;
