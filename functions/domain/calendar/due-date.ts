import * as z from 'zod';
import {
  type LocalDate,
  localDateOf,
  localInstant,
  localMinutesOf,
  parseClock,
  parseInstant,
  toLocalIso,
} from '#domain/time';
import type { WorkingCalendar } from './working-calendar.ts';

/** How a procedure's deadline is computed (one-stop-rules §5, project rule). */
export interface DueRule {
  /** Statutory processing time in working days; 0 = same day. */
  processingDays: number;
  /** Local `HH:MM`: a dossier received at or after it counts from the next working day. Usually DEFAULT_CUTOFF. */
  cutoff: string;
}

export const DEFAULT_CUTOFF = '17:00';
/** Certification received after 15:00 is handled the next working day (Decree 23/2015, art. 7). */
export const CERTIFICATION_CUTOFF = '15:00';
/** End of office hours: results are due at this local time. */
export const CLOSING_TIME = '17:00';

/** Result of a step or dossier against its deadline: trước hạn, đúng hạn, trễ hạn. */
export const StepOutcome = z.enum(['early', 'on_time', 'late']);
export type StepOutcome = z.infer<typeof StepOutcome>;

/** Deadline of a dossier, as ISO-8601 instants in +07:00. */
export interface Due {
  receivedAt: string;
  /** The working day the receipt counts as (the day of receipt or the next working day). */
  countedFrom: LocalDate;
  dueAt: string;
}

function closingOf(date: LocalDate): string {
  return toLocalIso(localInstant(date, CLOSING_TIME));
}

/**
 * The working day a receipt counts from: its local date when that is a working day and the
 * local time is strictly before `cutoff`, otherwise the next working day.
 */
export function countedReceiptDay(calendar: WorkingCalendar, receivedAt: Date, cutoff: string): LocalDate {
  const cutoffMinutes = parseClock(cutoff);
  if (cutoffMinutes === undefined) throw new RangeError(`cut-off must be HH:MM: ${cutoff}`);
  const date = localDateOf(receivedAt);
  if (calendar.isWorkingDay(date) && localMinutesOf(receivedAt) < cutoffMinutes) return date;
  return calendar.nextWorkingDay(date);
}

/**
 * Deadline of a dossier (project rule, one-stop-rules §5): 17:00 on the N-th working day after
 * the counted receipt day, or on that day itself when N = 0.
 */
export function computeDue(calendar: WorkingCalendar, receivedAt: Date, rule: DueRule): Due {
  if (!Number.isInteger(rule.processingDays) || rule.processingDays < 0) {
    throw new RangeError(`processing days must be a whole number ≥ 0: ${rule.processingDays}`);
  }
  const countedFrom = countedReceiptDay(calendar, receivedAt, rule.cutoff);
  const dueDate = calendar.addWorkingDays(countedFrom, rule.processingDays);
  return { receivedAt: toLocalIso(receivedAt), countedFrom, dueAt: closingOf(dueDate) };
}

/**
 * Pushes a deadline out by the working days of a pause (supplement or payment): those after the
 * local day of the pause up to and including the local day of resumption.
 */
export function extendForPause(
  calendar: WorkingCalendar,
  dueAt: string,
  pausedAt: Date,
  resumedAt: Date,
): { dueAt: string; pausedWorkingDays: number } {
  if (resumedAt.getTime() < pausedAt.getTime()) throw new RangeError('resumedAt is before pausedAt');
  const dueDate = localDateOf(parseInstant(dueAt));
  const pausedWorkingDays = calendar.workingDaysBetween(localDateOf(pausedAt), localDateOf(resumedAt));
  if (pausedWorkingDays === 0) return { dueAt, pausedWorkingDays };
  return { dueAt: closingOf(calendar.addWorkingDays(dueDate, pausedWorkingDays)), pausedWorkingDays };
}

/** Early before the local due day, on time on that day up to and including `dueAt`, late after. */
export function stepOutcome(at: Date, dueAt: string): StepOutcome {
  const due = parseInstant(dueAt);
  if (localDateOf(at) < localDateOf(due)) return 'early';
  return at.getTime() <= due.getTime() ? 'on_time' : 'late';
}

/** True when `now` is strictly after `dueAt`. */
export function isOverdue(now: Date, dueAt: string): boolean {
  return now.getTime() > parseInstant(dueAt).getTime();
}
