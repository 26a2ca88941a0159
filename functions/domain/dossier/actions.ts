import * as z from 'zod';
import type { Role } from '../auth/principal.ts';
import type { DossierStatus } from './status.ts';

/** Actions on a received dossier, named as in the API (`POST /v1/dossiers/{code}/actions`). */
export const DossierAction = z.enum([
  'route',
  'request_supplement',
  'supplement_received',
  'request_payment',
  'payment_received',
  'submit_for_approval',
  'approve',
  'send_back',
  'reject',
  'mark_result_ready',
  'return_result',
  'withdraw',
  'stop',
]);
export type DossierAction = z.infer<typeof DossierAction>;

/** Intake outcomes recorded at the counter; they create the dossier. */
export type IntakeAction = 'receive' | 'refuse';

/**
 * Things recorded in a dossier's history that do not move it through the lifecycle (the state
 * stays as it is), so they have no row in ACTION_RULES.
 */
export const RecordAction = z.enum(['attach_document']);
export type RecordAction = z.infer<typeof RecordAction>;

/** Where a paused dossier goes back to is decided at run time (the state it was paused from). */
export const RESUME = 'resume' as const;

interface ActionRule {
  readonly from: readonly DossierStatus[];
  readonly to: DossierStatus | typeof RESUME;
  readonly roles: readonly Role[];
  /** A reason is required (refusals, supplements, stops: the forms print it). */
  readonly needsReason: boolean;
  /** An assignee is required (routing to a specialist). */
  readonly needsAssignee: boolean;
}

const WORKING: readonly DossierStatus[] = [
  'received',
  'processing',
  'awaiting_supplement',
  'awaiting_payment',
  'awaiting_approval',
  'approved',
];

/**
 * The lifecycle, one row per action: from which states, to which state, and who may take it
 * (within their own ward). Follows the four steps of one-stop-rules §1 and its two pauses.
 */
export const ACTION_RULES = {
  route: {
    from: ['received', 'processing'],
    to: 'processing',
    roles: ['clerk', 'specialist', 'leader'],
    needsReason: false,
    needsAssignee: true,
  },
  request_supplement: {
    from: ['received', 'processing'],
    to: 'awaiting_supplement',
    roles: ['clerk', 'specialist'],
    needsReason: true,
    needsAssignee: false,
  },
  supplement_received: {
    from: ['awaiting_supplement'],
    to: RESUME,
    roles: ['clerk', 'specialist'],
    needsReason: false,
    needsAssignee: false,
  },
  request_payment: {
    from: ['processing', 'approved'],
    to: 'awaiting_payment',
    roles: ['clerk', 'specialist'],
    needsReason: false,
    needsAssignee: false,
  },
  payment_received: {
    from: ['awaiting_payment'],
    to: RESUME,
    roles: ['clerk', 'specialist'],
    needsReason: false,
    needsAssignee: false,
  },
  submit_for_approval: {
    from: ['processing'],
    to: 'awaiting_approval',
    roles: ['specialist'],
    needsReason: false,
    needsAssignee: false,
  },
  approve: {
    from: ['awaiting_approval'],
    to: 'approved',
    roles: ['leader'],
    needsReason: false,
    needsAssignee: false,
  },
  send_back: {
    from: ['awaiting_approval'],
    to: 'processing',
    roles: ['leader'],
    needsReason: true,
    needsAssignee: false,
  },
  reject: {
    from: ['awaiting_approval'],
    to: 'rejected',
    roles: ['leader'],
    needsReason: true,
    needsAssignee: false,
  },
  mark_result_ready: {
    from: ['approved'],
    to: 'result_ready',
    roles: ['clerk', 'specialist'],
    needsReason: false,
    needsAssignee: false,
  },
  return_result: {
    from: ['result_ready', 'rejected'],
    to: 'returned',
    roles: ['clerk'],
    needsReason: false,
    needsAssignee: false,
  },
  withdraw: { from: WORKING, to: 'withdrawn', roles: ['clerk'], needsReason: true, needsAssignee: false },
  stop: { from: WORKING, to: 'stopped', roles: ['leader'], needsReason: true, needsAssignee: false },
} as const satisfies Record<DossierAction, ActionRule>;

/** Roles that may receive or refuse a dossier at the counter. */
export const INTAKE_ROLES: readonly Role[] = ['clerk'];

/** Actions the state allows, whoever asks. */
export function actionsFrom(status: DossierStatus): DossierAction[] {
  return DossierAction.options.filter((a) =>
    (ACTION_RULES[a].from as readonly DossierStatus[]).includes(status),
  );
}

/** Actions the state allows to a caller holding these roles. */
export function actionsFor(status: DossierStatus, roles: readonly Role[]): DossierAction[] {
  return actionsFrom(status).filter((a) => ACTION_RULES[a].roles.some((r: Role) => roles.includes(r)));
}

/** Vietnamese labels of the actions, for the history timeline (form 06). */
export const ACTION_LABEL = {
  receive: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  route: 'Chuyển xử lý',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  supplement_received: 'Nhận hồ sơ bổ sung',
  request_payment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  payment_received: 'Đã thực hiện nghĩa vụ tài chính',
  submit_for_approval: 'Trình lãnh đạo phê duyệt',
  approve: 'Phê duyệt',
  send_back: 'Trả lại để xử lý lại',
  reject: 'Từ chối giải quyết',
  mark_result_ready: 'Có kết quả',
  return_result: 'Trả kết quả',
  withdraw: 'Công dân rút hồ sơ',
  stop: 'Dừng xử lý',
  attach_document: 'Đính kèm bản quét hồ sơ',
} as const satisfies Record<DossierAction | IntakeAction | RecordAction, string>;
