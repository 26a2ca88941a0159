import * as z from 'zod';
import { rolesInWard } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { computeDue, stepOutcome } from '../calendar/due-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { type Procedure, processingDaysFor } from '../catalogue/procedures.ts';
import type { Ward } from '../catalogue/units.ts';
import { ForbiddenError, UnprocessableError } from '../errors.ts';
import { ACTION_LABEL, INTAKE_ROLES } from './actions.ts';
import { Applicant, Channel, DocumentReceived, type Dossier, type HistoryEntry } from './dossier.ts';
import { nationalStatusOf } from './status.ts';

/** What the clerk records at the counter (`POST /v1/wards/{wardId}/dossiers`). */
export const IntakeRequest = z
  .object({
    procedureId: z.string().trim().min(1, 'is required').max(50),
    channel: Channel,
    applicant: Applicant,
    documents: z.array(DocumentReceived).max(100, 'at most 100 documents').default([]),
    numberOfSets: z.number().int().min(1).max(20).default(1),
    /** Processing days when the catalogue does not know them, or within a procedure's extension. */
    processingDays: z.number().int().min(0).max(365).optional(),
    /** `refused`: refusal at reception (form 03, national status 3); it still gets a code and is counted. */
    outcome: z.enum(['accepted', 'refused']).default('accepted'),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    if (req.outcome === 'refused' && !req.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when the outcome is refused' });
    }
    if (req.outcome === 'accepted' && req.documents.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['documents'],
        message: 'must list at least one document received',
      });
    }
  });
export type IntakeRequest = z.infer<typeof IntakeRequest>;

export interface IntakeContext {
  readonly principal: Principal;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly ward: Ward;
  readonly procedure: Procedure;
}

/** Checks that the principal may receive dossiers in this ward; throws ForbiddenError otherwise. */
export function assertMayReceive(principal: Principal, wardId: string): void {
  if (!rolesInWard(principal, wardId).some((r) => INTAKE_ROLES.includes(r))) {
    throw new ForbiddenError(`only a clerk of ward ${wardId} may receive dossiers there`);
  }
}

/** The processing days and due date of an intake, before a code is allocated. */
export function planIntake(request: IntakeRequest, ctx: IntakeContext) {
  assertMayReceive(ctx.principal, ctx.ward.id);
  const days = processingDaysFor(ctx.procedure, request.processingDays);
  if (!days.ok) throw new UnprocessableError(days.reason, 'processingDays');
  const due = computeDue(ctx.calendar, ctx.now, { processingDays: days.days, cutoff: ctx.procedure.cutoff });
  return { processingDays: days.days, ...due };
}

/** Builds the new dossier and its first history row once the code is known. */
export function receiveDossier(
  request: IntakeRequest,
  ctx: IntakeContext,
  plan: ReturnType<typeof planIntake>,
  ids: { code: string; lookupKeyHash: string },
): { dossier: Dossier; entry: HistoryEntry } {
  const refused = request.outcome === 'refused';
  const status = refused ? 'refused' : 'received';
  const dossier: Dossier = {
    code: ids.code,
    wardId: ctx.ward.id,
    districtId: ctx.ward.districtId,
    procedureId: ctx.procedure.id,
    fieldId: ctx.procedure.fieldId,
    channel: request.channel,
    applicant: request.applicant,
    documents: request.documents,
    numberOfSets: request.numberOfSets,
    receivedAt: plan.receivedAt,
    receivedBy: ctx.principal.userId,
    countedFrom: plan.countedFrom,
    processingDays: plan.processingDays,
    dueAt: plan.dueAt,
    status,
    nationalStatus: nationalStatusOf[status],
    pausedWorkingDays: 0,
    lookupKeyHash: ids.lookupKeyHash,
    version: 1,
    updatedAt: plan.receivedAt,
  };
  if (refused) {
    dossier.reason = request.reason;
    dossier.finishedAt = plan.receivedAt;
    dossier.closedAt = plan.receivedAt;
    dossier.outcome = stepOutcome(ctx.now, plan.dueAt);
  }
  const entry: HistoryEntry = {
    seq: 1,
    action: refused ? 'refuse' : 'receive',
    from: null,
    to: status,
    actor: { userId: ctx.principal.userId, role: 'clerk' },
    at: plan.receivedAt,
    outcome: stepOutcome(ctx.now, plan.dueAt),
    dueAt: plan.dueAt,
    note: ACTION_LABEL[refused ? 'refuse' : 'receive'],
  };
  if (request.reason) entry.reason = request.reason;
  return { dossier, entry };
}
