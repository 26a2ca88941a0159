import { DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cityTable, documentClient } from '#adapters/dynamodb';
import { periodsOf, statsPk, statsSk } from '#adapters/stats-keys';
import type { Dossier } from '#domain/dossier/dossier';
import { DOSSIER_COUNTERS, type DossierCounter, type StatsGrain } from '#domain/stats/dossier-counters';
import { dossierDelta } from '#domain/stats/dossier-fold';

/** One stats item summed in memory, before it is written. */
export interface SummedItem {
  readonly wardId: string;
  readonly districtId: string;
  readonly fieldId: string;
  readonly procedureId: string;
  readonly grain: StatsGrain;
  readonly period: string;
  readonly counts: Partial<Record<DossierCounter, number>>;
}

const GRAINS: readonly StatsGrain[] = ['D', 'M', 'Y'];
const BATCH = 25;

/**
 * The day, month and year counters of many dossiers, summed in memory through the same fold as
 * the stream consumer (`dossierDelta` from nothing to the dossier), for a bulk load.
 */
export class StatsSums {
  readonly items = new Map<string, SummedItem>();
  dossiers = 0;

  add(dossier: Dossier): void {
    this.dossiers += 1;
    for (const delta of dossierDelta(undefined, dossier)) {
      const periods = periodsOf(delta.day);
      for (const grain of GRAINS) {
        const period = periods[grain];
        const key = `${statsPk(delta.wardId)}|${statsSk(grain, period, delta.fieldId, delta.procedureId)}`;
        let item = this.items.get(key);
        if (!item) {
          const { wardId, districtId, fieldId, procedureId } = delta;
          item = { wardId, districtId, fieldId, procedureId, grain, period, counts: {} };
          this.items.set(key, item);
        }
        for (const [counter, n] of Object.entries(delta.counts) as [DossierCounter, number][]) {
          item.counts[counter] = (item.counts[counter] ?? 0) + n;
        }
      }
    }
  }
}

/**
 * The item as functions/adapters/stats-repository.ts leaves it after folding the same dossiers:
 * keys from stats-keys.ts, the descriptive attributes, and every counter that is not zero.
 */
export function tableItem(item: SummedItem): Record<string, unknown> {
  const { wardId, districtId, fieldId, procedureId, grain, period } = item;
  const row: Record<string, unknown> = {
    pk: statsPk(wardId),
    sk: statsSk(grain, period, fieldId, procedureId),
    wardId,
    districtId,
    fieldId,
    procedureId,
    grain,
    period,
  };
  for (const counter of DOSSIER_COUNTERS) {
    const n = item.counts[counter] ?? 0;
    if (n !== 0) row[counter] = n;
  }
  return row;
}

/** Writes the items with BatchWriteItem, `concurrency` batches of 25 in flight, retrying what is left unprocessed. */
export async function writeItems(items: Iterable<SummedItem>, concurrency = 8): Promise<number> {
  const table = cityTable();
  const rows = [...items].map(tableItem);
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const batch = rows.slice(next, next + BATCH);
      next += BATCH;
      let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [table]: batch.map((Item) => ({ PutRequest: { Item } })),
      };
      while (request && (request[table]?.length ?? 0) > 0) {
        const out = await documentClient().send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems as typeof request;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return rows.length;
}

/**
 * Runs `load` with the city table's stream switched off, then on again. DynamoDB Local keeps
 * stream records in its own store and every later write anywhere pays for their number (after
 * 40,000 records an intake takes ten times as long), which DynamoDB does not; nothing follows
 * the city table's stream, so the bulk load leaves no record there.
 */
export async function withoutCityStream<T>(endpoint: string, load: () => Promise<T>): Promise<T> {
  const client = new DynamoDBClient({ endpoint });
  const stream = (enabled: boolean) =>
    client.send(
      new UpdateTableCommand({
        TableName: cityTable(),
        StreamSpecification: enabled
          ? { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' }
          : { StreamEnabled: false },
      }),
    );
  try {
    await stream(false);
    try {
      return await load();
    } finally {
      await stream(true);
    }
  } finally {
    client.destroy();
  }
}
