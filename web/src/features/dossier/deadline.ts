import type { DossierStatus } from '../../shared/api/types.ts';
import { localToday } from '../../shared/format.ts';
import { type WorkingDays, workingDaysLeft } from './working-days.ts';

// The groups of functions/domain/dossier/status.ts, repeated because server code stays out of
// the bundle; a unit test keeps the two equal.
/** States in which the deadline clock is stopped. */
export const PAUSED_STATUSES: readonly DossierStatus[] = ['awaiting_supplement', 'awaiting_payment'];
/** States that end processing. */
export const FINISHED_STATUSES: readonly DossierStatus[] = [
  'refused',
  'rejected',
  'result_ready',
  'returned',
  'stopped',
];
/** States in which nothing more happens. */
export const CLOSED_STATUSES: readonly DossierStatus[] = ['refused', 'returned', 'withdrawn', 'stopped'];

/**
 * Where a dossier stands against its deadline: `overdue` past its due time with the clock
 * running, `due_today` due later on today's local day, `on_time` due on a later day; `paused`,
 * `finished` (a result, not yet handed back) and `closed` do not run late.
 */
export type DueState = 'overdue' | 'due_today' | 'on_time' | 'paused' | 'finished' | 'closed';

/** The dossier's deadline state at `now`, by Đà Nẵng local days. */
export function dueStateOf(dossier: { status: DossierStatus; dueAt: string }, now: Date): DueState {
  if (CLOSED_STATUSES.includes(dossier.status)) return 'closed';
  if (FINISHED_STATUSES.includes(dossier.status)) return 'finished';
  if (PAUSED_STATUSES.includes(dossier.status)) return 'paused';
  const due = new Date(dossier.dueAt);
  if (now.getTime() > due.getTime()) return 'overdue';
  return localToday(due) === localToday(now) ? 'due_today' : 'on_time';
}

/** The local day (`YYYY-MM-DD` in Đà Nẵng) of an ISO instant. */
export function localDayOf(iso: string): string {
  return localToday(new Date(iso));
}

/**
 * The deadline in words for the dossier page: working days left, due today, or working days
 * overdue (0 when it ran late today). `days` is absent until the calendar is known.
 */
export type DueSummary =
  | { readonly kind: 'left' | 'overdue'; readonly days?: number }
  | { readonly kind: 'due_today' | 'paused' | 'done' };

export function dueSummaryOf(
  dossier: { status: DossierStatus; dueAt: string },
  now: Date,
  calendar: WorkingDays | undefined,
): DueSummary {
  const state = dueStateOf(dossier, now);
  if (state === 'paused') return { kind: 'paused' };
  if (state === 'finished' || state === 'closed') return { kind: 'done' };
  if (state === 'due_today') return { kind: 'due_today' };
  const kind = state === 'overdue' ? 'overdue' : 'left';
  if (!calendar) return { kind };
  const left = workingDaysLeft(localToday(now), localDayOf(dossier.dueAt), calendar);
  return { kind, days: Math.abs(left) };
}
