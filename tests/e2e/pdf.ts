/**
 * Reads back a PDF the browser printed: page count, page sizes (in points) and the text of
 * each page, so tests can check what a handout or banner really contains.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

export async function readPdf(data: Buffer): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('')
      .normalize('NFC');
    pages.push({ width, height, text });
  }
  await pdf.destroy();
  return pages;
}

/** Collapses white space, for matching text that the PDF broke across lines. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
