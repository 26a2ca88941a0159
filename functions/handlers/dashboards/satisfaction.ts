import { readQueueStats } from '#adapters/dashboards-reader';
import { httpHandler } from '#api/http';
import { intervalBuckets, planSeries } from '#domain/stats/dashboards-periods';
import { satisfactionDashboard } from '#domain/stats/dashboards-satisfaction';
import { assertCanReadScope, SeriesQuery, UNITS } from '#domain/stats/dashboards-scope';
import { formatReportScope, scopeName, wardsInScope } from '#domain/stats/report-scope';

/**
 * `GET /v1/dashboards/satisfaction?scope=&from=&to=&interval=`: the citizens' ratings per level,
 * overall, per ward (per clerk for a ward) and per day, week or month.
 */
export const handler = httpHandler(
  { access: 'authenticated', query: SeriesQuery },
  async ({ query, principal }) => {
    assertCanReadScope(principal, query.scope);
    const wardIds = wardsInScope(query.scope, UNITS).map((w) => w.id);
    const plan = planSeries(intervalBuckets(query.from, query.to, query.interval), false);
    const items = await readQueueStats(wardIds, plan.reads);
    return {
      status: 200,
      body: {
        scope: formatReportScope(query.scope),
        name: scopeName(query.scope, UNITS),
        from: query.from,
        to: query.to,
        interval: query.interval,
        ...satisfactionDashboard(items, plan, query.scope, wardIds),
      },
    };
  },
);
