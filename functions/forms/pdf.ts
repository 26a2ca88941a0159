import PDFDocument from 'pdfkit';
import type { Block, FormDocument, FormHeader, Signer, TextRun } from '#domain/forms/layout';
import { code128Bars, qrMatrix } from './codes.ts';
import { formFonts } from './fonts.ts';

type Doc = PDFKit.PDFDocument;

/** 1 mm in PDF points. */
const MM = 72 / 25.4;
/** Margins of administrative documents (Decree 30/2020): 20 mm top and bottom, 30 left, 15 right. */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const SIZE = { header: 10.5, title: 13, body: 11.5, table: 10, hint: 9.5, note: 9 };

/**
 * Renders a form as a print-ready A4 PDF with DejaVu Sans embedded (subset). Deterministic:
 * the creation date is the form's own date and pdfkit derives the file id from it, so the same
 * form renders the same bytes every time it is printed.
 */
export function renderPdf(form: FormDocument, fonts = formFonts()): Promise<Buffer> {
  const issued = new Date(Date.parse(form.issuedAt));
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    // Starting in DejaVu means pdfkit never loads its built-in Helvetica metrics. pdfkit takes
    // a font here as in registerFont; its types only admit a path.
    font: fonts.regular as unknown as string,
    lang: 'vi-VN',
    displayTitle: true,
    autoFirstPage: false,
    info: {
      Title: form.title,
      Author: form.header.agency.join(' - '),
      Creator: 'motcua',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of form.pages) {
    doc.addPage();
    if (page.copy) copyLabel(doc, page.copy);
    header(doc, form.header);
    for (const block of page.blocks) drawBlock(doc, block);
  }
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;
const bottom = (doc: Doc) => doc.page.height - MARGINS.bottom;

/** Starts a new page unless `height` points still fit on this one. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function copyLabel(doc: Doc, text: string): void {
  doc.font('regular').fontSize(SIZE.hint);
  doc.text(text, MARGINS.left, MARGINS.top / 2, { width: contentWidth(doc), align: 'right' });
}

/** Unit on the left, national motto on the right, each centred over a short rule; then the date line. */
function header(doc: Doc, h: FormHeader): void {
  const width = contentWidth(doc);
  const left = { x: MARGINS.left, width: width * 0.42 };
  const right = { x: MARGINS.left + width * 0.42, width: width * 0.58 };
  const top = MARGINS.top;
  const column = (lines: readonly string[], col: { x: number; width: number }, boldFrom: number) => {
    doc.y = top;
    lines.forEach((line, i) => {
      doc.font(i >= boldFrom ? 'bold' : 'regular').fontSize(SIZE.header);
      doc.text(line, col.x, doc.y, { width: col.width, align: 'center' });
    });
    const rule = Math.min(col.width * 0.5, doc.widthOfString(lines.at(-1) ?? ''));
    const y = doc.y + 2;
    doc
      .moveTo(col.x + (col.width - rule) / 2, y)
      .lineTo(col.x + (col.width + rule) / 2, y)
      .lineWidth(0.6)
      .stroke();
    return y;
  };
  const leftEnd = column(h.agency, left, 1);
  const rightEnd = column(h.motto, right, 0);
  doc.y = Math.max(leftEnd, rightEnd) + 8;
  if (h.placeDate) {
    doc.font('regular').fontSize(SIZE.body);
    doc.text(h.placeDate, right.x, doc.y, { width: right.width, align: 'center' });
  }
  doc.y += 14;
}

function drawBlock(doc: Doc, block: Block): void {
  switch (block.kind) {
    case 'title':
      ensureRoom(doc, 40);
      doc.font('bold').fontSize(SIZE.title);
      doc.text(block.text, MARGINS.left, doc.y, { width: contentWidth(doc), align: 'center' });
      if (block.subtitle) {
        doc.font('regular').fontSize(SIZE.body);
        doc.text(block.subtitle, MARGINS.left, doc.y + 2, { width: contentWidth(doc), align: 'center' });
      }
      doc.y += 10;
      return;
    case 'paragraph':
      paragraph(doc, block.runs);
      return;
    case 'table':
      table(doc, block.columns, block.rows);
      return;
    case 'codes':
      codes(doc, block.value, block.qr ?? block.value);
      return;
    case 'signatures':
      signatures(doc, block.signers);
      return;
    case 'note':
      ensureRoom(doc, 24);
      doc.y += 6;
      doc.font('regular').fontSize(SIZE.note);
      doc.text(block.text, MARGINS.left, doc.y, { width: contentWidth(doc) });
      return;
  }
}

function paragraph(doc: Doc, runs: readonly TextRun[]): void {
  const parts = runs.filter((r) => r.text.length > 0);
  doc.x = MARGINS.left;
  parts.forEach((run, i) => {
    doc.font(run.bold ? 'bold' : 'regular').fontSize(SIZE.body);
    doc.text(run.text, { width: contentWidth(doc), continued: i < parts.length - 1, lineGap: 2 });
  });
  doc.y += 3;
}

function table(
  doc: Doc,
  columns: readonly { header: string; width: number; align?: 'left' | 'center' }[],
  rows: readonly (readonly string[])[],
): void {
  const pad = 4;
  const width = contentWidth(doc);
  const starts: number[] = [];
  let x = MARGINS.left;
  for (const c of columns) {
    starts.push(x);
    x += c.width * width;
  }
  // A row never outgrows a page; a longer cell ends in an ellipsis rather than spilling over.
  const maxHeight = (bottom(doc) - MARGINS.top) * 0.8;
  const measure = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(SIZE.table);
    const heights = columns.map((c, i) =>
      doc.heightOfString(cells[i] ?? '', { width: c.width * width - 2 * pad, lineGap: 1 }),
    );
    return Math.min(maxHeight, Math.max(...heights) + 2 * pad);
  };
  const drawRow = (cells: readonly string[], bold: boolean) => {
    let height = measure(cells, bold);
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.header),
          true,
        );
      height = measure(cells, bold);
    }
    const y = doc.y;
    columns.forEach((c, i) => {
      const x = starts[i] as number;
      doc
        .rect(x, y, c.width * width, height)
        .lineWidth(0.5)
        .stroke();
      doc.text(cells[i] ?? '', x + pad, y + pad, {
        width: c.width * width - 2 * pad,
        height: height - 2 * pad,
        ellipsis: true,
        align: bold ? 'center' : (c.align ?? 'left'),
        lineGap: 1,
      });
    });
    doc.x = MARGINS.left;
    doc.y = y + height;
  };
  ensureRoom(doc, 40);
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.y += 6;
}

