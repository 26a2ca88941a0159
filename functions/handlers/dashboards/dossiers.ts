import { readOverdue } from '#adapters/dashboards-reader';
import { readDossierStats } from '#adapters/stats-reader';
import { dossierDashboard } from '#domain/stats/dashboards-dossiers';
import { intervalBuckets, planSeries } from '#domain/stats/dashboards-periods';
import { SeriesQuery, UNITS } from '#domain/stats/dashboards-scope';
import { wardsInScope } from '#domain/stats/report-scope';
import { dashboardHandler } from './dashboard-handler.ts';

/** The overdue list of a ward stops here: a dashboard shows the worst, the inbox has the rest. */
const OVERDUE_LIMIT = 100;

/**
 * `GET /v1/dashboards/dossiers?scope=&from=&to=&interval=`: received, resolved, on-time rate,
 * backlog and overdue per day, week or month, the same per unit one level down, the wards ranked
 * by on-time rate, and for a ward its dossiers overdue now.
 */
export const handler = dashboardHandler(SeriesQuery, async ({ query, now }) => {
  const wards = wardsInScope(query.scope, UNITS);
  const plan = planSeries(intervalBuckets(query.from, query.to, query.interval), true);
  const read = await readDossierStats(
    wards.map((w) => w.id),
    plan.reads,
  );
  const ward = query.scope.kind === 'ward' ? wards[0] : undefined;
  return {
    ...dossierDashboard(read.items, plan, query.scope, wards),
    overdue: ward ? await readOverdue(ward, now, OVERDUE_LIMIT) : [],
  };
});
