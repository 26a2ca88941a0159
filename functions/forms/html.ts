import type { Block, FormDocument, FormHeader, TextRun } from '#domain/forms/layout';
import { code128Bars, qrMatrix } from './codes.ts';

/**
 * The HTML preview of a form: the same blocks as the PDF, for the screen (and the browser's
 * own print). Every value from the dossier is escaped; nothing is loaded from elsewhere.
 */
export function renderHtml(form: FormDocument): string {
  const pages = form.pages
    .map(
      (page) =>
        `<section class="page">${page.copy ? `<p class="copy">${escapeHtml(page.copy)}</p>` : ''}` +
        `${header(form.header)}${page.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(form.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${pages}
</body>
</html>
`;
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; font-size: 11.5pt; color: #000; margin: 0; background: #eee; }
.page { background: #fff; width: 165mm; min-height: 257mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; box-sizing: content-box; break-after: page; }
.copy { text-align: right; font-size: 9pt; margin: 0 0 4mm; }
.header { display: flex; text-align: center; font-size: 10.5pt; }
.header .agency { flex: 42; } .header .motto { flex: 58; }
.header p { margin: 0; } .header .rule { width: 40%; margin: 2pt auto 0; border-top: 0.6pt solid #000; }
.place { text-align: right; margin: 6pt 0 12pt; }
h1 { font-size: 13pt; text-align: center; margin: 6pt 0 2pt; } .subtitle { text-align: center; margin: 0 0 8pt; }
p { margin: 0 0 4pt; line-height: 1.35; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; margin: 2pt 0 8pt; }
th, td { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: top; white-space: pre-line; }
th { text-align: center; } td.center { text-align: center; }
.codes { display: flex; justify-content: space-between; align-items: center; margin: 4pt 0 8pt; }
.codes .barcode { text-align: center; font-weight: bold; } .codes svg { display: block; }
.signatures { display: flex; margin-top: 12pt; text-align: center; }
.signatures div { flex: 1; } .signatures .hint { font-size: 9.5pt; } .signatures .name { margin-top: 60pt; font-weight: bold; }
.note { font-size: 9pt; margin-top: 8pt; }
@media print { body { background: none; } .page { margin: 0; padding: 0; width: auto; min-height: 0; } }
`;

function header(h: FormHeader): string {
  const lines = (items: readonly string[], boldFrom: number) =>
    items
      .map((line, i) => `<p>${i >= boldFrom ? `<b>${escapeHtml(line)}</b>` : escapeHtml(line)}</p>`)
      .join('');
  return (
    `<div class="header"><div class="agency">${lines(h.agency, 1)}<div class="rule"></div></div>` +
    `<div class="motto">${lines(h.motto, 0)}<div class="rule"></div></div></div>` +
    (h.placeDate ? `<p class="place">${escapeHtml(h.placeDate)}</p>` : '')
  );
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${escapeHtml(b.text)}</h1>${b.subtitle ? `<p class="subtitle">${escapeHtml(b.subtitle)}</p>` : ''}`;
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`;
    case 'table': {
      const head = b.columns.map(
        (c) => `<th style="width:${Math.round(c.width * 100)}%">${escapeHtml(c.header)}</th>`,
      );
      const rows = b.rows.map(
        (row) =>
          `<tr>${b.columns
            .map(
              (c, i) =>
                `<td${c.align === 'center' ? ' class="center"' : ''}>${escapeHtml(row[i] ?? '')}</td>`,
            )
            .join('')}</tr>`,
      );
      return `<table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    }
    case 'codes':
      return (
        `<div class="codes"><div class="barcode">${barcodeSvg(b.value)}<div>Mã hồ sơ: ${escapeHtml(b.value)}</div></div>` +
        `${qrSvg(b.qr ?? b.value)}</div>`
      );
    case 'signatures':
      return `<div class="signatures">${b.signers
        .map(
          (s) =>
            `<div><b>${escapeHtml(s.title)}</b><div class="hint">${escapeHtml(s.hint)}</div>` +
            `${s.name ? `<div class="name">${escapeHtml(s.name)}</div>` : ''}</div>`,
        )
        .join('')}</div>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
  }
}

function runs(parts: readonly TextRun[]): string {
  return parts.map((r) => (r.bold ? `<b>${escapeHtml(r.text)}</b>` : escapeHtml(r.text))).join('');
}

function qrSvg(value: string): string {
  const qr = qrMatrix(value);
  let d = '';
  for (let y = 0; y < qr.size; y++)
    for (let x = 0; x < qr.size; x++) if (qr.isDark(x, y)) d += `M${x} ${y}h1v1h-1z`;
  return `<svg role="img" aria-label="QR" width="24mm" height="24mm" viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges"><path d="${d}"/></svg>`;
}

function barcodeSvg(value: string): string {
  const code = code128Bars(value);
  const d = code.bars.map((b) => `M${b.x} 0h${b.width}v10h-${b.width}z`).join('');
  return `<svg role="img" aria-label="barcode" width="70mm" height="11mm" viewBox="0 0 ${code.width} 10" preserveAspectRatio="none" shape-rendering="crispEdges"><path d="${d}"/></svg>`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
