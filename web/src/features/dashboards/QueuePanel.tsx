import { Link } from 'react-router';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { loadQueue, type QueueAnswer } from './api.ts';
import { Chart, COLORS } from './Chart.tsx';
import { hoursShown } from './labels.ts';
import { dashboardsMessages } from './messages.ts';
import { formatMinutes, formatNumber, formatPercent } from './numbers.ts';
import { type Column, DataTable, Kpis, PanelState } from './PanelState.tsx';
import { childScope } from './scope.ts';
import type { DashboardView } from './view.ts';

type Figures = Omit<QueueAnswer['perCounter'][number], 'counter'>;

const isEmpty = (q: QueueAnswer) => q.issued + q.served + q.noShow === 0;

/** Waits, service time, no-shows and tickets by hour, per counter, clerk and unit one level down. */
export function QueuePanel({ view }: { view: DashboardView }) {
  const loaded = useLoad((signal) => loadQueue(view.ask, signal), []);
  return (
    <PanelState loaded={loaded} isEmpty={isEmpty}>
      {(data) => <Queue data={data} view={view} />}
    </PanelState>
  );
}

function Queue({ data, view }: { data: QueueAnswer; view: DashboardView }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const n = (v: number | null) => formatNumber(v, lang);
  // Tickets are issued at the kiosk, before any counter or clerk: per counter and per clerk the
  // issued column would always read 0, so those tables start from the served tickets.
  const figureColumns = <R extends Figures>(issued = true): Column<R>[] => [
    ...(issued ? [{ header: t('issued'), cell: (r: R) => n(r.issued), num: true }] : []),
    { header: t('served'), cell: (r) => n(r.served), num: true },
    { header: t('noShowRate'), cell: (r) => formatPercent(r.noShowRate, lang), num: true },
    { header: t('waitP50'), cell: (r) => formatMinutes(r.waitP50Min, lang), num: true },
    { header: t('waitP90'), cell: (r) => formatMinutes(r.waitP90Min, lang), num: true },
    { header: t('serviceAvg'), cell: (r) => formatMinutes(r.serviceAvgMin, lang), num: true },
    { header: t('ratingAverage'), cell: (r) => formatNumber(r.ratingAverage, lang, 2), num: true },
  ];
  const hours = hoursShown(data.byHour);
  const total = data.byHour.reduce((a, b) => a + b, 0);
  const peak = data.byHour.reduce((best, count, hour) => (count > (data.byHour[best] ?? 0) ? hour : best), 0);
  const level = t(`level_${view.scope.kind}`);
  return (
    <>
      <Kpis
        items={[
          { label: t('issued'), value: n(data.issued) },
          { label: t('served'), value: n(data.served) },
          { label: t('waitP50'), value: formatMinutes(data.waitP50Min, lang) },
          { label: t('waitP90'), value: formatMinutes(data.waitP90Min, lang) },
          { label: t('serviceAvg'), value: formatMinutes(data.serviceAvgMin, lang) },
          { label: t('noShowRate'), value: formatPercent(data.noShowRate, lang) },
        ]}
      />
      <section className="card stack" aria-labelledby="queue-hours">
        <h2 id="queue-hours">{t('byHour')}</h2>
        <Chart
          label={t('byHourChart', { total: n(total), peak, count: n(data.byHour[peak] ?? 0) })}
          labels={hours.map((h) => `${h}h`)}
          series={[{ label: t('tickets'), data: hours.map((h) => data.byHour[h] ?? 0), color: COLORS.blue }]}
          format={n}
        />
        <DataTable
          caption={t('tableOf', { name: t('byHour') })}
          rows={hours.filter((h) => (data.byHour[h] ?? 0) > 0)}
          rowKey={String}
          columns={[
            {
              header: t('hour'),
              cell: (h) => `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59`,
            },
            { header: t('tickets'), cell: (h) => n(data.byHour[h] ?? 0), num: true },
          ]}
        />
      </section>
      <div className="grid-2 queue-tables">
        <section className="card stack" aria-labelledby="queue-counters">
          <h2 id="queue-counters">{t('perCounter')}</h2>
          <DataTable
            caption={t('perCounter')}
            rows={data.perCounter}
            rowKey={(r) => String(r.counter)}
            columns={[
              { header: t('counter'), cell: (r) => t('counterN', { n: r.counter }) },
              ...figureColumns(false),
            ]}
          />
        </section>
        <section className="card stack" aria-labelledby="queue-clerks">
          <h2 id="queue-clerks">{t('perClerk')}</h2>
          <DataTable
            caption={t('perClerk')}
            rows={data.perClerk}
            rowKey={(r) => `${r.wardId}#${r.clerk}`}
            tall
            columns={[{ header: t('clerk'), cell: (r) => r.clerk }, ...figureColumns(false)]}
          />
        </section>
      </div>
      <section className="card stack" aria-labelledby="queue-breakdown">
        <h2 id="queue-breakdown">{t('queueBreakdown', { level })}</h2>
        <DataTable
          caption={t('queueBreakdown', { level })}
          rows={data.breakdown.filter((r) => view.scope.kind !== 'ward' || r.issued + r.served > 0)}
          rowKey={(r) => r.key}
          tall
          columns={[
            {
              header: view.scope.kind === 'ward' ? t('field') : t('unit'),
              cell: (r) => {
                const child = childScope(view.scope, r.key);
                return child ? <Link to={view.hrefOf(child)}>{r.name}</Link> : r.name;
              },
            },
            ...figureColumns(),
          ]}
        />
      </section>
    </>
  );
}
