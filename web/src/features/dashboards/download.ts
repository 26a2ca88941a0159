import type { Period } from './period.ts';
import { formatScope, type Scope } from './scope.ts';

export type ExportFormat = 'xlsx' | 'csv';

/** The `accept` each export asks for: API Gateway returns bytes only when it is named. */
export const EXPORT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The report's file name as the API writes it: `bao-cao-II06a-district-hai-chau-2025-10-01-2025-10-31.xlsx`. */
export function reportFileName(scope: Scope, period: Pick<Period, 'from' | 'to'>, ext: ExportFormat): string {
  return `bao-cao-II06a-${formatScope(scope).replace(':', '-')}-${period.from}-${period.to}.${ext}`;
}

/**
 * The file name of a `content-disposition` header (RFC 6266): the exact UTF-8 `filename*` first,
 * else the ASCII `filename`, else `fallback`. Path separators are dropped: the name is a name.
 */
export function fileNameOf(disposition: string | null | undefined, fallback: string): string {
  const header = disposition ?? '';
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
  const clean = name?.replace(/[\\/]/g, '').trim();
  return clean || fallback;
}
