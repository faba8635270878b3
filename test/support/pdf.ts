import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader would extract it, page by page, NFKC-normalised (Chromium's PDFs
 * map some Han characters to their radical look-alikes, 水 as ⽔): for tests that check a printout.
 */
export async function pdfText(bytes: Buffer | Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join('\n').normalize('NFKC') };
}
