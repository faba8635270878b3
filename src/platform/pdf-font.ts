import fs from 'node:fs';
import { AppError } from './errors.js';

/**
 * The Chinese font printed documents embed (rectification notices, receipts, reminder letters):
 * Noto Sans CJK (the `fonts-noto-cjk` package) where Debian puts it, or ESTATEDESK_PDF_FONT
 * (`file#family`). pdfkit embeds only the glyphs used.
 */
const FONT_CANDIDATES: [string, string | undefined][] = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKtc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKtc-Regular'],
  ['/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKtc-Regular'],
];

export function cjkFont(): [string, string | undefined] {
  const configured = process.env.ESTATEDESK_PDF_FONT;
  if (configured) {
    const [file, family] = configured.split('#');
    return [file as string, family];
  }
  const found = FONT_CANDIDATES.find(([file]) => fs.existsSync(file));
  if (!found) throw new AppError('internal', 'no Chinese font for PDF: install fonts-noto-cjk or set ESTATEDESK_PDF_FONT');
  return found;
}
