import type { DossierStatus, StaffDossier } from '../../shared/api/types.ts';
import { CLOSED_STATUSES, type DueState, dueStateOf } from '../dossier/deadline.ts';

/** Open states in the order a dossier passes through them, for the ward's counts. */
export const OPEN_ORDER: readonly DossierStatus[] = [
  'received',
  'processing',
  'awaiting_supplement',
  'awaiting_payment',
  'awaiting_approval',
  'approved',
  'rejected',
  'result_ready',
];

/** The row's colour: red when overdue, amber when due today (classes of styles.css). */
export function rowClassOf(state: DueState): string | undefined {
  if (state === 'overdue') return 'overdue';
  if (state === 'due_today') return 'due-today';
  return undefined;
}

/** The badge colour of a deadline state. */
export function badgeClassOf(state: DueState): string {
  switch (state) {
    case 'overdue':
      return 'badge-bad';
    case 'due_today':
      return 'badge-warn';
    case 'on_time':
      return 'badge-ok';
    default:
      return '';
  }
}

/** What the ward overview counts: dossiers per open state, and how many run late or are due today. */
export interface WardCounts {
  readonly byStatus: Readonly<Record<DossierStatus, number>>;
  readonly open: number;
  readonly overdue: number;
  readonly dueToday: number;
}

export function countWard(items: readonly Pick<StaffDossier, 'status' | 'dueAt'>[], now: Date): WardCounts {
  const byStatus = Object.fromEntries([...OPEN_ORDER, ...CLOSED_STATUSES].map((s) => [s, 0])) as Record<
    DossierStatus,
    number
  >;
  let overdue = 0;
  let dueToday = 0;
  for (const item of items) {
    byStatus[item.status] += 1;
    const state = dueStateOf(item, now);
    if (state === 'overdue') overdue++;
    if (state === 'due_today') dueToday++;
  }
  const open = items.filter((i) => !CLOSED_STATUSES.includes(i.status)).length;
  return { byStatus, open, overdue, dueToday };
}
