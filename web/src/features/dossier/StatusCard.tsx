import { useId, useMemo } from 'react';
import type { DossierPage } from '../../shared/api/types.ts';
import { formatDateTime, localToday } from '../../shared/format.ts';
import { type Translate, useT } from '../../shared/i18n/i18n.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { type DueSummary, dueSummaryOf, localDayOf } from './deadline.ts';
import { type NationalCode, nationalLabels, outcomeLabels, statusLabels } from './labels.ts';
import { loadWorkingDays } from './load.ts';
import { dossierMessages } from './messages.ts';

/** Status (internal and national), deadline with the working days left, who handles it. */
export function StatusCard({ dossier }: { dossier: DossierPage }) {
  const t = useT(dossierMessages);
  const ts = useT(statusLabels);
  const tn = useT(nationalLabels);
  const to = useT(outcomeLabels);
  const headingId = useId();
  const national = String(dossier.nationalStatus) as NationalCode;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionStatus')}</h2>
      <dl className="facts">
        <dt>{t('status')}</dt>
        <dd>
          <span className="badge status-badge">{ts(dossier.status)}</span>
          <div className="muted">{t('national', { n: dossier.nationalStatus, name: tn(national) })}</div>
        </dd>
        <dt>{t('dueAt')}</dt>
        <dd>
          <DueLine dossier={dossier} />
        </dd>
        <dt>{t('assignee')}</dt>
        <dd>{dossier.assignee ?? <span className="muted">{t('noAssignee')}</span>}</dd>
        <dt>{t('receivedAt')}</dt>
        <dd>
          {formatDateTime(dossier.receivedAt)} · {t('receivedBy')}: {dossier.receivedBy}
        </dd>
        <dt>{t('channel')}</dt>
        <dd>{t(dossier.channel)}</dd>
        {dossier.outcome ? (
          <>
            <dt>{t('outcome')}</dt>
            <dd>{to(dossier.outcome)}</dd>
          </>
        ) : null}
        {dossier.reason ? (
          <>
            <dt>{t('latestReason')}</dt>
            <dd className="pre-line">{dossier.reason}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

const BADGE: Record<DueSummary['kind'], string> = {
  left: 'badge-ok',
  due_today: 'badge-warn',
  overdue: 'badge-bad',
  paused: '',
  done: '',
};

/** `05/03/2026 17:00` and how many working days remain, from the published working calendar. */
function DueLine({ dossier }: { dossier: DossierPage }) {
  const t = useT(dossierMessages);
  const now = useMemo(() => new Date(), []);
  const today = localToday(now);
  const dueDay = localDayOf(dossier.dueAt);
  // Without the calendar the due date still shows; only the count of days waits for it.
  const calendar = useLoad((signal) => loadWorkingDays(today, dueDay, signal), [today, dueDay]);
  const summary = dueSummaryOf(dossier, now, calendar.data);
  const words = describe(summary, t);
  return (
    <>
      {formatDateTime(dossier.dueAt)}
      {words ? (
        <>
          {' '}
          <span className={`badge ${BADGE[summary.kind]}`}>{words}</span>
        </>
      ) : null}
    </>
  );
}

function describe(summary: DueSummary, t: Translate<keyof typeof dossierMessages.vi>) {
  switch (summary.kind) {
    case 'left':
      return summary.days === undefined ? '' : t('daysLeft', { n: summary.days });
    case 'overdue':
      return summary.days ? t('overdueDays', { n: summary.days }) : t('overdue');
    case 'due_today':
      return t('dueToday');
    case 'paused':
      return t('paused');
    case 'done':
      return '';
  }
}
