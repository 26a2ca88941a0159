import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF as a reader extracts it, page by page, lines kept. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string; flat: string }> {
  // pdfjs detaches the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
    );
  }
  await pdf.destroy();
  const text = pages.join('\n');
  // Lines joined: a value wrapped at the end of a line is found whole.
  return { pages, text, flat: text.replace(/\s+/g, ' ') };
}
