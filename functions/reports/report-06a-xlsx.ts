import type { Borders, Cell, Workbook, Worksheet } from 'exceljs';
import { figureColumns, type Report06a } from '#domain/stats/report-06a';
import {
  FIGURE_HEADER,
  type HeaderNode,
  headerDepth,
  NAME_HEADER,
  periodLine,
  REPORT_06A_FORM,
  REPORT_06A_TITLE,
  type Report06aMeta,
  SERIAL_HEADER,
  TOTAL_LABEL,
} from './report-06a-layout.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ExcelJs = typeof import('exceljs');

/**
 * exceljs is loaded on the first workbook, not at import: JSON and CSV answers of the same
 * Lambda never pay for parsing it.
 */
async function loadExcelJs(): Promise<ExcelJs> {
  // A CommonJS package: Node's ESM loader gives its exports as `default` only.
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

const FIRST_FIGURE_COLUMN = 3;
const TITLE_ROWS = 5;
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * Report II.06a as an Excel workbook laid out like the official form: form number, title, unit
 * and period; the three-level merged heading; the numbered column row (1)…(15); a row per unit,
 * field or procedure with its serial number; a bold "Tổng cộng" row; borders throughout.
 */
export async function report06aXlsx(report: Report06a, meta: Report06aMeta): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = 'Một Cửa Điện Tử';
  workbook.created = meta.generatedAt;
  const sheet = workbook.addWorksheet(REPORT_06A_FORM, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const figureCount = figureColumns(report.totals).length;
  const lastColumn = FIRST_FIGURE_COLUMN - 1 + figureCount;

  writeTitle(sheet, meta, lastColumn);
  const depth = headerDepth();
  const headerTop = TITLE_ROWS + 1;
  writeHeader(sheet, meta, headerTop, depth);
  const numbered = sheet.getRow(headerTop + depth);
  for (let c = 1; c <= lastColumn; c++) {
    const cell = numbered.getCell(c);
    cell.value = `(${c})`;
    cell.font = { italic: true };
    cell.alignment = { horizontal: 'center' };
  }

  let rowNumber = headerTop + depth + 1;
  report.rows.forEach((row, i) => {
    sheet.getRow(rowNumber++).values = [i + 1, row.name, ...figureColumns(row)];
  });
  const totals = sheet.getRow(rowNumber);
  totals.values = [null, TOTAL_LABEL, ...figureColumns(report.totals)];
  totals.font = { bold: true };

  for (let r = headerTop; r <= rowNumber; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= lastColumn; c++) styleBodyCell(row.getCell(c), r > headerTop + depth, c);
  }
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = meta.by === 'procedure' ? 50 : 32;
  for (let c = FIRST_FIGURE_COLUMN; c <= lastColumn; c++) sheet.getColumn(c).width = 12;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: headerTop + depth }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function writeTitle(sheet: Worksheet, meta: Report06aMeta, lastColumn: number): void {
  const line = (row: number, text: string, font: Partial<Cell['font']>, horizontal: 'center' | 'right') => {
    sheet.mergeCells(row, 1, row, lastColumn);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal, vertical: 'middle' };
  };
  line(1, REPORT_06A_FORM, { bold: true, italic: true }, 'right');
  line(2, REPORT_06A_TITLE, { bold: true, size: 14 }, 'center');
  line(3, `Đơn vị báo cáo: ${meta.unitName}`, { bold: true }, 'center');
  line(4, periodLine(meta.from, meta.to), { italic: true }, 'center');
  line(5, 'Đơn vị tính: hồ sơ', { italic: true }, 'right');
  sheet.getRow(2).height = 24;
}

/** STT and name span every header level; each group spans its leaves; a leaf spans the levels below it. */
function writeHeader(sheet: Worksheet, meta: Report06aMeta, top: number, depth: number): void {
  const bottom = top + depth - 1;
  const label = (row: number, column: number, toRow: number, toColumn: number, text: string) => {
    if (row !== toRow || column !== toColumn) sheet.mergeCells(row, column, toRow, toColumn);
    const cell = sheet.getCell(row, column);
    cell.value = text;
    cell.font = { bold: true };
  };
  label(top, 1, bottom, 1, SERIAL_HEADER);
  label(top, 2, bottom, 2, NAME_HEADER[meta.by]);
  const place = (nodes: readonly HeaderNode[], row: number, column: number): number => {
    let c = column;
    for (const node of nodes) {
      if (node.children) {
        const end = place(node.children, row + 1, c) - 1;
        label(row, c, row, end, node.label);
        c = end + 1;
      } else {
        label(row, c, bottom, c, node.label);
        c += 1;
      }
    }
    return c;
  };
  place(FIGURE_HEADER, top, FIRST_FIGURE_COLUMN);
  for (let r = top; r <= bottom; r++) sheet.getRow(r).height = 36;
}

function styleBodyCell(cell: Cell, isBody: boolean, column: number): void {
  cell.border = THIN;
  if (!isBody) {
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    return;
  }
  if (column === 1) cell.alignment = { horizontal: 'center', vertical: 'middle' };
  else if (column === 2) cell.alignment = { vertical: 'middle', wrapText: true };
  else cell.numFmt = '#,##0';
}
