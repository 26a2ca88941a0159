import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Empty, Field, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { filterWards } from './queue.ts';
import { queueMessages } from './queue-messages.ts';
import './public.css';

/** Every ward's queue board, grouped by district, with a name filter for the phone. */
export default function QueueBoardsPage() {
  const t = useT(queueMessages);
  const tc = useT(common);
  const [q, setQ] = useState('');
  const units = useLoad(() => loadUnits(), []);
  const districts = units.data ? filterWards(units.data.districts, q) : [];
  return (
    <div className="stack public-page">
      <PageTitle>{t('boardsTitle')}</PageTitle>
      <p className="public-intro">{t('boardsIntro')}</p>
      <search className="card ward-search">
        <Field label={t('findWard')}>
          {(props) => <input {...props} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
      </search>
      {units.error ? <ErrorMessage error={units.error} onRetry={units.reload} /> : null}
      {!units.data && !units.error ? <Loading label={tc('loading')} /> : null}
      {units.data && districts.length === 0 ? <Empty>{t('noWard')}</Empty> : null}
      {districts.map((d) => (
        <section key={d.id} className="card" aria-labelledby={`district-${d.id}`}>
          <h2 id={`district-${d.id}`}>{d.name}</h2>
          <ul className="ward-links">
            {d.wards.map((w) => (
              <li key={w.id}>
                <Link to={paths.queueBoard(w.id)}>{w.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
