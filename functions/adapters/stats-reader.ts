import { DOSSIER_COUNTERS, type DossierCounts, type StatsGrain } from '#domain/stats/dossier-counters';
import type { PeriodRange } from '#domain/stats/period-cover';
import type { DossierStatsItem } from '#domain/stats/report-06a';
import { cityTable, queryPages } from './dynamodb.ts';
import { statsPk } from './stats-keys.ts';
import { periodRangeKey, readEachWardRange } from './stats-ranges.ts';

/** The dossier stats items of some wards over some period ranges, and what reading them cost. */
export interface DossierStatsRead {
  readonly items: DossierStatsItem[];
  /** Items DynamoDB returned: the cost figure of a report, bounded by wards × periods × field × procedure. */
  readonly itemsRead: number;
  /** Read capacity units consumed (ReturnConsumedCapacity TOTAL), over every page of every query. */
  readonly readCapacityUnits: number;
  /** Query requests sent, pages included. */
  readonly requests: number;
}

const GRAINS: readonly string[] = ['D', 'M', 'Y'] satisfies StatsGrain[];

/**
 * Reads the dossier counters of each ward over each range from the city table: one Query per
 * ward and range (`sk BETWEEN '<grain>#<first>' AND '<grain>#<last>~'`, every field and
 * procedure), all pages, a few queries at a time.
 */
export async function readDossierStats(
  wardIds: readonly string[],
  ranges: readonly PeriodRange[],
): Promise<DossierStatsRead> {
  const results = await readEachWardRange(wardIds, ranges, readRange);
  return {
    items: results.flatMap((r) => r.items),
    itemsRead: results.reduce((n, r) => n + r.itemsRead, 0),
    readCapacityUnits: results.reduce((n, r) => n + r.readCapacityUnits, 0),
    requests: results.reduce((n, r) => n + r.requests, 0),
  };
}

// Counter names may clash with DynamoDB reserved words, so every projected name is a placeholder.
const PROJECTED = ['sk', ...DOSSIER_COUNTERS];
const NAMES = Object.fromEntries(PROJECTED.map((name, i) => [`#a${i}`, name]));

async function readRange(wardId: string, range: PeriodRange): Promise<DossierStatsRead> {
  const items: DossierStatsItem[] = [];
  let itemsRead = 0;
  let readCapacityUnits = 0;
  let requests = 0;
  const pages = queryPages({
    TableName: cityTable(),
    ...periodRangeKey(statsPk(wardId), range),
    ExpressionAttributeNames: NAMES,
    ProjectionExpression: Object.keys(NAMES).join(', '),
    ReturnConsumedCapacity: 'TOTAL',
  });
  for await (const page of pages) {
    requests += 1;
    itemsRead += page.Count ?? 0;
    readCapacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    for (const raw of page.Items ?? []) {
      const item = toStatsItem(wardId, raw);
      if (item) items.push(item);
    }
  }
  return { items, itemsRead, readCapacityUnits, requests };
}

/** The item as the report reads it; the key is authoritative for ward, grain, period, field and procedure. */
function toStatsItem(wardId: string, raw: Record<string, unknown>): DossierStatsItem | undefined {
  const [grain, period, fieldId, ...rest] = String(raw.sk ?? '').split('#');
  const procedureId = rest.join('#');
  if (!grain || !GRAINS.includes(grain) || !period || !fieldId || !procedureId) return undefined;
  const counts: { -readonly [K in keyof DossierCounts]: number } = {};
  for (const c of DOSSIER_COUNTERS) {
    const value = raw[c];
    if (typeof value === 'number' && value !== 0) counts[c] = value;
  }
  return { wardId, fieldId, procedureId, grain: grain as StatsGrain, period, counts };
}
