import type { DossierAction } from '../../shared/api/types.ts';

/**
 * What each action asks for (functions/domain/dossier/actions.ts, ACTION_RULES; a unit test
 * keeps them equal): a reason that the forms print, or the specialist it is routed to.
 */
export const ACTION_NEEDS = {
  route: { reason: false, assignee: true },
  request_supplement: { reason: true, assignee: false },
  supplement_received: { reason: false, assignee: false },
  request_payment: { reason: false, assignee: false },
  payment_received: { reason: false, assignee: false },
  submit_for_approval: { reason: false, assignee: false },
  approve: { reason: false, assignee: false },
  send_back: { reason: true, assignee: false },
  reject: { reason: true, assignee: false },
  mark_result_ready: { reason: false, assignee: false },
  return_result: { reason: false, assignee: false },
  withdraw: { reason: true, assignee: false },
  stop: { reason: true, assignee: false },
} as const satisfies Record<DossierAction, { reason: boolean; assignee: boolean }>;

/** Actions that end or refuse the dossier: their buttons warn. */
const ENDING: readonly DossierAction[] = ['reject', 'withdraw', 'stop'];
/** The step forward in each state: its button stands out. */
const FORWARD: readonly DossierAction[] = [
  'route',
  'submit_for_approval',
  'approve',
  'mark_result_ready',
  'return_result',
  'supplement_received',
  'payment_received',
];

export function buttonVariantOf(action: DossierAction): 'primary' | 'secondary' | 'danger' {
  if (ENDING.includes(action)) return 'danger';
  return FORWARD.includes(action) ? 'primary' : 'secondary';
}

/** Forward steps first, then the others, then those that end the dossier. */
export function orderActions(actions: readonly DossierAction[]): DossierAction[] {
  const rank = (a: DossierAction) => ({ primary: 0, secondary: 1, danger: 2 })[buttonVariantOf(a)];
  return [...actions].sort((a, b) => rank(a) - rank(b));
}

/** What the user typed in the action dialog. */
export interface ActionInput {
  readonly reason: string;
  readonly assignee: string;
  readonly note: string;
}

/** `POST /v1/dossiers/{code}/actions` body. */
export interface ActionRequest {
  action: DossierAction;
  version: number;
  reason?: string;
  assignee?: string;
  note?: string;
}

/** The request for an action, or the fields left empty that it needs. */
export function actionRequest(
  action: DossierAction,
  version: number,
  input: ActionInput,
): { ok: true; request: ActionRequest } | { ok: false; missing: ('reason' | 'assignee')[] } {
  const needs = ACTION_NEEDS[action];
  const reason = input.reason.trim();
  const assignee = input.assignee.trim();
  const note = input.note.trim();
  const missing: ('reason' | 'assignee')[] = [];
  if (needs.reason && !reason) missing.push('reason');
  if (needs.assignee && !assignee) missing.push('assignee');
  if (missing.length) return { ok: false, missing };
  const request: ActionRequest = { action, version };
  if (needs.reason) request.reason = reason;
  if (needs.assignee) request.assignee = assignee;
  if (note) request.note = note;
  return { ok: true, request };
}

/** Who a ward's dossiers are routed to by default: its specialist, named as the user directory names them. */
export function defaultAssignee(wardId: string): string {
  return `specialist.${wardId}`;
}
