import { addDays, type LocalDate, weekday } from '../time.ts';
import type { Interval } from './dashboards-scope.ts';
import type { StatsGrain } from './dossier-counters.ts';
import { coverPeriods, type PeriodRange, rangeHolds, readRanges } from './period-cover.ts';

/** One point of a time series: a day, an ISO week (Monday–Sunday) or a month, cut to the range asked. */
export interface Bucket {
  /** `2026-11-27`, `2026-W48` or `2026-11`. */
  readonly period: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The buckets of [from, to] at an interval, in time order; the first and last may be partial. */
export function intervalBuckets(from: LocalDate, to: LocalDate, interval: Interval): Bucket[] {
  const buckets: Bucket[] = [];
  let start = from;
  while (start <= to) {
    const natural = bucketEnd(start, interval);
    const end = natural < to ? natural : to;
    buckets.push({ period: labelOf(start, interval), from: start, to: end });
    start = addDays(end, 1);
  }
  return buckets;
}

function bucketEnd(day: LocalDate, interval: Interval): LocalDate {
  if (interval === 'day') return day;
  if (interval === 'week') return addDays(day, (7 - weekday(day)) % 7);
  const [y, m] = day.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

function labelOf(day: LocalDate, interval: Interval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return day.slice(0, 7);
  return isoWeekOf(day);
}

/** The ISO-8601 week of a day, `2026-W01`: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(day: LocalDate): string {
  const thursday = addDays(day, 3 - ((weekday(day) + 6) % 7));
  const year = thursday.slice(0, 4);
  const ordinal = Math.round(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000,
  );
  return `${year}-W${String(Math.floor(ordinal / 7) + 1).padStart(2, '0')}`;
}

/**
 * What a series over buckets reads: each bucket as whole years, months and days (the fewest
 * items), and optionally everything before the first one (for running totals such as backlog).
 */
export interface SeriesPlan {
  readonly buckets: readonly Bucket[];
  readonly covers: readonly (readonly PeriodRange[])[];
  readonly before: readonly PeriodRange[];
  /** The key ranges to query per ward: every cover and `before`, merged. */
  readonly reads: readonly PeriodRange[];
}

export function planSeries(buckets: readonly Bucket[], withBefore: boolean): SeriesPlan {
  const covers = buckets.map((b) => coverPeriods(b.from, b.to).inPeriod);
  const first = buckets[0];
  const before = withBefore && first ? coverPeriods(first.from, first.from).before : [];
  const reads = readRanges({ before, inPeriod: covers.flat() });
  return { buckets, covers, before, reads };
}

/** Where an item of a plan's reads belongs: a bucket's index, `before`, or nowhere (another grain's item). */
export function placeOf(plan: SeriesPlan, grain: StatsGrain, period: string): number | 'before' | undefined {
  if (plan.before.some((r) => rangeHolds(r, grain, period))) return 'before';
  const index = plan.covers.findIndex((cover) => cover.some((r) => rangeHolds(r, grain, period)));
  return index === -1 ? undefined : index;
}
