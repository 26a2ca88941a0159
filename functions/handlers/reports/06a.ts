import { logger } from '#adapters/logger';
import { readDossierStats } from '#adapters/stats-reader';
import { asciiFallback, encodeRfc5987 } from '#api/content-disposition';
import { type HttpResult, httpHandler } from '#api/http';
import { canReadReport } from '#domain/auth/access';
import { ForbiddenError } from '#domain/errors';
import { coverPeriods, readRanges } from '#domain/stats/period-cover';
import { report06a } from '#domain/stats/report-06a';
import { formatReportScope, scopeName, wardsInScope } from '#domain/stats/report-scope';
import { toLocalIso } from '#domain/time';
import { report06aCsv } from '#reports/report-06a-csv';
import { report06aXlsx, XLSX_CONTENT_TYPE } from '#reports/report-06a-xlsx';
import { CATALOGUE, Report06aQuery, UNITS } from './06a-query.ts';

/**
 * `GET /v1/reports/06a?scope=&by=&from=&to=&format=`: report II.06a over the local days
 * [from, to] for the city, a district or a ward, by unit, field or procedure, as JSON, CSV or an
 * Excel workbook. It reads only the pre-aggregated counters: the cost grows with wards and
 * periods, never with dossiers.
 */
export const handler = httpHandler(
  {
    access: ['city_official', 'district_official', 'leader', 'ward_admin'],
    query: Report06aQuery,
  },
  async ({ query, principal, now }): Promise<HttpResult> => {
    const { scope, by, from, to, format } = query;
    const scopeText = formatReportScope(scope);
    if (!canReadReport(principal, scope))
      throw new ForbiddenError(`you may not read reports of ${scopeText}`);

    const wardIds = wardsInScope(scope, UNITS).map((w) => w.id);
    const read = await readDossierStats(wardIds, readRanges(coverPeriods(from, to)));
    const report = report06a(read.items, { by, scope, from, to, units: UNITS, catalogue: CATALOGUE });
    logger.info('report II.06a', {
      scope: scopeText,
      by,
      from,
      to,
      itemsRead: read.itemsRead,
      readCapacityUnits: read.readCapacityUnits,
      requests: read.requests,
    });

    if (format === 'json') {
      return {
        status: 200,
        body: {
          scope: scopeText,
          by,
          from,
          to,
          generatedAt: toLocalIso(now),
          itemsRead: read.itemsRead,
          readCapacityUnits: read.readCapacityUnits,
          rows: report.rows,
          totals: report.totals,
        },
      };
    }
    const fileName = `bao-cao-II06a-${scopeText.replace(':', '-')}-${from}-${to}.${format}`;
    const headers = { 'content-disposition': attachment(fileName) };
    if (format === 'csv')
      return {
        status: 200,
        headers,
        raw: { contentType: 'text/csv; charset=utf-8', data: report06aCsv(report, { by }) },
      };
    const meta = { by, unitName: scopeName(scope, UNITS), from, to, generatedAt: now };
    return {
      status: 200,
      headers,
      raw: { contentType: XLSX_CONTENT_TYPE, data: await report06aXlsx(report, meta) },
    };
  },
);

/** A download: an ASCII `filename` and the exact UTF-8 name (RFC 6266). */
function attachment(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
