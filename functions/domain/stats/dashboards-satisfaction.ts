import { findWard } from '../catalogue/units.ts';
import { type Bucket, placeOf, type SeriesPlan } from './dashboards-periods.ts';
import type { QueueStatsItem } from './dashboards-queue.ts';
import { RATING_FIGURES, RATING_LEVELS } from './queue-fold.ts';
import type { ReportScope } from './report-scope.ts';

/** The levels of the rating pad as it shows them (edge-agent/pages/rating.html). */
export const RATING_LABELS: Record<(typeof RATING_LEVELS)[number], string> = {
  1: 'Không hài lòng',
  2: 'Bình thường',
  3: 'Hài lòng',
  4: 'Rất hài lòng',
};

/** A distribution of ratings: `counts[i]` ratings of level `i + 1`. */
export interface Distribution {
  readonly total: number;
  readonly counts: number[];
  /** Mean level 1–4 (2 decimals). */
  readonly average: number | null;
  /** Share rated 3 or 4 (hài lòng, rất hài lòng), 0–1 (3 decimals). */
  readonly satisfiedRate: number | null;
}

export interface SatisfactionDashboard {
  readonly levels: { level: number; label: string }[];
  readonly overall: Distribution;
  /** Per ward of a city or district, per clerk of a ward. */
  readonly breakdown: ({ key: string; name: string } & Distribution)[];
  readonly series: (Bucket & Distribution)[];
}

function distribution(counts: number[]): Distribution {
  const total = counts.reduce((a, b) => a + b, 0);
  const sum = counts.reduce((a, n, i) => a + n * (i + 1), 0);
  const satisfied = counts.slice(2).reduce((a, b) => a + b, 0);
  return {
    total,
    counts,
    average: total > 0 ? Math.round((sum / total) * 100) / 100 : null,
    satisfiedRate: total > 0 ? Math.round((satisfied / total) * 1000) / 1000 : null,
  };
}

const none = () => RATING_LEVELS.map(() => 0);

/**
 * Ratings of a scope from its queue stats items read by `plan`: overall, per ward (per clerk in
 * a ward), and per bucket of the series. Wards with no rating are listed too (with zeros), so a
 * ward whose pad is silent shows as such; clerks appear once rated.
 */
export function satisfactionDashboard(
  items: Iterable<QueueStatsItem>,
  plan: SeriesPlan,
  scope: ReportScope,
  wardIds: readonly string[],
): SatisfactionDashboard {
  const overall = none();
  const series = plan.buckets.map(none);
  const byKey = new Map<string, number[]>(scope.kind === 'ward' ? [] : wardIds.map((id) => [id, none()]));
  for (const item of items) {
    const place = placeOf(plan, item.grain, item.period);
    if (place === undefined || place === 'before') continue;
    const key = scope.kind === 'ward' ? item.clerk : item.wardId;
    RATING_FIGURES.forEach((figure, i) => {
      const n = item.figures[figure] ?? 0;
      if (n === 0) return;
      overall[i] = (overall[i] ?? 0) + n;
      const bucket = series[place] as number[];
      bucket[i] = (bucket[i] ?? 0) + n;
      const counts = byKey.get(key) ?? none();
      counts[i] = (counts[i] ?? 0) + n;
      byKey.set(key, counts);
    });
  }
  return {
    levels: RATING_LEVELS.map((level) => ({ level, label: RATING_LABELS[level] })),
    overall: distribution(overall),
    breakdown: [...byKey].map(([key, counts]) => ({
      key,
      name: scope.kind === 'ward' ? key : (findWard(key)?.name ?? key),
      ...distribution(counts),
    })),
    series: plan.buckets.map((bucket, i) => ({ ...bucket, ...distribution(series[i] as number[]) })),
  };
}
