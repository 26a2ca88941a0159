import { readQueueStats } from '#adapters/dashboards-reader';
import { planSeries } from '#domain/stats/dashboards-periods';
import { queueDashboard } from '#domain/stats/dashboards-queue';
import { RangeQuery, UNITS } from '#domain/stats/dashboards-scope';
import { wardsInScope } from '#domain/stats/report-scope';
import { dashboardHandler } from './dashboard-handler.ts';

/**
 * `GET /v1/dashboards/queue?scope=&from=&to=`: waits (p50, p90, mean), service time, no-show
 * rate and tickets by hour of day over the range, per counter, clerk, field and unit one level down.
 */
export const handler = dashboardHandler(RangeQuery, async ({ query }) => {
  const wards = wardsInScope(query.scope, UNITS);
  const plan = planSeries([{ period: 'range', from: query.from, to: query.to }], false);
  const items = await readQueueStats(
    wards.map((w) => w.id),
    plan.reads,
  );
  return queueDashboard(items, query.scope);
});
