import type { DossierAction } from '#domain/dossier/actions';
import type { DossierStatus } from '#domain/dossier/status';

/** Who takes a step on a path: the demo user of the test ward in that role. */
export type Actor = 'clerk' | 'specialist' | 'leader';

export interface Step {
  readonly actor: Actor;
  readonly action: DossierAction;
  readonly reason?: string;
  readonly assignee?: string;
}

export const SPECIALIST = 'specialist.hai-chau-i';
export const SUPPLEMENT_REASON = 'Thiếu bản sao Căn cước công dân của người được ủy quyền';
export const REJECT_REASON = 'Chữ ký trên giấy tờ không khớp với mẫu chữ ký đã đăng ký';
export const REFUSE_REASON = 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường';

const route: Step = { actor: 'clerk', action: 'route', assignee: SPECIALIST };
const submit: Step = { actor: 'specialist', action: 'submit_for_approval' };
const approve: Step = { actor: 'leader', action: 'approve' };

/**
 * One way to bring an accepted dossier into each state (refused is an intake outcome), used by
 * the unit and the API tests alike.
 */
export const PATHS: Record<Exclude<DossierStatus, 'refused'>, readonly Step[]> = {
  received: [],
  processing: [route],
  awaiting_supplement: [
    route,
    { actor: 'specialist', action: 'request_supplement', reason: 'Thiếu tờ khai' },
    { actor: 'clerk', action: 'supplement_received' },
    { actor: 'specialist', action: 'request_supplement', reason: SUPPLEMENT_REASON },
  ],
  awaiting_payment: [route, { actor: 'specialist', action: 'request_payment' }],
  awaiting_approval: [route, submit],
  approved: [route, submit, approve],
  rejected: [route, submit, { actor: 'leader', action: 'reject', reason: REJECT_REASON }],
  result_ready: [route, submit, approve, { actor: 'specialist', action: 'mark_result_ready' }],
  returned: [
    route,
    submit,
    approve,
    { actor: 'specialist', action: 'mark_result_ready' },
    { actor: 'clerk', action: 'return_result' },
  ],
  withdrawn: [route, { actor: 'clerk', action: 'withdraw', reason: 'Công dân xin rút hồ sơ' }],
  stopped: [
    route,
    { actor: 'leader', action: 'stop', reason: 'Dừng theo yêu cầu của cơ quan có thẩm quyền' },
  ],
};
