import * as z from 'zod';
import { workingCalendar } from '#adapters/calendar-repository';
import { httpHandler } from '#api/http';
import { computeDue, DEFAULT_CUTOFF } from '#domain/calendar/due-date';
import { dueRuleOf, findProcedure } from '#domain/catalogue/procedures';
import { NotFoundError, UnprocessableError } from '#domain/errors';
import { isIsoInstant, parseClock, parseInstant } from '#domain/time';

const Query = z
  .object({
    // An unencoded `+07:00` arrives as ` 07:00` (`+` means space in query strings): accept it.
    receivedAt: z
      .string()
      .transform((v) => v.replace(/ (\d{2}:\d{2})$/, '+$1'))
      .refine(isIsoInstant, 'must be an ISO-8601 date-time with offset, e.g. 2026-02-16T09:30:00+07:00'),
    procedureId: z.string().min(1).max(50).optional(),
    days: z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number of working days (0–365)')
      .transform(Number)
      .refine((n) => n <= 365, 'must be at most 365')
      .optional(),
    cutoff: z
      .string()
      .refine((v) => parseClock(v) !== undefined, 'must be a time HH:MM')
      .optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.procedureId && q.days === undefined) {
      ctx.addIssue({ code: 'custom', path: ['procedureId'], message: 'is required unless days is given' });
    }
    if (q.procedureId && (q.days !== undefined || q.cutoff !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'cannot be combined with procedureId' });
    }
  });

/**
 * `GET /v1/calendar/due`: when a dossier received at `receivedAt` is due, for a procedure of the
 * catalogue or for `days` working days with an optional cut-off (one-stop-rules §5).
 */
export const handler = httpHandler({ access: 'public', query: Query }, async ({ query }) => {
  let rule = { processingDays: query.days ?? 0, cutoff: query.cutoff ?? DEFAULT_CUTOFF };
  if (query.procedureId) {
    const procedure = findProcedure(query.procedureId);
    if (!procedure) throw new NotFoundError(`unknown procedure '${query.procedureId}'`);
    const known = dueRuleOf(procedure);
    if (!known) {
      throw new UnprocessableError(
        `the catalogue does not know the processing time of ${procedure.id}; ask with days=N instead`,
        'query.procedureId',
      );
    }
    rule = known;
  }
  const calendar = await workingCalendar();
  return { status: 200, body: computeDue(calendar, parseInstant(query.receivedAt), rule) };
});
