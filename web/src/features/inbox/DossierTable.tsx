import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../app/paths.ts';
import type { StaffDossier } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Empty } from '../../shared/ui/ui.tsx';
import { dueStateOf } from '../dossier/deadline.ts';
import { statusLabels } from '../dossier/labels.ts';
import { inboxMessages } from './messages.ts';
import { badgeClassOf, rowClassOf } from './rows.ts';

/**
 * Dossiers as rows, coloured by deadline. The code is the row's link (keyboard and screen
 * readers use it); a click anywhere else on the row opens the dossier too.
 */
export function DossierTable({
  items,
  now,
  label,
}: {
  items: readonly StaffDossier[];
  now: Date;
  label: string;
}) {
  const t = useT(inboxMessages);
  const ts = useT(statusLabels);
  const navigate = useNavigate();
  if (items.length === 0) return <Empty>{t('empty')}</Empty>;

  const open = (event: MouseEvent, code: string) => {
    // The link handles its own clicks; a text selection is not a click to open.
    if ((event.target as Element).closest('a') || window.getSelection()?.toString()) return;
    navigate(paths.dossier(code));
  };

  return (
    <div className="table-scroll">
      <table className="inbox-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colCode')}</th>
            <th scope="col">{t('colProcedure')}</th>
            <th scope="col">{t('colApplicant')}</th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colDue')}</th>
            <th scope="col">{t('colState')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const state = dueStateOf(d, now);
            return (
              <tr key={d.code} className={rowClassOf(state)} onClick={(e) => open(e, d.code)}>
                <td className="nowrap">
                  <Link to={paths.dossier(d.code)}>{d.code}</Link>
                </td>
                <td>{d.procedureName ?? d.procedureId}</td>
                <td>{d.applicant.fullName}</td>
                <td>{ts(d.status)}</td>
                <td className="nowrap">{formatDateTime(d.dueAt)}</td>
                <td>
                  <span className={`badge ${badgeClassOf(state)}`}>{t(state)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
