import type * as z from 'zod';
import { type ApiHandler, httpHandler } from '#api/http';
import { assertCanReadScope, type Interval, type RangeQuery, UNITS } from '#domain/stats/dashboards-scope';
import { formatReportScope, scopeName } from '#domain/stats/report-scope';

/** What every dashboard query holds: a scope and a range of days, and for a series its interval. */
type DashboardQuery = RangeQuery & { readonly interval?: Interval };

/**
 * A dashboard route: any signed-in official may call it for a scope within their jurisdiction
 * (403 otherwise). The answer starts with the scope, its name, the range and, for a series, the
 * interval; what `compute` returns follows.
 */
export function dashboardHandler<Q extends z.ZodType<DashboardQuery>>(
  query: Q,
  compute: (request: { readonly query: z.output<Q>; readonly now: Date }) => Promise<object>,
): ApiHandler {
  return httpHandler({ access: 'authenticated', query }, async ({ query, principal, now }) => {
    assertCanReadScope(principal, query.scope);
    const { scope, from, to, interval } = query;
    const head = { scope: formatReportScope(scope), name: scopeName(scope, UNITS), from, to };
    const figures = await compute({ query, now });
    return { status: 200, body: { ...head, ...(interval ? { interval } : {}), ...figures } };
  });
}
