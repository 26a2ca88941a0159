import { useState } from 'react';
import type { DossierStatus, StaffDossier } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { statusLabels } from '../dossier/labels.ts';
import { DossierList } from './DossierList.tsx';
import { DossierTable } from './DossierTable.tsx';
import { inboxMessages } from './messages.ts';
import { countWard, OPEN_ORDER } from './rows.ts';

const OPEN_QUERY = {};

/** Every open dossier of a ward: counts per status (each filters the list) and the list by due time. */
export function WardOverview({ wardId, district }: { wardId: string; district: string }) {
  const t = useT(inboxMessages);
  return (
    <DossierList wardId={wardId} district={district} query={OPEN_QUERY} label={t('overview')}>
      {(items, now) => <Overview items={items} now={now} />}
    </DossierList>
  );
}

function Overview({ items, now }: { items: readonly StaffDossier[]; now: Date }) {
  const t = useT(inboxMessages);
  const ts = useT(statusLabels);
  const [filter, setFilter] = useState<DossierStatus>();
  const counts = countWard(items, now);
  const shown = filter ? items.filter((i) => i.status === filter) : items;
  const chip = (status: DossierStatus | undefined, label: string, count: number) => (
    <button
      key={status ?? 'all'}
      type="button"
      className={`status-chip ${count === 0 ? 'status-chip-zero' : ''}`}
      aria-pressed={filter === status}
      onClick={() => setFilter(status)}
    >
      <span>{label}</span> <strong>{count}</strong>
    </button>
  );
  return (
    <>
      <p className="inbox-summary">
        {t('summary', { open: counts.open, overdue: counts.overdue, today: counts.dueToday })}
      </p>
      <fieldset className="status-chips">
        <legend className="visually-hidden">{t('byStatus')}</legend>
        {chip(undefined, t('all'), items.length)}
        {OPEN_ORDER.map((s) => chip(s, ts(s), counts.byStatus[s]))}
      </fieldset>
      <DossierTable
        items={shown}
        now={now}
        label={filter ? `${t('overview')} – ${ts(filter)}` : t('overview')}
      />
    </>
  );
}
