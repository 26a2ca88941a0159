import { apiBlob } from '../../shared/api/client.ts';
import type { ReportBy } from './api.ts';
import { EXPORT_TYPES, type ExportFormat, fileNameOf, reportFileName } from './download.ts';
import type { Period } from './period.ts';
import { formatScope, type Scope } from './scope.ts';

/** Fetches report II.06a as a file and hands it to the browser's downloads. */
export async function downloadReport(
  scope: Scope,
  period: Period,
  by: ReportBy,
  format: ExportFormat,
  district: string | undefined,
): Promise<void> {
  const blob = await apiBlob('/v1/reports/06a', {
    query: { scope: formatScope(scope), by, from: period.from, to: period.to, format },
    accept: EXPORT_TYPES[format],
    ...(district ? { district } : {}),
  });
  // apiBlob gives the bytes without the headers; the API names the file exactly so.
  saveBlob(blob, fileNameOf(undefined, reportFileName(scope, period, format)));
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
