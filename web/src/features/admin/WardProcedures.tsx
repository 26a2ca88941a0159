import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import type { Procedure } from '../../shared/api/types.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { Empty } from '../../shared/ui/ui.tsx';
import { adminMessages } from './messages.ts';
import type { FieldGroup } from './ward-catalogue.ts';

/** The procedures the ward receives, by field, each field marked with the counters serving it. */
export function WardProcedures({ groups }: { groups: readonly FieldGroup[] }) {
  const t = useT(adminMessages);
  const { lang } = useLang();
  const days = (p: Procedure) =>
    p.processingDays === null
      ? t('unknownValue')
      : p.processingDays === 0
        ? t('sameDay')
        : t('workingDays', { days: p.processingDays });
  return (
    <section className="stack" aria-labelledby="procedures-heading">
      <div>
        <h2 id="procedures-heading">{t('proceduresHeading')}</h2>
        <p className="muted">{t('proceduresIntro')}</p>
      </div>
      {groups.length === 0 ? <Empty>{t('noProcedures')}</Empty> : null}
      {groups.map((group) => {
        const headingId = `procedures-${group.fieldId}`;
        const name = (lang === 'en' ? group.field?.nameEn : group.field?.name) ?? group.fieldId;
        return (
          <section key={group.fieldId} className="card stack" aria-labelledby={headingId}>
            <div className="section-head">
              <h3 id={headingId}>{name}</h3>
              <span className="muted">{t('procedureCount', { count: group.procedures.length })}</span>
              <span className={`badge ${group.counters.length ? 'badge-ok' : 'badge-warn'}`}>
                {group.counters.length
                  ? t('fieldServedBy', { counters: group.counters.join(', ') })
                  : t('fieldNotServed')}
              </span>
            </div>
            <table className="procedure-table">
              <thead>
                <tr>
                  <th scope="col">{t('codeColumn')}</th>
                  <th scope="col">{t('nameColumn')}</th>
                  <th scope="col">{t('daysColumn')}</th>
                  <th scope="col">{t('feeColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {group.procedures.map((p) => (
                  <tr key={p.id}>
                    <td className="nowrap">{p.id}</td>
                    <td>
                      <Link to={paths.procedure(p.id)}>{lang === 'en' ? p.nameEn : p.name}</Link>
                    </td>
                    <td className="nowrap">{days(p)}</td>
                    <td className="small-text">
                      {p.fee?.text ?? <span className="muted">{t('unknownValue')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </section>
  );
}
