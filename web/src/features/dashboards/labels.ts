import { formatDate } from '../../shared/format.ts';
import type { Bucket, Interval } from './api.ts';
import { type Period, quarterOf } from './period.ts';

/** `27/11` from `2026-11-27`. */
const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** A point of a series on a chart axis: `01/10`, `06/10–12/10`, `10/2025`. */
export function bucketLabel(bucket: Pick<Bucket, 'from' | 'to'>, interval: Interval): string {
  if (interval === 'day') return dayMonth(bucket.from);
  if (interval === 'week') return `${dayMonth(bucket.from)}–${dayMonth(bucket.to)}`;
  return `${bucket.from.slice(5, 7)}/${bucket.from.slice(0, 4)}`;
}

/** A bucket in full for tables: `01/10/2025` or `06/10/2025 – 12/10/2025`. */
export function bucketLongLabel(bucket: Pick<Bucket, 'from' | 'to'>): string {
  return bucket.from === bucket.to
    ? formatDate(bucket.from)
    : `${formatDate(bucket.from)} – ${formatDate(bucket.to)}`;
}

/** The message key and values naming a period: `Tháng 10/2025`, `Quý 4/2025`, `01/10/2025 – 15/10/2025`. */
export function periodLabel(period: Period): {
  key: `label_${Period['kind']}`;
  values: Record<string, string>;
} {
  return {
    key: `label_${period.kind}`,
    values: {
      from: formatDate(period.from),
      to: formatDate(period.to),
      month: period.from.slice(5, 7),
      quarter: String(quarterOf(period.from)),
      year: period.from.slice(0, 4),
    },
  };
}

/** The hours a ward's day is drawn over: office hours, widened to any hour that issued tickets. */
export function hoursShown(byHour: readonly number[]): number[] {
  const busy = byHour.flatMap((n, hour) => (n > 0 ? [hour] : []));
  const first = Math.min(7, ...busy);
  const last = Math.max(17, ...busy);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
