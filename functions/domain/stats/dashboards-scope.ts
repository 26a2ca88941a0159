import * as z from 'zod';
import type { Principal } from '../auth/principal.ts';
import { fields } from '../catalogue/fields.ts';
import { city, districts, findWard } from '../catalogue/units.ts';
import { ForbiddenError } from '../errors.ts';
import { addDays, isLocalDate, type LocalDate } from '../time.ts';
import { formatReportScope, parseReportScope, type ReportScope, type ReportUnits } from './report-scope.ts';

/** The units the dashboards know: those of the catalogue. */
export const UNITS: ReportUnits = { city, districts };

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/**
 * The longest range each interval may cover, in days: a series of days reads a day item per ward
 * and day, so its length bounds the cost; months read month items.
 */
export const MAX_RANGE_DAYS: Record<Interval, number> = { day: 92, week: 371, month: 3660 };

const Scope = z.string().transform((text, ctx) => {
  const scope = parseReportScope(text, UNITS);
  if (!scope) {
    ctx.addIssue({ code: 'custom', message: 'must be city, district:<id> or ward:<id> of a known unit' });
    return z.NEVER;
  }
  return scope;
});

const Day = z.string().refine(isLocalDate, 'must be a date YYYY-MM-DD');

/** Checks across from and to make sense only once both are dates; a bad one is reported alone. */
const bothDays = (q: { from: string; to: string }) => isLocalDate(q.from) && isLocalDate(q.to);

/** `scope`, `from`, `to` (local days, both inclusive): every dashboard's query. */
export const RangeQuery = z
  .object({ scope: Scope, from: Day, to: Day })
  .refine((q) => !bothDays(q) || q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => !bothDays(q) || daysIn(q.from, q.to) <= MAX_RANGE_DAYS.month, {
    path: ['to'],
    message: `must be at most ${MAX_RANGE_DAYS.month} days after from`,
  });
export type RangeQuery = z.output<typeof RangeQuery>;

/** `scope=ward:<id>`, `from`, `to`: the devices dashboard, a row per day. */
export const WardDaysQuery = RangeQuery.refine((q) => q.scope?.kind === 'ward', {
  path: ['scope'],
  message: 'must be ward:<id>: devices belong to a ward',
}).refine((q) => !bothDays(q) || daysIn(q.from, q.to) <= MAX_RANGE_DAYS.day, {
  path: ['to'],
  message: `must be at most ${MAX_RANGE_DAYS.day} days after from`,
});
export type WardDaysQuery = z.output<typeof WardDaysQuery>;

/**
 * A range query with `interval` (day, week or month). Without one, the finest interval whose
 * limit the range fits: days up to a month, weeks up to half a year, months beyond.
 */
export const SeriesQuery = z
  .object({ scope: Scope, from: Day, to: Day, interval: z.enum(INTERVALS).optional() })
  .refine((q) => !bothDays(q) || q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .transform((q) => ({ ...q, interval: q.interval ?? defaultInterval(q.from, q.to) }))
  .refine((q) => !bothDays(q) || daysIn(q.from, q.to) <= MAX_RANGE_DAYS[q.interval], {
    path: ['interval'],
    message: 'covers too many periods: day allows 92 days, week 371, month 3660',
  });
export type SeriesQuery = z.output<typeof SeriesQuery>;

export function defaultInterval(from: LocalDate, to: LocalDate): Interval {
  const days = daysIn(from, to);
  if (days <= 31) return 'day';
  return days <= 183 ? 'week' : 'month';
}

/** Days of [from, to], both inclusive. */
export function daysIn(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Whether a principal may see statistics of a scope: the city, their district, or their ward. */
export function canReadScope(principal: Principal, scope: ReportScope): boolean {
  return principal.roles.some((role) => {
    if (role === 'city_official') return true;
    if (role === 'district_official') {
      if (scope.kind === 'district') return scope.districtId === principal.districtId;
      return scope.kind === 'ward' && findWard(scope.wardId)?.districtId === principal.districtId;
    }
    if (role === 'leader' || role === 'ward_admin')
      return scope.kind === 'ward' && scope.wardId === principal.wardId;
    return false;
  });
}

/** One unit of a breakdown. */
export interface Unit {
  readonly key: string;
  readonly name: string;
}

/** The next level down of a scope: city → districts, district → wards, ward → fields. */
export function childrenOf(scope: ReportScope): Unit[] {
  if (scope.kind === 'city') return districts.map((d) => ({ key: d.id, name: d.name }));
  if (scope.kind === 'district') {
    const district = districts.find((d) => d.id === scope.districtId);
    return (district?.wards ?? []).map((w) => ({ key: w.id, name: w.name }));
  }
  return fields.map((f) => ({ key: f.id, name: f.name }));
}

/** The child of a scope a ward's figure of one field belongs to. */
export function childKeyOf(scope: ReportScope, wardId: string, fieldId: string): string {
  if (scope.kind === 'city') return findWard(wardId)?.districtId ?? wardId;
  return scope.kind === 'district' ? wardId : fieldId;
}

/** The days from `from` to `to`, both inclusive. */
export function daysOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Throws ForbiddenError unless the principal may see the scope's statistics. */
export function assertCanReadScope(principal: Principal, scope: ReportScope): void {
  if (!canReadScope(principal, scope)) {
    throw new ForbiddenError(`you may not see the statistics of ${formatReportScope(scope)}`);
  }
}
