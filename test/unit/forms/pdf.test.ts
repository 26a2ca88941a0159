import fc from 'fast-check';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { findProcedure } from '#domain/catalogue/procedures';
import { buildForm } from '#domain/forms/forms';
import type { FormDocument } from '#domain/forms/layout';
import { formFontFiles, parseFormFonts } from '#forms/fonts';
import { renderHtml } from '#forms/html';
import { renderPdf } from '#forms/pdf';
import { dossierWithHistory, ward } from '../../support/forms.ts';
import { pdfText } from '../../support/pdf-text.ts';

/** Every Vietnamese letter: the 12 vowels with each of the 6 tones, and đ, in both cases. */
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LOWER = [...[...VOWELS].flatMap((v) => TONES.map((t) => `${v}${t}`.normalize('NFC'))), 'đ'];
// Spaced, so lines wrap between letters and the text reads back as written.
const ALPHABET = [...LOWER, ...LOWER.map((l) => l.toLocaleUpperCase('vi'))].join(' ');

const input = (now = new Date('2026-03-03T10:00:00+07:00')) => ({
  ...dossierWithHistory('received'),
  ward,
  procedure: findProcedure('1.004873'),
  now,
  lookupKey: 'ABCD2345',
});

const sample = (
  text: string,
  header = { agency: ['UBND PHƯỜNG HÒA THUẬN ĐÔNG'], motto: ['Độc lập'] },
): FormDocument => ({
  form: '06',
  title: 'Kiểm tra phông chữ',
  fileName: 'font-check',
  header,
  pages: [{ blocks: [{ kind: 'paragraph', runs: [{ text }, { text: ` ${text}`, bold: true }] }] }],
  issuedAt: '2026-03-02T08:00:00+07:00',
});

describe('renderPdf', () => {
  it('embeds a font with every Vietnamese letter: the text reads back exactly, regular and bold', async () => {
    expect(LOWER).toHaveLength(73);
    const { flat } = await pdfText(await renderPdf(sample(ALPHABET)));
    expect(flat.normalize('NFC')).toContain(`${ALPHABET} ${ALPHABET}`);
  });

  it('renders the same form to the same bytes, whenever it is printed and whatever was printed between', async () => {
    const first = await renderPdf(buildForm('01', input()));
    // The parsed fonts are shared by all documents of the process: other text in between must not matter.
    await renderPdf(sample(ALPHABET));
    await renderPdf(buildForm('06', input()));
    const again = await renderPdf(buildForm('01', input(new Date('2026-03-04T16:00:00+07:00'))));
    expect(Buffer.compare(first, again)).toBe(0);
  });

  it('says the same as with fonts parsed afresh, whatever was printed before (shared fonts leak nothing)', async () => {
    const letters = [...ALPHABET.replaceAll(' ', ''), ...'bcdfghjklmnpqrstvwxz0123456789 .,;:-–/()“”‘’…%№'];
    const text = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 })
      .map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 3 }), text, async (before, last) => {
        // Fonts that have met nothing yet, and no letters around the text: a base letter met
        // before would hide a leak from the accented letters built on it.
        const fonts = parseFormFonts();
        const bare = (t: string) => sample(t, { agency: ['1'], motto: ['2'] });
        for (const t of before) await renderPdf(bare(t), fonts);
        const shared = await renderPdf(bare(last), fonts);
        const fresh = await renderPdf(bare(last), formFontFiles());
        expect(Buffer.compare(shared, fresh)).toBe(0);
      }),
      { numRuns: 15 },
    );
  });

  it('prints a name typed with combining marks like the same name typed precomposed', async () => {
    const nfd = 'Nguyễn Thị Thu Hà'.normalize('NFD');
    const base = input();
    const form = buildForm('01', { ...base, dossier: { ...base.dossier, applicant: { fullName: nfd } } });
    expect((await pdfText(await renderPdf(form))).flat).toContain('Ông/Bà: Nguyễn Thị Thu Hà');
  });

  it('prints on A4, dated by the form, titled in Vietnamese, one page per copy', async () => {
    const bytes = await renderPdf(buildForm('01', input()));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    expect(pdf.numPages).toBe(2);
    const viewport = (await pdf.getPage(1)).getViewport({ scale: 1 });
    expect([Math.round(viewport.width), Math.round(viewport.height)]).toEqual([595, 842]);
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ - 000.01.01.H17-260302-0007');
    expect(info.CreationDate).toBe('D:20260302010000Z');
    await pdf.destroy();
  });

  it('puts the code, the names with diacritics and the dates dd/mm/yyyy in the text', async () => {
    const { flat } = await pdfText(await renderPdf(buildForm('01', input())));
    for (const expected of [
      'Mã hồ sơ: 000.01.01.H17-260302-0007',
      'Trần Thị Bích Ngọc',
      'UBND Phường Hải Châu I',
      '08:00 ngày 02/03/2026',
      '17:00 ngày 05/03/2026',
      'Mã tra cứu hồ sơ: ABCD2345',
    ]) {
      expect(flat).toContain(expected);
    }
  });
});

describe('renderHtml', () => {
  it('is a Vietnamese page with every value escaped', () => {
    const base = input();
    const html = renderHtml(
      buildForm('01', {
        ...base,
        dossier: { ...base.dossier, applicant: { fullName: 'Ngọc <script>alert(1)</script> & "Hà"' } },
      }),
    );
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Ngọc &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Hà&#34;');
    expect(html).toContain('17:00 ngày 05/03/2026');
    expect(html).toContain('<svg role="img" aria-label="QR"');
  });
});
