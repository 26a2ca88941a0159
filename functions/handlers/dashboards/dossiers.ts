import { readOverdue } from '#adapters/dashboards-reader';
import { readDossierStats } from '#adapters/stats-reader';
import { httpHandler } from '#api/http';
import { dossierDashboard } from '#domain/stats/dashboards-dossiers';
import { intervalBuckets, planSeries } from '#domain/stats/dashboards-periods';
import { assertCanReadScope, SeriesQuery, UNITS } from '#domain/stats/dashboards-scope';
import { formatReportScope, scopeName, wardsInScope } from '#domain/stats/report-scope';

/** The overdue list of a ward stops here: a dashboard shows the worst, the inbox has the rest. */
const OVERDUE_LIMIT = 100;

/**
 * `GET /v1/dashboards/dossiers?scope=&from=&to=&interval=`: received, resolved, on-time rate,
 * backlog and overdue per day, week or month, the same per unit one level down, the wards ranked
 * by on-time rate, and for a ward its dossiers overdue now.
 */
export const handler = httpHandler(
  { access: 'authenticated', query: SeriesQuery },
  async ({ query, principal, now }) => {
    assertCanReadScope(principal, query.scope);
    const wards = wardsInScope(query.scope, UNITS);
    const plan = planSeries(intervalBuckets(query.from, query.to, query.interval), true);
    const read = await readDossierStats(
      wards.map((w) => w.id),
      plan.reads,
    );
    const ward = query.scope.kind === 'ward' ? wards[0] : undefined;
    return {
      status: 200,
      body: {
        scope: formatReportScope(query.scope),
        name: scopeName(query.scope, UNITS),
        from: query.from,
        to: query.to,
        interval: query.interval,
        ...dossierDashboard(read.items, plan, query.scope, wards),
        overdue: ward ? await readOverdue(ward, now, OVERDUE_LIMIT) : [],
      },
    };
  },
);
