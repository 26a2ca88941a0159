import { api } from '../../shared/api/client.ts';
import type { DossierList, StaffDossier } from '../../shared/api/types.ts';
import { collectPages } from './pages.ts';

/** Pages of 100 read one after another: a ward has a few hundred open dossiers at most. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** A ward's dossiers matching `query` (by due time), every page of them. */
export function listWardDossiers(
  wardId: string,
  district: string,
  query: { assignee?: string; status?: string },
  signal: AbortSignal,
): Promise<{ items: StaffDossier[]; complete: boolean }> {
  return collectPages(
    (cursor) =>
      api<DossierList>(`/v1/wards/${encodeURIComponent(wardId)}/dossiers`, {
        district,
        query: { ...query, cursor, limit: PAGE_SIZE },
        signal,
      }),
    MAX_PAGES,
  );
}
