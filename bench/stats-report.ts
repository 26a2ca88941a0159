import { performance } from 'node:perf_hooks';
import { readDossierStats } from '#adapters/stats-reader';
import { allWards } from '#domain/catalogue/units';
import { coverPeriods, rangeHolds, readRanges } from '#domain/stats/period-cover';
import type { StatsSums } from './stats-bulk.ts';

/** Requests per report, after one warm-up. */
const RUNS = 10;

/** One report request: `GET /v1/reports/06a` with these parameters. */
export interface ReportCase {
  readonly scope: string;
  readonly by: 'unit' | 'field' | 'procedure';
  readonly from: string;
  readonly to: string;
}

export interface ReportTimes {
  /** Latencies of the report through the API (ms), sorted. */
  readonly report: number[];
  /** Latencies of reading the same items with the adapter alone (ms), sorted. */
  readonly adapter: number[];
  /** Items the report says it read, summed over the cases (one run). */
  readonly itemsRead: number;
  /** Stats items that hold data for the periods the cover needs, summed over the cases. */
  readonly minimum: number;
}

function wardIdsOf(scope: string): string[] {
  const [kind, id] = scope.split(':');
  if (kind === 'city') return allWards.map((w) => w.id);
  if (kind === 'district') return allWards.filter((w) => w.districtId === id).map((w) => w.id);
  return [id as string];
}

/**
 * The fewest items any reading of this report can do with day, month and year items: those of
 * its wards, for the periods its cover needs (the days, months and years before `from` for
 * what is carried over, and those of the period), that hold data.
 */
export function minimumItems(sums: StatsSums, c: ReportCase): number {
  const wards = new Set(wardIdsOf(c.scope));
  const ranges = readRanges(coverPeriods(c.from, c.to));
  let n = 0;
  for (const item of sums.items.values()) {
    if (wards.has(item.wardId) && ranges.some((r) => rangeHolds(r, item.grain, item.period))) n += 1;
  }
  return n;
}

/**
 * Each case `RUNS` times through the local API as `token` (JSON), and the same reads through
 * functions/adapters/stats-reader.ts alone, so what the report adds to its reads shows.
 */
export async function timeReports(
  url: string,
  token: string,
  cases: readonly ReportCase[],
  sums: StatsSums,
): Promise<ReportTimes> {
  const report: number[] = [];
  const adapter: number[] = [];
  let itemsRead = 0;
  let minimum = 0;
  for (const c of cases) {
    const query = new URLSearchParams({ ...c, format: 'json' });
    const get = async () => {
      const res = await fetch(`${url}/v1/reports/06a?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { itemsRead?: number };
      if (!res.ok) throw new Error(`report ${query} answered ${res.status}: ${JSON.stringify(body)}`);
      return body.itemsRead ?? Number.NaN;
    };
    itemsRead += await get(); // warm-up
    minimum += minimumItems(sums, c);
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await get();
      report.push(performance.now() - start);
    }
    const wardIds = wardIdsOf(c.scope);
    const ranges = readRanges(coverPeriods(c.from, c.to));
    await readDossierStats(wardIds, ranges);
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await readDossierStats(wardIds, ranges);
      adapter.push(performance.now() - start);
    }
  }
  const sorted = (list: number[]) => list.sort((a, b) => a - b);
  return { report: sorted(report), adapter: sorted(adapter), itemsRead, minimum };
}