/** Barcode with the code under it on the left, QR code (of `qrText`) on the right. */
function codes(doc: Doc, value: string, qrText: string): void {
  const qrSize = 24 * MM;
  const barHeight = 11 * MM;
  ensureRoom(doc, qrSize + 6);
  const top = doc.y;
  const width = contentWidth(doc);
  const qr = qrMatrix(qrText);
  const module = qrSize / qr.size;
  const qrX = MARGINS.left + width - qrSize;
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (qr.isDark(x, y)) doc.rect(qrX + x * module, top + y * module, module, module);
    }
  }
  doc.fill('black');
  const barcode = code128Bars(value);
  const barWidth = Math.min(width - qrSize - 12 * MM, 70 * MM);
  const unit = barWidth / barcode.width;
  const barTop = top + (qrSize - barHeight - 16) / 2;
  for (const bar of barcode.bars) doc.rect(MARGINS.left + bar.x * unit, barTop, bar.width * unit, barHeight);
  doc.fill('black');
  doc.font('bold').fontSize(SIZE.body);
  const captionWidth = Math.max(barWidth, doc.widthOfString(`Mã hồ sơ: ${value}`) + 2);
  doc.text(`Mã hồ sơ: ${value}`, MARGINS.left, barTop + barHeight + 4, {
    width: captionWidth,
    align: 'center',
  });
  doc.x = MARGINS.left;
  doc.y = top + qrSize + 8;
}

function signatures(doc: Doc, signers: readonly Signer[]): void {
  ensureRoom(doc, 120);
  doc.y += 10;
  const top = doc.y;
  const width = contentWidth(doc) / signers.length;
  let end = top;
  signers.forEach((s, i) => {
    const x = MARGINS.left + i * width;
    doc.font('bold').fontSize(SIZE.body);
    doc.text(s.title, x, top, { width, align: 'center' });
    doc.font('regular').fontSize(SIZE.hint);
    doc.text(s.hint, x, doc.y, { width, align: 'center' });
    if (s.name) {
      doc.font('bold').fontSize(SIZE.body);
      doc.text(s.name, x, doc.y + 60, { width, align: 'center' });
    }
    end = Math.max(end, doc.y);
  });
  doc.x = MARGINS.left;
  doc.y = Math.max(end, top + 100);
}
