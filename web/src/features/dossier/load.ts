import { ApiError, api } from '../../shared/api/client.ts';
import type { DossierPage, ScanDocument, Ward } from '../../shared/api/types.ts';
import { loadUnits, wardOfCode } from '../../shared/units.ts';
import { type WorkingDays, workingDaysOf, type YearSchedule, yearsSpanned } from './working-days.ts';

/** The dossier page and where it lives. */
export interface LoadedDossier {
  readonly dossier: DossierPage;
  readonly ward: Ward;
}

/** `GET /v1/dossiers/{code}` from the district's API its code points to; a code of no known ward is a 404. */
export async function loadDossier(code: string, signal: AbortSignal): Promise<LoadedDossier> {
  const ward = wardOfCode(code, await loadUnits());
  if (!ward) throw new ApiError(404, 'not_found', `no ward issues codes like ${code}`);
  const dossier = await api<DossierPage>(`/v1/dossiers/${encodeURIComponent(code)}`, {
    district: ward.districtId,
    signal,
  });
  return { dossier, ward };
}

/** `GET /v1/dossiers/{code}/documents`: the completed scans in upload order. */
export async function loadScans(
  code: string,
  district: string,
  signal: AbortSignal,
): Promise<ScanDocument[]> {
  const body = await api<{ items: ScanDocument[] }>(`/v1/dossiers/${encodeURIComponent(code)}/documents`, {
    district,
    signal,
  });
  return body.items;
}

/** A scan with a short-lived address to show it from. */
export type ScanDownload = ScanDocument & { readonly downloadUrl: string; readonly expiresAt: string };

export function loadScan(
  code: string,
  documentId: string,
  district: string,
  signal: AbortSignal,
): Promise<ScanDownload> {
  return api<ScanDownload>(
    `/v1/dossiers/${encodeURIComponent(code)}/documents/${encodeURIComponent(documentId)}`,
    { district, signal },
  );
}

/** The working days of every year from one day to another (`GET /v1/calendar/{year}`). */
export async function loadWorkingDays(from: string, to: string, signal: AbortSignal): Promise<WorkingDays> {
  const years = yearsSpanned(from, to).slice(0, 5);
  const schedules = await Promise.all(
    years.map((year) => api<YearSchedule>(`/v1/calendar/${year}`, { signal })),
  );
  return workingDaysOf(schedules);
}
