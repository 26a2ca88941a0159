import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { Alert } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { DEVICE_MAX_DAYS, type DevicesAnswer, loadDevices } from './api.ts';
import { Chart, COLORS } from './Chart.tsx';
import { bucketLabel } from './labels.ts';
import { dashboardsMessages } from './messages.ts';
import { formatNumber } from './numbers.ts';
import { DataTable, Kpis, PanelState } from './PanelState.tsx';
import { daysIn } from './period.ts';
import type { DashboardView } from './view.ts';

const isEmpty = (d: DevicesAnswer) =>
  !d.agent && d.totals.onlineMinutes + d.totals.printerAlerts + d.totals.paperLow + d.totals.paperOut === 0;

/** A ward's devices: how long its server was online each day, and the ticket printer's alerts. */
export function DevicesPanel({ view }: { view: DashboardView }) {
  const t = useT(dashboardsMessages);
  if (view.scope.kind !== 'ward') return <Alert kind="info">{t('devicesWardOnly')}</Alert>;
  if (daysIn(view.period.from, view.period.to) > DEVICE_MAX_DAYS)
    return <Alert kind="info">{t('devicesTooLong', { days: DEVICE_MAX_DAYS })}</Alert>;
  return <DevicesLoader view={view} />;
}

function DevicesLoader({ view }: { view: DashboardView }) {
  const loaded = useLoad((signal) => loadDevices(view.ask, signal), []);
  return (
    <PanelState loaded={loaded} isEmpty={isEmpty}>
      {(data) => <Devices data={data} />}
    </PanelState>
  );
}

function Devices({ data }: { data: DevicesAnswer }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const n = (v: number | null) => formatNumber(v, lang);
  const hours = (minutes: number) => Math.round(minutes / 6) / 10;
  const agent = data.agent
    ? t(data.agent.online ? 'agentOnline' : 'agentOffline', { at: formatDateTime(data.agent.lastSeenAt) })
    : t('agentUnknown');
  return (
    <>
      <Kpis
        items={[
          { label: t('agentNow'), value: agent },
          { label: t('onlineHours'), value: t('hours', { n: n(hours(data.totals.onlineMinutes)) }) },
          { label: t('printerAlerts'), value: n(data.totals.printerAlerts) },
          { label: t('paperOut'), value: n(data.totals.paperOut) },
          { label: t('paperLow'), value: n(data.totals.paperLow) },
        ]}
      />
      <section className="card stack" aria-labelledby="devices-online">
        <h2 id="devices-online">{t('onlineTime')}</h2>
        <Chart
          label={t('onlineTimeChart', { hours: n(hours(data.totals.onlineMinutes)) })}
          labels={data.days.map((d) => bucketLabel({ from: d.day, to: d.day }, 'day'))}
          series={[
            {
              label: t('onlineHours'),
              data: data.days.map((d) => hours(d.onlineMinutes)),
              color: COLORS.green,
            },
            {
              label: t('printerAlerts'),
              data: data.days.map((d) => d.printerAlerts),
              color: COLORS.vermillion,
              kind: 'line',
            },
          ]}
          format={n}
        />
        <DataTable
          caption={t('printerTable')}
          rows={data.days}
          rowKey={(d) => d.day}
          tall
          columns={[
            { header: t('day'), cell: (d) => formatDate(d.day) },
            { header: t('onlineHours'), cell: (d) => n(hours(d.onlineMinutes)), num: true },
            { header: t('printerAlerts'), cell: (d) => n(d.printerAlerts), num: true },
            { header: t('paperOut'), cell: (d) => n(d.paperOut), num: true },
            { header: t('paperLow'), cell: (d) => n(d.paperLow), num: true },
          ]}
        />
      </section>
    </>
  );
}
