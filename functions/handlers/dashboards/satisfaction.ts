import { readQueueStats } from '#adapters/dashboards-reader';
import { intervalBuckets, planSeries } from '#domain/stats/dashboards-periods';
import { satisfactionDashboard } from '#domain/stats/dashboards-satisfaction';
import { SeriesQuery, UNITS } from '#domain/stats/dashboards-scope';
import { wardsInScope } from '#domain/stats/report-scope';
import { dashboardHandler } from './dashboard-handler.ts';

/**
 * `GET /v1/dashboards/satisfaction?scope=&from=&to=&interval=`: the citizens' ratings per level,
 * overall, per ward (per clerk for a ward) and per day, week or month.
 */
export const handler = dashboardHandler(SeriesQuery, async ({ query }) => {
  const wardIds = wardsInScope(query.scope, UNITS).map((w) => w.id);
  const plan = planSeries(intervalBuckets(query.from, query.to, query.interval), false);
  const items = await readQueueStats(wardIds, plan.reads);
  return satisfactionDashboard(items, plan, query.scope, wardIds);
});
