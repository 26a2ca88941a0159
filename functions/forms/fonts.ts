import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * DejaVu Sans, regular and bold: it covers every Vietnamese letter with its tone marks, and
 * ships as the `dejavu-fonts-ttf` package (the forms Lambda bundles it as a node module).
 */
const require = createRequire(import.meta.url);

/** A font as pdfkit's registerFont takes it: its bytes, or the font pdfkit parsed from them. */
export type FormFont = PDFKit.Mixins.PDFFontSource;

let loaded: { regular: FormFont; bold: FormFont } | undefined;

/**
 * The two fonts, read and parsed once per process. Parsing them was most of the cost of a form
 * (form 01: ≈ 80 ms with fonts parsed per document, ≈ 30 ms shared), and pdfkit accepts a parsed
 * font wherever it takes bytes; each document still embeds its own subset, and documents render
 * one at a time (pdfkit draws synchronously), so sharing changes nothing in the output.
 */
export function formFonts(): { regular: FormFont; bold: FormFont } {
  loaded ??= parseFormFonts();
  return loaded;
}

/** The two fonts parsed anew, ready to be shared by any number of documents. */
export function parseFormFonts(): { regular: FormFont; bold: FormFont } {
  const files = formFontFiles();
  return { regular: parsed(files.regular as Buffer), bold: parsed(files.bold as Buffer) };
}

/** The public part of a fontkit font that sharing it needs. */
interface ParsedFont {
  layout: unknown;
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}

/**
 * The font pdfkit makes of `bytes`, taken from a throwaway document: pdfkit does not export its
 * font parser. Should a pdfkit version not expose it there, the bytes serve, only slower.
 *
 * A parsed font keeps each glyph with the characters it was first met with, and pdfkit maps
 * glyphs back to text (copy, search, screen readers) from those. Subsetting an accented letter
 * meets its base letter with none, which would then read as nothing in every later document.
 * So every glyph is met once here with its own character, and what a document says no longer
 * depends on what was printed before it (test/unit/forms/pdf.test.ts checks against fresh fonts).
 */
function parsed(bytes: Buffer): FormFont {
  const probe = new PDFDocument({ autoFirstPage: false, font: bytes as unknown as string });
  const font = (probe as unknown as { _font?: { font?: Partial<ParsedFont> } })._font?.font;
  if (typeof font?.layout !== 'function' || typeof font.glyphForCodePoint !== 'function') return bytes;
  for (const codePoint of font.characterSet ?? []) {
    // Compatibility forms (ligatures such as ﬁ, fractions) are left to layout, which maps a
    // ligature glyph back to the letters it joins, as a fresh font would.
    const char = String.fromCodePoint(codePoint);
    if (char.normalize('NFKC') === char) font.glyphForCodePoint(codePoint);
  }
  return font as unknown as FormFont;
}

/** The font files as they are, for a renderer that must not share parsed fonts (tests). */
export function formFontFiles(): { regular: FormFont; bold: FormFont } {
  return {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
}
