import { Link } from 'react-router';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { loadSatisfaction, type SatisfactionAnswer } from './api.ts';
import { Chart, COLORS } from './Chart.tsx';
import { bucketLabel, bucketLongLabel } from './labels.ts';
import { dashboardsMessages } from './messages.ts';
import { formatNumber, formatPercent } from './numbers.ts';
import { DataTable, Kpis, PanelState } from './PanelState.tsx';
import type { DashboardView } from './view.ts';

/** Unhappy to very happy: a colour-blind-safe diverging scale. */
const LEVEL_COLORS = [COLORS.vermillion, COLORS.orange, COLORS.sky, COLORS.blue];

const isEmpty = (s: SatisfactionAnswer) => s.overall.total === 0;

/** The citizens' ratings per level, over time and per ward (per clerk in a ward). */
export function SatisfactionPanel({ view }: { view: DashboardView }) {
  const loaded = useLoad((signal) => loadSatisfaction(view.ask, signal), []);
  return (
    <PanelState loaded={loaded} isEmpty={isEmpty}>
      {(data) => <Satisfaction data={data} view={view} />}
    </PanelState>
  );
}

function Satisfaction({ data, view }: { data: SatisfactionAnswer; view: DashboardView }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const n = (v: number | null) => formatNumber(v, lang);
  const { overall, levels } = data;
  const share = (count: number) => formatPercent(overall.total > 0 ? count / overall.total : null, lang);
  const parts = levels.map((l, i) => `${l.label} ${n(overall.counts[i] ?? 0)}`).join(', ');
  const breakdownTitle = t(
    view.scope.kind === 'ward' ? 'satisfactionBreakdown_ward' : 'satisfactionBreakdown_other',
  );
  return (
    <>
      <Kpis
        items={[
          { label: t('ratings'), value: n(overall.total) },
          { label: t('satisfiedRate'), value: formatPercent(overall.satisfiedRate, lang) },
          { label: t('average'), value: formatNumber(overall.average, lang, 2) },
        ]}
      />
      <div className="grid-2">
        <section className="card stack" aria-labelledby="satisfaction-levels">
          <h2 id="satisfaction-levels">{t('distribution')}</h2>
          <Chart
            label={t('distributionChart', { total: n(overall.total), parts })}
            labels={levels.map((l) => l.label)}
            series={levels.map((l, i) => ({
              label: l.label,
              data: levels.map((_, j) => (i === j ? (overall.counts[i] ?? 0) : null)),
              color: LEVEL_COLORS[i] ?? COLORS.black,
            }))}
            format={n}
            stacked
          />
          <DataTable
            caption={t('tableOf', { name: t('distribution') })}
            rows={levels}
            rowKey={(l) => String(l.level)}
            columns={[
              { header: t('level'), cell: (l) => l.label },
              { header: t('ratings'), cell: (l) => n(overall.counts[l.level - 1] ?? 0), num: true },
              { header: '%', cell: (l) => share(overall.counts[l.level - 1] ?? 0), num: true },
            ]}
          />
        </section>
        <section className="card stack" aria-labelledby="satisfaction-time">
          <h2 id="satisfaction-time">{t('satisfactionOverTime')}</h2>
          <Chart
            label={t('satisfactionOverTimeChart', { interval: t(`interval_${data.interval}`) })}
            labels={data.series.map((b) => bucketLabel(b, data.interval))}
            series={levels.map((l, i) => ({
              label: l.label,
              data: data.series.map((b) => b.counts[i] ?? 0),
              color: LEVEL_COLORS[i] ?? COLORS.black,
            }))}
            format={n}
            stacked
          />
          <DataTable
            caption={t('tableOf', { name: t('satisfactionOverTime') })}
            rows={data.series.filter((b) => b.total > 0)}
            rowKey={(b) => b.period}
            tall
            columns={[
              { header: t('when'), cell: (b) => bucketLongLabel(b) },
              ...levels.map((l, i) => ({
                header: l.label,
                cell: (b: (typeof data.series)[number]) => n(b.counts[i] ?? 0),
                num: true,
              })),
              { header: t('satisfiedRate'), cell: (b) => formatPercent(b.satisfiedRate, lang), num: true },
            ]}
          />
        </section>
      </div>
      <section className="card stack" aria-labelledby="satisfaction-breakdown">
        <h2 id="satisfaction-breakdown">{breakdownTitle}</h2>
        <DataTable
          caption={breakdownTitle}
          rows={data.breakdown}
          rowKey={(r) => r.key}
          tall
          columns={[
            {
              header: view.scope.kind === 'ward' ? t('clerk') : t('ward'),
              cell: (r) =>
                view.scope.kind === 'ward' ? (
                  r.name
                ) : (
                  <Link to={view.hrefOf({ kind: 'ward', wardId: r.key })}>{r.name}</Link>
                ),
            },
            { header: t('ratings'), cell: (r) => n(r.total), num: true },
            ...levels.map((l, i) => ({
              header: l.label,
              cell: (r: (typeof data.breakdown)[number]) => n(r.counts[i] ?? 0),
              num: true,
            })),
            { header: t('satisfiedRate'), cell: (r) => formatPercent(r.satisfiedRate, lang), num: true },
            { header: t('average'), cell: (r) => formatNumber(r.average, lang, 2), num: true },
          ]}
        />
      </section>
    </>
  );
}
