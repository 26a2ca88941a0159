import { type ReplayedImport, withCode } from '#domain/dossier/import';
import type { ReplayedLine } from '#domain/dossier/import-batch';
import { hashLookupKey, newLookupKey } from '#domain/dossier/lookup-key';
import { toLocalIso } from '#domain/time';
import { ExtraConditionFailedError } from './dossier-repository.ts';
import { districtTable } from './dynamodb.ts';
import { logger } from './logger.ts';
import { mapLimit } from './parallel.ts';
import { dossiers } from './repositories.ts';

/** Rows written at once per district: enough to overlap round trips, few enough to spare the table. */
export const IMPORT_CONCURRENCY_PER_DISTRICT = 4;

/**
 * The marker of an imported source row in its ward's district table: pk `IMPORT#<sourceId>`,
 * sk `IMPORT`, with the code it was written under. Written in the dossier's own transaction, on
 * the condition that it does not exist yet, so a source row is imported at most once even when
 * the same file is imported twice at the same time.
 */
export const importMarkerKey = (sourceId: string) => ({ pk: `IMPORT#${sourceId}`, sk: 'IMPORT' });

export type ImportWrite =
  | { readonly status: 'imported'; readonly code: string }
  | { readonly status: 'skipped' };

/**
 * Writes one replayed dossier in one transaction: its code from the receipt date through the
 * ward's gapless daily counter (as at live intake), the dossier with its index attributes, every
 * history row, and the import marker. `skipped` when the marker exists (imported before).
 * The lookup key is not kept: nobody holds a receipt of an imported dossier to type it in.
 */
export async function writeImportedDossier(replayed: ReplayedImport, now: Date): Promise<ImportWrite> {
  const table = districtTable(replayed.ward.districtId);
  try {
    const { value } = await dossiers.createWith(replayed.ward, replayed.receiptDate, (code) => {
      const dossier = withCode(replayed, { code, lookupKeyHash: hashLookupKey(code, newLookupKey()) });
      const marker = {
        ...importMarkerKey(replayed.sourceId),
        sourceId: replayed.sourceId,
        code,
        importedAt: toLocalIso(now),
      };
      return {
        dossier,
        history: replayed.history,
        extra: [{ Put: { TableName: table, Item: marker, ConditionExpression: 'attribute_not_exists(pk)' } }],
      };
    });
    return { status: 'imported', code: value.code };
  } catch (error) {
    if (error instanceof ExtraConditionFailedError) return { status: 'skipped' };
    throw error;
  }
}

export interface ImportWriteReport {
  imported: number;
  skipped: number;
  errors: { line: number; reason: string }[];
}

/**
 * Writes the rows, a few at a time per district and the districts side by side. Within a ward
 * and day the rows go in order of receipt, so their sequence numbers follow the receipt times.
 * A row that cannot be written is reported with its line; the others are still written.
 */
export async function writeImportedDossiers(
  rows: readonly ReplayedLine[],
  now: Date,
): Promise<ImportWriteReport> {
  const report: ImportWriteReport = { imported: 0, skipped: 0, errors: [] };
  const byDistrict = new Map<string, ReplayedLine[]>();
  for (const row of rows) {
    const district = row.replayed.ward.districtId;
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), row]);
  }
  const writeOne = async ({ line, replayed }: ReplayedLine) => {
    try {
      const result = await writeImportedDossier(replayed, now);
      report[result.status]++;
    } catch (error) {
      logger.error('import row not written', { line, sourceId: replayed.sourceId, error: error as Error });
      report.errors.push({ line, reason: `could not be written: ${(error as Error).message}` });
    }
  };
  await Promise.all(
    [...byDistrict.values()].map((list) =>
      mapLimit(
        list.sort((a, b) => receivedAtMs(a) - receivedAtMs(b) || a.line - b.line),
        IMPORT_CONCURRENCY_PER_DISTRICT,
        writeOne,
      ),
    ),
  );
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

function receivedAtMs(row: ReplayedLine): number {
  return Date.parse(row.replayed.dossier.receivedAt);
}
