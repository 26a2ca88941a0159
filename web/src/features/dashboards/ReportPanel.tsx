import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { figureColumns } from '../../../../functions/domain/stats/report-06a.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { describeError } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { loadReport, type Report06aAnswer, type Report06aFigures, type ReportBy } from './api.ts';
import type { ExportFormat } from './download.ts';
import { downloadReport } from './export-report.ts';
import { dashboardsMessages } from './messages.ts';
import { formatNumber } from './numbers.ts';
import { PanelState } from './PanelState.tsx';
import { childScope } from './scope.ts';
import type { DashboardView } from './view.ts';

export const REPORT_BYS: readonly ReportBy[] = ['unit', 'field', 'procedure'];

/**
 * The columns of the official form, in its order: the server's own list (a pure module without
 * zod, so it can ship in the bundle).
 */
const figures = figureColumns;

const isEmpty = (r: Report06aAnswer) => figures(r.totals).every((n) => n === 0);

/** Report II.06a over the period, by unit, field or procedure, with its Excel and CSV exports. */
export function ReportPanel({
  view,
  by,
  onBy,
}: {
  view: DashboardView;
  by: ReportBy;
  onBy: (by: ReportBy) => void;
}) {
  const t = useT(dashboardsMessages);
  // The breakdown lives in the address, which the router updates in a transition: the radio
  // shows the choice at once instead of springing back until the new address renders.
  const [chosen, setChosen] = useState(by);
  useEffect(() => setChosen(by), [by]);
  const loaded = useLoad((signal) => loadReport(view.ask, by, signal), [by]);
  return (
    <section className="card stack report" aria-labelledby="report-title">
      <div className="report-head">
        <h2 id="report-title">{t('reportTitle')}</h2>
        <Exports view={view} by={by} />
      </div>
      <fieldset className="segmented">
        <legend>{t('reportBy')}</legend>
        {REPORT_BYS.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="report-by"
              value={option}
              checked={chosen === option}
              onChange={() => {
                setChosen(option);
                onBy(option);
              }}
            />
            <span>{t(`by_${option}`)}</span>
          </label>
        ))}
      </fieldset>
      <PanelState loaded={loaded} isEmpty={isEmpty}>
        {(report) => <ReportTable report={report} view={view} />}
      </PanelState>
    </section>
  );
}

function Exports({ view, by }: { view: DashboardView; by: ReportBy }) {
  const t = useT(dashboardsMessages);
  const tc = useT(common);
  const [busy, setBusy] = useState<ExportFormat>();
  const [error, setError] = useState<unknown>();
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(undefined);
    try {
      await downloadReport(view.scope, view.period, by, format, view.ask.district);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="stack exports">
      <div className="row">
        <Button onClick={() => run('xlsx')} busy={busy === 'xlsx'} disabled={!!busy}>
          {t('exportExcel')}
        </Button>
        <Button variant="secondary" onClick={() => run('csv')} busy={busy === 'csv'} disabled={!!busy}>
          {t('exportCsv')}
        </Button>
      </div>
      {error ? <Alert>{t('exportFailed', { reason: describeError(error, tc) })}</Alert> : null}
    </div>
  );
}

function ReportTable({ report, view }: { report: Report06aAnswer; view: DashboardView }) {
  const t = useT(dashboardsMessages);
  const { lang } = useLang();
  const cells = (f: Report06aFigures) =>
    figures(f).map((n, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed, in the form's order
      <td key={i} className="num">
        {formatNumber(n, lang)}
      </td>
    ));
  const nameOf = (key: string, name: string) => {
    const child = report.by === 'unit' ? childScope(view.scope, key) : undefined;
    return child ? <Link to={view.hrefOf(child)}>{name}</Link> : name;
  };
  return (
    <>
      <div className="table-scroll">
        <table className="report-table">
          <caption className="visually-hidden">{t('reportTitle')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t(`by_${report.by}`)}
              </th>
              <th scope="colgroup" colSpan={4}>
                {t('colReceived')}
              </th>
              <th scope="colgroup" colSpan={4}>
                {t('colResolved')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('colPending')}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {t('colRefused')}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {t('colWithdrawn')}
              </th>
            </tr>
            <tr>
              {(
                [
                  'colTotal',
                  'colOnline',
                  'colInPerson',
                  'colCarried',
                  'colTotal',
                  'colEarly',
                  'colOnTime',
                  'colLate',
                  'colTotal',
                  'colWithin',
                  'colOverdue',
                ] as const
              ).map((key, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the sub-headers repeat, their place is their identity
                <th scope="col" key={i} className="num">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{nameOf(row.key, row.name)}</th>
                {cells(row)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('totals')}</th>
              {cells(report.totals)}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">{t('generatedAt', { at: formatDateTime(report.generatedAt) })}</p>
    </>
  );
}
