import * as z from 'zod';
import { fields } from '#domain/catalogue/fields';
import { procedures } from '#domain/catalogue/procedures';
import { city, districts } from '#domain/catalogue/units';
import type { ReportCatalogue } from '#domain/stats/report-06a';
import { parseReportScope, type ReportUnits } from '#domain/stats/report-scope';
import { addDays, isLocalDate, localDate } from '#domain/time';

export const UNITS: ReportUnits = { city, districts };
export const CATALOGUE: ReportCatalogue = { fields, procedures };

/** The longest period one report may cover, in years. */
export const MAX_REPORT_YEARS = 5;

const Day = z.string().refine(isLocalDate, 'must be a real date YYYY-MM-DD');

/** The last day a period starting on `from` may end on: the day before its fifth anniversary. */
export function lastAllowedDay(from: string): string {
  const [y, m, d] = from.split('-').map(Number);
  return addDays(localDate((y ?? 0) + MAX_REPORT_YEARS, m ?? 1, d ?? 1), -1);
}

/** `GET /v1/reports/06a` query: each bad parameter is a 400 naming it. */
export const Report06aQuery = z
  .object({
    scope: z.string().transform((text, ctx) => {
      const scope = parseReportScope(text, UNITS);
      if (!scope) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be city, district:<districtId> or ward:<wardId> with a known id',
        });
        return z.NEVER;
      }
      return scope;
    }),
    by: z.enum(['unit', 'field', 'procedure']).default('unit'),
    from: Day,
    to: Day,
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .superRefine((q, ctx) => {
    // A bad date is already named; comparing it would only add a second, confusing issue.
    if (!isLocalDate(q.from) || !isLocalDate(q.to)) return;
    // Dates written YYYY-MM-DD compare in time order as strings.
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (q.to > lastAllowedDay(q.from))
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be within ${MAX_REPORT_YEARS} years of from (at the latest ${lastAllowedDay(q.from)})`,
      });
  });
export type Report06aQuery = z.output<typeof Report06aQuery>;
