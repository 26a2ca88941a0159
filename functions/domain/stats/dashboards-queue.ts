import { findField } from '../catalogue/fields.ts';
import { childKeyOf, childrenOf } from './dashboards-scope.ts';
import type { StatsGrain } from './dossier-counters.ts';
import {
  HOUR_FIGURES,
  NO_COUNTER,
  type QueueFigure,
  type QueueFigures,
  RATING_FIGURES,
  WAIT_BUCKET_EDGES_MIN,
  WAIT_BUCKETS,
} from './queue-fold.ts';
import type { ReportScope } from './report-scope.ts';

/** A queue statistics item as read back (functions/adapters/queue-stats-keys.ts). */
export interface QueueStatsItem {
  readonly wardId: string;
  readonly fieldId: string;
  readonly counter: number;
  readonly clerk: string;
  readonly grain: StatsGrain;
  readonly period: string;
  readonly figures: QueueFigures;
}

type Sums = Record<QueueFigure, number>;

export function emptySums(): Sums {
  return {} as Sums;
}

/** Adds figures into sums, in place. */
export function addFigures(into: Sums, figures: QueueFigures): void {
  for (const [figure, amount] of Object.entries(figures) as [QueueFigure, number][]) {
    into[figure] = (into[figure] ?? 0) + amount;
  }
}

const get = (sums: Sums, figure: QueueFigure) => sums[figure] ?? 0;

/**
 * The p-quantile (0–1) of a histogram, in the histogram's unit, interpolated linearly inside the
 * bucket it falls in (buckets start at 0; bucket i ends at edges[i]). In the open last bucket the
 * answer is its lower edge: "at least this". Null for an empty histogram.
 */
export function percentileFromHistogram(
  counts: readonly number[],
  edges: readonly number[],
  p: number,
): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const target = p * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] ?? 0;
    if (count > 0 && below + count >= target) {
      const lower = i === 0 ? 0 : (edges[i - 1] ?? 0);
      const upper = edges[i];
      if (upper === undefined) return lower;
      return round1(lower + ((upper - lower) * (target - below)) / count);
    }
    below += count;
  }
  return edges.at(-1) ?? null;
}

/** A share 0–1 with 3 decimals; null when there is nothing to share. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const minutes = (ms: number, count: number) => (count > 0 ? round1(ms / count / 60_000) : null);

/** The figures every row of the queue dashboard shows. */
export interface QueueFiguresView {
  readonly issued: number;
  readonly served: number;
  readonly noShow: number;
  readonly transferredOut: number;
  /** noShow / (served + noShow): of the tickets called and settled, those who did not come. */
  readonly noShowRate: number | null;
  readonly waitAvgMin: number | null;
  readonly waitP50Min: number | null;
  readonly waitP90Min: number | null;
  readonly serviceAvgMin: number | null;
  readonly ratings: number;
  /** Mean rating 1–4 (2 decimals). */
  readonly ratingAverage: number | null;
}

export function viewOf(sums: Sums): QueueFiguresView {
  const histogram = WAIT_BUCKETS.map((b) => get(sums, b));
  const ratingCounts = RATING_FIGURES.map((r) => get(sums, r));
  const ratings = ratingCounts.reduce((a, b) => a + b, 0);
  const ratingSum = ratingCounts.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    issued: get(sums, 'issued'),
    served: get(sums, 'served'),
    noShow: get(sums, 'noShow'),
    transferredOut: get(sums, 'transferredOut'),
    noShowRate: rate(get(sums, 'noShow'), get(sums, 'served') + get(sums, 'noShow')),
    waitAvgMin: minutes(get(sums, 'waitMsSum'), get(sums, 'waitCount')),
    waitP50Min: percentileFromHistogram(histogram, WAIT_BUCKET_EDGES_MIN, 0.5),
    waitP90Min: percentileFromHistogram(histogram, WAIT_BUCKET_EDGES_MIN, 0.9),
    serviceAvgMin: minutes(get(sums, 'serviceMsSum'), get(sums, 'serviceCount')),
    ratings,
    ratingAverage: ratings > 0 ? Math.round((ratingSum / ratings) * 100) / 100 : null,
  };
}

export interface QueueDashboard extends QueueFiguresView {
  /** Tickets issued in each local hour 0–23. */
  readonly byHour: number[];
  /** Waits per bucket: up to `upToMin` minutes (null: longer than the last edge). */
  readonly waitHistogram: { upToMin: number | null; count: number }[];
  readonly perCounter: ({ counter: number } & QueueFiguresView)[];
  readonly perClerk: ({ clerk: string; wardId: string } & QueueFiguresView)[];
  readonly perField: ({ fieldId: string; name: string } & QueueFiguresView)[];
  /** Next level down: districts of the city, wards of a district, fields of a ward. */
  readonly breakdown: ({ key: string; name: string } & QueueFiguresView)[];
}

/**
 * The queue dashboard of a scope from the items of its wards over the range (every item given is
 * inside it). Counters are numbered alike in every ward (the seed's layout), so a district's
 * counter 2 is every ward's counter 2; a clerk is one person of one ward.
 */
export function queueDashboard(items: Iterable<QueueStatsItem>, scope: ReportScope): QueueDashboard {
  const total = emptySums();
  const counters = new Map<number, Sums>();
  const clerks = new Map<string, { clerk: string; wardId: string; sums: Sums }>();
  const perField = new Map<string, Sums>();
  const children = new Map<string, Sums>();
  const into = <K>(map: Map<K, Sums>, key: K) => {
    const sums = map.get(key) ?? emptySums();
    map.set(key, sums);
    return sums;
  };
  for (const item of items) {
    addFigures(total, item.figures);
    addFigures(into(perField, item.fieldId), item.figures);
    addFigures(into(children, childKeyOf(scope, item.wardId, item.fieldId)), item.figures);
    if (item.counter !== NO_COUNTER) addFigures(into(counters, item.counter), item.figures);
    if (item.clerk !== '-') {
      const id = `${item.wardId}#${item.clerk}`;
      const entry = clerks.get(id) ?? { clerk: item.clerk, wardId: item.wardId, sums: emptySums() };
      addFigures(entry.sums, item.figures);
      clerks.set(id, entry);
    }
  }
  return {
    ...viewOf(total),
    byHour: HOUR_FIGURES.map((h) => get(total, h)),
    waitHistogram: WAIT_BUCKETS.map((b, i) => ({
      upToMin: WAIT_BUCKET_EDGES_MIN[i] ?? null,
      count: get(total, b),
    })),
    perCounter: [...counters]
      .sort(([a], [b]) => a - b)
      .map(([counter, sums]) => ({ counter, ...viewOf(sums) })),
    perClerk: [...clerks.values()]
      .sort((a, b) => a.wardId.localeCompare(b.wardId) || a.clerk.localeCompare(b.clerk))
      .map(({ clerk, wardId, sums }) => ({ clerk, wardId, ...viewOf(sums) })),
    perField: [...perField]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([fieldId, sums]) => ({ fieldId, name: findField(fieldId)?.name ?? fieldId, ...viewOf(sums) })),
    breakdown: childrenOf(scope).map(({ key, name }) => ({
      key,
      name,
      ...viewOf(children.get(key) ?? emptySums()),
    })),
  };
}
