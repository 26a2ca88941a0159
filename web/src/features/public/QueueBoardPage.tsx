import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ApiError, api } from '../../shared/api/client.ts';
import type { Units } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button, Loading } from '../../shared/ui/ui.tsx';
import { fieldName, findWard, loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { clockTime, type PublicQueueBoard, totalWaiting } from './queue.ts';
import { queueMessages } from './queue-messages.ts';
import './public.css';

/** As often as the hall display: a citizen on the phone sees their number come up in time. */
const REFRESH_MS = 5_000;

interface Snapshot {
  readonly board: PublicQueueBoard;
  readonly at: Date;
}

/** A ward's live queue board: the number at each counter and who is waiting per field. */
export default function QueueBoardPage() {
  const t = useT(queueMessages);
  const tc = useT(common);
  const { wardId = '' } = useParams();
  const units = useLoad(() => loadUnits(), []);
  const ward = units.data ? findWard(wardId, units.data) : undefined;
  const snapshot = useLoad(
    async (signal): Promise<Snapshot | undefined> =>
      ward
        ? {
            board: await api<PublicQueueBoard>(`/v1/public/wards/${encodeURIComponent(ward.id)}/queue`, {
              district: ward.districtId,
              signal,
            }),
            at: new Date(),
          }
        : undefined,
    [ward?.id],
    REFRESH_MS,
  );
  const unknownWard =
    (units.data && !ward) || (snapshot.error instanceof ApiError && snapshot.error.status === 404);

  if (units.error) return <ErrorMessage error={units.error} onRetry={units.reload} />;
  if (unknownWard)
    return (
      <div className="stack public-page">
        <Alert>{t('wardNotFound')}</Alert>
        <p>
          <Link to={paths.queueBoards}>{t('allWards')}</Link>
        </p>
      </div>
    );
  if (!snapshot.data || !units.data) {
    if (snapshot.error) return <ErrorMessage error={snapshot.error} onRetry={snapshot.reload} />;
    return <Loading label={tc('loading')} />;
  }
  return (
    <Board
      snapshot={snapshot.data}
      units={units.data}
      stale={Boolean(snapshot.error)}
      title={ward?.name ?? snapshot.data.board.ward.name}
    />
  );
}

function Board({
  snapshot: { board, at },
  units,
  stale,
  title,
}: {
  snapshot: Snapshot;
  units: Units;
  stale: boolean;
  title: string;
}) {
  const t = useT(queueMessages);
  const { lang } = useLang();
  const frame = useRef<HTMLDivElement>(null);
  const nameOf = (id: string, fallback?: string) => fieldName(id, lang, units.fields, fallback);
  return (
    <div className="stack public-page queue-board" ref={frame}>
      <div className="page-title">
        <h1>{title}</h1>
        <div className="page-actions">
          <span className="board-updated" aria-live="off">
            {t('updatedAt', { time: clockTime(at) })}
          </span>
          {document.fullscreenEnabled ? (
            <Button variant="secondary" onClick={() => void frame.current?.requestFullscreen()}>
              {t('fullscreen')}
            </Button>
          ) : null}
        </div>
      </div>
      {board.agentOnline ? null : (
        <Alert kind="warning">
          <span>
            {t('offline')}
            {board.lastSeenAt ? `. ${t('lastSeen', { time: formatDateTime(board.lastSeenAt) })}` : null}
          </span>
        </Alert>
      )}
      {stale ? <p className="muted">{t('refreshFailed')}</p> : null}
      <div className="board-panels">
        <section className="board-section" aria-labelledby="serving-title">
          <h2 id="serving-title">{t('serving')}</h2>
          {board.counters.length === 0 ? <p className="muted">{t('noCounters')}</p> : null}
          <ul className="counter-tiles">
            {board.counters.map((c) => (
              <li key={c.counter} className="counter-tile">
                <h3 className="counter-name">{t('counter', { n: c.counter })}</h3>
                <p className={`counter-number ${c.serving ? '' : 'counter-idle'}`}>
                  <span className="visually-hidden">{t('serving')}: </span>
                  {c.serving ?? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{t('idle')}</span>
                    </>
                  )}
                </p>
                <p className="counter-fields">{c.fields.map((f) => nameOf(f)).join(', ')}</p>
              </li>
            ))}
          </ul>
        </section>
        <section className="board-section" aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('waiting')}</h2>
          <ul className="waiting-list">
            {board.fields.map((f) => (
              <li key={f.field}>
                <span className="waiting-field">{nameOf(f.field, f.name)}</span>
                <span className="waiting-number">
                  <span aria-hidden="true">{f.waiting}</span>
                  <span className="visually-hidden">{t('waitingCount', { n: f.waiting })}</span>
                </span>
              </li>
            ))}
          </ul>
          <p className="muted">{t('totalWaiting', { n: totalWaiting(board) })}</p>
        </section>
      </div>
    </div>
  );
}
