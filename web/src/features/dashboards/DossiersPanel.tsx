import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { statusLabels } from '../dossier/labels.ts';
import { type DossiersAnswer, loadDossiers, type OverdueEntry } from './api.ts';
import { Chart, COLORS } from './Chart.tsx';
import { bucketLabel, bucketLongLabel } from './labels.ts';
import { dashboardsMessages } from './messages.ts';
import { formatNumber, formatPercent } from './numbers.ts';
import { DataTable, Kpis, PanelState } from './PanelState.tsx';
import { childScope } from './scope.ts';
import type { DashboardView } from './view.ts';

type Row = DossiersAnswer['breakdown'][number];
type Ranked = DossiersAnswer['ranking'][number];

const isEmpty = (d: DossiersAnswer) =>
  d.totals.received + d.totals.resolved + d.totals.backlog + d.totals.overdue === 0 && d.overdue.length === 0;

/** Dossiers received and resolved over time, by the next level down, the ranking and what is overdue. */
export function DossiersPanel({ view }: { view: DashboardView }) {
  const loaded = useLoad((signal) => loadDossiers(view.ask, signal), []);
  return (
    <PanelState loaded={loaded} isEmpty={isEmpty}>
      {(data) => <Dossiers data={data} view={view} />}
    </PanelState>
  );
}

function Dossiers({ data, view }: { data: DossiersAnswer; view: DashboardView }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const n = (v: number | null) => formatNumber(v, lang);
  const pct = (v: number | null) => formatPercent(v, lang);
  const interval = t(`interval_${data.interval}`);
  return (
    <>
      <Kpis
        items={[
          { label: t('received'), value: n(data.totals.received) },
          { label: t('resolved'), value: n(data.totals.resolved) },
          { label: t('onTimeRate'), value: pct(data.totals.onTimeRate) },
          { label: t('backlog'), value: n(data.totals.backlog) },
          { label: t('overdue'), value: n(data.totals.overdue) },
        ]}
      />
      <section className="card stack" aria-labelledby="dossiers-over-time">
        <h2 id="dossiers-over-time">{t('overTime')}</h2>
        <Chart
          label={t('overTimeChart', {
            interval,
            received: n(data.totals.received),
            resolved: n(data.totals.resolved),
          })}
          labels={data.series.map((b) => bucketLabel(b, data.interval))}
          series={[
            { label: t('received'), data: data.series.map((b) => b.received), color: COLORS.blue },
            { label: t('resolved'), data: data.series.map((b) => b.resolved), color: COLORS.orange },
            {
              label: t('onTimeRate'),
              data: data.series.map((b) => b.onTimeRate),
              color: COLORS.green,
              kind: 'line',
              rate: true,
            },
          ]}
          format={n}
          formatRate={pct}
        />
        <DataTable
          caption={t('tableOf', { name: t('overTime') })}
          rows={data.series}
          rowKey={(b) => b.period}
          tall
          columns={[
            { header: t('when'), cell: (b) => bucketLongLabel(b) },
            { header: t('received'), cell: (b) => n(b.received), num: true },
            { header: t('resolved'), cell: (b) => n(b.resolved), num: true },
            { header: t('onTimeRate'), cell: (b) => pct(b.onTimeRate), num: true },
            { header: t('backlog'), cell: (b) => n(b.backlog), num: true },
            { header: t('overdue'), cell: (b) => n(b.overdue), num: true },
          ]}
        />
      </section>
      <Breakdown rows={data.breakdown} view={view} />
      {view.scope.kind === 'ward' ? (
        <OverdueList entries={data.overdue} />
      ) : (
        <Ranking rows={data.ranking} view={view} />
      )}
    </>
  );
}

