import { type LocalDate, localDateOf, localMinutesOf, parseInstant } from '../time.ts';

/**
 * Dates and times as Vietnamese forms print them: `dd/mm/yyyy`, `HH:MM`, local time in
 * Asia/Ho_Chi_Minh whatever offset the stored instant carries.
 */

/** `02/03/2026` for the local date `2026-03-02`. */
export function formatLocalDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The local date of an ISO-8601 instant as `dd/mm/yyyy`. */
export function formatDate(iso: string): string {
  return formatLocalDate(localDateOf(parseInstant(iso)));
}

/** The local time of an ISO-8601 instant as `HH:MM`. */
export function formatTime(iso: string): string {
  const minutes = localMinutesOf(parseInstant(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `08:30 ngày 02/03/2026`. */
export function formatDateTime(iso: string): string {
  return `${formatTime(iso)} ngày ${formatDate(iso)}`;
}

/** Two digits at least, as forms write counts: `01 bộ`. */
export function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}
