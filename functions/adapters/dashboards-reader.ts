import { findProcedure } from '#domain/catalogue/procedures';
import type { Ward } from '#domain/catalogue/units';
import { DEVICE_FIGURES, type DeviceFigures } from '#domain/stats/dashboards-devices';
import type { QueueStatsItem } from '#domain/stats/dashboards-queue';
import type { StatsGrain } from '#domain/stats/dossier-counters';
import type { PeriodRange } from '#domain/stats/period-cover';
import { QUEUE_FIGURES, type QueueFigures } from '#domain/stats/queue-fold';
import { listWardDossiers } from './dossier-list.ts';
import { cityTable, queryAll } from './dynamodb.ts';
import { deviceStatsPk, queueStatsPk } from './queue-stats-keys.ts';
import { STATS_READ_CONCURRENCY } from './stats-reader.ts';

const GRAINS: readonly string[] = ['D', 'M', 'Y'] satisfies StatsGrain[];

/** Items of one statistics partition over one range of periods: `sk BETWEEN '<grain>#<first>' AND '<grain>#<last>~'`. */
async function readRange(pk: string, range: PeriodRange): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: cityTable(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
    ExpressionAttributeValues: {
      ':pk': pk,
      ':first': `${range.grain}#${range.first}`,
      // `~` sorts after `#` and every character of a period, field, counter or clerk id.
      ':last': `${range.grain}#${range.last}~`,
    },
  });
}

/** Runs `task` over `list` with at most `limit` in flight; answers in list order. */
async function mapLimit<T, R>(list: readonly T[], limit: number, task: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await task(list[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return results;
}

/** The queue statistics items of some wards over some ranges: one Query per ward and range. */
export async function readQueueStats(
  wardIds: readonly string[],
  ranges: readonly PeriodRange[],
): Promise<QueueStatsItem[]> {
  const jobs = wardIds.flatMap((wardId) => ranges.map((range) => ({ wardId, range })));
  const pages = await mapLimit(jobs, STATS_READ_CONCURRENCY, ({ wardId, range }) =>
    readRange(queueStatsPk(wardId), range),
  );
  return pages.flat().flatMap((raw) => {
    const item = toQueueItem(raw);
    return item ? [item] : [];
  });
}

function toQueueItem(raw: Record<string, unknown>): QueueStatsItem | undefined {
  const { wardId, fieldId, counter, clerk, grain, period } = raw;
  if (typeof wardId !== 'string' || typeof fieldId !== 'string' || typeof clerk !== 'string')
    return undefined;
  if (typeof counter !== 'number' || typeof period !== 'string' || !GRAINS.includes(String(grain)))
    return undefined;
  const figures: Record<string, number> = {};
  for (const figure of QUEUE_FIGURES) {
    const value = raw[figure];
    if (typeof value === 'number' && value !== 0) figures[figure] = value;
  }
  return {
    wardId,
    fieldId,
    counter,
    clerk,
    grain: grain as StatsGrain,
    period,
    figures: figures as QueueFigures,
  };
}

/** A ward's device figures per day of one range of days. */
export async function readDeviceDays(
  wardId: string,
  from: string,
  to: string,
): Promise<Map<string, DeviceFigures>> {
  const items = await readRange(deviceStatsPk(wardId), { grain: 'D', first: from, last: to });
  const byDay = new Map<string, DeviceFigures>();
  for (const item of items) {
    const figures: Record<string, number> = {};
    for (const figure of DEVICE_FIGURES) {
      const value = item[figure];
      if (typeof value === 'number') figures[figure] = value;
    }
    byDay.set(String(item.period), figures);
  }
  return byDay;
}

/** One dossier of a ward's overdue list on the dashboard. */
export interface OverdueEntry {
  readonly code: string;
  readonly wardId: string;
  readonly procedureId: string;
  readonly procedureName: string;
  readonly status: string;
  readonly dueAt: string;
  readonly link: string;
}

/** The ward's dossiers past their due time now, most overdue first, at most `limit`. */
export async function readOverdue(ward: Ward, now: Date, limit: number): Promise<OverdueEntry[]> {
  const out: OverdueEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await listWardDossiers(ward, { overdue: true, limit: limit - out.length, now, cursor });
    for (const d of page.items) {
      out.push({
        code: d.code,
        wardId: d.wardId,
        procedureId: d.procedureId,
        procedureName: findProcedure(d.procedureId)?.name ?? d.procedureId,
        status: d.status,
        dueAt: d.dueAt,
        link: `/dossiers/${d.code}`,
      });
    }
    cursor = page.cursor;
  } while (cursor && out.length < limit);
  return out.slice(0, limit);
}
