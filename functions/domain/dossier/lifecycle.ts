import { rolesInWard } from '../auth/access.ts';
import type { Principal, Role } from '../auth/principal.ts';
import { extendForPause, stepOutcome } from '../calendar/due-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { ConflictError, ForbiddenError, UnprocessableError } from '../errors.ts';
import { parseInstant, toLocalIso } from '../time.ts';
import { ACTION_LABEL, ACTION_RULES, actionsFor, type DossierAction, RESUME } from './actions.ts';
import type { Dossier, HistoryEntry } from './dossier.ts';
import { CLOSED_STATUSES, type DossierStatus, isFinished, isPaused, nationalStatusOf } from './status.ts';

export interface ActionCommand {
  readonly action: DossierAction;
  readonly reason?: string;
  readonly assignee?: string;
  readonly note?: string;
}

export interface ActionContext {
  readonly principal: Principal;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
}

export interface Change {
  readonly dossier: Dossier;
  readonly entry: HistoryEntry;
}

/** Actions this principal may take on the dossier now. */
export function allowedActions(dossier: Dossier, principal: Principal): DossierAction[] {
  return actionsFor(dossier.status, rolesInWard(principal, dossier.wardId)).filter(
    (a) => actingRole(dossier, a, principal) !== undefined,
  );
}

/**
 * Applies one action: checks who may take it and from which state, moves the deadline for
 * pauses, fixes the outcome when processing finishes, and returns the history row (form 06).
 */
export function applyAction(dossier: Dossier, command: ActionCommand, ctx: ActionContext): Change {
  const { action } = command;
  const rule = ACTION_RULES[action];
  const wardRoles = rolesInWard(ctx.principal, dossier.wardId);
  if (wardRoles.length === 0)
    throw new ForbiddenError(`only staff of ward ${dossier.wardId} may act on this dossier`);
  if (!(rule.from as readonly DossierStatus[]).includes(dossier.status)) {
    throw new ConflictError(`'${action}' is not allowed while the dossier is '${dossier.status}'`, {
      status: dossier.status,
      allowedActions: allowedActions(dossier, ctx.principal),
    });
  }
  const role = actingRole(dossier, action, ctx.principal);
  if (!role) {
    const mine = dossier.assignee && dossier.assignee !== ctx.principal.userId;
    throw new ForbiddenError(
      mine && wardRoles.includes('specialist') && (rule.roles as readonly Role[]).includes('specialist')
        ? `'${action}' is for the assigned specialist (${dossier.assignee})`
        : `'${action}' needs one of the roles ${rule.roles.join(', ')}`,
    );
  }
  if (rule.needsReason && !command.reason?.trim())
    throw new UnprocessableError(`'${action}' needs a reason`, 'reason');
  if (rule.needsAssignee && !command.assignee?.trim()) {
    throw new UnprocessableError(`'${action}' needs an assignee`, 'assignee');
  }

  const at = toLocalIso(ctx.now);
  const to: DossierStatus = rule.to === RESUME ? (dossier.pausedFrom ?? 'processing') : rule.to;
  let next: Dossier = {
    ...dossier,
    status: to,
    nationalStatus: nationalStatusOf[to],
    version: dossier.version + 1,
  };
  next.updatedAt = at;

  if (rule.to === RESUME && dossier.pausedAt) {
    const { dueAt, pausedWorkingDays } = extendForPause(
      ctx.calendar,
      dossier.dueAt,
      parseInstant(dossier.pausedAt),
      ctx.now,
    );
    next = { ...next, dueAt, pausedWorkingDays: dossier.pausedWorkingDays + pausedWorkingDays };
    delete next.pausedFrom;
    delete next.pausedAt;
  }
  if (isPaused(dossier.status) && !isPaused(to)) {
    // Withdrawn or stopped while paused: the pause ends without moving the deadline.
    delete next.pausedFrom;
    delete next.pausedAt;
  }
  if (isPaused(to)) next = { ...next, pausedFrom: dossier.status, pausedAt: at };
  if (action === 'route') next.assignee = command.assignee?.trim();
  if (rule.needsReason) next.reason = command.reason?.trim();
  if (isFinished(to) && !dossier.finishedAt)
    next = { ...next, finishedAt: at, outcome: stepOutcome(ctx.now, next.dueAt) };
  if (CLOSED_STATUSES.includes(to) && !dossier.closedAt) next.closedAt = at;

  const entry: HistoryEntry = {
    seq: next.version,
    action,
    from: dossier.status,
    to,
    actor: { userId: ctx.principal.userId, role },
    at,
    outcome: stepOutcome(ctx.now, dossier.dueAt),
    dueAt: next.dueAt,
  };
  const handoffTo = handoffOf(action, next);
  if (handoffTo) entry.handoffTo = handoffTo;
  if (command.reason?.trim()) entry.reason = command.reason.trim();
  entry.note = command.note?.trim() || ACTION_LABEL[action];
  return { dossier: next, entry };
}

/** The role a principal acts in for this action, or undefined when none of theirs may. */
function actingRole(dossier: Dossier, action: DossierAction, principal: Principal): Role | undefined {
  const allowed = ACTION_RULES[action].roles as readonly Role[];
  return rolesInWard(principal, dossier.wardId).find(
    (role) =>
      allowed.includes(role) &&
      // A specialist works the dossiers routed to them; clerks and leaders act for the ward.
      (role !== 'specialist' || !dossier.assignee || dossier.assignee === principal.userId),
  );
}

function handoffOf(action: DossierAction, next: Dossier): string | undefined {
  switch (action) {
    case 'route':
    case 'send_back':
      return next.assignee;
    case 'submit_for_approval':
      return 'leader';
    case 'approve':
    case 'reject':
    case 'mark_result_ready':
      return 'clerk';
    default:
      return undefined;
  }
}
