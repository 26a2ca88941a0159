/**
 * Local time in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975,
 * so a fixed offset is exact for every date the system handles.
 */
export const LOCAL_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = LOCAL_OFFSET_MINUTES * 60_000;

/** A calendar date `YYYY-MM-DD` in local time. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** True for an ISO-8601 date-time that carries an offset (`Z` or `±HH:MM`). */
export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Parses an ISO-8601 instant with offset; throws RangeError otherwise. */
export function parseInstant(value: string): Date {
  if (!isIsoInstant(value)) throw new RangeError(`not an ISO-8601 date-time with offset: ${value}`);
  return new Date(Date.parse(value));
}

/** Formats an instant as ISO-8601 in local time, e.g. `2026-02-17T08:30:00+07:00`. */
export function toLocalIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** The local calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since local midnight of an instant (0–1439). */
export function localMinutesOf(instant: Date): number {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** The instant of a local date at a local wall-clock time `HH:MM`. */
export function localInstant(date: LocalDate, time = '00:00'): Date {
  return new Date(Date.parse(`${date}T${time}:00+07:00`));
}

/** Day of week of a local date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The local date `days` later (or earlier when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Builds a local date from numbers (month 1–12). */
export function localDate(year: number, month: number, day: number): LocalDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Parses `HH:MM` (00:00–23:59) into minutes since midnight; undefined when malformed. */
export function parseClock(value: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}