function Breakdown({ rows, view }: { rows: readonly Row[]; view: DashboardView }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const n = (v: number | null) => formatNumber(v, lang);
  const level = t(`level_${view.scope.kind}`);
  // A ward breaks down into all fields: those with nothing would only be noise.
  const shown =
    view.scope.kind === 'ward' ? rows.filter((r) => r.received + r.resolved + r.backlog > 0) : rows;
  const top = [...shown]
    .sort((a, b) => b.received - a.received)
    .slice(0, 3)
    .map((r) => `${r.name} ${n(r.received)}`)
    .join(', ');
  const drillable = view.scope.kind !== 'ward';
  const nameCell = (r: Row) => {
    const child = childScope(view.scope, r.key);
    return child ? <Link to={view.hrefOf(child)}>{r.name}</Link> : r.name;
  };
  return (
    <section className="card stack" aria-labelledby="dossiers-breakdown">
      <h2 id="dossiers-breakdown">{t('breakdown', { level })}</h2>
      {drillable ? <p className="muted hint">{t('drillHint')}</p> : null}
      <Chart
        label={t('breakdownChart', { level, top })}
        labels={shown.map((r) => r.name)}
        series={[
          { label: t('received'), data: shown.map((r) => r.received), color: COLORS.blue },
          { label: t('resolved'), data: shown.map((r) => r.resolved), color: COLORS.orange },
          { label: t('overdue'), data: shown.map((r) => r.overdue), color: COLORS.vermillion },
        ]}
        format={n}
        horizontal
        height={Math.max(160, 40 + shown.length * 34)}
        {...(drillable
          ? {
              onSelect: (i: number) => {
                const child = childScope(view.scope, shown[i]?.key ?? '');
                if (child) view.drill(child);
              },
            }
          : {})}
      />
      <DataTable
        caption={t('tableOf', { name: t('breakdown', { level }) })}
        rows={shown}
        rowKey={(r) => r.key}
        columns={[
          { header: view.scope.kind === 'ward' ? t('field') : t('unit'), cell: nameCell },
          { header: t('received'), cell: (r) => n(r.received), num: true },
          { header: t('resolved'), cell: (r) => n(r.resolved), num: true },
          { header: t('onTimeRate'), cell: (r) => formatPercent(r.onTimeRate, lang), num: true },
          { header: t('backlog'), cell: (r) => n(r.backlog), num: true },
          { header: t('overdue'), cell: (r) => n(r.overdue), num: true },
        ]}
      />
    </section>
  );
}

function Ranking({ rows, view }: { rows: readonly Ranked[]; view: DashboardView }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const rated = rows.filter((r) => r.onTimeRate !== null);
  const best = rated[0];
  return (
    <section className="card stack" aria-labelledby="dossiers-ranking">
      <h2 id="dossiers-ranking">{t('ranking')}</h2>
      {rated.length === 0 ? (
        <p className="muted">{t('rankingNone')}</p>
      ) : (
        <Chart
          label={t('rankingChart', {
            count: rated.length,
            best: best ? `${best.name} ${formatPercent(best.onTimeRate, lang)}` : '',
          })}
          labels={rated.map((r) => r.name)}
          series={[
            {
              label: t('onTimeRate'),
              data: rated.map((r) => (r.onTimeRate ?? 0) * 100),
              color: COLORS.green,
            },
          ]}
          format={(v) => formatPercent(v / 100, lang)}
          max={100}
          horizontal
          height={Math.max(140, 40 + rated.length * 26)}
          onSelect={(i) => {
            const ward = rated[i];
            if (ward) view.drill({ kind: 'ward', wardId: ward.wardId });
          }}
        />
      )}
      <DataTable
        caption={t('tableOf', { name: t('ranking') })}
        rows={rows}
        rowKey={(r) => r.wardId}
        tall
        columns={[
          { header: t('rank'), cell: (r) => (r.onTimeRate === null ? '—' : String(rated.indexOf(r) + 1)) },
          {
            header: t('ward'),
            cell: (r) => <Link to={view.hrefOf({ kind: 'ward', wardId: r.wardId })}>{r.name}</Link>,
          },
          { header: t('resolved'), cell: (r) => formatNumber(r.resolved, lang), num: true },
          { header: t('onTimeRate'), cell: (r) => formatPercent(r.onTimeRate, lang), num: true },
        ]}
      />
    </section>
  );
}

function OverdueList({ entries }: { entries: readonly OverdueEntry[] }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const statusOf = (s: string) => (statusLabels[lang] as Record<string, string>)[s] ?? s;
  return (
    <section className="card stack" aria-labelledby="dossiers-overdue">
      <h2 id="dossiers-overdue">
        {t('overdueList')} <span className="badge badge-bad">{formatNumber(entries.length, lang)}</span>
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('overdueNone')}</p>
      ) : (
        <DataTable
          caption={t('overdueList')}
          rows={entries}
          rowKey={(e) => e.code}
          tall
          columns={[
            { header: t('code'), cell: (e) => <Link to={paths.dossier(e.code)}>{e.code}</Link> },
            { header: t('procedure'), cell: (e) => e.procedureName },
            { header: t('status'), cell: (e) => statusOf(e.status) },
            { header: t('dueAt'), cell: (e) => formatDateTime(e.dueAt) },
          ]}
        />
      )}
    </section>
  );
}
