import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import type { Field as CatalogueField, Procedure } from '../../shared/api/types.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Empty, Field, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { fieldName, loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { feeText, procedureName, processingTimeText, searchProcedures } from './catalogue.ts';
import { catalogueMessages } from './catalogue-messages.ts';
import { loadCatalogue } from './data.ts';
import './public.css';

/** The procedure catalogue; on `/` it is also the portal's home, with shortcuts above the search. */
export default function ProceduresPage() {
  const t = useT(catalogueMessages);
  const isHome = useLocation().pathname === paths.home;
  return (
    <div className="stack public-page">
      {isHome ? (
        <>
          <PageTitle>{t('homeTitle')}</PageTitle>
          <HomeIntro />
        </>
      ) : (
        <PageTitle>{t('title')}</PageTitle>
      )}
      <Catalogue headingLevel={isHome ? 2 : undefined} />
    </div>
  );
}

function HomeIntro() {
  const t = useT(catalogueMessages);
  return (
    <section className="stack" aria-label={t('quickLinks')}>
      <p className="public-intro">{t('homeIntro')}</p>
      <div className="home-links">
        <div className="home-card">
          <Link className="home-link" to={paths.lookup} aria-describedby="home-lookup-hint">
            {t('homeLookup')}
          </Link>
          <p id="home-lookup-hint">{t('homeLookupHint')}</p>
        </div>
        <div className="home-card">
          <Link className="home-link" to={paths.queueBoards} aria-describedby="home-queue-hint">
            {t('homeQueue')}
          </Link>
          <p id="home-queue-hint">{t('homeQueueHint')}</p>
        </div>
      </div>
    </section>
  );
}

/** Search and field filter live in the address, so going back from a procedure keeps them. */
function Catalogue({ headingLevel }: { headingLevel?: 2 | undefined }) {
  const t = useT(catalogueMessages);
  const tc = useT(common);
  const { lang } = useLang();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const fieldId = params.get('field') ?? '';
  // The field keeps what is typed: the address follows in a router transition, and a field bound
  // to the address alone would spring back and drop keys typed before it catches up. The address
  // wins only when it changes from elsewhere (back, a link).
  const [typed, setTyped] = useState(q);
  // What this field sent and the address has not shown yet, oldest first: the address may pass
  // through older words before it reaches the latest.
  const sent = useRef<string[]>([]);
  useEffect(() => {
    const mine = sent.current.indexOf(q);
    if (mine >= 0) sent.current.splice(0, mine + 1);
    else setTyped(q);
  }, [q]);
  const loaded = useLoad(() => Promise.all([loadCatalogue(), loadUnits()]), []);

  const update = (name: 'q' | 'field', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const fields = loaded.data?.[1].fields;
  const found = loaded.data ? searchProcedures(loaded.data[0], { q, fieldId }) : [];
  return (
    <section className="stack" aria-labelledby="catalogue-title">
      {headingLevel ? (
        <h2 id="catalogue-title">{t('title')}</h2>
      ) : (
        <span id="catalogue-title" className="visually-hidden">
          {t('title')}
        </span>
      )}
      <search className="card catalogue-search">
        <Field label={t('search')} hint={t('searchHint')}>
          {(props) => (
            <input
              {...props}
              type="search"
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                sent.current.push(e.target.value);
                update('q', e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('field')}>
          {(props) => (
            <select {...props} value={fieldId} onChange={(e) => update('field', e.target.value)}>
              <option value="">{t('allFields')}</option>
              {fields?.map((f) => (
                <option key={f.id} value={f.id}>
                  {lang === 'en' ? f.nameEn : f.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </search>
      {loaded.error && !loaded.data ? <ErrorMessage error={loaded.error} onRetry={loaded.reload} /> : null}
      {!loaded.data && !loaded.error ? <Loading label={tc('loading')} /> : null}
      {loaded.data ? (
        <>
          <p className="muted found-count" role="status">
            {t('found', { count: found.length })}
          </p>
          {found.length === 0 ? (
            <Empty>{t('none')}</Empty>
          ) : (
            <ul className="procedure-list" aria-label={t('results')}>
              {found.map((p) => (
                <ProcedureItem
                  key={p.id}
                  procedure={p}
                  fields={fields}
                  back={`${location.pathname}${location.search}`}
                />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function ProcedureItem({
  procedure: p,
  fields,
  back,
}: {
  procedure: Procedure;
  fields: readonly CatalogueField[] | undefined;
  back: string;
}) {
  const t = useT(catalogueMessages);
  const { lang } = useLang();
  return (
    <li className="card procedure-item">
      <h3>
        <Link to={paths.procedure(p.id)} state={{ back }}>
          {procedureName(p, lang)}
        </Link>
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('code')}</dt>
          <dd>{p.id}</dd>
        </div>
        <div>
          <dt>{t('time')}</dt>
          <dd>{processingTimeText(p.processingDays, lang)}</dd>
        </div>
        <div>
          <dt>{t('fee')}</dt>
          <dd>{feeText(p.fee, lang)}</dd>
        </div>
        <div>
          <dt>{t('field')}</dt>
          <dd>{fieldName(p.fieldId, lang, fields)}</dd>
        </div>
      </dl>
    </li>
  );
}
