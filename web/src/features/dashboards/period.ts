/** The reporting periods of the dashboards: calendar periods in local days (`YYYY-MM-DD`). */

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period: its kind and its first and last local days, both inclusive. */
export interface Period {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string | null | undefined): text is string {
  const m = DAY.exec(text ?? '');
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

// Days are computed in UTC: a local day is a calendar date, so no time zone may shift it.
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const ymd = (y: number, m: number, d: number) => toDay(new Date(Date.UTC(y, m - 1, d)));

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** Days of [from, to], both inclusive. */
export function daysIn(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000) + 1;
}

/** The quarter (1–4) a day falls in. */
export function quarterOf(day: string): number {
  return Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
}

/** The day, Monday-to-Sunday week, month, quarter or year holding `day`. */
export function periodAround(kind: Exclude<PeriodKind, 'custom'>, day: string): Period {
  const date = toDate(day);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  switch (kind) {
    case 'day':
      return { kind, from: day, to: day };
    case 'week': {
      // getUTCDay: Sunday 0 … Saturday 6; Vietnamese weeks start on Monday.
      const monday = addDays(day, -((date.getUTCDay() + 6) % 7));
      return { kind, from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return { kind, from: ymd(y, m, 1), to: ymd(y, m + 1, 0) };
    case 'quarter': {
      const first = (quarterOf(day) - 1) * 3 + 1;
      return { kind, from: ymd(y, first, 1), to: ymd(y, first + 3, 0) };
    }
    case 'year':
      return { kind, from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
  }
}

/** The period before (`-1`) or after (`1`): a custom range moves by its own length. */
export function shiftPeriod(period: Period, step: -1 | 1): Period {
  if (period.kind === 'custom') {
    const length = daysIn(period.from, period.to);
    return {
      kind: 'custom',
      from: addDays(period.from, step * length),
      to: addDays(period.to, step * length),
    };
  }
  // The day just outside the period lies in the neighbouring one.
  return periodAround(period.kind, step < 0 ? addDays(period.from, -1) : addDays(period.to, 1));
}

/** The period of the same kind as `period` holding `day` (a custom range keeps its days). */
export function withKind(kind: PeriodKind, period: Period): Period {
  if (kind === 'custom') return { kind, from: period.from, to: period.to };
  return periodAround(kind, period.from);
}

/**
 * The period a URL asks for (`period`, `from`, `to`); the current month when it asks for nothing
 * sensible. A calendar period is widened to its bounds from any day of it.
 */
export function parsePeriod(params: URLSearchParams, today: string): Period {
  const kind = PERIOD_KINDS.find((k) => k === params.get('period'));
  const from = params.get('from');
  const to = params.get('to');
  if (kind === 'custom') {
    if (isDay(from) && isDay(to) && from <= to) return { kind, from, to };
    return periodAround('month', today);
  }
  return periodAround(kind ?? 'month', isDay(from) ? from : today);
}

/** The URL parameters of a period: a calendar period needs only its first day. */
export function periodParams(period: Period): Record<string, string> {
  if (period.kind === 'custom') return { period: period.kind, from: period.from, to: period.to };
  return { period: period.kind, from: period.from };
}

/** `01/10/2025` (or `1/10/2025`) as `2025-10-01`; undefined unless it is a real day. */
export function parseDisplayDay(text: string): string | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const day = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return isDay(day) ? day : undefined;
}
