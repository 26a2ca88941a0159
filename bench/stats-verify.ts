import { cityTable, queryAll } from '#adapters/dynamodb';
import { statsPk } from '#adapters/stats-keys';
import { applyDossierChange } from '#adapters/stats-repository';
import type { Dossier } from '#domain/dossier/dossier';
import { StatsSums, writeItems } from './stats-bulk.ts';

/** Partitions of their own, outside any ward a report reads. */
const THROUGH_REPOSITORY = 'bench-verify-repository';
const THROUGH_BULK = 'bench-verify-bulk';

/** How the bulk load compares with the stream consumer's writer on the same dossiers. */
export interface BulkCheck {
  readonly dossiers: number;
  readonly items: number;
  /** Items that differ in any attribute but the ward (or exist on one side only). */
  readonly differing: number;
}

const comparable = (item: Record<string, unknown>) => {
  const { pk: _pk, wardId: _wardId, ...rest } = item;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
};

async function itemsOf(wardId: string): Promise<Map<string, string>> {
  const items = await queryAll({
    TableName: cityTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': statsPk(wardId) },
    ConsistentRead: true,
  });
  return new Map(items.map((item) => [String(item.sk), comparable(item)]));
}

/**
 * Folds the same dossiers (all of one ward, so the district attribute agrees) once through
 * `applyDossierChange`, as the stream consumer does, and once through the bulk writer, each into
 * a partition of its own, and compares the items attribute by attribute.
 */
export async function checkBulkWriter(sample: readonly Dossier[]): Promise<BulkCheck> {
  const sums = new StatsSums();
  for (const dossier of sample) {
    await applyDossierChange({
      eventId: `bench-${dossier.code}`,
      new: { ...dossier, wardId: THROUGH_REPOSITORY, code: `${dossier.code}-verify` },
    });
    sums.add({ ...dossier, wardId: THROUGH_BULK });
  }
  await writeItems(sums.items.values());
  const [repository, bulk] = await Promise.all([itemsOf(THROUGH_REPOSITORY), itemsOf(THROUGH_BULK)]);
  let differing = 0;
  for (const sk of new Set([...repository.keys(), ...bulk.keys()])) {
    if (repository.get(sk) !== bulk.get(sk)) differing += 1;
  }
  return { dossiers: sample.length, items: repository.size, differing };
}
