import { Link, useLocation, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ApiError, api } from '../../shared/api/client.ts';
import type { Procedure, Units } from '../../shared/api/types.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { fieldName, loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { feeText, procedureName, processingTimeText } from './catalogue.ts';
import { catalogueMessages } from './catalogue-messages.ts';
import './public.css';

/** The office closes at 17:00; an earlier cutoff (certification: 15:00) is worth telling citizens. */
const OFFICE_CLOSES = '17:00';

/** One procedure: what to bring, how long, how much, on which law, and where to submit it. */
export default function ProcedurePage() {
  const t = useT(catalogueMessages);
  const tc = useT(common);
  const { id = '' } = useParams();
  const state: unknown = useLocation().state;
  const back =
    state && typeof state === 'object' && 'back' in state && typeof state.back === 'string'
      ? state.back
      : paths.procedures;
  const loaded = useLoad(
    (signal) =>
      Promise.all([
        api<Procedure>(`/v1/procedures/${encodeURIComponent(id)}`, { signal }),
        loadUnits(),
      ] as const),
    [id],
  );
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <div className="stack public-page">
      <p className="back-link">
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {t('back')}
        </Link>
      </p>
      {notFound ? <Alert>{t('procedureNotFound')}</Alert> : null}
      {loaded.error && !notFound ? <ErrorMessage error={loaded.error} onRetry={loaded.reload} /> : null}
      {!loaded.data && !loaded.error ? <Loading label={tc('loading')} /> : null}
      {loaded.data && !loaded.error ? <Details procedure={loaded.data[0]} units={loaded.data[1]} /> : null}
    </div>
  );
}

function Details({ procedure: p, units }: { procedure: Procedure; units: Units }) {
  const t = useT(catalogueMessages);
  const { lang } = useLang();
  const field = units.fields.find((f) => f.id === p.fieldId);
  const notPublished = t('notPublished');
  return (
    <>
      <PageTitle>{procedureName(p, lang)}</PageTitle>
      {lang === 'en' ? (
        <p className="muted" lang="vi">
          {p.name}
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="summary-title">
          <h2 id="summary-title">{t('summary')}</h2>
          <dl className="facts facts-wide">
            <div>
              <dt>{t('code')}</dt>
              <dd>{p.id}</dd>
            </div>
            <div>
              <dt>{t('field')}</dt>
              <dd>{fieldName(p.fieldId, lang, units.fields)}</dd>
            </div>
            <div>
              <dt>{t('time')}</dt>
              <dd>{processingTimeText(p.processingDays, lang)}</dd>
            </div>
            {p.extension ? (
              <div>
                <dt>{t('extension')}</dt>
                <dd>{t('extensionText', { days: p.extension.upToDays, when: p.extension.when })}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('fee')}</dt>
              <dd>{feeText(p.fee, lang)}</dd>
            </div>
            <div>
              <dt>{t('legalBasis')}</dt>
              <dd>{p.legalBasis ?? notPublished}</dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="where-title">
          <h2 id="where-title">{t('where')}</h2>
          <p>{t('whereText')}</p>
          {field ? (
            <p>
              <strong>
                {t('counters', {
                  counters: field.counters.join(', '),
                  field: fieldName(field.id, lang, units.fields),
                })}
              </strong>
            </p>
          ) : null}
          {p.cutoff < OFFICE_CLOSES ? <p className="muted">{t('cutoff', { time: p.cutoff })}</p> : null}
          <p>
            <Link to={paths.queueBoards}>{t('takeNumber')}</Link>
          </p>
        </section>
      </div>
      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('documents')}</h2>
        {p.requiredDocuments ? (
          <ol className="documents">
            {p.requiredDocuments.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
        ) : (
          <p>{t('documentsUnknown')}</p>
        )}
      </section>
    </>
  );
}
