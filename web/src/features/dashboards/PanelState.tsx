import type { ReactNode } from 'react';
import { ApiError } from '../../shared/api/client.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Alert, Empty, Loading } from '../../shared/ui/ui.tsx';
import type { Loaded } from '../../shared/use-load.ts';
import { dashboardsMessages } from './messages.ts';

/** A panel's loading, error, 403 and empty states; its content once there is something to show. */
export function PanelState<T>({
  loaded,
  isEmpty,
  children,
}: {
  loaded: Loaded<T>;
  isEmpty: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT(dashboardsMessages);
  const { data, error, loading, reload } = loaded;
  if (error instanceof ApiError && error.status === 403) return <Alert>{t('forbidden')}</Alert>;
  if (error && !data) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return loading ? <Loading label={t('loading')} /> : null;
  return (
    <div className="stack" aria-busy={loading || undefined}>
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {isEmpty(data) ? <Empty>{t('empty')}</Empty> : children(data)}
    </div>
  );
}

/** Headline figures above a panel's charts. */
export function Kpis({ items }: { items: readonly { label: string; value: string }[] }) {
  return (
    <dl className="kpis">
      {items.map((item) => (
        <div className="kpi" key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface Column<R> {
  readonly header: string;
  readonly cell: (row: R) => ReactNode;
  /** Right-aligned figures. */
  readonly num?: boolean;
}

/** A plain data table: what a chart shows, in numbers, for reading and for screen readers. */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  foot,
  tall = false,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  foot?: R | undefined;
  /** Long lists scroll inside a box instead of stretching the page. */
  tall?: boolean;
}) {
  const cells = (row: R, header: boolean) =>
    columns.map((c, i) =>
      i === 0 && header ? (
        <th key={c.header} scope="row">
          {c.cell(row)}
        </th>
      ) : (
        <td key={c.header} className={c.num ? 'num' : undefined}>
          {c.cell(row)}
        </td>
      ),
    );
  return (
    <div className={tall ? 'table-scroll table-tall' : 'table-scroll'}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>{cells(row, true)}</tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr>{cells(foot, true)}</tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
