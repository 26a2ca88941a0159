import type { RefObject } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import type { PublicDossier } from '../../shared/api/types.ts';
import { formatDateTime, formatTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { Button } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { procedureName } from './catalogue.ts';
import { loadCatalogue } from './data.ts';
import { lookupMessages } from './lookup-messages.ts';
import { nationalStatusText, statusText, statusTone } from './status.ts';

/** The dossier's status for the citizen, in plain words, with a refresh. */
export function LookupResult({
  dossier: d,
  checkedAt,
  refreshing,
  onRefresh,
  headingRef,
}: {
  dossier: PublicDossier;
  checkedAt: Date;
  refreshing: boolean;
  onRefresh: () => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useT(lookupMessages);
  const { lang } = useLang();
  // The API names the procedure in Vietnamese; the catalogue (fetched once) has the English name.
  const catalogue = useLoad(() => loadCatalogue(), []);
  const procedure = catalogue.data?.find((p) => p.id === d.procedureId);
  const status = statusText(d.status, lang);
  return (
    <section className="card stack lookup-result" aria-labelledby="lookup-result-title">
      <div className="page-title">
        <h2 id="lookup-result-title" ref={headingRef} tabIndex={-1}>
          {t('result', { code: d.code })}
        </h2>
        <div className="page-actions">
          <span className="muted">{t('checkedAt', { time: formatTime(checkedAt) })}</span>
          <Button variant="secondary" busy={refreshing} onClick={onRefresh}>
            {t('refresh')}
          </Button>
        </div>
      </div>
      <p className="status-line">
        <span>{t('status')}:</span>{' '}
        <span className={`badge badge-${statusTone(d.status)} status-badge`}>
          {lang === 'en' ? status.label : d.statusLabel}
        </span>
      </p>
      <div className="alert alert-info status-meaning">
        <p>
          <strong>{t('meaning')}: </strong>
          {status.meaning}
        </p>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('procedure')}</dt>
          <dd>
            <Link to={paths.procedure(d.procedureId)}>
              {procedure ? procedureName(procedure, lang) : (d.procedureName ?? d.procedureId)}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('ward')}</dt>
          <dd>{d.ward.name ?? d.ward.id}</dd>
        </div>
        <div>
          <dt>{t('nationalStatus')}</dt>
          <dd>
            {d.nationalStatus} – {nationalStatusText(d.nationalStatus, d.nationalStatusName, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('receivedAt')}</dt>
          <dd>{formatDateTime(d.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('dueAt')}</dt>
          <dd>{formatDateTime(d.dueAt)}</dd>
        </div>
        <div>
          <dt>{t('updatedAt')}</dt>
          <dd>{formatDateTime(d.updatedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
