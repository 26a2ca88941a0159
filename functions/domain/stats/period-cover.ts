import type { StatsGrain } from './dossier-counters.ts';

/**
 * A run of consecutive periods of one grain, both ends inclusive: `D 2026-01-15..2026-01-31`,
 * `M 2026-02..2026-12`, `Y 0000..2025`. Periods of one grain have one width, so they compare
 * as strings, and a run is one key range of the stats items (functions/adapters/stats-keys.ts).
 */
export interface PeriodRange {
  readonly grain: StatsGrain;
  readonly first: string;
  readonly last: string;
}

/**
 * The stats periods a report over [from, to] sums:
 * - `inPeriod`: whole years, then whole months, then days, each local day of [from, to] in
 *   exactly one of them, and as few as that allows;
 * - `before`: every day before `from` in exactly one of them: all years before its year (from
 *   the earliest data on, `Y#0000`), the months of its year before its month, the days of its
 *   month before it.
 * Counters are sums over days, so Σ_{d<from} is the sum over `before` and Σ_{d≤to} the sum over
 * both: the number of items read grows with years + 12 + 31 per ward and field × procedure, never
 * with the number of dossiers.
 */
export interface PeriodCover {
  readonly before: readonly PeriodRange[];
  readonly inPeriod: readonly PeriodRange[];
}

/** The first year a prefix sum starts from: before any data. */
export const EARLIEST_YEAR = '0000';

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayOf = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const monthOf = ({ y, m }: Ymd) => `${pad(y, 4)}-${pad(m)}`;
const yearOf = ({ y }: Ymd) => pad(y, 4);

function parse(day: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${day}`);
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysInMonth(ymd.y, ymd.m))
    throw new RangeError(`not a calendar date: ${day}`);
  return ymd;
}

/** Days of a month (1–12) in the proleptic Gregorian calendar, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const compare = (a: Ymd, b: Ymd) => a.y - b.y || a.m - b.m || a.d - b.d;
const endOfYear = (y: number): Ymd => ({ y, m: 12, d: 31 });
const endOfMonth = (y: number, m: number): Ymd => ({ y, m, d: daysInMonth(y, m) });

function nextDay({ y, m, d }: Ymd): Ymd {
  if (d < daysInMonth(y, m)) return { y, m, d: d + 1 };
  return m < 12 ? { y, m: m + 1, d: 1 } : { y: y + 1, m: 1, d: 1 };
}

/** The period after `period` of the same grain (`2026-12` → `2027-01`). */
export function nextPeriod(grain: StatsGrain, period: string): string {
  if (grain === 'Y') return pad(Number(period) + 1, 4);
  if (grain === 'M') {
    const { y, m } = parse(`${period}-01`);
    return m < 12 ? monthOf({ y, m: m + 1, d: 1 }) : monthOf({ y: y + 1, m: 1, d: 1 });
  }
  return dayOf(nextDay(parse(period)));
}

/** Appends a period, extending the last run when it is the next period of the same grain. */
function push(ranges: PeriodRange[], grain: StatsGrain, period: string): void {
  const last = ranges.at(-1);
  if (last && last.grain === grain && nextPeriod(grain, last.last) === period) {
    ranges[ranges.length - 1] = { ...last, last: period };
  } else {
    ranges.push({ grain, first: period, last: period });
  }
}

/** The cover of [from, to] (local days `YYYY-MM-DD`, both inclusive, from ≤ to). */
export function coverPeriods(from: string, to: string): PeriodCover {
  const start = parse(from);
  const end = parse(to);
  if (compare(start, end) > 0) throw new RangeError(`from ${from} is after to ${to}`);
  return { before: coverBefore(start), inPeriod: coverBetween(start, end) };
}

function coverBefore(day: Ymd): PeriodRange[] {
  const ranges: PeriodRange[] = [];
  if (day.y > 0) ranges.push({ grain: 'Y', first: EARLIEST_YEAR, last: pad(day.y - 1, 4) });
  if (day.m > 1)
    ranges.push({ grain: 'M', first: monthOf({ ...day, m: 1 }), last: monthOf({ ...day, m: day.m - 1 }) });
  if (day.d > 1)
    ranges.push({ grain: 'D', first: dayOf({ ...day, d: 1 }), last: dayOf({ ...day, d: day.d - 1 }) });
  return ranges;
}

function coverBetween(start: Ymd, end: Ymd): PeriodRange[] {
  const ranges: PeriodRange[] = [];
  let day = start;
  while (compare(day, end) <= 0) {
    if (day.m === 1 && day.d === 1 && compare(endOfYear(day.y), end) <= 0) {
      push(ranges, 'Y', yearOf(day));
      day = nextDay(endOfYear(day.y));
    } else if (day.d === 1 && compare(endOfMonth(day.y, day.m), end) <= 0) {
      push(ranges, 'M', monthOf(day));
      day = nextDay(endOfMonth(day.y, day.m));
    } else {
      push(ranges, 'D', dayOf(day));
      day = nextDay(day);
    }
  }
  return ranges;
}

/** True when the range holds the period (same grain, first ≤ period ≤ last). */
export function rangeHolds(range: PeriodRange, grain: StatsGrain, period: string): boolean {
  return range.grain === grain && range.first <= period && period <= range.last;
}

/**
 * The ranges to read for a cover: its runs merged where they meet (the days of a month before
 * `from` and the days after it are one run), so each ward needs a query per run, at most a few.
 */
export function readRanges(cover: PeriodCover): PeriodRange[] {
  const order: Record<StatsGrain, number> = { Y: 0, M: 1, D: 2 };
  const all = [...cover.before, ...cover.inPeriod].sort(
    (a, b) => order[a.grain] - order[b.grain] || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0),
  );
  const merged: PeriodRange[] = [];
  for (const range of all) {
    const last = merged.at(-1);
    if (last && last.grain === range.grain && nextPeriod(range.grain, last.last) === range.first) {
      merged[merged.length - 1] = { ...last, last: range.last };
    } else {
      merged.push(range);
    }
  }
  return merged;
}
