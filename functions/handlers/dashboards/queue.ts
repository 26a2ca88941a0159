import { readQueueStats } from '#adapters/dashboards-reader';
import { httpHandler } from '#api/http';
import { planSeries } from '#domain/stats/dashboards-periods';
import { queueDashboard } from '#domain/stats/dashboards-queue';
import { assertCanReadScope, RangeQuery, UNITS } from '#domain/stats/dashboards-scope';
import { formatReportScope, scopeName, wardsInScope } from '#domain/stats/report-scope';

/**
 * `GET /v1/dashboards/queue?scope=&from=&to=`: waits (p50, p90, mean), service time, no-show
 * rate and tickets by hour of day over the range, per counter, clerk, field and unit one level down.
 */
export const handler = httpHandler(
  { access: 'authenticated', query: RangeQuery },
  async ({ query, principal }) => {
    assertCanReadScope(principal, query.scope);
    const wards = wardsInScope(query.scope, UNITS);
    const plan = planSeries([{ period: 'range', from: query.from, to: query.to }], false);
    const items = await readQueueStats(
      wards.map((w) => w.id),
      plan.reads,
    );
    return {
      status: 200,
      body: {
        scope: formatReportScope(query.scope),
        name: scopeName(query.scope, UNITS),
        from: query.from,
        to: query.to,
        ...queueDashboard(items, query.scope),
      },
    };
  },
);
