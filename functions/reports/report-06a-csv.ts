import { figureColumns, type Report06a } from '#domain/stats/report-06a';
import {
  leafPaths,
  NAME_HEADER,
  type Report06aMeta,
  SERIAL_HEADER,
  TOTAL_LABEL,
} from './report-06a-layout.ts';

/** The key column: the unit, field or procedure code. */
export const KEY_HEADER = 'Mã';

/**
 * Report II.06a as CSV: UTF-8 with a byte order mark (so Excel reads the diacritics), CRLF line
 * ends, one heading line whose figure columns join their header levels with ` – `, a line per
 * row and a last line of totals.
 */
export function report06aCsv(report: Report06a, meta: Pick<Report06aMeta, 'by'>): string {
  const header = [SERIAL_HEADER, KEY_HEADER, NAME_HEADER[meta.by], ...leafPaths().map((p) => p.join(' – '))];
  const lines = [
    header,
    ...report.rows.map((row, i) => [String(i + 1), row.key, row.name, ...figureColumns(row).map(String)]),
    ['', '', TOTAL_LABEL, ...figureColumns(report.totals).map(String)],
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
