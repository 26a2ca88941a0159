import type { Worksheet } from 'exceljs';

/** The sheet `name` of an xlsx file as exceljs reads it back; throws when there is none. */
export async function readSheet(bytes: Uint8Array, name: string): Promise<Worksheet> {
  // exceljs is CommonJS: under Node's ESM loader its exports are the default export.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as {
    default: typeof import('exceljs');
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A cell's value as text, empty when the cell is. */
export function cellText(sheet: Worksheet, row: number, column: number): string {
  return String(sheet.getCell(row, column).value ?? '');
}
