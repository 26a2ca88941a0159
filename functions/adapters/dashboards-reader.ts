import { findProcedure } from '#domain/catalogue/procedures';
import type { Ward } from '#domain/catalogue/units';
import { DEVICE_FIGURES, type DeviceFigures } from '#domain/stats/dashboards-devices';
import type { OverdueEntry } from '#domain/stats/dashboards-dossiers';
import type { QueueStatsItem } from '#domain/stats/dashboards-queue';
import type { StatsGrain } from '#domain/stats/dossier-counters';
import type { PeriodRange } from '#domain/stats/period-cover';
import { QUEUE_FIGURES, type QueueFigures } from '#domain/stats/queue-fold';
import { listWardDossiers } from './dossier-list.ts';
import { cityTable, queryAll } from './dynamodb.ts';
import { deviceStatsPk, queueStatsPk } from './queue-stats-keys.ts';
import { periodRangeKey, readEachWardRange } from './stats-ranges.ts';

const GRAINS: readonly string[] = ['D', 'M', 'Y'] satisfies StatsGrain[];

/** Items of one statistics partition over one range of periods. */
function readRange(pk: string, range: PeriodRange): Promise<Record<string, unknown>[]> {
  return queryAll({ TableName: cityTable(), ...periodRangeKey(pk, range) });
}

/** The queue statistics items of some wards over some ranges: one Query per ward and range. */
export async function readQueueStats(
  wardIds: readonly string[],
  ranges: readonly PeriodRange[],
): Promise<QueueStatsItem[]> {
  const pages = await readEachWardRange(wardIds, ranges, (wardId, range) =>
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
