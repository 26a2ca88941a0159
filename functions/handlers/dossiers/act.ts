import * as z from 'zod';
import { workingCalendar } from '#adapters/calendar-repository';
import { dossiers } from '#adapters/repositories';
import { httpHandler } from '#api/http';
import { CodePath } from '#api/params';
import { staffView } from '#api/views';
import { canReadWard } from '#domain/auth/access';
import { ACTION_RULES, DossierAction } from '#domain/dossier/actions';
import { allowedActions, applyAction } from '#domain/dossier/lifecycle';
import { ConflictError, ForbiddenError, NotFoundError } from '#domain/errors';

const ActionRequest = z
  .object({
    action: DossierAction,
    /** The version the caller saw; a stale one is a 409 and nothing is written. */
    version: z.number().int().min(1),
    reason: z.string().trim().min(1).max(2000).optional(),
    assignee: z.string().trim().min(1).max(128).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    const rule = ACTION_RULES[req.action];
    if (rule.needsReason && !req.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required for ${req.action}` });
    if (rule.needsAssignee && !req.assignee) {
      ctx.addIssue({ code: 'custom', path: ['assignee'], message: `is required for ${req.action}` });
    }
  });

/** `POST /v1/dossiers/{code}/actions`: one step of the lifecycle, written as one transaction. */
export const handler = httpHandler(
  { access: 'authenticated', path: CodePath, body: ActionRequest },
  async ({ path, body, principal, now }) => {
    const dossier = await dossiers.find(path.code);
    if (!dossier) throw new NotFoundError(`dossier ${path.code} not found`);
    if (!canReadWard(principal, dossier.wardId))
      throw new ForbiddenError(`dossier ${path.code} belongs to another ward`);
    if (body.version !== dossier.version) {
      throw new ConflictError(
        `version ${body.version} is stale: the dossier is at version ${dossier.version}`,
        {
          expectedVersion: body.version,
          currentVersion: dossier.version,
          allowedActions: allowedActions(dossier, principal),
        },
      );
    }
    const change = applyAction(dossier, body, { principal, now, calendar: await workingCalendar() });
    const { value } = await dossiers.save(change, dossier.version);
    return { status: 200, body: { ...staffView(value), allowedActions: allowedActions(value, principal) } };
  },
);
