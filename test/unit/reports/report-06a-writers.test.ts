import { describe, expect, it } from 'vitest';
import { fields } from '#domain/catalogue/fields';
import { procedures } from '#domain/catalogue/procedures';
import { city, districts } from '#domain/catalogue/units';
import { figureColumns, report06a } from '#domain/stats/report-06a';
import { report06aCsv } from '#reports/report-06a-csv';
import { leafPaths, periodLine, vietnameseDate } from '#reports/report-06a-layout';
import { report06aXlsx } from '#reports/report-06a-xlsx';
import { cellText, readSheet } from '../../support/workbook.ts';
import { FROM, HISTORY, statsItems, TO } from './fixtures/dossier-stats.ts';

const report = report06a(statsItems(Object.values(HISTORY)), {
  scope: { kind: 'district', districtId: 'hai-chau' },
  by: 'unit',
  from: FROM,
  to: TO,
  units: { city, districts },
  catalogue: { fields, procedures },
});

describe('Layout: report II.06a', () => {
  it('has the thirteen figure columns of the official form under their groups', () => {
    expect(leafPaths()).toEqual([
      ['Số hồ sơ nhận giải quyết', 'Tổng số'],
      ['Số hồ sơ nhận giải quyết', 'Trong kỳ', 'Trực tuyến'],
      ['Số hồ sơ nhận giải quyết', 'Trong kỳ', 'Trực tiếp và dịch vụ bưu chính'],
      ['Số hồ sơ nhận giải quyết', 'Từ kỳ trước chuyển qua'],
      ['Số hồ sơ đã giải quyết', 'Tổng số'],
      ['Số hồ sơ đã giải quyết', 'Trước hạn'],
      ['Số hồ sơ đã giải quyết', 'Đúng hạn'],
      ['Số hồ sơ đã giải quyết', 'Quá hạn'],
      ['Số hồ sơ đang giải quyết', 'Tổng số'],
      ['Số hồ sơ đang giải quyết', 'Trong hạn'],
      ['Số hồ sơ đang giải quyết', 'Quá hạn'],
      ['Từ chối'],
      ['Rút hồ sơ'],
    ]);
    expect(leafPaths()).toHaveLength(figureColumns(report.totals).length);
  });

  it('writes dates and the period as Vietnamese forms do', () => {
    expect(vietnameseDate('2026-03-01')).toBe('01/03/2026');
    expect(periodLine('2026-02-10', '2026-03-31')).toBe('Từ ngày 10/02/2026 đến ngày 31/03/2026');
  });
});

describe('Function: report06aCsv', () => {
  const csv = report06aCsv(report, { by: 'unit' });
  const lines = csv.slice(1).trimEnd().split('\r\n');

  it('starts with a byte order mark and a Vietnamese heading line', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]?.split(',')).toEqual(['STT', 'Mã', 'Đơn vị', ...leafPaths().map((p) => p.join(' – '))]);
  });

  it('writes one line per row and a last line of totals', () => {
    expect(lines).toHaveLength(1 + report.rows.length + 1);
    expect(lines[1]).toBe(
      `1,hai-chau-i,Phường Hải Châu I,${figureColumns(report.rows[0] as never).join(',')}`,
    );
    expect(lines.at(-1)).toBe(`,,Tổng cộng,${figureColumns(report.totals).join(',')}`);
  });

  it('quotes a cell holding a comma or a quote', () => {
    const odd = {
      rows: [{ ...report.totals, key: 'x', name: 'Lao động, "thương binh"' }],
      totals: report.totals,
    };
    expect(report06aCsv(odd, { by: 'field' })).toContain('1,x,"Lao động, ""thương binh""",');
  });
});

describe('Function: report06aXlsx', () => {
  it('writes a workbook laid out like form II.06a that Excel readers open', async () => {
    const bytes = await report06aXlsx(report, {
      by: 'unit',
      unitName: 'Quận Hải Châu',
      from: FROM,
      to: TO,
      generatedAt: new Date('2026-04-01T02:00:00Z'),
    });
    // An xlsx file is a zip archive.
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const sheet = await readSheet(bytes, 'Biểu II.06a');
    const text = (r: number, c: number) => cellText(sheet, r, c);
    expect(text(2, 1)).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text(3, 1)).toBe('Đơn vị báo cáo: Quận Hải Châu');
    expect(text(4, 1)).toBe('Từ ngày 10/02/2026 đến ngày 31/03/2026');
    // Three heading rows (6–8), merged: a group's label is in its first cell.
    expect([text(6, 1), text(6, 2), text(6, 3), text(6, 7), text(6, 11), text(6, 14), text(6, 15)]).toEqual([
      'STT',
      'Đơn vị',
      'Số hồ sơ nhận giải quyết',
      'Số hồ sơ đã giải quyết',
      'Số hồ sơ đang giải quyết',
      'Từ chối',
      'Rút hồ sơ',
    ]);
    expect([text(7, 3), text(7, 4), text(7, 6), text(7, 8), text(7, 12)]).toEqual([
      'Tổng số',
      'Trong kỳ',
      'Từ kỳ trước chuyển qua',
      'Trước hạn',
      'Trong hạn',
    ]);
    expect([text(8, 4), text(8, 5)]).toEqual(['Trực tuyến', 'Trực tiếp và dịch vụ bưu chính']);
    expect(sheet.getCell(8, 3).isMerged).toBe(true);
    expect(sheet.getCell(6, 6).isMerged).toBe(true);
    expect(Array.from({ length: 15 }, (_, i) => text(9, i + 1))).toEqual(
      Array.from({ length: 15 }, (_, i) => `(${i + 1})`),
    );
    report.rows.forEach((row, i) => {
      expect(sheet.getCell(10 + i, 1).value).toBe(i + 1);
      expect(text(10 + i, 2)).toBe(row.name);
      expect(Array.from({ length: 13 }, (_, c) => sheet.getCell(10 + i, 3 + c).value)).toEqual(
        figureColumns(row),
      );
    });
    const last = 10 + report.rows.length;
    expect(text(last, 2)).toBe('Tổng cộng');
    expect(sheet.getCell(last, 2).font?.bold).toBe(true);
    expect(Array.from({ length: 13 }, (_, c) => sheet.getCell(last, 3 + c).value)).toEqual(
      figureColumns(report.totals),
    );
    expect(sheet.getCell(last, 15).border?.bottom?.style).toBe('thin');
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
  });
});
