import { useId } from 'react';
import type { DossierPage } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { historyLabels, outcomeLabels, roleLabels, statusLabels } from './labels.ts';
import { dossierMessages } from './messages.ts';

type RoleKey = keyof typeof roleLabels.vi;
const isRole = (value: string): value is RoleKey => Object.hasOwn(roleLabels.vi, value);

const OUTCOME_BADGE = { early: 'badge-ok', on_time: 'badge-ok', late: 'badge-bad' } as const;

/** The process-control timeline (form 06): each hand-off with its time, actor, step and outcome. */
export function HistoryCard({ history }: { history: DossierPage['history'] }) {
  const t = useT(dossierMessages);
  const th = useT(historyLabels);
  const ts = useT(statusLabels);
  const to = useT(outcomeLabels);
  const tr = useT(roleLabels);
  const headingId = useId();
  const rows = [...history].sort((a, b) => a.seq - b.seq);
  // A hand-off names a user, or a role when it goes to whoever holds it (the leader, the counter).
  const nameOf = (to: string) => (isRole(to) ? tr(to) : to);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionHistory')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('noHistory')}</p>
      ) : (
        <div className="table-scroll">
          <table className="history" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('colTime')}</th>
                <th scope="col">{t('colActor')}</th>
                <th scope="col">{t('colStep')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colReason')}</th>
                <th scope="col">{t('colOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => {
                // The API fills an empty note with the step's own name; repeating it says nothing.
                const note = h.note && h.note !== historyLabels.vi[h.action] ? h.note : undefined;
                return (
                  <tr key={h.seq}>
                    <td className="nowrap">{formatDateTime(h.at)}</td>
                    <td>
                      {h.actor.userId}
                      <div className="muted">{tr(h.actor.role)}</div>
                    </td>
                    <td>{th(h.action)}</td>
                    <td>{h.from && h.from !== h.to ? `${ts(h.from)} → ${ts(h.to)}` : ts(h.to)}</td>
                    <td className="pre-line">
                      {[h.reason, note, h.handoffTo ? t('handoff', { to: nameOf(h.handoffTo) }) : undefined]
                        .filter(Boolean)
                        .join('\n')}
                    </td>
                    <td>
                      <span className={`badge ${OUTCOME_BADGE[h.outcome]}`}>{to(h.outcome)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
